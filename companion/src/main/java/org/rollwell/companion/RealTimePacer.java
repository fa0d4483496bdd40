package org.rollwell.companion;

import java.util.Objects;
import org.rollwell.bed.io.BedIo;
import org.rollwell.bed.loop.RealTimeRunner;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.companion.workflow.SessionWorkflow;
import org.rollwell.companion.workflow.Step;
import org.rollwell.companion.workflow.VirtualTimePacer;

/**
 * Real time: each period starts at an absolute deadline on the wall clock ({@link RealTimeRunner}) and
 * runs {@link Pacing#timeScale()} ticks (a simulated bed's twin runs that many times faster; a real bed
 * runs one). Blocks until the step has finished and the bed has come to rest (at most
 * {@link VirtualTimePacer#SETTLE_S} on the loop's clock). One bed for every phase. The bed service's
 * thread paces the same way, a period at a time between requests.
 */
public final class RealTimePacer implements SessionWorkflow.Pacer {
    private final SessionWorkflow.Bed bed;
    private final Pacing pacing;
    private final RealTimeRunner.Lateness lateness;

    public RealTimePacer(BedIo io, Pacing pacing, ServiceLocks locks, RealTimeRunner.Lateness lateness) {
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.lateness = Objects.requireNonNull(lateness, "lateness");
        this.bed = new SessionWorkflow.Bed(io, pacing.loopTicker(), locks);
    }

    @Override
    public SessionWorkflow.Bed bed(SessionWorkflow.Phase phase) {
        return bed;
    }

    @Override
    public void drive(Step step) {
        RealTimeRunner runner = new RealTimeRunner(pacing.wall(), step.loop().spec().periodNanos(), lateness);
        long settleNanos = (long) (VirtualTimePacer.SETTLE_S * 1e9);
        long finishedAt = -1;
        while (true) {
            runner.period(step.loop(), pacing.simulated(), pacing.timeScale());
            if (step.finished()) {
                long now = pacing.loopTicker().nanos();
                if (finishedAt < 0) {
                    finishedAt = now;
                }
                if (step.atRest() || now - finishedAt > settleNanos) {
                    return;
                }
            }
        }
    }
}
