package org.rollwell.companion;

import java.util.concurrent.locks.LockSupport;
import org.rollwell.bed.loop.ControlLoop;

/**
 * Paces the control loop on the wall clock: each real period starts at an absolute deadline
 * (start + n × period, so sleeping never drifts) and runs {@link Pacing#timeScale()} ticks; on a
 * simulated bed each tick first advances the shared virtual ticker by one period, so the loop always
 * sees one period between ticks. A period that starts a whole period late is an overrun: its missed
 * deadlines are skipped, not run in a burst (as {@code bed.loop.RealTimeRunner} does for one tick per
 * period; this adds the time scale and the lateness histogram). Allocates nothing.
 */
final class BedDriver {
    private final Pacing pacing;
    private final TickLateness lateness;
    private final long periodNanos;
    private long deadline;

    BedDriver(Pacing pacing, TickLateness lateness, long periodNanos) {
        this.pacing = pacing;
        this.lateness = lateness;
        this.periodNanos = periodNanos;
        restart();
    }

    /** The next period starts now (after a rest). */
    void restart() {
        deadline = pacing.wall().nanos();
    }

    /** Waits for the next deadline, then runs one period's ticks. */
    void period(ControlLoop loop) {
        long now = pacing.wall().nanos();
        if (now - deadline >= periodNanos) {
            lateness.overrun();
            deadline = now;
        }
        while ((now = pacing.wall().nanos()) < deadline) {
            LockSupport.parkNanos(deadline - now);
        }
        lateness.record(now - deadline);
        for (int k = 0; k < pacing.timeScale(); k++) {
            if (pacing.simulated() != null) {
                pacing.simulated().advance(periodNanos);
            }
            loop.tick();
        }
        deadline += periodNanos;
    }
}
