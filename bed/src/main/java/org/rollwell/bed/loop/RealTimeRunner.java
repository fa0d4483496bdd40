package org.rollwell.bed.loop;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.rollwell.bed.time.Ticker;

/**
 * Runs a {@link ControlLoop} on a real bed: every tick starts at an absolute deadline
 * (start + n × period, so sleeping never drifts), and a tick that starts after its
 * deadline plus one period counts as an overrun. The supervisor trips on a gap over
 * 100 ms (see {@code FaultCode.LOOP_OVERRUN}); this runner only counts.
 */
public final class RealTimeRunner {
    private final ControlLoop loop;
    private final Ticker ticker;
    private final long periodNanos;
    private long overruns;

    public RealTimeRunner(ControlLoop loop, Ticker ticker) {
        this.loop = loop;
        this.ticker = ticker;
        this.periodNanos = loop.spec().periodNanos();
    }

    /** Ticks until {@code keepGoing} says no (checked between ticks). */
    public void run(BooleanSupplier keepGoing) {
        long deadline = ticker.nanos();
        while (keepGoing.getAsBoolean()) {
            long now = ticker.nanos();
            if (now - deadline >= periodNanos) {
                overruns++;
                // skip the missed deadlines rather than running a burst of late ticks
                deadline = now;
            }
            while ((now = ticker.nanos()) < deadline) {
                LockSupport.parkNanos(deadline - now);
            }
            loop.tick();
            deadline += periodNanos;
        }
    }

    public long overruns() {
        return overruns;
    }
}
