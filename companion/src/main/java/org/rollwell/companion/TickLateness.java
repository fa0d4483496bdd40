package org.rollwell.companion;

import java.util.concurrent.locks.StampedLock;
import java.util.function.LongSupplier;

/**
 * How late each real period started against its absolute deadline: a fixed histogram of 50 µs bins up
 * to 20 ms (choice: the bench's target is p99 ≤ 1 ms, issue 11), plus the overruns (a period that
 * started a whole period late; its missed deadlines are skipped, not run in a burst). Written by the
 * bed's thread without allocating or ever waiting for a reader (readers copy under an optimistic read of a
 * {@link StampedLock} and try again if a write came between, as {@link Snapshot} does); read by the bench.
 */
public final class TickLateness implements org.rollwell.bed.loop.RealTimeRunner.Lateness {
    /** Width of one bin, ns. */
    static final long BIN_NANOS = 50_000L;
    private static final int BINS = 400;

    private final long[] counts = new long[BINS + 1];
    private long total;
    private long overruns;
    private long worstNanos;
    private final StampedLock lock = new StampedLock();

    @Override
    public void record(long latenessNanos) {
        long late = Math.max(0, latenessNanos);
        int bin = (int) Math.min(BINS, late / BIN_NANOS);
        long stamp = lock.writeLock();
        try {
            counts[bin]++;
            total++;
            worstNanos = Math.max(worstNanos, late);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public void overrun() {
        long stamp = lock.writeLock();
        try {
            overruns++;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Periods measured. */
    public long count() {
        return read(() -> total);
    }

    public long overruns() {
        return read(() -> overruns);
    }

    public long worstNanos() {
        return read(() -> worstNanos);
    }

    /** The lateness at quantile {@code q} (0–1), ns, to the bin's upper edge; 0 before any period. */
    public long quantileNanos(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q: must be 0–1, was " + q);
        }
        long[] bins = new long[counts.length];
        long n;
        long worst;
        while (true) {
            long stamp = lock.tryOptimisticRead();
            System.arraycopy(counts, 0, bins, 0, bins.length);
            n = total;
            worst = worstNanos;
            if (lock.validate(stamp)) {
                break;
            }
            Thread.onSpinWait();
        }
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i <= BINS; i++) {
            seen += bins[i];
            if (seen >= rank && seen > 0) {
                return i == BINS ? worst : (i + 1) * BIN_NANOS;
            }
        }
        return worst;
    }

    private long read(LongSupplier field) {
        while (true) {
            long stamp = lock.tryOptimisticRead();
            long v = field.getAsLong();
            if (lock.validate(stamp)) {
                return v;
            }
            Thread.onSpinWait();
        }
    }
}
