package org.rollwell.therapy.screening;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.Gentle;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.profile.MarkedRegion;
import org.rollwell.therapy.profile.Profile;

/**
 * Decides whether a person may have a session at all, and what they must be told.
 * What a session may do (force, heat, techniques, regions) is the envelope's job
 * ({@link SafetyEnvelopes}); this class only blocks and notifies.
 *
 * <p>Block codes: {@code SCREENING_INCOMPLETE} (a question unanswered: never taken as "no"),
 * {@code CHECK_IN_MISSING} (no pain now), {@code DAILY_LIMIT} and {@code TOO_SOON} (2 a day, 4 h apart), {@code CHECK_IN_NOT_TODAY} (a check-in from another
 * day), each red-flag id answered yes (NICE NG59 2016, ACP 2017, NICE CKS red flags; the history
 * flags only without a valid clearance), {@code CI_DVT} and {@code CI_ACTIVE_CANCER} without a
 * valid clearance, {@code CI_PREGNANCY}, {@code CI_RECENT_SURGERY_OR_FRACTURE} (until 6 months after
 * its date), {@code REGION_MISSING} (a skin lesion or implant answered yes but not located, so the
 * rollers cannot be kept off it), {@code HEIGHT_OUT_OF_RANGE} and {@code WEIGHT_OUT_OF_RANGE} (the
 * bed does not fit the person, DOMAIN.md §2).
 *
 * <p>Notice codes: {@code CHECK_IN_FROM_PROFILE}, {@code CLEARED} (naming the clearance),
 * {@code CLINICIAN_APPROVED} (a profile/1 approval), {@code SURGERY_6_MONTHS_PASSED},
 * {@code NO_DIAGNOSIS}, {@code PAIN_TODAY}.
 */
public final class Screening {

    /** Cited with every red flag. */
    public static final String RED_FLAG_SOURCE = "NICE NG59 (2016), ACP 2017, NICE CKS low-back-pain red flags";
    /** DOMAIN.md §5: back surgery or a fracture blocks until 6 months after its date. */
    public static final int SURGERY_BLOCK_MONTHS = 6;
    /** DOMAIN.md §5 (NICE CKS): back pain that first began under 20 or over 50 is a red flag. */
    public static final int ONSET_AGE_MIN = 20;
    public static final int ONSET_AGE_MAX = 50;

    private Screening() {
    }

    /** The outcome of screening one profile: blocks (empty when a session may go ahead) and notices. */
    public record Outcome(List<Reason> blocks, List<Reason> notices) {
        public Outcome {
            blocks = List.copyOf(blocks);
            notices = List.copyOf(notices);
        }

        public boolean blocked() {
            return !blocks.isEmpty();
        }
    }

    /**
     * Screens {@code profile} alone, undated: its answers and {@code painTodayNrs} as they stand,
     * only undated (profile/1) approvals counting, dates not checked. Kept for callers that plan
     * without a day (tests, the first pass's API); a person's plan goes through
     * {@link #screen(Profile, Visit, BedLimits)}.
     */
    public static Outcome screen(Profile profile, BedLimits bed) {
        return screen(profile, null, bed);
    }

    /** Screens {@code profile} on {@code visit}'s day with its check-in, for a bed with {@code bed}'s limits. */
    public static Outcome screen(Profile profile, Visit visit, BedLimits bed) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(bed, "bed");
        Profile person = visit == null ? profile : visit.personToday(profile);
        Clearances clearances = new Clearances(profile, visit);
        List<Reason> blocks = new ArrayList<>();
        List<Reason> notices = new ArrayList<>();

        if (visit != null) {
            checkIn(person, visit, blocks, notices);
            daily(visit, blocks);
        }
        List<ScreeningId> missing = person.unanswered();
        if (!missing.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (ScreeningId id : missing) {
                names.add(id.name());
            }
            blocks.add(new Reason("SCREENING_INCOMPLETE", "Answer every safety question before a session;"
                    + " an unanswered question is never taken as \"no\". Missing: " + String.join(", ", names)));
        }
        Optional<Integer> onsetAge = onsetAge(profile);
        for (ScreeningId id : ScreeningId.values()) {
            boolean raisedByDates = id == ScreeningId.RF_AGE_ONSET && !person.says(id) && onsetAge.isPresent()
                    && (onsetAge.get() < ONSET_AGE_MIN || onsetAge.get() > ONSET_AGE_MAX);
            if (!person.says(id) && !raisedByDates) {
                continue;
            }
            String because = raisedByDates ? " (Raised from the birth year " + profile.birthYear()
                    + " and the pain's onset " + profile.painOnset().get() + ": about " + onsetAge.get()
                    + " years old at onset.)" : "";
            String yes = id.yesMeans() + (id.kind() == ScreeningId.Kind.RED_FLAG ? " (" + RED_FLAG_SOURCE + ")" : "")
                    + because;
            switch (id.effect()) {
                case BLOCK -> {
                    if (id == ScreeningId.CI_RECENT_SURGERY_OR_FRACTURE && visit != null
                            && profile.surgeryDate().isPresent()) {
                        surgery(profile.surgeryDate().get(), visit.today(), blocks, notices);
                    } else {
                        blocks.add(new Reason(id.name(), yes));
                    }
                }
                case BLOCK_UNLESS_CLEARED -> clearances.decide(id, yes, blocks, notices);
                case RESTRICT -> {
                    if (id.needsRegion() && !located(person, id)) {
                        blocks.add(new Reason("REGION_MISSING", id.name() + " is answered yes but the profile does"
                                + " not say where (\"regions\"), so the rollers cannot be kept off it."));
                    }
                }
            }
        }
        if (person.says(ScreeningId.NO_DIAGNOSIS)) {
            notices.add(new Reason("NO_DIAGNOSIS", "No clinician has assessed this back pain yet: gentle sessions"
                    + " only (intensity ≤ " + Gentle.MAX_INTENSITY + ", force ≤ " + (int) Gentle.MAX_FORCE_N
                    + " N, no pressing). Please get it assessed: massage helps most as part of a plan"
                    + " that includes exercise (NICE NG59)."));
        }
        if (person.painTodayNrs().isPresent()
                && person.painTodayNrs().getAsInt() >= SafetyEnvelopes.PAIN_TODAY_GENTLE_NRS) {
            notices.add(new Reason("PAIN_TODAY", "Pain today is " + person.painTodayNrs().getAsInt()
                    + "/10: a gentle session only. If pain this strong is new or keeps rising, see a clinician."));
        }
        // DOMAIN.md §2: the bed fits people 145–205 cm tall and up to 135 kg.
        if (person.heightCm() < bed.personHeightMinCm() || person.heightCm() > bed.personHeightMaxCm()) {
            blocks.add(new Reason("HEIGHT_OUT_OF_RANGE", "This bed fits people " + whole(bed.personHeightMinCm())
                    + "–" + whole(bed.personHeightMaxCm()) + " cm tall; the profile says "
                    + whole(person.heightCm()) + " cm."));
        }
        if (person.weightKg() > bed.personWeightMaxKg()) {
            blocks.add(new Reason("WEIGHT_OUT_OF_RANGE", "This bed carries people up to "
                    + whole(bed.personWeightMaxKg()) + " kg; the profile says " + whole(person.weightKg()) + " kg."));
        }
        return new Outcome(blocks, notices);
    }

    /** DOMAIN.md §5: a plan is for one check-in on the same day, and needs pain now. */
    private static void checkIn(Profile person, Visit visit, List<Reason> blocks, List<Reason> notices) {
        CheckIn checkIn = visit.checkIn();
        if (checkIn.source() == CheckIn.Source.PROFILE) {
            notices.add(new Reason("CHECK_IN_FROM_PROFILE", "No check-in was given: the profile's answers and pain"
                    + " today stand in for today's check-in. Check in before each session (symptoms now, pain now,"
                    + " anything new)."));
        } else if (!checkIn.date().equals(visit.today())) {
            blocks.add(new Reason("CHECK_IN_NOT_TODAY", "The check-in is from " + checkIn.date() + ", the session is on "
                    + visit.today() + ": check in again today."));
        }
        if (person.painTodayNrs().isEmpty()) {
            blocks.add(new Reason("CHECK_IN_MISSING", "Pain now (0–10) is missing: no plan without today's check-in"
                    + " (\"painNowNrs\" in the check-in, or \"painTodayNrs\" in the profile)."));
        }
    }

    /** DOMAIN.md §5 "Per day": at most 2 sessions a day, at least 4 h apart. */
    private static void daily(Visit visit, List<Reason> blocks) {
        SessionHistory history = visit.history();
        int today = history.countOn(visit.today());
        if (today >= SessionHistory.MAX_SESSIONS_PER_DAY) {
            blocks.add(new Reason("DAILY_LIMIT", "Already " + today + " sessions today: at most "
                    + SessionHistory.MAX_SESSIONS_PER_DAY + " a day. Rest until tomorrow."));
            return;
        }
        Optional<PastSession> last = history.lastOn(visit.today());
        if (last.isEmpty()) {
            return;
        }
        LocalDateTime next = last.get().start().plus(SessionHistory.MIN_GAP);
        if (visit.startTime().isEmpty()) {
            blocks.add(new Reason("TOO_SOON", "There was a session today at " + last.get().start().toLocalTime()
                    + "; sessions are at least 4 h apart, and this one has no start time to check that."));
        } else if (visit.today().atTime(visit.startTime().get()).isBefore(next)) {
            blocks.add(new Reason("TOO_SOON", "Sessions are at least 4 h apart: the next one may start at "
                    + next.toLocalTime() + "."));
        }
    }

    private static void surgery(LocalDate date, LocalDate today, List<Reason> blocks, List<Reason> notices) {
        LocalDate until = date.plusMonths(SURGERY_BLOCK_MONTHS);
        if (today.isBefore(until)) {
            blocks.add(new Reason(ScreeningId.CI_RECENT_SURGERY_OR_FRACTURE.name(), "No session until " + until
                    + ", 6 months after the back surgery or fracture on " + date + ", and only if your surgeon or"
                    + " doctor agrees."));
        } else {
            notices.add(new Reason("SURGERY_6_MONTHS_PASSED", "The back surgery or fracture on " + date
                    + " is more than 6 months ago; sessions go ahead. Stop and ask your surgeon if anything hurts"
                    + " there."));
        }
    }

    /** Age at the pain's onset from the birth year and the onset date, when the profile gives both. */
    private static Optional<Integer> onsetAge(Profile profile) {
        return profile.painOnset().map(onset -> onset.getYear() - profile.birthYear());
    }

    private static boolean located(Profile profile, ScreeningId id) {
        for (MarkedRegion region : profile.regions()) {
            if (region.id() == id) {
                return true;
            }
        }
        return false;
    }

    static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
