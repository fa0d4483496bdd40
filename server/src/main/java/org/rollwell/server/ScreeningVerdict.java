package org.rollwell.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.screening.Screening;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * The screening's answer in words a person acts on, from the therapy module's own {@link Screening}
 * (so the API, the CLI and the planner block for the same reasons): {@code STOP} when a red flag
 * of symptoms now or a blocking contraindication is answered yes, {@code NEEDS_CLEARANCE} when a
 * history red flag, {@code CI_DVT} or {@code CI_ACTIVE_CANCER} waits for a clinician's clearance,
 * {@code INCOMPLETE} while a question is unanswered (never taken as "no") or a lesion or implant is
 * not located, else {@code OK}. Each flag says what it is in plain words, why (the question
 * answered) and how urgently to act.
 */
final class ScreeningVerdict {
    /** Screening codes that are about today's check-in rather than the person's answers. */
    private static final Set<String> CHECK_IN = Set.of("CHECK_IN_MISSING", "CHECK_IN_NOT_TODAY");
    /** Codes of the outcome this verdict leaves to others: the bed's fit and the daily limits. */
    private static final Set<String> NOT_SCREENING = Set.of("HEIGHT_OUT_OF_RANGE", "WEIGHT_OUT_OF_RANGE",
            "DAILY_LIMIT", "TOO_SOON", "CHECK_IN_FROM_PROFILE");

    private ScreeningVerdict() {
    }

    /**
     * {@code {"verdict","flags":[{"code","kind","blocks","plain","why","urgency"}],"notices":[{"code","message"}]}}
     * for {@code person} (the profile as it stands today, check-in applied when there is one); the
     * check-in's own blocks (no pain now, another day) count only {@code withCheckIn}.
     */
    static Map<String, Object> of(Screening.Outcome outcome, Profile person, boolean withCheckIn) {
        List<Map<String, Object>> flags = new ArrayList<>();
        List<Map<String, Object>> notices = new ArrayList<>();
        boolean stop = false;
        boolean clearance = false;
        boolean incomplete = false;
        for (Reason block : outcome.blocks()) {
            if (NOT_SCREENING.contains(block.code()) || !withCheckIn && CHECK_IN.contains(block.code())) {
                continue;
            }
            Optional<ScreeningId> id = ScreeningId.parse(block.code());
            if (id.isPresent()) {
                boolean clearable = id.get().effect() == ScreeningId.Effect.BLOCK_UNLESS_CLEARED;
                stop |= !clearable;
                clearance |= clearable;
                String why = person.says(id.get()) ? why(id.get())
                        : "Raised from the profile's birth year and the date the pain began.";
                flags.add(flag(block.code(), kind(id.get()), true, block.message(), why, urgency(id.get())));
            } else {
                incomplete = true;
                String kind = CHECK_IN.contains(block.code()) ? "CHECK_IN" : "INCOMPLETE";
                flags.add(flag(block.code(), kind, true, block.message(), "Rollwell needs this before any session.", "NONE"));
            }
        }
        for (Reason notice : outcome.notices()) {
            if (NOT_SCREENING.contains(notice.code())) {
                continue;
            }
            if (notice.code().equals("CLEARED") || notice.code().equals("CLINICIAN_APPROVED")) {
                // "ID: cleared by …": the flag a clinician lifted, kept in view with who and when
                String idText = notice.message().split(":", 2)[0];
                Optional<ScreeningId> id = ScreeningId.parse(idText);
                if (id.isPresent()) {
                    Map<String, Object> f = flag(idText, kind(id.get()), false, notice.message(), why(id.get()), "NONE");
                    f.put("cleared", true);
                    flags.add(f);
                    continue;
                }
            }
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("code", notice.code());
            n.put("message", notice.message());
            notices.add(n);
        }
        for (ScreeningId id : ScreeningId.values()) {
            if (id.effect() == ScreeningId.Effect.RESTRICT && person.says(id)) {
                flags.add(flag(id.name(), kind(id), false, id.yesMeans(), why(id), "NONE"));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", stop ? "STOP" : clearance ? "NEEDS_CLEARANCE" : incomplete ? "INCOMPLETE" : "OK");
        out.put("flags", flags);
        out.put("notices", notices);
        return out;
    }

    /** RED (symptoms now: never cleared ahead), HISTORY (a red flag a clearance lifts), CONTRAINDICATION or PRECAUTION. */
    static String kind(ScreeningId id) {
        if (id.kind() == ScreeningId.Kind.RED_FLAG) {
            return id.symptomNow() ? "RED" : "HISTORY";
        }
        return id.kind().name();
    }

    /**
     * DOMAIN.md §5 (NICE CKS red flags): cauda equina → an emergency department now; worsening
     * deficit or infection → a doctor today; the other blocks → see a clinician before a session.
     */
    static String urgency(ScreeningId id) {
        return switch (id) {
            case RF_CAUDA_EQUINA -> "EMERGENCY_NOW";
            case RF_PROGRESSIVE_DEFICIT, RF_FEVER_INFECTION -> "DOCTOR_TODAY";
            case CI_PREGNANCY -> "NONE";
            default -> id.effect() == ScreeningId.Effect.RESTRICT ? "NONE" : "SEE_CLINICIAN";
        };
    }

    private static String why(ScreeningId id) {
        return (id.askedPositively() ? "You answered no to: " : "You answered yes to: ") + id.question();
    }

    private static Map<String, Object> flag(String code, String kind, boolean blocks, String plain, String why, String urgency) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("code", code);
        f.put("kind", kind);
        f.put("blocks", blocks);
        f.put("plain", plain);
        f.put("why", why);
        f.put("urgency", urgency);
        return f;
    }
}
