package org.rollwell.therapy.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.profile.Clearance;
import org.rollwell.therapy.profile.Profile;

/**
 * Which clinician clearances count on a visit (DOMAIN.md §5): a dated clearance counts from its
 * date for 12 months, not before (dated in the future) nor after; an undated approval
 * ({@code clinicianApproved}) counts only in a profile/1 file; a clearance given before an id was
 * reported new at today's check-in does not cover the new event. Symptoms-now red flags are never
 * cleared (the parser refuses such clearances, and this class never looks for one).
 */
final class Clearances {

    private final Profile profile;
    private final Visit visit;
    private final List<Clearance> recorded = new ArrayList<>();

    Clearances(Profile profile, Visit visit) {
        this.profile = profile;
        this.visit = visit;
        if (profile.version() == 1) {
            profile.clinicianApproved().forEach(id -> recorded.add(new Clearance(id, "", Optional.empty(), "")));
        } else {
            recorded.addAll(profile.clearances());
        }
    }

    /** Blocks {@code id} with {@code yesMeans} and why no clearance counts, or notes the clearance that lifts it. */
    void decide(ScreeningId id, String yesMeans, List<Reason> blocks, List<Reason> notices) {
        Clearance used = null;
        String whyNot = null;
        if (!id.symptomNow()) {
            for (Clearance c : recorded) {
                if (c.id() != id) {
                    continue;
                }
                String problem = problem(c);
                if (problem == null && (used == null || later(c, used))) {
                    used = c;
                } else if (problem != null) {
                    whyNot = problem;
                }
            }
        }
        if (used == null) {
            String hint = whyNot != null ? " " + whyNot
                    : profile.version() == 2 && profile.clinicianApproved().contains(id)
                    ? " (\"clinicianApproved\" counts only in rollwell.profile/1 files: record a dated clearance.)"
                    : "";
            blocks.add(new Reason(id.name(), yesMeans + hint));
        } else if (used.date().isEmpty()) {
            notices.add(new Reason("CLINICIAN_APPROVED", id.name()
                    + ": a clinician approved massage despite this; sessions go ahead."));
        } else {
            notices.add(new Reason("CLEARED", id.name() + ": cleared by " + used.clinician() + " on " + used.date().get()
                    + ", valid until " + used.lastValidDay().get() + "; sessions go ahead"
                    + (used.note().isBlank() ? "." : " (\"" + used.note() + "\").")));
        }
    }

    /** Why {@code c} does not count today, or null when it does. */
    private String problem(Clearance c) {
        if (c.date().isEmpty()) {
            return null;
        }
        LocalDate date = c.date().get();
        String who = "The clearance by " + c.clinician() + " on " + date;
        if (visit == null) {
            return who + " cannot be checked without the session's date.";
        }
        LocalDate today = visit.today();
        if (date.isAfter(today)) {
            return who + " is dated in the future and does not count.";
        }
        if (today.isAfter(c.lastValidDay().get())) {
            return who + " expired on " + c.lastValidDay().get() + " (valid 12 months): ask your clinician again.";
        }
        if (visit.checkIn().changes().contains(c.id()) && date.isBefore(visit.checkIn().date())) {
            return who + " was given before this was reported new at today's check-in.";
        }
        return null;
    }

    private static boolean later(Clearance a, Clearance b) {
        return b.date().isPresent() && (a.date().isEmpty() || a.date().get().isAfter(b.date().get()));
    }
}
