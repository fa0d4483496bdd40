package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.BedSpec;

class OtherBedsTest {

    /** A shorter, slower bed with one heater zone of 200 W and a noisier load cell. */
    private static final BedSpec SMALL = new BedSpec(
            800, 50, 200, 0.1,
            60, 8, 0.1,
            500, 300, 4,
            1, 200, 40,
            -10, 120, 30, 60, 5, 80,
            45, 100, 0.5, 3.0,
            12, 145, 200, 120,
            70, 15, 0.01, 1, 1300, 1.2);

    @Test
    void the_reference_bed_is_the_default_and_another_spec_is_reported_as_given() {
        assertThat(new SimulatedBed(SmoothBack.TYPICAL, 1, () -> 0L).spec()).isEqualTo(BedSpec.REFERENCE);
        assertThat(new Rig(SMALL, SmoothBack.TYPICAL, 1).bed.spec()).isEqualTo(SMALL);
    }

    @Test
    void a_smaller_bed_obeys_its_own_travel_speed_zones_and_fuse() {
        Rig rig = new Rig(SMALL, SmoothBack.TYPICAL, 2);
        rig.bed.injectFault(FaultKind.HEATER_STUCK_ON, 0);
        double toLimit = rig.runUntil(30, r -> {
            r.out.motorsEnabled = true;
            r.out.carriageVelocityMmPerS = 80;
            r.out.heaterMains = true;
        }, r -> r.in.limitSwitch);

        assertThat(rig.in.zoneTempC).hasSize(1);
        assertThat(rig.bed.trueCarriageVelocityMmPerS()).isCloseTo(50, within(0.5));
        assertThat(toLimit).isCloseTo(800 / 50.0 + 0.125, within(0.1));
        assertThat(rig.bed.heaterPowerW(0)).isEqualTo(200);
        rig.runUntil(3600, r -> r.out.heaterMains = true, r -> r.bed.cutoffOpen(0));
        assertThat(rig.bed.rollerTempC(0)).isCloseTo(70, within(0.3));
        assertThatThrownBy(() -> rig.bed.injectFault(FaultKind.THERMISTOR_OPEN, 1)).hasMessageContaining("0–0");
    }

    @Test
    void power_on_settings_are_refused_once_the_twin_runs_and_out_of_range_ones_always() {
        Rig rig = Rig.smooth();
        assertThatThrownBy(() -> rig.bed.placeCarriage(960)).hasMessageContaining("positionMm");
        assertThatThrownBy(() -> rig.bed.ambient(55)).hasMessageContaining("ambient");
        rig.tick(r -> { });
        assertThatThrownBy(() -> rig.bed.placeCarriage(100)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_cold_room_starts_the_rollers_cold_and_a_placed_carriage_reads_where_it_stands() {
        Rig rig = Rig.smooth();
        rig.bed.ambient(12).placeCarriage(432.1).noise(false);
        rig.tick(r -> { });
        assertThat(rig.in.zoneTempC[0]).isCloseTo(12, within(0.01));
        assertThat(rig.in.carriagePositionMm).isCloseTo(432.1, within(1e-9));
        assertThat(rig.in.homeSwitch).isFalse();
    }

    @Test
    void non_finite_commands_are_refused_by_the_board_as_zero_and_counted() {
        Rig rig = Rig.smooth();
        rig.run(1, r -> {
            r.out.motorsEnabled = true;
            r.out.carriageVelocityMmPerS = Double.NaN;
            r.out.heaterMains = true;
            r.out.heaterDuty[0] = Double.POSITIVE_INFINITY;
        });
        assertThat(rig.bed.trueCarriageVelocityMmPerS()).isZero();
        assertThat(rig.bed.heaterPowerW(0)).isZero();
        assertThat(rig.bed.rejectedCommands()).isEqualTo(200);
    }
}
