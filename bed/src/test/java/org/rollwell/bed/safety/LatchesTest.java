package org.rollwell.bed.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;

/** DOMAIN.md §5 "Latches": what a person's acknowledgement clears, and what only a service reset does. */
class LatchesTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");
    private final BedSpec spec = BedSpec.REFERENCE;

    /** The codes DOMAIN.md §5 names as locking a zone's heat. */
    private static final Set<FaultCode> ZONE_HEAT = EnumSet.of(FaultCode.THERMISTOR_OPEN, FaultCode.THERMISTOR_SHORT,
            FaultCode.THERMISTOR_STUCK, FaultCode.HEATER_NOT_HEATING, FaultCode.HEATER_STUCK_ON, FaultCode.HEATER_RUNAWAY,
            FaultCode.ROLLER_OVER_TEMPERATURE);
    /** Force-sensor faults lock the lift; so does a lift sensor that cannot show where the lift is (choice). */
    private static final Set<FaultCode> LIFT = EnumSet.of(FaultCode.LOAD_CELL_FAILURE, FaultCode.LIFT_SENSOR_FAULT);

    /** The codes DOMAIN.md §5 names as session faults, cleared by a person's acknowledgement. */
    private static final Set<FaultCode> SESSION = EnumSet.of(FaultCode.ESTOP, FaultCode.CARRIAGE_STALL, FaultCode.ENCODER_SLIP,
            FaultCode.LIMIT_SWITCH, FaultCode.PRESENCE_LOST, FaultCode.SKIN_OVER_TEMPERATURE, FaultCode.THERMAL_DOSE,
            FaultCode.SESSION_OVERTIME, FaultCode.WARM_UP_TIMEOUT, FaultCode.POSITION_SENSOR_FAULT, FaultCode.LOOP_OVERRUN);

    @Test
    void every_fault_code_of_domain_section_5_declares_its_latch() {
        for (FaultCode code : ZONE_HEAT) {
            assertThat(code.latch()).as("%s", code).isEqualTo(Latch.ZONE_HEAT);
        }
        for (FaultCode code : LIFT) {
            assertThat(code.latch()).as("%s", code).isEqualTo(Latch.LIFT);
        }
        for (FaultCode code : SESSION) {
            assertThat(code.latch()).as("%s", code).isEqualTo(Latch.SESSION);
        }
        assertThat(FaultCode.OVER_FORCE.latch()).isEqualTo(Latch.SESSION_THEN_LIFT);
    }

    @ParameterizedTest
    @EnumSource(FaultCode.class)
    void every_heater_thermistor_or_load_cell_code_locks_more_than_the_session(FaultCode code) {
        // a new code from the same family must not slip in as a session fault
        String name = code.name();
        if (name.startsWith("THERMISTOR_") || name.startsWith("HEATER_") || name.startsWith("ROLLER_")) {
            assertThat(code.latch()).isEqualTo(Latch.ZONE_HEAT);
        }
        if (name.startsWith("LOAD_CELL_")) {
            assertThat(code.latch()).isEqualTo(Latch.LIFT);
        }
        if (name.contains("DISAGREE") || name.contains("MISMATCH")) {
            // a sensor disagreeing with its twin sensor locks its zone's heat or the lift (DOMAIN.md §5)
            assertThat(code.latch()).isIn(Latch.ZONE_HEAT, Latch.LIFT);
        }
    }

    @Test
    void session_faults_lock_nothing() {
        LockState state = LockState.empty();
        for (FaultCode code : FaultCode.values()) {
            if (code.latch() == Latch.SESSION) {
                state = state.after(new Fault(code, 0, -1, 1), MONDAY);
            }
        }
        assertThat(state.locks()).isEmpty();
    }

    @Test
    void a_second_over_force_within_24_hours_locks_the_lift_a_first_does_not() {
        Fault overForce = new Fault(FaultCode.OVER_FORCE, 0, -1, 400);
        LockState once = LockState.empty().after(overForce, MONDAY);
        assertThat(once.lift()).as("the first is a session fault").isNull();
        LockState twice = once.after(overForce, MONDAY.plus(Duration.ofHours(23)));
        assertThat(twice.lift()).isNotNull();
        assertThat(twice.lift().cause()).isEqualTo(FaultCode.OVER_FORCE);
        LockState nextDay = once.after(overForce, MONDAY.plus(Duration.ofHours(25)));
        assertThat(nextDay.lift()).as("25 h later counts as a first again").isNull();
    }

    /** A supervisor over in-memory locks, ticked at 100 Hz with zone 1's thermistor reading {@code zone1C}. */
    private static final class Bench {
        final SafetySupervisor supervisor;
        final ServiceLocks locks;
        final SensorFrame s = new SensorFrame(2);
        final Setpoints sp = new Setpoints(2);
        final ActuatorFrame out = new ActuatorFrame(2);
        final LoopStatus status = new LoopStatus();
        long t;

        Bench(BedSpec spec, LockStore store) {
            locks = new ServiceLocks(store, Clock.fixed(MONDAY, ZoneOffset.UTC), spec.heaterZones());
            supervisor = new SafetySupervisor(spec, SafetySupervisor.bedEnvelope(spec), locks);
        }

        void tick(double zone1C) {
            t += 10_000_000L;
            s.timeNanos = t;
            s.forceN = 100;
            s.presence = true;
            s.carriagePositionMm = 300;
            s.zoneTempC[0] = 40 + (t / 10_000_000L % 2) * 0.02;
            s.zoneTempC[1] = zone1C;
            supervisor.check(s, sp, out, status);
            supervisor.settleLocks();
        }
    }

    @Test
    void acknowledging_an_open_thermistor_clears_the_trip_but_not_the_zone_lock() {
        Bench bench = new Bench(spec, new InMemoryLockStore());
        for (int i = 0; i < 4; i++) {
            bench.tick(-40);
        }
        assertThat(bench.supervisor.fault().code()).isEqualTo(FaultCode.THERMISTOR_OPEN);
        assertThat(bench.locks.zoneLocked(1)).isTrue();

        bench.supervisor.acknowledge();
        assertThat(bench.supervisor.tripped()).isFalse();
        assertThat(bench.locks.zoneLocked(1)).as("only a service reset clears it").isTrue();
        assertThat(bench.locks.zoneLocked(0)).isFalse();

        // the broken sensor keeps reading open: the locked zone no longer faults the bed
        for (int i = 0; i < 10; i++) {
            bench.tick(-40);
        }
        assertThat(bench.supervisor.tripped()).isFalse();
        bench.out.heaterMains = true;
        bench.out.heaterDuty[0] = 0.6;
        bench.out.heaterDuty[1] = 0.8;
        bench.supervisor.clamp(bench.s, bench.sp, bench.out);
        assertThat(bench.out.heaterDuty[1]).as("locked zone unheated").isZero();
        assertThat(bench.out.heaterDuty[0]).as("the other zone heats").isEqualTo(0.6);
        assertThat(bench.supervisor.clamping(ClampLimit.ZONE_LOCKED)).isTrue();
    }

    @Test
    void an_estop_acknowledged_leaves_no_lock() {
        Bench bench = new Bench(spec, new InMemoryLockStore());
        bench.supervisor.requestEstop();
        bench.tick(40);
        bench.supervisor.acknowledge();
        assertThat(bench.locks.state().locks()).isEmpty();
    }

    @Test
    void a_failed_load_cell_locks_the_lift_which_is_then_kept_down() {
        Bench bench = new Bench(spec, new InMemoryLockStore());
        bench.s.forceN = Double.NaN;
        for (int i = 0; i < 3; i++) {
            bench.t += 10_000_000L;
            bench.s.timeNanos = bench.t;
            bench.s.presence = true;
            bench.s.zoneTempC[0] = 40 + (i % 2) * 0.02;
            bench.s.zoneTempC[1] = 40 - (i % 2) * 0.02;
            bench.supervisor.check(bench.s, bench.sp, bench.out, bench.status);
        }
        assertThat(bench.supervisor.fault().code()).isEqualTo(FaultCode.LOAD_CELL_FAILURE);
        assertThat(bench.locks.liftLocked()).as("recorded only after the tick's commands are written").isFalse();
        bench.supervisor.settleLocks();
        assertThat(bench.locks.liftLocked()).isTrue();
        bench.supervisor.acknowledge();
        bench.tick(40);
        bench.out.liftVelocityMmPerS = 5;
        bench.supervisor.clamp(bench.s, bench.sp, bench.out);
        assertThat(bench.out.liftVelocityMmPerS).isEqualTo(-spec.maxLiftSpeedMmPerS());
        assertThat(bench.supervisor.clamping(ClampLimit.LIFT_LOCKED)).isTrue();
    }

    @Test
    void a_stuck_on_heater_lock_keeps_the_heater_mains_open() {
        LockState stuck = LockState.empty().after(new Fault(FaultCode.HEATER_STUCK_ON, 0, 0, 50), MONDAY);
        Bench bench = new Bench(spec, new InMemoryLockStore(stuck));
        bench.tick(40);
        bench.out.heaterMains = true;
        bench.out.heaterDuty[1] = 0.5;
        bench.supervisor.clamp(bench.s, bench.sp, bench.out);
        assertThat(bench.out.heaterMains).as("a welded switch heats whatever its duty").isFalse();
    }

    @Test
    void a_service_reset_clears_one_lock_and_records_who_why_and_when() {
        InMemoryLockStore store = new InMemoryLockStore(LockState.empty()
                .after(new Fault(FaultCode.HEATER_RUNAWAY, 0, 1, 70), MONDAY)
                .after(new Fault(FaultCode.LOAD_CELL_FAILURE, 0, -1, Double.NaN), MONDAY));
        ServiceLocks locks = new ServiceLocks(store, Clock.fixed(MONDAY.plus(Duration.ofDays(2)), ZoneOffset.UTC), 2);
        LockReset reset = locks.reset(Lock.Target.ZONE_HEAT, 1, "A. Tech", "replaced the zone 1 heater relay");
        assertThat(reset.by()).isEqualTo("A. Tech");
        assertThat(reset.reason()).contains("relay");
        assertThat(reset.at()).isEqualTo(MONDAY.plus(Duration.ofDays(2)));
        assertThat(reset.lock().cause()).isEqualTo(FaultCode.HEATER_RUNAWAY);
        assertThat(locks.zoneLocked(1)).isFalse();
        assertThat(locks.liftLocked()).as("the other lock holds").isTrue();
        assertThat(store.load().history()).containsExactly(reset);
        assertThatThrownBy(() -> locks.reset(Lock.Target.ZONE_HEAT, 0, "A. Tech", "checked"))
                .hasMessageContaining("zone 0's heat is not locked").hasMessageContaining("lift (LOAD_CELL_FAILURE)");
        assertThatThrownBy(() -> locks.reset(Lock.Target.LIFT, -1, " ", "checked")).hasMessageContaining("by");
    }

    @Test
    void a_locked_zone_still_trips_when_its_roller_reads_over_the_trip_line() {
        LockState stuckSensor = LockState.empty().after(new Fault(FaultCode.THERMISTOR_STUCK, 0, 1, 41), MONDAY);
        Bench bench = new Bench(spec, new InMemoryLockStore(stuckSensor));
        for (int i = 0; i < 10; i++) {
            bench.tick(-40);
        }
        assertThat(bench.supervisor.tripped()).as("an open sensor on the locked zone is ignored").isFalse();
        bench.tick(spec.overTempTripC() + 3);
        assertThat(bench.supervisor.fault().code()).isEqualTo(FaultCode.ROLLER_OVER_TEMPERATURE);
        assertThat(bench.supervisor.fault().zone()).isEqualTo(1);
    }
}
