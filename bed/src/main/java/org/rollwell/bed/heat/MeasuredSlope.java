package org.rollwell.bed.heat;

/**
 * The slope of a noisy reading: a first-order low-pass (τ = 1 s) whose output is
 * differenced over a 2 s baseline kept in a ring buffer. Preallocated; no allocation per sample.
 */
final class MeasuredSlope {
    static final double FILTER_TAU_S = 1.0;
    static final double BASELINE_S = 2.0;

    private final double alpha;
    private final double[] ring;
    private final double baselineS;
    private int next;
    private int filled;
    private double filtered = Double.NaN;

    MeasuredSlope(double dtS) {
        alpha = dtS / (FILTER_TAU_S + dtS);
        int n = Math.max(2, (int) Math.round(BASELINE_S / dtS));
        ring = new double[n];
        baselineS = n * dtS;
    }

    void add(double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        filtered = Double.isNaN(filtered) ? value : filtered + alpha * (value - filtered);
        ring[next] = filtered;
        next = (next + 1) % ring.length;
        if (filled < ring.length) {
            filled++;
        }
    }

    double perS() {
        if (filled < ring.length) {
            return 0.0;
        }
        double newest = ring[(next - 1 + ring.length) % ring.length];
        double oldest = ring[next];
        return (newest - oldest) / baselineS;
    }

    double filtered() {
        return filtered;
    }
}
