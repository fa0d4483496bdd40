package org.rollwell.bed.session;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.EnforcedLimits;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.technique.Intensity;

/**
 * The rules of a live adjustment (DOMAIN.md §5 "Dose decisions"): stronger by at most one intensity
 * step per request, never past the envelope's intensity cap, and never above 90 % of the maximum
 * force (the lower of the bed's and the envelope's), which is a ceiling on what is delivered; the
 * roller target never above the envelope's or the bed's maximum, and changed by at most one
 * temperature step. Lighter or cooler is always allowed within the bed's range: a person who asks
 * for less gets it at once (choice).
 */
final class AdjustmentLimits {
    /** Share of the maximum force a delivered force may reach (DOMAIN.md §5: plans target at most 90 % of it). */
    static final double FORCE_CEILING_SHARE = 0.90;
    /** One step of the roller target per request, °C (choice: the heater watch's ±5 °C band, Klipper hysteresis 5). */
    static final double ROLLER_STEP_C = 5.0;
    /** Tolerance on force comparisons, N (choice: far under the load cell's 0.1 N resolution). */
    private static final double EPS_N = 1e-6;

    private final PlanSegment[] segments;
    private final SafetyEnvelope envelope;
    private final EnforcedLimits limits;
    private final BedSpec spec;

    AdjustmentLimits(PlanSegment[] segments, SafetyEnvelope envelope, EnforcedLimits limits, BedSpec spec) {
        this.segments = segments;
        this.envelope = envelope;
        this.limits = limits;
        this.spec = spec;
    }

    /**
     * The force no adjustment may ask above: 90 % of the maximum force, and no closer to it than the bed's
     * force headroom (its load cell's noise and lift's lag, {@link BedSpec#forceHeadroomN()}), as plans, N.
     */
    double forceCeilingN() {
        double max = limits.maxForceN().value();
        return Math.min(FORCE_CEILING_SHARE * max, max - spec.forceHeadroomN());
    }

    /** The force of the envelope's intensity cap, N (intensity 1–10, {@link Intensity#STEP_N} per step). */
    double intensityCapN() {
        int cap = (int) Math.min(Intensity.MAX, Math.max(Intensity.MIN, Math.floor(envelope.maxIntensity().value())));
        return Intensity.forceN(cap);
    }

    /**
     * Judges a new force scale for the segments from {@code fromSegment} on.
     *
     * @param currentScale the scale now in force
     */
    Adjustment judgeScale(double scale, double currentScale, int fromSegment) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            return Adjustment.refuse(Adjustment.Limit.INPUT, "force scale must be a number above 0, was " + scale);
        }
        if (scale <= currentScale) {
            return Adjustment.accept("forces now " + scale + " × the plan");
        }
        Bound max = limits.maxForceN();
        for (int i = Math.max(0, fromSegment); i < segments.length; i++) {
            double now = segments[i].forceN() * currentScale;
            double asked = segments[i].forceN() * scale;
            String which = "segment " + i + " (" + segments[i].technique() + ")";
            if (asked - now > Intensity.STEP_N + EPS_N) {
                return Adjustment.refuse(Adjustment.Limit.STEP, which + " would go from " + round(now) + " N to " + round(asked)
                        + " N, more than one intensity step (" + round(Intensity.STEP_N) + " N) at a time");
            }
            if (asked > forceCeilingN() + EPS_N) {
                return Adjustment.refuse(Adjustment.Limit.FORCE_CEILING, which + " would press " + round(asked)
                        + " N, above the ceiling " + round(forceCeilingN()) + " N: " + ceilingRule(max));
            }
            if (asked > intensityCapN() + EPS_N) {
                return Adjustment.refuse(Adjustment.Limit.INTENSITY_CAP, which + " would press " + round(asked)
                        + " N, above intensity " + (int) (intensityCapN() / Intensity.STEP_N) + " (" + round(intensityCapN())
                        + " N) set by " + envelope.maxIntensity().setBy());
            }
        }
        return Adjustment.accept("forces now " + scale + " × the plan");
    }

    /**
     * Judges a new roller target for the heated segments.
     *
     * @param currentC the target now in force (the first heated segment's plan target before any change)
     */
    Adjustment judgeRollerTempC(double tempC, double currentC) {
        if (!envelope.heatAllowed()) {
            return Adjustment.refuse(Adjustment.Limit.HEAT_OFF, "heat is off for this person: " + envelope.heatSetBy());
        }
        if (Double.isNaN(tempC)) {
            return Adjustment.refuse(Adjustment.Limit.INPUT, "roller temperature must be a number, was " + tempC);
        }
        Bound max = limits.maxRollerTempC();
        if (!(tempC <= max.value())) {
            return Adjustment.refuse(Adjustment.Limit.ROLLER_TEMPERATURE, "roller " + tempC + " °C is above the maximum "
                    + max.value() + " °C set by " + max.setBy());
        }
        if (!(tempC >= spec.rollerTempMinC())) {
            return Adjustment.refuse(Adjustment.Limit.ROLLER_TEMPERATURE, "roller " + tempC
                    + " °C is below the bed's lowest target " + spec.rollerTempMinC() + " °C");
        }
        if (currentC > 0 && tempC - currentC > ROLLER_STEP_C + 1e-9) {
            return Adjustment.refuse(Adjustment.Limit.STEP, "roller " + tempC + " °C is more than one step ("
                    + ROLLER_STEP_C + " °C) above the present " + currentC + " °C");
        }
        return Adjustment.accept("heated segments now at " + tempC + " °C");
    }

    private String ceilingRule(Bound max) {
        String limit = round(max.value()) + " N set by " + max.setBy();
        return forceCeilingN() < FORCE_CEILING_SHARE * max.value()
                ? round(spec.forceHeadroomN()) + " N under the maximum " + limit + ", the room this bed needs to keep its force under it"
                : "90 % of the maximum " + limit;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
