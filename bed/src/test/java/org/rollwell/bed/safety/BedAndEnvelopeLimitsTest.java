package org.rollwell.bed.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/** DOMAIN.md §5 "Independent layers": the bed enforces the lower of its own spec and the plan's envelope. */
class BedAndEnvelopeLimitsTest {
    private final BedSpec spec = BedSpec.REFERENCE;

    private static SafetyEnvelope envelope(double maxForceN, double maxRollerC) {
        return new SafetyEnvelope(new Bound(maxForceN, "OTHER_BED_PLAN"), new Bound(maxRollerC, "OTHER_BED_PLAN"),
                new Bound(43, "IEC_60601_1"), new Bound(1, "CEM43_CAP"), new Bound(60, "BED"), new Bound(10, "BED"),
                new Bound(90, "OTHER_BED_PLAN"), true, "BED", List.of(), List.of());
    }

    @Test
    void an_envelope_above_the_beds_own_limits_does_not_lift_them() {
        EnforcedLimits limits = EnforcedLimits.of(spec, envelope(500, 75));
        assertThat(limits.maxForceN()).isEqualTo(new Bound(spec.maxForceN(), "BED"));
        assertThat(limits.maxRollerTempC()).isEqualTo(new Bound(spec.rollerTempMaxC(), "BED"));
        assertThat(limits.maxStretchLiftMm()).isEqualTo(new Bound(spec.maxLiftMm(), "BED"));
    }

    @Test
    void a_tighter_envelope_wins_with_its_own_rule() {
        EnforcedLimits limits = EnforcedLimits.of(spec, envelope(120, 45));
        assertThat(limits.maxForceN()).isEqualTo(new Bound(120, "OTHER_BED_PLAN"));
        assertThat(limits.maxRollerTempC()).isEqualTo(new Bound(45, "OTHER_BED_PLAN"));
    }

    @Test
    void over_force_trips_above_the_beds_maximum_even_when_the_envelope_allows_more() {
        // envelope 500 N would trip only above 550 N; the bed's 350 N trips above 385 N
        SafetySupervisor supervisor = new SafetySupervisor(spec, envelope(500, 75));
        SensorFrame s = new SensorFrame(2);
        Setpoints sp = new Setpoints(2);
        ActuatorFrame out = new ActuatorFrame(2);
        LoopStatus status = new LoopStatus();
        boolean tripped = false;
        for (int i = 1; i <= 5 && !tripped; i++) {
            s.timeNanos = i * spec.periodNanos();
            s.forceN = 400;
            s.presence = true;
            s.zoneTempC[0] = 30 + (i % 2) * 0.02;
            s.zoneTempC[1] = 30 - (i % 2) * 0.02;
            tripped = supervisor.check(s, sp, out, status);
        }
        assertThat(tripped).isTrue();
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.OVER_FORCE);
    }

    @Test
    void the_clamp_stops_the_lift_at_the_beds_force_and_cuts_heat_at_the_beds_roller_limit() {
        SafetySupervisor supervisor = new SafetySupervisor(spec, envelope(500, 75));
        SensorFrame s = new SensorFrame(2);
        Setpoints sp = new Setpoints(2);
        ActuatorFrame out = new ActuatorFrame(2);
        s.timeNanos = spec.periodNanos();
        s.forceN = spec.maxForceN() + 1;
        s.liftMm = 10;
        s.presence = true;
        s.zoneTempC[0] = spec.rollerTempMaxC() + 1;
        s.zoneTempC[1] = 30;
        supervisor.check(s, sp, out, new LoopStatus());
        out.liftVelocityMmPerS = 2;
        out.heaterDuty[0] = 0.5;
        out.heaterDuty[1] = 0.5;
        out.heaterMains = true;
        supervisor.clamp(s, sp, out);
        assertThat(out.liftVelocityMmPerS).isZero();
        assertThat(supervisor.clamping(ClampLimit.FORCE_LIMIT)).isTrue();
        assertThat(out.heaterDuty[0]).isZero();
        assertThat(out.heaterDuty[1]).as("a zone under the limit keeps its duty").isEqualTo(0.5);
        assertThat(supervisor.clamping(ClampLimit.ROLLER_TEMPERATURE)).isTrue();
    }
}
