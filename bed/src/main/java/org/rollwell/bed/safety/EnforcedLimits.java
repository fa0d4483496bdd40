package org.rollwell.bed.safety;

import java.util.Objects;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/**
 * What the bed enforces in a session: the lower of its own spec and the plan's envelope, limit
 * by limit, each with the rule that set it (DOMAIN.md §5 "Independent layers": the bed enforces
 * its own spec as well as the envelope; the lower of the two always wins). An envelope made for
 * a stronger bed cannot lift this bed's limits.
 *
 * @param maxForceN        force ceiling: over-force trip, force clamp, lift controller, plan admission
 * @param maxRollerTempC   roller temperature ceiling: heat clamp, plan admission, live adjustment
 * @param maxStretchLiftMm how high the lift may rise
 */
public record EnforcedLimits(Bound maxForceN, Bound maxRollerTempC, Bound maxStretchLiftMm) {
    /** The rule name of a limit set by the bed's own spec. */
    public static final String BED = "BED";

    public EnforcedLimits {
        Objects.requireNonNull(maxForceN, "maxForceN");
        Objects.requireNonNull(maxRollerTempC, "maxRollerTempC");
        Objects.requireNonNull(maxStretchLiftMm, "maxStretchLiftMm");
    }

    public static EnforcedLimits of(BedSpec spec, SafetyEnvelope envelope) {
        return new EnforcedLimits(lower(spec.maxForceN(), envelope.maxForceN()),
                lower(spec.rollerTempMaxC(), envelope.maxRollerTempC()),
                lower(spec.maxLiftMm(), envelope.maxStretchLiftMm()));
    }

    /** The envelope's bound, or the bed's when the bed's is lower (ties keep the envelope's rule). */
    private static Bound lower(double bedValue, Bound envelope) {
        return bedValue < envelope.value() ? new Bound(bedValue, BED) : envelope;
    }
}
