package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each fault's signature in the sensor frames, as the supervisor in bed must see it. */
class FaultSignatureTest {

    /** Rollers held at 45 °C pressing 150 N while the carriage rolls at 30 mm/s from 200 mm. */
    private static final Consumer<Rig> WORKING = Rig.holdRollers(45).andThen(Rig.pressTo(150))
            .andThen(r -> r.out.carriageVelocityMmPerS = 30);

    private static Rig working() {
        Rig rig = new Rig(SmoothBack.TYPICAL, 11);
        rig.bed.placeCarriage(200);
        rig.run(5, WORKING);
        return rig;
    }

    @Test
    void an_open_thermistor_reads_far_below_the_valid_range_from_the_first_sample() {
        Rig rig = working();
        rig.bed.injectFault(FaultKind.THERMISTOR_OPEN, 0);
        rig.tick(WORKING);
        assertThat(rig.in.zoneTempC[0]).isLessThan(-10 - 20);
        assertThat(rig.in.zoneTempC[1]).isBetween(15.0, 60.0);
    }

    @Test
    void a_shorted_thermistor_reads_far_above_the_valid_range_from_the_first_sample() {
        Rig rig = working();
        rig.bed.injectFault(FaultKind.THERMISTOR_SHORT, 1);
        rig.tick(WORKING);
        assertThat(rig.in.zoneTempC[1]).isGreaterThan(120 + 20);
    }

    @Test
    void a_stuck_thermistor_repeats_its_last_reading_while_the_roller_heats() {
        Rig rig = working();
        double lastC = rig.in.zoneTempC[0];
        rig.bed.injectFault(FaultKind.THERMISTOR_STUCK, 0);
        rig.run(60, r -> {
            r.out.heaterMains = true;
            r.out.heaterDuty[0] = 1;
        });
        assertThat(rig.in.zoneTempC[0]).isEqualTo(lastC);
        assertThat(rig.bed.rollerTempC(0)).isGreaterThan(lastC + 3);
    }

    @Test
    void a_stalled_carriage_stays_put_whatever_the_command_and_its_encoder_with_it() {
        Rig rig = working();
        rig.bed.injectFault(FaultKind.CARRIAGE_STALL, -1);
        double heldMm = rig.bed.trueCarriagePositionMm();
        rig.tick(WORKING);
        double readMm = rig.in.carriagePositionMm;
        rig.run(1, WORKING);
        assertThat(rig.bed.trueCarriagePositionMm()).isEqualTo(heldMm);
        assertThat(rig.in.carriagePositionMm).isEqualTo(readMm);
    }

    @Test
    void a_slipping_encoder_jumps_then_drifts_away_from_the_true_position() {
        Rig rig = working();
        rig.bed.injectFault(FaultKind.ENCODER_SLIP, -1);
        rig.tick(WORKING);
        double firstGapMm = rig.bed.trueCarriagePositionMm() - rig.in.carriagePositionMm;
        rig.run(2, WORKING);
        double laterGapMm = rig.bed.trueCarriagePositionMm() - rig.in.carriagePositionMm;

        assertThat(firstGapMm).isCloseTo(10, within(0.3));
        // 2 s at 30 mm/s with a quarter of the counts lost: 15 mm more
        assertThat(laterGapMm).isCloseTo(25, within(1.0));
    }

    @Test
    void a_failed_load_cell_reads_beyond_full_scale_whatever_the_force() {
        Rig rig = working();
        rig.bed.injectFault(FaultKind.LOAD_CELL_FAIL, -1);
        rig.tick(r -> r.out.liftVelocityMmPerS = 0);
        assertThat(rig.in.forceN).isGreaterThan(rig.bed.spec().forceFullScaleN());
        assertThat(rig.bed.trueForceN()).isBetween(100.0, 200.0);
    }

    @Test
    void when_the_person_gets_up_the_mat_clears_and_the_rollers_press_on_nothing() {
        Rig rig = working();
        assertThat(rig.in.presence).isTrue();
        assertThat(rig.in.forceN).isGreaterThan(100);
        rig.bed.injectFault(FaultKind.PRESENCE_LOST, -1);
        rig.tick(WORKING);
        assertThat(rig.in.presence).isFalse();
        assertThat(rig.in.forceN).isLessThan(10);
        assertThat(rig.bed.personPresent()).isFalse();
    }

    @Test
    void the_stop_button_shows_in_the_next_frame_and_stays_pressed() {
        Rig rig = working();
        rig.bed.scheduleFault(rig.seconds() + 0.005, FaultKind.ESTOP, -1);
        rig.tick(WORKING);
        assertThat(rig.in.stopButton).isTrue();
        rig.run(1, WORKING);
        assertThat(rig.in.stopButton).isTrue();
    }

    @Test
    void a_loop_stall_is_the_hosts_fault_and_changes_nothing_in_the_twin_but_the_record() {
        Rig rig = working();
        assertThat(FaultKind.LOOP_STALL.hostSide()).isTrue();
        rig.bed.injectFault(FaultKind.LOOP_STALL, -1);
        rig.tick(WORKING);
        assertThat(rig.in.stopButton).isFalse();
        assertThat(rig.in.presence).isTrue();
        assertThat(rig.bed.injectedFaults()).extracting(InjectedFault::kind).containsExactly(FaultKind.LOOP_STALL);
    }

    @Test
    void scheduled_faults_strike_at_their_time_and_the_truth_log_records_when() {
        Rig rig = new Rig(SmoothBack.TYPICAL, 12);
        rig.bed.scheduleFault(2.345, FaultKind.HEATER_DEAD, 1);
        rig.bed.scheduleFault(1.0, FaultKind.ESTOP, 99);
        rig.run(3, WORKING);

        assertThat(rig.bed.injectedFaults()).containsExactly(
                new InjectedFault(FaultKind.ESTOP, -1, 1.0, 1_000_000_000L),
                new InjectedFault(FaultKind.HEATER_DEAD, 1, 2.345, 2_345_000_000L));
    }

    @Test
    void a_fault_injected_now_strikes_at_the_present_instant() {
        Rig rig = new Rig(SmoothBack.TYPICAL, 13);
        rig.run(1.234, WORKING);
        rig.bed.injectFault(FaultKind.PRESENCE_LOST, 7);
        assertThat(rig.bed.injectedFaults()).containsExactly(new InjectedFault(FaultKind.PRESENCE_LOST, -1, 1.23, 1_230_000_000L));
        assertThat(rig.bed.personPresent()).isFalse();
        assertThat(rig.bed.trueForceN()).isZero();
    }

    @Test
    void a_zoned_fault_without_a_valid_zone_is_refused_with_the_reason() {
        Rig rig = Rig.smooth();
        assertThatThrownBy(() -> rig.bed.scheduleFault(1, FaultKind.HEATER_STUCK_ON, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone").hasMessageContaining("0–1");
        assertThatThrownBy(() -> rig.bed.scheduleFault(-1, FaultKind.ESTOP, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atS");
        assertThatThrownBy(() -> rig.bed.scheduleFault(Double.NaN, FaultKind.ESTOP, -1)).hasMessageContaining("atS");
        assertThatThrownBy(() -> rig.bed.scheduleFault(1e30, FaultKind.ESTOP, -1)).hasMessageContaining("atS");
        assertThat(rig.bed.injectedFaults()).isEmpty();
    }

    @Test
    void every_fault_kind_except_the_hosts_leaves_a_mark_in_the_frames_within_six_minutes_of_a_warming_session() {
        for (FaultKind kind : FaultKind.values()) {
            if (kind.hostSide()) {
                continue;
            }
            Rig healthy = working();
            Rig faulty = working();
            faulty.bed.injectFault(kind, 0);
            boolean differs = false;
            for (int i = 0; i < 36_000 && !differs; i++) {
                healthy.tick(WORKING);
                faulty.tick(WORKING);
                differs = faulty.in.stopButton != healthy.in.stopButton || faulty.in.presence != healthy.in.presence
                        || Math.abs(faulty.in.forceN - healthy.in.forceN) > 20
                        || Math.abs(faulty.in.carriagePositionMm - healthy.in.carriagePositionMm) > 5
                        || Math.abs(faulty.in.zoneTempC[0] - healthy.in.zoneTempC[0]) > 2;
            }
            assertThat(differs).as(kind + " shows in the frames").isTrue();
        }
    }
}
