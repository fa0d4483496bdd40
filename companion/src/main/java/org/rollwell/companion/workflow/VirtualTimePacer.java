package org.rollwell.companion.workflow;

import java.util.Objects;
import org.rollwell.bed.io.BedIo;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.time.VirtualTicker;

/**
 * Virtual time as fast as the CPU allows: advance the bed's {@link VirtualTicker} one period, tick,
 * until the step has finished and the bed has come to rest (heaters off, lift lowered: {@link Step#atRest()}), or until it
 * overran its expected time by {@link #SLACK_S}. One bed for every phase, as on a real bed. Same
 * inputs, same run: nothing here reads the wall clock.
 */
public final class VirtualTimePacer implements SessionWorkflow.Pacer {
    /** Beyond a step's expected seconds, time allowed for homing, warm-up, cool-down and a trip before giving up, s (choice, as the CLI's simulation). */
    public static final double SLACK_S = 2400.0;
    /** After a step finished, at most this long for the bed to come to rest, s (choice, as the CLI's simulation). */
    public static final double SETTLE_S = 5.0;

    private final SessionWorkflow.Bed bed;
    private final VirtualTicker ticker;

    public VirtualTimePacer(BedIo io, VirtualTicker ticker, ServiceLocks locks) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.bed = new SessionWorkflow.Bed(io, ticker, locks);
    }

    @Override
    public SessionWorkflow.Bed bed(SessionWorkflow.Phase phase) {
        return bed;
    }

    @Override
    public void drive(Step step) {
        ControlLoop loop = step.loop();
        long period = loop.spec().periodNanos();
        long giveUpAt = ticker.nanos() + (long) ((step.expectedS() + SLACK_S) * 1e9);
        long finishedAt = -1;
        while (ticker.nanos() < giveUpAt) {
            ticker.advance(period);
            loop.tick();
            if (step.finished()) {
                if (finishedAt < 0) {
                    finishedAt = ticker.nanos();
                }
                if (step.atRest() || ticker.nanos() - finishedAt > (long) (SETTLE_S * 1e9)) {
                    return;
                }
            }
        }
    }
}
