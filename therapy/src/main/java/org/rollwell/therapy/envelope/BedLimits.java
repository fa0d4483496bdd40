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
 * @param rollerPairOffsetMm    each roller pair's distance from the carriage centre along the back
 *                              (upper pair at −, lower at +); plan spans are carriage-centre positions
 * @param rollerContactLengthMm length along the back of one roller pair's contact patch, centred on the pair
 * @param forceHeadroomN        how far under a force ceiling the bed must aim so the measured force's 99th
 *                              percentile stays at or under it (its load cell's noise and its lift's lag, N)
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
        double rollerContactAreaCm2,
        double rollerPairOffsetMm,
        double rollerContactLengthMm,
        double forceHeadroomN) {

    /**
     * DOMAIN.md §2: the reference bed. Roller pairs ±40 mm from the carriage centre (BedSpec.REFERENCE);
     * a 30 mm contact patch per pair, the bed's conservative figure (its skin estimator's; the twin's is 20 mm).
     * Force headroom 12 N: 4 σ of its 2 N load cell plus 4 N of lift lag (BedSpec.forceHeadroomN()).
     */
    public static final BedLimits REFERENCE = new BedLimits(950, 350, 30, 65, 60, 145, 205, 135, 70, 24, 40, 30, 12);

    public BedLimits {
        if (!(travelMm > 0) || !(maxForceN > 0) || !(rollerTempMinC < rollerTempMaxC) || !(maxSessionMinutes > 0)
                || !(personHeightMinCm < personHeightMaxCm) || !(personWeightMaxKg > 0) || !(maxLiftMm > 0)
                || !(rollerContactAreaCm2 > 0) || !(rollerPairOffsetMm >= 0) || !(rollerContactLengthMm > 0)
                || !(forceHeadroomN >= 0)) {
            throw new IllegalArgumentException("bed limits out of range: " + this);
        }
    }

    /**
     * How far from the carriage centre a roller can touch the back: the pair's offset plus half its
     * contact patch. A carriage at x presses on [x − reach, x − offset + patch/2] ∪ [x + offset − patch/2, x + reach].
     */
    public double rollerReachMm() {
        return rollerPairOffsetMm + rollerContactLengthMm / 2;
    }

    /**
     * True when a roller patch of a carriage anywhere in [aMm, bMm] (either order) can touch [fromMm, toMm].
     * Conservative: the room between the two pairs counts as touched, so a keep-off range is cleared by a
     * whole {@link #rollerReachMm()} on either side.
     */
    public boolean rollersCanTouch(double aMm, double bMm, double fromMm, double toMm) {
        double reach = rollerReachMm();
        return Math.max(aMm, bMm) + reach >= fromMm && Math.min(aMm, bMm) - reach <= toMm;
    }
}
