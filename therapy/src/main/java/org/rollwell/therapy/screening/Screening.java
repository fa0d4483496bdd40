package org.rollwell.therapy.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.Gentle;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.profile.MarkedRegion;
import org.rollwell.therapy.profile.Profile;

/**
 * Decides whether a person may have a session at all, and what they must be told.
 * What a session may do (force, heat, techniques, regions) is the envelope's job
 * ({@link SafetyEnvelopes}); this class only blocks and notifies.
 *
 * <p>Block codes: {@code SCREENING_INCOMPLETE} (a question unanswered: never taken as "no"),
 * each red-flag id answered yes (NICE NG59 2016, ACP 2017, NICE CKS red flags), {@code CI_DVT},
 * {@code CI_PREGNANCY}, {@code CI_RECENT_SURGERY_OR_FRACTURE}, {@code CI_ACTIVE_CANCER} without a
 * clinician's approval (DOMAIN.md §5), {@code REGION_MISSING} (a skin lesion or implant answered
 * yes but not located, so the rollers cannot be kept off it), {@code HEIGHT_OUT_OF_RANGE} and
 * {@code WEIGHT_OUT_OF_RANGE} (the bed does not fit the person, DOMAIN.md §2).
 *
 * <p>Notice codes: {@code NO_DIAGNOSIS}, {@code PAIN_TODAY}, {@code CLINICIAN_APPROVED}.
 */
public final class Screening {

    /** Cited with every red flag. */
    public static final String RED_FLAG_SOURCE = "NICE NG59 (2016), ACP 2017, NICE CKS low-back-pain red flags";

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

    /** Screens {@code profile} for a bed with {@code bed}'s limits. */
    public static Outcome screen(Profile profile, BedLimits bed) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(bed, "bed");
        List<Reason> blocks = new ArrayList<>();
        List<Reason> notices = new ArrayList<>();

        List<ScreeningId> missing = profile.unanswered();
        if (!missing.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (ScreeningId id : missing) {
                names.add(id.name());
            }
            blocks.add(new Reason("SCREENING_INCOMPLETE", "Answer every safety question before a session;"
                    + " an unanswered question is never taken as \"no\". Missing: " + String.join(", ", names)));
        }
        for (ScreeningId id : ScreeningId.values()) {
            if (!profile.says(id)) {
                continue;
            }
            switch (id.effect()) {
                case BLOCK -> blocks.add(new Reason(id.name(), id.yesMeans()
                        + (id.kind() == ScreeningId.Kind.RED_FLAG ? " (" + RED_FLAG_SOURCE + ")" : "")));
                case BLOCK_UNLESS_CLINICIAN_APPROVED -> {
                    if (profile.clinicianApproved().contains(id)) {
                        notices.add(new Reason("CLINICIAN_APPROVED", id.name()
                                + ": a clinician approved massage despite this; sessions go ahead."));
                    } else {
                        blocks.add(new Reason(id.name(), id.yesMeans()));
                    }
                }
                case RESTRICT -> {
                    if (id.needsRegion() && !located(profile, id)) {
                        blocks.add(new Reason("REGION_MISSING", id.name() + " is answered yes but the profile does"
                                + " not say where (\"regions\"), so the rollers cannot be kept off it."));
                    }
                }
            }
        }
        if (profile.says(ScreeningId.NO_DIAGNOSIS)) {
            notices.add(new Reason("NO_DIAGNOSIS", "No clinician has assessed this back pain yet: gentle sessions"
                    + " only (intensity ≤ " + Gentle.MAX_INTENSITY + ", force ≤ " + (int) Gentle.MAX_FORCE_N
                    + " N, no pressing). Please get it assessed: massage helps most as part of a plan"
                    + " that includes exercise (NICE NG59)."));
        }
        if (profile.painTodayNrs().isPresent()
                && profile.painTodayNrs().getAsInt() >= SafetyEnvelopes.PAIN_TODAY_GENTLE_NRS) {
            notices.add(new Reason("PAIN_TODAY", "Pain today is " + profile.painTodayNrs().getAsInt()
                    + "/10: a gentle session only. If pain this strong is new or keeps rising, see a clinician."));
        }
        // DOMAIN.md §2: the bed fits people 145–205 cm tall and up to 135 kg.
        if (profile.heightCm() < bed.personHeightMinCm() || profile.heightCm() > bed.personHeightMaxCm()) {
            blocks.add(new Reason("HEIGHT_OUT_OF_RANGE", "This bed fits people " + whole(bed.personHeightMinCm())
                    + "–" + whole(bed.personHeightMaxCm()) + " cm tall; the profile says "
                    + whole(profile.heightCm()) + " cm."));
        }
        if (profile.weightKg() > bed.personWeightMaxKg()) {
            blocks.add(new Reason("WEIGHT_OUT_OF_RANGE", "This bed carries people up to "
                    + whole(bed.personWeightMaxKg()) + " kg; the profile says " + whole(profile.weightKg()) + " kg."));
        }
        return new Outcome(blocks, notices);
    }

    private static boolean located(Profile profile, ScreeningId id) {
        for (MarkedRegion region : profile.regions()) {
            if (region.id() == id) {
                return true;
            }
        }
        return false;
    }

    private static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
