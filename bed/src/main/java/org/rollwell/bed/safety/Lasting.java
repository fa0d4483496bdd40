package org.rollwell.bed.safety;

/**
 * "Has this condition lasted at least W seconds?": the one timer every watch uses (like
 * Klipper's per-check state), so a rule's window is a time, not a count of ticks, and keeps
 * its meaning at any loop rate the spec allows (10–1000 Hz). The sample that opens the window
 * counts as one loop period: at 100 Hz a 50 ms window is met by the 5th sample in a row, at
 * 50 Hz by the 3rd (60 ms), at 200 Hz by the 10th. Allocation-free; reset by a false sample.
 */
public final class Lasting {
    private final long windowNanos;
    private final long periodNanos;
    private boolean holding;
    private long sinceNanos;

    /**
     * @param windowS     how long the condition must hold, s
     * @param periodNanos the loop period, ns (the spec's {@code periodNanos()})
     */
    public Lasting(double windowS, long periodNanos) {
        if (!(windowS >= 0) || periodNanos <= 0) {
            throw new IllegalArgumentException("windowS must be ≥ 0 and periodNanos > 0, got " + windowS + ", " + periodNanos);
        }
        this.windowNanos = Math.round(windowS * 1e9);
        this.periodNanos = periodNanos;
    }

    /**
     * Feeds one sample.
     *
     * @param holds     whether the condition holds in this sample
     * @param nowNanos  this sample's ticker time
     * @return true once the condition has held for the whole window (and on every sample after, until it breaks)
     */
    public boolean update(boolean holds, long nowNanos) {
        if (!holds) {
            holding = false;
            return false;
        }
        if (!holding) {
            holding = true;
            sinceNanos = nowNanos;
        }
        return nowNanos - sinceNanos + periodNanos >= windowNanos;
    }

    /** Starts the window again at {@code nowNanos} if the condition still holds (a rule that re-arms itself). */
    public void restart(long nowNanos) {
        if (holding) {
            sinceNanos = nowNanos;
        }
    }

    /** Forgets the condition, as a false sample does. */
    public void reset() {
        holding = false;
    }

    public boolean holding() {
        return holding;
    }

    /** How long the condition has held, counting the opening sample as one period, ns; 0 when it does not hold. */
    public long heldNanos(long nowNanos) {
        return holding ? nowNanos - sinceNanos + periodNanos : 0;
    }

    /** The window, ns. */
    public long windowNanos() {
        return windowNanos;
    }
}
