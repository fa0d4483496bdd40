package org.rollwell.therapy.envelope;

/**
 * What the bed itself allows, as far as therapy needs to know it. The bed runtime
 * derives these from its {@code BedSpec}; {@link #REFERENCE} is the reference bed
 * of DOMAIN.md §2.
 *
 * @param travelMm              carriage travel from home
 * @param maxForceN             the bed's force limit
 * @param rollerTempMinC        lowest settable roller surface target
 * @param rollerTempMaxC        highest settable roller surface target
 * @param maxSessionMinutes     auto-off
 * @param personHeightMinCm     shortest person the bed fits
 * @param personHeightMaxCm     tallest person the bed fits
 * @param personWeightMaxKg     heaviest person the bed carries
 * @param maxLiftMm             how far the rollers can protrude into the back
 * @param rollerContactAreaCm2  contact area of the rollers, to convert force to pressure
 */
public record BedLimits(
        double travelMm,
        double maxForceN,
        double rollerTempMinC,
        double rollerTempMaxC,
        double maxSessionMinutes,
        double personHeightMinCm,
        double personHeightMaxCm,
        double personWeightMaxKg,
        double maxLiftMm,
        double rollerContactAreaCm2) {

    /** DOMAIN.md §2: the reference bed. */
    public static final BedLimits REFERENCE = new BedLimits(950, 350, 30, 65, 60, 145, 205, 135, 70, 24);

    public BedLimits {
        if (!(travelMm > 0) || !(maxForceN > 0) || !(rollerTempMinC < rollerTempMaxC) || !(maxSessionMinutes > 0)
                || !(personHeightMinCm < personHeightMaxCm) || !(personWeightMaxKg > 0) || !(maxLiftMm > 0)
                || !(rollerContactAreaCm2 > 0)) {
            throw new IllegalArgumentException("bed limits out of range: " + this);
        }
    }
}
