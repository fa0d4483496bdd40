package org.rollwell.bed.force;

import java.util.Arrays;

/**
 * Where the lift must stand, position by position, to press the back with a given force:
 * learned while the rollers work the same span pass after pass (iterative learning
 * control), seeded from the scan's surface when one is known.
 *
 * <p>Stored per 2 mm cell as the "apparent contact" a(x) = lift − F / k_nominal, so a cell
 * learned at one force serves another: the lift for force F at x is a(x) + F / k_nominal. The
 * back's stiffness varies along the spine (firmer over each spinous process), so a single
 * k is wrong in places; the learning corrects a cell from every tick spent over it, and
 * converges while the true stiffness is under twice k_nominal / the learning rate.
 */
final class LearnedSurface {
    static final double CELL_MM = 2.0;
    /** Nominal back stiffness, N/mm (choice, mid-range of 6–55 N/mm a back presents). */
    static final double K_NOMINAL_N_PER_MM = 30.0;
    /** Share of the error a cell learns per tick spent over it (≈ 10–20 ticks per cell per pass; choice). */
    static final double LEARN_PER_TICK = 0.05;

    private final double originMm;
    private final double[] apparentMm;

    LearnedSurface(double travelMm) {
        originMm = -20.0;
        apparentMm = new double[(int) Math.ceil((travelMm + 40.0) / CELL_MM) + 1];
        Arrays.fill(apparentMm, Double.NaN);
    }

    void clear() {
        Arrays.fill(apparentMm, Double.NaN);
    }

    /** Seeds every cell from a scanned surface (lift that held {@code scanForceN}). */
    void seed(SurfaceProfile profile, double scanForceN) {
        for (int i = 0; i < apparentMm.length; i++) {
            double lift = profile.liftAtMm(originMm + i * CELL_MM);
            apparentMm[i] = Double.isNaN(lift) ? Double.NaN : lift - scanForceN / K_NOMINAL_N_PER_MM;
        }
    }

    /** Learns from one tick in good contact: at {@code positionMm} the lift stood at {@code liftMm} and pressed {@code forceN}. */
    void learn(double positionMm, double liftMm, double forceN) {
        int i = cell(positionMm);
        if (i < 0) {
            return;
        }
        double measured = liftMm - forceN / K_NOMINAL_N_PER_MM;
        double a = apparentMm[i];
        apparentMm[i] = Double.isNaN(a) ? measured : a + LEARN_PER_TICK * (measured - a);
    }

    /** The lift that should press {@code forceN} at {@code positionMm}, or NaN when unknown there. */
    double liftFor(double positionMm, double forceN) {
        return liftForGive(positionMm, give(forceN));
    }

    /** How far the tissue gives under {@code forceN}, mm: what {@link #liftForGive} adds to the apparent surface. */
    static double give(double forceN) {
        return forceN / K_NOMINAL_N_PER_MM;
    }

    /**
     * As {@link #liftFor} with the tissue's {@link #give} worked out by the caller: a caller asking about many
     * positions at one force divides once (the lift's follow-speed window, ~13 look-ups a tick; issue 8, speed).
     */
    double liftForGive(double positionMm, double giveMm) {
        double x = (positionMm - originMm) / CELL_MM;
        // floor without Math.floor (the CLI's quick compiler calls out for it, and this runs ~15 times a tick):
        // truncate, then step down for a negative fraction; the same integer for every finite x in int range
        int i = (int) x;
        if (x < i && i != Integer.MIN_VALUE) {
            i--;
        }
        if (i < 0 || i + 1 >= apparentMm.length) {
            return Double.NaN;
        }
        double a = apparentMm[i];
        double b = apparentMm[i + 1];
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) ? (Double.isNaN(b) ? Double.NaN : b + giveMm) : a + giveMm;
        }
        double f = x - i;
        return a + f * (b - a) + giveMm;
    }

    private int cell(double positionMm) {
        int i = (int) Math.round((positionMm - originMm) / CELL_MM);
        return i < 0 || i >= apparentMm.length ? -1 : i;
    }
}
