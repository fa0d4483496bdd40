package org.rollwell.bed.time;

/**
 * The only source of time for control: monotonic nanoseconds. In simulation a
 * {@link VirtualTicker} is stepped by the loop as fast as the CPU allows; on a real
 * bed {@link #system()} reads the monotonic clock.
 */
@FunctionalInterface
public interface Ticker {

    long nanos();

    /** The JVM's monotonic clock, for a real bed. */
    static Ticker system() {
        return System::nanoTime;
    }
}
