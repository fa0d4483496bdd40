package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * The load cell's own checks: a reading outside what it can measure (LOAD_CELL_FAILURE),
 * and force above the maximum + 10 % for ≥ 50 ms (OVER_FORCE, DOMAIN.md §5 "Motion and force").
 */
final class ForceWatch {
    /** Over-force: above the maximum + 10 % for ≥ 50 ms (DOMAIN.md §5). */
    static final double OVER_FORCE_FACTOR = 1.10;
    static final double OVER_FORCE_S = 0.050;
    /** Load cell failure: out of range this long before a trip (3 samples at 100 Hz, inside the 100 ms bound; choice). */
    static final double LOAD_CELL_BAD_S = 0.030;
    /** A reading this many noise σ below zero cannot be a real force (choice: noise σ ≈ 2 N, DOMAIN.md §2). */
    static final double NEGATIVE_NOISE_SIGMAS = 5.0;

    private final double minValidN;
    private final double fullScaleN;
    private final double tripN;
    private final Lasting bad;
    private final Lasting over;

    /** @param maxForceN the force ceiling this session enforces, N */
    ForceWatch(BedSpec spec, double maxForceN) {
        this.minValidN = -spec.forceNoiseN() * NEGATIVE_NOISE_SIGMAS;
        this.fullScaleN = spec.forceFullScaleN();
        this.tripN = maxForceN * OVER_FORCE_FACTOR;
        this.bad = new Lasting(LOAD_CELL_BAD_S, spec.periodNanos());
        this.over = new Lasting(OVER_FORCE_S, spec.periodNanos());
    }

    /** Whether the reading is one the load cell can give: a number within −5 σ … full scale. */
    boolean valid(double forceN) {
        return forceN >= minValidN && forceN <= fullScaleN;
    }

    void check(SensorFrame s, long now, Trips trips) {
        double f = s.forceN;
        boolean valid = valid(f);
        if (bad.update(!valid, now)) {
            trips.trip(FaultCode.LOAD_CELL_FAILURE, now, -1, f);
        }
        if (!valid) {
            // a bad sample neither opens nor closes the over-force window
            return;
        }
        if (over.update(f > tripN, now)) {
            trips.trip(FaultCode.OVER_FORCE, now, -1, f);
        }
    }

    void reset() {
        bad.reset();
        over.reset();
    }

    /** The over-force trip line, N. */
    double tripN() {
        return tripN;
    }
}
