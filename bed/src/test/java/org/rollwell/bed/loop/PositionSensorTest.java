package org.rollwell.bed.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.bed.force.LiftController;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedIo;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.bed.session.SessionState;
import org.rollwell.therapy.plan.SessionPlan;

/**
 * The carriage encoder and the lift sensor are judged like the thermistors (Klipper's range
 * check): a reading that is not a number or lies outside the bed for 3 samples trips, and a
 * single bad sample must not blind the stall and slip checks.
 */
class PositionSensorTest {

    /** The stand-in bed behind a sensor harness that can break: NaN or a stuck value replaces a reading. */
    static final class BreakableSensors implements BedIo {
        final StandInBed bed = new StandInBed();
        double encoderReadsMm = Double.NEGATIVE_INFINITY;
        double liftReadsMm = Double.NEGATIVE_INFINITY;
        int encoderBadTicks;

        @Override
        public BedSpec spec() {
            return bed.spec();
        }

        @Override
        public void read(SensorFrame into) {
            bed.read(into);
            if (encoderBadTicks > 0) {
                encoderBadTicks--;
                into.carriagePositionMm = Double.NaN;
            } else if (encoderReadsMm != Double.NEGATIVE_INFINITY) {
                into.carriagePositionMm = encoderReadsMm;
            }
            if (liftReadsMm != Double.NEGATIVE_INFINITY) {
                into.liftMm = liftReadsMm;
            }
        }

        @Override
        public void write(ActuatorFrame commands) {
            bed.write(commands);
        }
    }

    private final BreakableSensors io = new BreakableSensors();
    private final SessionPlan plan = ControlLoopTest.rollPlan(0);
    private final SessionRunner runner = new SessionRunner(plan, io.spec());
    private final SafetySupervisor supervisor = new SafetySupervisor(io.spec(), plan.envelope());
    private final ControlLoop loop = new ControlLoop(io, io.bed.ticker, supervisor, runner, new LiftController(io.spec()));

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            io.bed.ticker.advance(10_000_000L);
            loop.tick();
        }
    }

    /** Runs the roll until the rollers press into the back and the carriage travels. */
    private void rolling() {
        runner.start();
        ticks(1500);
        assertThat(runner.state()).isEqualTo(SessionState.RUNNING);
        assertThat(io.bed.liftMm).isGreaterThan(20);
    }

    @Test
    void an_encoder_reading_nan_trips_a_position_sensor_fault_on_the_third_sample_and_the_bed_goes_safe() {
        rolling();
        io.encoderBadTicks = 2;
        ticks(2);
        assertThat(supervisor.tripped()).as("two bad samples are tolerated").isFalse();
        io.encoderBadTicks = 3;
        ticks(3);
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.POSITION_SENSOR_FAULT);
        assertThat(io.bed.last.carriageVelocityMmPerS).isZero();
        assertThat(io.bed.last.liftVelocityMmPerS).isNegative();
        assertThat(io.bed.last.heaterMains).isFalse();
    }

    @Test
    void an_encoder_reading_far_outside_the_bed_trips_a_position_sensor_fault() {
        rolling();
        io.encoderReadsMm = 2000;
        ticks(3);
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.POSITION_SENSOR_FAULT);
        assertThat(supervisor.fault().value()).isEqualTo(2000.0);
    }

    @Test
    void a_single_nan_from_the_encoder_does_not_switch_off_stall_detection() {
        rolling();
        io.encoderBadTicks = 1;
        ticks(1);
        // then the carriage stalls: the encoder freezes while the roll keeps commanding motion
        io.encoderReadsMm = io.bed.positionMm;
        ticks(50);
        assertThat(supervisor.fault()).as("the stall is still caught within 0.5 s").isNotNull();
        assertThat(supervisor.fault().code()).isIn(FaultCode.CARRIAGE_STALL, FaultCode.ENCODER_SLIP);
    }

    @Test
    void a_lift_sensor_reading_nan_trips_a_lift_sensor_fault_and_never_lets_the_lift_rise_meanwhile() {
        rolling();
        io.liftReadsMm = Double.NaN;
        ticks(2);
        assertThat(supervisor.tripped()).isFalse();
        assertThat(io.bed.last.liftVelocityMmPerS).as("no rising on a reading that cannot show the height").isLessThanOrEqualTo(0.0);
        ticks(1);
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.LIFT_SENSOR_FAULT);
    }

    @Test
    void a_lift_sensor_reading_above_the_lifts_travel_trips_a_lift_sensor_fault() {
        rolling();
        io.liftReadsMm = io.spec().maxLiftMm() + 5;
        ticks(3);
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.LIFT_SENSOR_FAULT);
    }

    @Test
    void after_a_trip_the_lift_keeps_lowering_even_when_its_sensor_is_stuck_near_zero() {
        rolling();
        double pressingMm = io.bed.liftMm;
        io.liftReadsMm = 0.1;
        supervisor.requestEstop();
        ticks(1);
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.ESTOP);
        ticks(300);
        assertThat(io.bed.last.liftVelocityMmPerS).as("still lowering: the board's end stop ends it").isNegative();
        assertThat(io.bed.liftMm).as("the rollers came off the back from %s mm", pressingMm).isZero();
    }
}
