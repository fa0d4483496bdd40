package org.rollwell.bed.loop;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.rollwell.bed.time.Ticker;
import org.rollwell.bed.time.VirtualTicker;

/**
 * Runs a {@link ControlLoop} on a real bed: every period starts at an absolute deadline
 * (start + n × period, so sleeping never drifts), and a period that starts after its
 * deadline plus one period counts as an overrun: its missed deadlines are skipped, not run
 * in a burst. The supervisor trips on a gap over 100 ms (see {@code FaultCode.LOOP_OVERRUN});
 * this runner only counts, and tells a {@link Lateness} how late each period started.
 *
 * <p>The one place the deadline logic lives: {@link #run} drives one loop until told to stop;
 * {@link #period} drives one period at a time for a caller that interleaves other work between
 * periods (the companion's bed thread), with {@code ticksPerPeriod} ticks on a simulated bed's
 * virtual ticker for a time scale. Allocates nothing.
 */
public final class RealTimeRunner {
    /** Hears each period's lateness against its deadline, and each overrun; called on the loop's thread. */
    public interface Lateness {
        void record(long latenessNanos);

        void overrun();
    }

    private static final Lateness NOT_MEASURED = new Lateness() {
        @Override
        public void record(long latenessNanos) {
        }

        @Override
        public void overrun() {
        }
    };

    private final ControlLoop loop;
    private final Ticker ticker;
    private final long periodNanos;
    private final Lateness lateness;
    private long overruns;
    private long deadline;

    public RealTimeRunner(ControlLoop loop, Ticker ticker) {
        this.loop = loop;
        this.ticker = ticker;
        this.periodNanos = loop.spec().periodNanos();
        this.lateness = NOT_MEASURED;
    }

    /** A runner driven a {@link #period} at a time, for loops that change between periods. */
    public RealTimeRunner(Ticker ticker, long periodNanos, Lateness lateness) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos: must be > 0, was " + periodNanos);
        }
        this.loop = null;
        this.ticker = ticker;
        this.periodNanos = periodNanos;
        this.lateness = java.util.Objects.requireNonNull(lateness, "lateness");
        restart();
    }

    /** Ticks until {@code keepGoing} says no (checked between ticks). */
    public void run(BooleanSupplier keepGoing) {
        if (loop == null) {
            throw new IllegalStateException("a runner without a loop is driven with period()");
        }
        restart();
        while (keepGoing.getAsBoolean()) {
            awaitDeadline();
            loop.tick();
            deadline += periodNanos;
        }
    }

    /** The next period starts now (after a rest). */
    public void restart() {
        deadline = ticker.nanos();
    }

    /**
     * Waits for the next deadline, then ticks {@code on} {@code ticksPerPeriod} times; on a simulated bed
     * ({@code simulated} not null) each tick first advances its virtual ticker by one period, so the loop
     * always sees one period between ticks while the twin runs {@code ticksPerPeriod} times faster.
     */
    public void period(ControlLoop on, VirtualTicker simulated, int ticksPerPeriod) {
        awaitDeadline();
        for (int k = 0; k < ticksPerPeriod; k++) {
            if (simulated != null) {
                simulated.advance(periodNanos);
            }
            on.tick();
        }
        deadline += periodNanos;
    }

    private void awaitDeadline() {
        long now = ticker.nanos();
        if (now - deadline >= periodNanos) {
            overruns++;
            lateness.overrun();
            // skip the missed deadlines rather than running a burst of late ticks
            deadline = now;
        }
        while ((now = ticker.nanos()) < deadline) {
            LockSupport.parkNanos(deadline - now);
        }
        lateness.record(now - deadline);
    }

    public long overruns() {
        return overruns;
    }
}
