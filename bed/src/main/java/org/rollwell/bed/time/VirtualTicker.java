package org.rollwell.bed.time;

/**
 * Time that moves only when told to: a simulated session leaps through minutes
 * in microseconds and every run with the same seed is identical.
 */
public final class VirtualTicker implements Ticker {
    private long nanos;

    @Override
    public long nanos() {
        return nanos;
    }

    public void advance(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("time does not run backwards: " + deltaNanos);
        }
        nanos += deltaNanos;
    }
}
