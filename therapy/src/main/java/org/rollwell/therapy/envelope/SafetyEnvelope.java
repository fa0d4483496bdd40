package org.rollwell.therapy.envelope;

import java.util.List;
import java.util.Objects;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.technique.Technique;

/**
 * The bed's limits ∩ every screening and condition restriction ∩ the person's
 * preferences: what any plan for this person, and every control tick of the bed,
 * must stay within. Each limit carries the rule that set it.
 *
 * @param maxForceN         roller force
 * @param maxRollerTempC    roller surface temperature target; meaningless when {@code heatAllowed} is false
 * @param maxSkinTempC      estimated skin temperature anywhere on the back (IEC 60601-1: 43 °C)
 * @param cem43CapMin       thermal dose per 10 mm band per session, CEM43 minutes
 * @param maxMinutes        session length
 * @param maxIntensity      highest intensity 1–10 a plan may use
 * @param maxStretchLiftMm  how high a {@code STRETCH} may raise the lift
 * @param heatAllowed       whether the rollers may be heated at all
 * @param heatSetBy         the rule that turned heat off, or {@code BED} when heat is allowed
 * @param bans              techniques forbidden on spans of the spine
 * @param excluded          stretches of the bed the rollers must not press on
 */
public record SafetyEnvelope(
        Bound maxForceN,
        Bound maxRollerTempC,
        Bound maxSkinTempC,
        Bound cem43CapMin,
        Bound maxMinutes,
        Bound maxIntensity,
        Bound maxStretchLiftMm,
        boolean heatAllowed,
        String heatSetBy,
        List<TechniqueBan> bans,
        List<ExcludedRange> excluded) {

    public SafetyEnvelope {
        Objects.requireNonNull(maxForceN, "maxForceN");
        Objects.requireNonNull(maxRollerTempC, "maxRollerTempC");
        Objects.requireNonNull(maxSkinTempC, "maxSkinTempC");
        Objects.requireNonNull(cem43CapMin, "cem43CapMin");
        Objects.requireNonNull(maxMinutes, "maxMinutes");
        Objects.requireNonNull(maxIntensity, "maxIntensity");
        Objects.requireNonNull(maxStretchLiftMm, "maxStretchLiftMm");
        Objects.requireNonNull(heatSetBy, "heatSetBy");
        bans = List.copyOf(bans);
        excluded = List.copyOf(excluded);
    }

    /** True when {@code technique} may be used anywhere on the span from {@code from} to {@code to}. */
    public boolean allows(Technique technique, Level from, Level to) {
        for (TechniqueBan ban : bans) {
            if (ban.forbids(technique, from, to)) {
                return false;
            }
        }
        return true;
    }

    /** The first excluded range holding {@code positionMm}, or null. */
    public ExcludedRange excludedAt(double positionMm) {
        for (int i = 0; i < excluded.size(); i++) {
            ExcludedRange range = excluded.get(i);
            if (range.contains(positionMm)) {
                return range;
            }
        }
        return null;
    }

    /**
     * This envelope on a day whose earlier sessions already put {@code earlierCem43Min} into a band
     * (DOMAIN.md §5 "Per day": the CEM43 cap holds per band per 24 hours): the cap is what is left,
     * and no heat at all when nothing worth planning is left.
     */
    public SafetyEnvelope afterEarlierDose(double earlierCem43Min) {
        if (!(earlierCem43Min > 0)) {
            return this;
        }
        Bound left = cem43CapMin.tighten(Math.max(0, cem43CapMin.value() - earlierCem43Min), "CEM43_DAY");
        boolean heat = heatAllowed && left.value() >= MIN_DOSE_WORTH_HEATING_MIN;
        return new SafetyEnvelope(maxForceN, maxRollerTempC, maxSkinTempC, left, maxMinutes, maxIntensity,
                maxStretchLiftMm, heat, heat || !heatAllowed ? heatSetBy : "CEM43_DAY", bans, excluded);
    }

    /** Below this much CEM43 left for the day, heat is not worth planning (choice: a twentieth of the cap). */
    public static final double MIN_DOSE_WORTH_HEATING_MIN = 0.05;
}
