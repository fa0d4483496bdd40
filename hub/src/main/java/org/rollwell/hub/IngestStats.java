package org.rollwell.hub;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How the hub keeps up: messages stored, malformed ones dropped, and the ingest lag in a histogram of
 * 1 ms buckets up to 2 min, for its p99. The lag of a telemetry message is from the bed's send time in it
 * ({@code sent_ms}) to the commit of its row; of a message without one (records, events, older beds),
 * from its arrival at the hub to the commit.
 */
public final class IngestStats {
    /** 1 ms buckets up to 2 min (choice: a hub far behind still shows by how much; 1 MB). */
    private static final int BUCKETS = 120_001;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLongArray lagMs = new AtomicLongArray(BUCKETS);

    /** One message committed {@code lagMs} after it was sent (a bed's clock ahead of the hub's counts as 0). */
    void stored(long lagMs) {
        stored.incrementAndGet();
        this.lagMs.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, lagMs)));
    }

    /** Wakes whoever waits in {@link #awaitHandled}; the writer calls it after each batch. */
    synchronized void batchDone() {
        notifyAll();
    }

    /**
     * Waits until {@code n} messages in all have been stored or dropped as malformed, or {@code timeoutMs} passed
     * (the writer's batches wake it: no polling); true if they were.
     */
    public synchronized boolean awaitHandled(long n, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (stored.get() + malformed.get() < n) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /**
     * Forgets the lag of what was stored so far (the counts stay): a bench measures a warm hub after its warm-up
     * (the first seconds of a JVM, and of 10,000 beds the hub has never seen, cost more than the rest).
     */
    public void forgetLag() {
        for (int i = 0; i < BUCKETS; i++) {
            lagMs.set(i, 0);
        }
    }

    void malformed(int n) {
        malformed.addAndGet(n);
    }

    public long stored() {
        return stored.get();
    }

    public long malformed() {
        return malformed.get();
    }

    /** The lag that {@code fraction} of the messages stayed under, ms (the last bucket means "2 min or more"). */
    public long lagQuantileMs(double fraction) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += lagMs.get(i);
        }
        long target = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += lagMs.get(i);
            if (seen >= target && total > 0) {
                return i;
            }
        }
        return 0;
    }
}
