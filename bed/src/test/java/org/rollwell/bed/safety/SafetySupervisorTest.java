package org.rollwell.bed.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;

class SafetySupervisorTest {
    private final BedSpec spec = BedSpec.REFERENCE;
    private final SafetySupervisor supervisor = new SafetySupervisor(spec, SafetySupervisor.bedEnvelope(spec));
    private final SensorFrame s = new SensorFrame(2);
    private final Setpoints sp = new Setpoints(2);
    private final ActuatorFrame out = new ActuatorFrame(2);
    private final LoopStatus status = new LoopStatus();
    private long t;

    private boolean tick(double forceN) {
        t += 10_000_000L;
        s.timeNanos = t;
        s.forceN = forceN;
        s.presence = true;
        s.zoneTempC[0] = 30 + (t / 10_000_000L % 2) * 0.02;
        s.zoneTempC[1] = 30 - (t / 10_000_000L % 2) * 0.02;
        return supervisor.check(s, sp, out, status);
    }

    @Test
    void force_over_the_maximum_plus_ten_percent_trips_only_after_fifty_milliseconds() {
        // bed maximum 350 N: the trip lies above 385 N
        for (int i = 0; i < 4; i++) {
            assertThat(tick(390)).as("sample %s", i).isFalse();
        }
        assertThat(tick(390)).isTrue();
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.OVER_FORCE);
    }

    @Test
    void a_brief_spike_over_the_limit_does_not_trip() {
        for (int i = 0; i < 4; i++) {
            tick(390);
        }
        assertThat(tick(300)).isFalse();
        assertThat(tick(390)).isFalse();
    }

    @Test
    void a_tripped_supervisor_writes_the_safe_state_whatever_the_controllers_asked() {
        supervisor.requestEstop();
        tick(100);
        out.carriageVelocityMmPerS = 40;
        out.liftVelocityMmPerS = 10;
        out.heaterDuty[0] = 1;
        out.heaterMains = true;
        s.liftMm = 20;
        supervisor.clamp(s, sp, out);
        assertThat(out.carriageVelocityMmPerS).isZero();
        assertThat(out.liftVelocityMmPerS).isEqualTo(-spec.maxLiftSpeedMmPerS());
        assertThat(out.heaterDuty).containsOnly(0.0);
        assertThat(out.heaterMains).isFalse();
    }

    /**
     * Issue 8: a lift drive that runs away obeys no command, so only taking its power stops it. Tripped first for the
     * force its runaway made (OVER_FORCE: safe state lowers with power on), the supervisor still drops motor power
     * when the lift keeps rising against the lowering.
     */
    @Test
    void a_lift_rising_against_the_safe_state_of_another_trip_takes_the_motor_power() {
        s.liftMm = 20;
        for (int i = 0; i < 5; i++) {
            tick(390);
        }
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.OVER_FORCE);
        out.motorsEnabled = true;
        supervisor.clamp(s, sp, out);
        assertThat(out.motorsEnabled).as("OVER_FORCE lowers the lift under power").isTrue();
        double liftMm = 20;
        for (int i = 0; i < 30 && out.motorsEnabled; i++) {
            // the drive pushes up at the lift's full speed whatever it is told
            liftMm += spec.maxLiftSpeedMmPerS() * 0.01;
            s.liftMm = Math.floor(liftMm * 10) / 10;
            tick(390);
            supervisor.clamp(s, sp, out);
            assertThat(out.liftVelocityMmPerS).isEqualTo(-spec.maxLiftSpeedMmPerS());
        }
        assertThat(out.motorsEnabled).as("motor power after the lift rose against its lowering").isFalse();
        assertThat(supervisor.fault().code()).as("the first trip stays the latched one").isEqualTo(FaultCode.OVER_FORCE);
    }

    @Test
    void a_healthy_bed_gets_its_commands_clamped_to_the_beds_limits_and_the_clamp_is_flagged() {
        tick(100);
        out.carriageVelocityMmPerS = 120;
        out.liftVelocityMmPerS = 3;
        supervisor.clamp(s, sp, out);
        assertThat(out.carriageVelocityMmPerS).isEqualTo(80);
        assertThat(supervisor.clamping(ClampLimit.CARRIAGE_SPEED)).isTrue();
        assertThat(supervisor.clampTicks(ClampLimit.CARRIAGE_SPEED)).isEqualTo(1);
    }

    /** One tick with zone 0's thermistor and the encoder reading as given. */
    private boolean tick(double zone0C, double encoderMm) {
        t += 10_000_000L;
        s.timeNanos = t;
        s.forceN = 100;
        s.presence = true;
        s.carriagePositionMm = encoderMm;
        s.zoneTempC[0] = zone0C;
        s.zoneTempC[1] = 30 - (t / 10_000_000L % 2) * 0.02;
        return supervisor.check(s, sp, out, status);
    }

    @Test
    void acknowledging_a_fault_starts_every_watch_afresh_so_old_bad_samples_do_not_count_against_the_next_session() {
        // three open-thermistor samples (the fourth trips) and two NaN encoder readings (the third trips)
        assertThat(tick(-40, 300)).isFalse();
        assertThat(tick(-40, Double.NaN)).isFalse();
        supervisor.requestEstop();
        tick(-40, Double.NaN);
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.ESTOP);
        supervisor.acknowledge();

        // the next session starts with one bad sample of each: not a trip on its own
        assertThat(tick(-40, Double.NaN)).as("fault: %s", supervisor.fault()).isFalse();
        assertThat(tick(30, 300)).isFalse();
    }
}
