package org.rollwell.companion;

/**
 * How late each real period started against its absolute deadline: a fixed histogram of 50 µs bins up
 * to 20 ms (choice: the bench's target is p99 ≤ 1 ms, issue 11), plus the overruns (a period that
 * started a whole period late; its missed deadlines are skipped, not run in a burst). Written by the
 * bed's thread without allocating; read by the bench.
 */
public final class TickLateness implements org.rollwell.bed.loop.RealTimeRunner.Lateness {
    /** Width of one bin, ns. */
    static final long BIN_NANOS = 50_000L;
    private static final int BINS = 400;

    private final long[] counts = new long[BINS + 1];
    private long total;
    private long overruns;
    private long worstNanos;

    @Override
    public synchronized void record(long latenessNanos) {
        long late = Math.max(0, latenessNanos);
        int bin = (int) Math.min(BINS, late / BIN_NANOS);
        counts[bin]++;
        total++;
        worstNanos = Math.max(worstNanos, late);
    }

    @Override
    public synchronized void overrun() {
        overruns++;
    }

    /** Periods measured. */
    public synchronized long count() {
        return total;
    }

    public synchronized long overruns() {
        return overruns;
    }

    public synchronized long worstNanos() {
        return worstNanos;
    }

    /** The lateness at quantile {@code q} (0–1), ns, to the bin's upper edge; 0 before any period. */
    public synchronized long quantileNanos(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q: must be 0–1, was " + q);
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i <= BINS; i++) {
            seen += counts[i];
            if (seen >= rank && seen > 0) {
                return i == BINS ? worstNanos : (i + 1) * BIN_NANOS;
            }
        }
        return worstNanos;
    }
}
