package org.rollwell.bed.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.bed.force.LiftController;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.bed.time.Ticker;

class RealTimeRunnerTest {

    /** A host so slow that every tick starts 30 ms after the last: each one is an overrun, none reaches the 100 ms trip. */
    @Test
    void ticks_that_start_a_period_late_are_counted_as_overruns() {
        StandInBed bed = new StandInBed();
        long[] now = {0};
        Ticker slowHost = () -> now[0] += 15_000_000L; // two reads per tick: 30 ms per tick
        SessionRunner runner = new SessionRunner(ControlLoopTest.rollPlan(0), bed.spec());
        SafetySupervisor supervisor = new SafetySupervisor(bed.spec(), runner.plan().envelope());
        ControlLoop loop = new ControlLoop(bed, slowHost, supervisor, runner, new LiftController(bed.spec()));
        RealTimeRunner rt = new RealTimeRunner(loop, slowHost);
        int[] ticks = {0};
        rt.run(() -> ticks[0]++ < 50);
        assertThat(rt.overruns()).isGreaterThanOrEqualTo(45);
        assertThat(supervisor.tripped()).as("late, but never 100 ms late").isFalse();
    }

    @Test
    void a_host_that_stalls_trips_the_supervisor_when_it_ticks_again() {
        StandInBed bed = new StandInBed();
        SessionRunner runner = new SessionRunner(ControlLoopTest.rollPlan(0), bed.spec());
        SafetySupervisor supervisor = new SafetySupervisor(bed.spec(), runner.plan().envelope());
        ControlLoop loop = new ControlLoop(bed, bed.ticker, supervisor, runner, new LiftController(bed.spec()));
        runner.start();
        for (int i = 0; i < 100; i++) {
            bed.ticker.advance(10_000_000L);
            loop.tick();
        }
        bed.ticker.advance(2_000_000_000L);
        loop.tick();
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.LOOP_OVERRUN);
        assertThat(bed.last.heaterMains).isFalse();
    }
}
