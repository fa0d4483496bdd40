package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 1: the board as its own layer, below the host (DOMAIN.md §5 "Independent layers"),
 * and the signatures of the twin's new faults in the frames the host reads.
 */
class BoardLayerTest {

    /** Presses the rollers in at 150 N with both heaters holding 45 °C for {@code seconds}. */
    private static Rig pressedAndWarm(double seconds) {
        Rig rig = Rig.smooth();
        rig.bed.placeCarriage(400);
        rig.run(seconds, r -> {
            Rig.pressTo(150).accept(r);
            Rig.holdRollers(45).accept(r);
        });
        return rig;
    }

    @Test
    void the_wired_stop_button_cuts_heat_at_once_lowers_the_lift_and_then_drops_motor_power_whatever_the_host_says() {
        Rig rig = pressedAndWarm(300);
        assertThat(rig.bed.trueForceN()).isGreaterThan(100);
        rig.bed.injectFault(FaultKind.ESTOP, 0);
        // a host that ignores the button and keeps pressing and heating
        rig.tick(r -> {
            Rig.pressTo(300).accept(r);
            Rig.holdRollers(60).accept(r);
        });
        assertThat(rig.bed.heaterPowerW(0) + rig.bed.heaterPowerW(1)).as("heater power within one 10 ms tick").isZero();
        assertThat(rig.in.stopButton).isTrue();

        double releasedS = rig.runUntil(10, r -> Rig.pressTo(300).accept(r), r -> r.bed.trueForceN() < 1.0);
        assertThat(releasedS).as("rollers off the back, s").isLessThan(2.0);
        double unpoweredS = rig.runUntil(10, r -> Rig.pressTo(300).accept(r), r -> !r.in.motorPower);
        assertThat(unpoweredS).isNotNaN();
        assertThat(rig.bed.trueLiftMm()).as("the lift rests on its lower stop").isZero();
        assertThat(rig.bed.trueCarriageVelocityMmPerS()).isZero();
    }

    @Test
    void a_host_that_stops_writing_has_its_carriage_stopped_its_lift_lowered_and_its_heat_cut_by_the_dead_man() {
        Rig rig = pressedAndWarm(300);
        rig.tick(r -> r.out.carriageVelocityMmPerS = 60);
        rig.run(0.5, r -> { });
        rig.stall(0.6);
        assertThat(rig.bed.motorDeadmanTripped()).isTrue();
        assertThat(rig.bed.trueCarriageVelocityMmPerS()).isCloseTo(0, within(1.0));
        rig.stall(2.3);
        assertThat(rig.bed.trueForceN()).as("rollers off the back within 3.5 s of the hang").isLessThan(1.0);
        assertThat(rig.bed.heaterPowerW(0)).as("heaters live until the 3 s heater dead-man").isPositive();
        rig.stall(0.2);
        assertThat(rig.bed.heaterPowerW(0) + rig.bed.heaterPowerW(1)).isZero();
        assertThat(rig.bed.motorPowerOn()).as("motor power kept while the board lowers the lift").isTrue();
        rig.stall(6);
        assertThat(rig.bed.trueLiftMm()).isZero();
        assertThat(rig.bed.motorPowerOn()).as("motor power dropped once the lift is down").isFalse();
    }

    @Test
    void a_healthy_bed_reports_a_watch_sensor_within_noise_of_the_thermistor_and_a_motor_current_within_the_friction_band() {
        Rig rig = pressedAndWarm(120);
        double worstC = 0;
        double worstN = 0;
        for (int i = 0; i < 500; i++) {
            rig.tick(r -> {
                Rig.pressTo(150).accept(r);
                Rig.holdRollers(45).accept(r);
            });
            for (int z = 0; z < 2; z++) {
                worstC = Math.max(worstC, Math.abs(rig.in.zoneTempC[z] - rig.in.watchTempC[z]));
            }
            worstN = Math.max(worstN, Math.abs(rig.in.liftMotorCurrentA / rig.bed.spec().liftCurrentAPerN() - rig.in.forceN));
        }
        assertThat(worstC).isLessThan(1.0);
        assertThat(worstN).isLessThan(rig.bed.spec().liftFrictionBandN());
        assertThat(rig.in.motorPower).isTrue();
    }

    @Test
    void a_detached_thermistor_relaxes_toward_the_room_and_a_drifting_one_reads_low_while_the_watch_sensor_tells_the_truth() {
        Rig rig = pressedAndWarm(400);
        rig.bed.injectFault(FaultKind.THERMISTOR_DETACHED, 0);
        rig.bed.injectFault(FaultKind.THERMISTOR_DRIFT, 1);
        rig.run(10, r -> Rig.pressTo(150).accept(r));
        assertThat(rig.in.zoneTempC[0]).as("detached, 10 s later").isLessThan(rig.in.watchTempC[0] - 5);
        assertThat(rig.in.watchTempC[1] - rig.in.zoneTempC[1]).as("drifting, 10 s at 0.5 °C/s").isCloseTo(5, within(0.5));
        rig.run(60, r -> Rig.pressTo(150).accept(r));
        assertThat(rig.in.watchTempC[1] - rig.in.zoneTempC[1]).as("the drift stops at 20 °C").isCloseTo(20, within(0.5));
    }

    @Test
    void a_stuck_load_cell_freezes_and_a_drifting_one_loses_half_its_gain_in_10_s() {
        Rig stuck = pressedAndWarm(60);
        stuck.bed.injectFault(FaultKind.LOAD_CELL_STUCK, 0);
        stuck.tick(r -> { });
        double frozen = stuck.in.forceN;
        stuck.run(2, r -> r.out.liftVelocityMmPerS = 2);
        assertThat(stuck.in.forceN).isEqualTo(frozen);
        assertThat(stuck.bed.trueForceN()).isGreaterThan(frozen + 10);

        Rig drift = pressedAndWarm(60);
        drift.bed.injectFault(FaultKind.LOAD_CELL_DRIFT, 0);
        drift.run(12, r -> r.out.liftVelocityMmPerS = 0);
        assertThat(drift.in.forceN / drift.bed.trueForceN()).isCloseTo(0.5, within(0.05));
    }

    /**
     * Issue 8: one relay for both drives left a runaway carriage a choice between running on and a lift held
     * pressed into the back. The carriage driver's own enable stops it while the lift, still powered, lowers.
     */
    @Test
    void a_runaway_carriage_stops_on_its_own_driver_enable_while_the_lift_keeps_power_to_lower() {
        Rig rig = pressedAndWarm(60);
        rig.bed.injectFault(FaultKind.CARRIAGE_RUNAWAY, 0);
        rig.run(0.3, r -> {
            r.out.motorsEnabled = true;
            r.out.carriageVelocityMmPerS = 0;
        });
        assertThat(Math.abs(rig.bed.trueCarriageVelocityMmPerS())).as("the carriage runs away").isGreaterThan(10);
        double pressedMm = rig.bed.trueLiftMm();
        rig.run(1, r -> {
            r.out.motorsEnabled = true;
            r.out.carriageDriveEnabled = false;
            r.out.carriageVelocityMmPerS = 0;
            r.out.liftVelocityMmPerS = -10;
        });
        assertThat(rig.bed.trueCarriageVelocityMmPerS()).as("coasted to a stop").isZero();
        assertThat(rig.bed.trueLiftMm()).as("the lift lowered under power").isLessThanOrEqualTo(Math.max(0, pressedMm - 5));
    }

    @Test
    void runaway_drives_ignore_their_commands_until_their_power_is_dropped_and_a_weak_heater_gives_30_percent() {
        Rig lift = pressedAndWarm(60);
        double before = lift.bed.trueLiftMm();
        lift.bed.injectFault(FaultKind.LIFT_DRIVE_RUNAWAY, 0);
        lift.run(0.3, r -> r.out.liftVelocityMmPerS = -10);
        // it rises against a lowering command until the board's own guard opens the motor relay, 1 mm up
        assertThat(lift.bed.trueLiftMm()).as("rose against a lowering command").isGreaterThan(before + 0.9);
        assertThat(lift.bed.motorPowerOn()).as("the board took the runaway's power").isFalse();
        lift.run(0.5, r -> r.out.motorsEnabled = false);
        double held = lift.bed.trueLiftMm();
        lift.run(1, r -> r.out.motorsEnabled = false);
        assertThat(lift.bed.trueLiftMm()).as("the self-locking screw holds").isEqualTo(held);

        Rig carriage = Rig.smooth();
        carriage.bed.placeCarriage(300);
        carriage.bed.injectFault(FaultKind.CARRIAGE_RUNAWAY, 0);
        carriage.run(1, r -> {
            r.out.motorsEnabled = true;
            r.out.carriageVelocityMmPerS = 0;
        });
        assertThat(carriage.bed.trueCarriageVelocityMmPerS()).isCloseTo(80, within(0.5));
        carriage.run(0.5, r -> r.out.motorsEnabled = false);
        assertThat(carriage.bed.trueCarriageVelocityMmPerS()).isZero();

        Rig weak = Rig.smooth();
        weak.bed.injectFault(FaultKind.HEATER_WEAK, 1);
        weak.tick(r -> {
            r.out.heaterMains = true;
            java.util.Arrays.fill(r.out.heaterDuty, 1.0);
        });
        weak.tick(r -> { });
        assertThat(weak.bed.heaterPowerW(1)).isCloseTo(0.3 * weak.bed.heaterPowerW(0), within(1e-9));
    }

    /**
     * Task "faults" (SessionProperties' multi-fault exploration): a lift drive that runs away while the board lowers the
     * lift on the stop button climbs instead of coming down; the board opens the motor relay once the lift rises 1 mm
     * above the lowest it reached, and keeps it open, whatever the host writes.
     */
    @Test
    void a_lift_drive_that_runs_away_during_a_stop_loses_its_motor_power_for_good() {
        Rig rig = pressedAndWarm(60);
        rig.bed.injectFault(FaultKind.ESTOP, 0);
        rig.bed.injectFault(FaultKind.LIFT_DRIVE_RUNAWAY, 0);
        double liftAtPressMm = rig.bed.trueLiftMm();
        double cutS = rig.runUntil(1, r -> r.out.motorsEnabled = true, r -> !r.bed.motorPowerOn());
        assertThat(cutS).as("s until the board cut the runaway drive").isLessThan(0.3);
        assertThat(rig.bed.trueLiftMm()).isLessThan(liftAtPressMm + 1.5);
        rig.run(3, r -> r.out.motorsEnabled = true);
        assertThat(rig.bed.motorPowerOn()).as("the relay stays open").isFalse();
        assertThat(rig.bed.trueLiftMm()).as("the self-locking lift holds").isLessThan(liftAtPressMm + 1.5);
    }

    /** A host that cut motor power (it saw a drive run away) is not overruled when the stop button is pressed after. */
    @Test
    void the_stop_button_never_gives_back_motor_power_the_host_has_cut() {
        Rig rig = pressedAndWarm(60);
        rig.run(0.1, r -> r.out.motorsEnabled = false);
        rig.bed.injectFault(FaultKind.ESTOP, 0);
        rig.bed.injectFault(FaultKind.LIFT_DRIVE_RUNAWAY, 0);
        double liftMm = rig.bed.trueLiftMm();
        rig.run(2, r -> r.out.motorsEnabled = false);
        assertThat(rig.bed.motorPowerOn()).isFalse();
        assertThat(rig.bed.trueLiftMm()).isEqualTo(liftMm);
    }

    /**
     * A host that hangs while it raises the lift: the board obeys the stale command only 50 ms, then lowers the lift
     * long before the 0.5 s motor dead-man (which let the rollers press on into the back).
     */
    @Test
    void a_host_that_hangs_while_raising_the_lift_has_it_lowered_within_a_tenth_of_a_second() {
        Rig rig = pressedAndWarm(60);
        rig.run(0.05, r -> {
            r.out.motorsEnabled = true;
            r.out.liftVelocityMmPerS = 10;
        });
        double liftAtHangMm = rig.bed.trueLiftMm();
        rig.stall(0.1);
        assertThat(rig.bed.motorDeadmanTripped()).isFalse();
        assertThat(rig.bed.trueLiftMm()).as("lift, mm").isLessThan(liftAtHangMm + 0.8);
        rig.stall(0.3);
        assertThat(rig.bed.trueLiftMm()).isLessThan(liftAtHangMm);
        assertThat(rig.bed.motorPowerOn()).as("a healthy lift coming down keeps its power").isTrue();
    }
}
