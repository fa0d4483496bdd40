package org.rollwell.therapy.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.time.LocalDate;
import java.util.Set;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * One person as Rollwell needs to know them to plan a safe session: body, screening
 * answers, conditions, where it hurts, comfort limits and where they lie on the bed.
 * The file format is {@code rollwell.profile/1} ({@link ProfileParser}, docs/profile-format.md).
 *
 * <p>{@code answers} holds only the questions the person answered: a missing answer is
 * never taken as "no" (the planner blocks with {@code SCREENING_INCOMPLETE}).
 *
 * @param heightCm           body height
 * @param weightKg           body weight
 * @param birthYear          year of birth
 * @param answers            screening id → the person's yes/no, for the ids answered
 * @param conditions         the conditions the person has (DOMAIN.md §1)
 * @param painMap            where it hurts and how much
 * @param triggerPoints      marked trigger points, for {@code PRESS}
 * @param painTodayNrs       pain now on the 0–10 NRS, empty when not given
 * @param preferences        comfort limits
 * @param regions            where a skin lesion or implant lies
 * @param clinicianApproved  ids a clinician has approved despite a "yes" (only {@code CI_ACTIVE_CANCER})
 * @param headOffsetMm       crown of the head from the mattress's head end (see {@link SpineMap#normative})
 * @param spineMap           a measured spine map, when a scan or a therapist provided one
 * @param version            the file format's version: 1 ({@code rollwell.profile/1}) or 2
 * @param clearances         dated clinician clearances (profile/2 only; {@link Clearance})
 * @param painOnset          when this back pain began, when known (profile/2)
 * @param surgeryDate        the date of the back surgery or fracture behind a
 *                           {@code CI_RECENT_SURGERY_OR_FRACTURE} "yes", when known (profile/2)
 */
public record Profile(
        double heightCm,
        double weightKg,
        int birthYear,
        Map<ScreeningId, Boolean> answers,
        Set<Condition> conditions,
        List<PainEntry> painMap,
        List<TriggerPoint> triggerPoints,
        OptionalInt painTodayNrs,
        Preferences preferences,
        List<MarkedRegion> regions,
        Set<ScreeningId> clinicianApproved,
        double headOffsetMm,
        Optional<SpineMap> spineMap,
        int version,
        List<Clearance> clearances,
        Optional<LocalDate> painOnset,
        Optional<LocalDate> surgeryDate) {

    /** The first format identifier; such files read and plan as they always have. */
    public static final String FORMAT = "rollwell.profile/1";
    /** profile/1 plus dated {@code clearances}, {@code painOnset} and {@code surgeryDate}. */
    public static final String FORMAT_2 = "rollwell.profile/2";

    /**
     * Where the crown of the head lies when a profile does not say: 100 mm from the
     * mattress's head end, about where a pillow edge puts it (choice). With the reference bed
     * this keeps C7 to the sacrum of every person the bed fits (145–205 cm) inside the
     * carriage's 0–950 mm travel (DOMAIN.md §2, §3).
     */
    public static final double DEFAULT_HEAD_OFFSET_MM = 100.0;

    public Profile {
        if (!(heightCm >= 100 && heightCm <= 250)) {
            throw new IllegalArgumentException("heightCm must be 100–250, was " + heightCm);
        }
        if (!(weightKg >= 20 && weightKg <= 300)) {
            throw new IllegalArgumentException("weightKg must be 20–300, was " + weightKg);
        }
        if (!(headOffsetMm >= 0 && headOffsetMm <= 400)) {
            throw new IllegalArgumentException("headOffsetMm must be 0–400, was " + headOffsetMm);
        }
        Objects.requireNonNull(painTodayNrs, "painTodayNrs");
        if (painTodayNrs.isPresent() && (painTodayNrs.getAsInt() < 0 || painTodayNrs.getAsInt() > 10)) {
            throw new IllegalArgumentException("painTodayNrs must be 0–10, was " + painTodayNrs.getAsInt());
        }
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(spineMap, "spineMap");
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("version must be 1 or 2, was " + version);
        }
        Objects.requireNonNull(painOnset, "painOnset");
        Objects.requireNonNull(surgeryDate, "surgeryDate");
        clearances = List.copyOf(clearances);
        if (version == 1 && (!clearances.isEmpty() || painOnset.isPresent() || surgeryDate.isPresent())) {
            throw new IllegalArgumentException("clearances, painOnset and surgeryDate need rollwell.profile/2");
        }
        EnumMap<ScreeningId, Boolean> answerCopy = new EnumMap<>(ScreeningId.class);
        answerCopy.putAll(answers);
        answers = Collections.unmodifiableMap(answerCopy);
        conditions = Collections.unmodifiableSet(conditions.isEmpty()
                ? EnumSet.noneOf(Condition.class) : EnumSet.copyOf(conditions));
        clinicianApproved = Collections.unmodifiableSet(clinicianApproved.isEmpty()
                ? EnumSet.noneOf(ScreeningId.class) : EnumSet.copyOf(clinicianApproved));
        painMap = List.copyOf(painMap);
        triggerPoints = List.copyOf(triggerPoints);
        regions = List.copyOf(regions);
    }

    /** A {@code rollwell.profile/1} person: no dated clearances, no onset or surgery dates. */
    public Profile(double heightCm, double weightKg, int birthYear, Map<ScreeningId, Boolean> answers,
            Set<Condition> conditions, List<PainEntry> painMap, List<TriggerPoint> triggerPoints,
            OptionalInt painTodayNrs, Preferences preferences, List<MarkedRegion> regions,
            Set<ScreeningId> clinicianApproved, double headOffsetMm, Optional<SpineMap> spineMap) {
        this(heightCm, weightKg, birthYear, answers, conditions, painMap, triggerPoints, painTodayNrs, preferences,
                regions, clinicianApproved, headOffsetMm, spineMap, 1, List.of(), Optional.empty(), Optional.empty());
    }

    /** This person as {@code rollwell.profile/2} with these clearances and dates. */
    public Profile withHistory(List<Clearance> clearances, Optional<LocalDate> painOnset,
            Optional<LocalDate> surgeryDate) {
        return new Profile(heightCm, weightKg, birthYear, answers, conditions, painMap, triggerPoints, painTodayNrs,
                preferences, regions, clinicianApproved, headOffsetMm, spineMap, 2, clearances, painOnset, surgeryDate);
    }

    /** This person with today's answers and pain now, as a check-in gives them. */
    public Profile withToday(Map<ScreeningId, Boolean> todaysAnswers, OptionalInt painNowNrs) {
        return new Profile(heightCm, weightKg, birthYear, todaysAnswers, conditions, painMap, triggerPoints, painNowNrs,
                preferences, regions, clinicianApproved, headOffsetMm, spineMap, version, clearances, painOnset,
                surgeryDate);
    }

    /** True only when the person answered "yes" to {@code id}. */
    public boolean says(ScreeningId id) {
        return Boolean.TRUE.equals(answers.get(id));
    }

    public boolean has(Condition condition) {
        return conditions.contains(condition);
    }

    /** The screening ids the person has not answered, in {@link ScreeningId} order. */
    public List<ScreeningId> unanswered() {
        List<ScreeningId> missing = new ArrayList<>();
        for (ScreeningId id : ScreeningId.values()) {
            if (!answers.containsKey(id)) {
                missing.add(id);
            }
        }
        return missing;
    }

    /** The measured spine map if there is one, else the normative map for this height and head offset. */
    public SpineMap spineMapOrNormative() {
        return spineMap.orElseGet(() -> SpineMap.normative(heightCm, headOffsetMm));
    }
}
