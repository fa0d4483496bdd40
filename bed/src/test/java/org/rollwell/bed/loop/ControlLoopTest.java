package org.rollwell.bed.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.force.LiftController;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.bed.session.SessionState;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

class ControlLoopTest {

    static SessionPlan rollPlan(double tempC) {
        SpineMap map = SpineMap.normative(175, 100);
        return new SessionPlan(SessionPlan.Status.OK, List.of(), SafetySupervisor.bedEnvelope(org.rollwell.bed.io.BedSpec.REFERENCE), map,
                List.of(new PlanSegment(Technique.ROLL, Level.T6, Level.L3, map.positionMm(Level.T6), map.positionMm(Level.L3),
                        120, tempC, 120, new TechniqueParams.Roll(20), "test")));
    }

    @Test
    void the_stop_button_puts_the_bed_in_the_safe_state_in_the_tick_that_reads_it() {
        StandInBed bed = new StandInBed();
        SessionPlan plan = rollPlan(0);
        SessionRunner runner = new SessionRunner(plan, bed.spec());
        ControlLoop loop = new ControlLoop(bed, bed.ticker, new SafetySupervisor(bed.spec(), plan.envelope()), runner,
                new LiftController(bed.spec()));
        runner.start();
        for (int i = 0; i < 1500; i++) {
            bed.ticker.advance(10_000_000L);
            loop.tick();
        }
        assertThat(runner.state()).isEqualTo(SessionState.RUNNING);
        assertThat(bed.liftMm).as("rollers pressing into the back").isGreaterThan(20);

        bed.stopButton = true;
        bed.ticker.advance(10_000_000L);
        loop.tick();

        assertThat(loop.supervisor().fault().code()).isEqualTo(FaultCode.ESTOP);
        assertThat(bed.last.carriageVelocityMmPerS).isZero();
        assertThat(bed.last.liftVelocityMmPerS).as("lift lowering").isNegative();
        assertThat(bed.last.heaterMains).isFalse();
        assertThat(bed.last.heaterDuty).containsOnly(0.0);
    }

    @Test
    void a_fault_stays_latched_until_a_person_acknowledges_it() {
        StandInBed bed = new StandInBed();
        SessionPlan plan = rollPlan(0);
        SessionRunner runner = new SessionRunner(plan, bed.spec());
        SafetySupervisor supervisor = new SafetySupervisor(bed.spec(), plan.envelope());
        ControlLoop loop = new ControlLoop(bed, bed.ticker, supervisor, runner, new LiftController(bed.spec()));
        runner.start();
        bed.presence = false;
        for (int i = 0; i < 200; i++) {
            bed.ticker.advance(10_000_000L);
            loop.tick();
        }
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.PRESENCE_LOST);
        bed.presence = true;
        for (int i = 0; i < 200; i++) {
            bed.ticker.advance(10_000_000L);
            loop.tick();
        }
        assertThat(supervisor.tripped()).as("still latched with the person back").isTrue();
        assertThat(runner.state()).isEqualTo(SessionState.FAULTED);
        supervisor.acknowledge();
        bed.ticker.advance(10_000_000L);
        loop.tick();
        assertThat(supervisor.tripped()).isFalse();
    }

    @Test
    void acknowledging_an_emergency_stop_never_restarts_the_session_the_bed_stays_at_rest() {
        StandInBed bed = new StandInBed();
        bed.rollerC = 45;
        SessionPlan plan = rollPlan(45);
        SessionRunner runner = new SessionRunner(plan, bed.spec());
        SafetySupervisor supervisor = new SafetySupervisor(bed.spec(), plan.envelope());
        ControlLoop loop = new ControlLoop(bed, bed.ticker, supervisor, runner, new LiftController(bed.spec()));
        runner.start();
        for (int i = 0; i < 1500; i++) {
            bed.ticker.advance(10_000_000L);
            loop.tick();
        }
        assertThat(runner.state()).as("a heated roll is under way").isEqualTo(SessionState.RUNNING);
        assertThat(bed.liftMm).as("rollers pressing into the back").isGreaterThan(20);

        bed.stopButton = true;
        for (int i = 0; i < 50; i++) {
            bed.ticker.advance(10_000_000L);
            loop.tick();
        }
        bed.stopButton = false;
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.ESTOP);
        supervisor.acknowledge();
        double stoppedAtMm = bed.positionMm;

        // nobody presses start again: ten seconds later the bed must still rest
        for (int i = 0; i < 1000; i++) {
            bed.ticker.advance(10_000_000L);
            loop.tick();
            assertThat(bed.last.heaterDuty).as("heater duty at tick %s", i).containsOnly(0.0);
            assertThat(bed.last.heaterMains).as("mains relay at tick %s", i).isFalse();
            assertThat(bed.last.carriageVelocityMmPerS).as("carriage command at tick %s", i).isZero();
            assertThat(bed.last.liftVelocityMmPerS).as("lift command at tick %s", i).isLessThanOrEqualTo(0.0);
        }
        assertThat(supervisor.tripped()).as("the latch is cleared for a new session").isFalse();
        assertThat(bed.positionMm).as("carriage where it stopped").isEqualTo(stoppedAtMm);
        assertThat(bed.liftMm).as("lift down").isLessThanOrEqualTo(LoopStatus.LIFT_LOWERED_MM);
        assertThat(runner.state()).isEqualTo(SessionState.FAULTED);
        assertThat(runner.record().outcome()).isEqualTo(SessionRecord.Outcome.FAULTED);

        runner.start();
        for (int i = 0; i < 300; i++) {
            bed.ticker.advance(10_000_000L);
            loop.tick();
        }
        assertThat(runner.state()).as("a faulted session is over; a new one needs a new runner").isEqualTo(SessionState.FAULTED);
        assertThat(bed.last.heaterMains).isFalse();
    }
}
