package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class HeaterPhysicsTest {

    private static final Consumer<Rig> FULL_POWER = r -> {
        r.out.heaterMains = true;
        java.util.Arrays.fill(r.out.heaterDuty, 1.0);
    };

    @Test
    void full_power_warms_a_roller_from_20_to_45_degrees_in_a_few_minutes_like_a_commercial_bed() {
        Rig rig = Rig.smooth();
        double seconds = rig.runUntil(900, FULL_POWER, r -> r.bed.rollerTempC(0) >= 45);

        assertThat(seconds).isBetween(150.0, 360.0);
        assertThat(rig.bed.heaterPowerW(0)).isEqualTo(150.0);
    }

    @Test
    void the_thermistor_lags_the_roller_while_it_warms_and_catches_up_at_rest() {
        Rig rig = Rig.smooth();
        rig.bed.noise(false);
        rig.runUntil(900, FULL_POWER, r -> r.bed.rollerTempC(0) >= 45);
        double lagC = rig.bed.rollerTempC(0) - rig.in.zoneTempC[0];

        // a 4 s lag behind a ramp of ≈ 0.1 °C/s reads ≈ 0.4 °C low
        assertThat(lagC).isBetween(0.2, 1.0);

        rig.run(40, Rig.holdRollers(45));
        assertThat(rig.in.zoneTempC[0]).isCloseTo(rig.bed.rollerTempC(0), within(0.1));
    }

    @Test
    void a_roller_held_at_45_degrees_in_a_20_degree_room_takes_about_a_fifth_of_full_power() {
        Rig rig = Rig.smooth();
        rig.run(600, Rig.holdRollers(45));

        assertThat(rig.bed.rollerTempC(0)).isCloseTo(45, within(0.5));
        assertThat(rig.out.heaterDuty[0]).isBetween(0.12, 0.3);
    }

    @Test
    void a_stuck_on_heater_is_stopped_by_the_bimetal_cut_off_at_70_degrees_long_before_the_85_degree_fuse() {
        Rig rig = Rig.smooth();
        rig.bed.injectFault(FaultKind.HEATER_STUCK_ON, 1);
        double peak[] = {0};
        double seconds = rig.runUntil(3600, r -> {
            r.out.heaterMains = true;
            peak[0] = Math.max(peak[0], r.bed.rollerTempC(1));
        }, r -> r.bed.cutoffOpen(1));

        assertThat(seconds).isNotNaN();
        assertThat(rig.in.cutoffOpen[1]).as("the board reports its open cut-off").isTrue();
        assertThat(rig.bed.cutoffOpen(0)).isFalse();

        rig.run(300, r -> {
            r.out.heaterMains = true;
            peak[0] = Math.max(peak[0], r.bed.rollerTempC(1));
        });
        assertThat(peak[0]).as("the roller surface never passes the cut-off's rating").isCloseTo(70, within(0.05)).isLessThanOrEqualTo(70);
        assertThat(rig.bed.heaterPowerW(1)).isZero();
        assertThat(rig.bed.thermalFuseOpen(1)).isFalse();
        assertThat(rig.bed.rollerTempC(1)).isLessThan(68);
    }

    @Test
    void a_stuck_on_heater_heats_with_zero_duty_and_cools_once_the_mains_relay_opens() {
        Rig rig = Rig.smooth();
        rig.run(10, Rig.holdRollers(45));
        rig.bed.injectFault(FaultKind.HEATER_STUCK_ON, 0);
        rig.run(120, r -> {
            r.out.heaterMains = true;
            java.util.Arrays.fill(r.out.heaterDuty, 0.0);
        });
        double heatedC = rig.bed.rollerTempC(0);
        assertThat(heatedC).isGreaterThan(30);
        assertThat(rig.bed.rollerTempC(1)).isLessThan(heatedC);

        rig.run(120, r -> r.out.heaterMains = false);
        assertThat(rig.bed.heaterPowerW(0)).isZero();
        assertThat(rig.bed.rollerTempC(0)).isLessThan(heatedC);
    }

    @Test
    void a_dead_heater_gives_no_heat_at_full_duty() {
        Rig rig = Rig.smooth();
        rig.bed.scheduleFault(1.0, FaultKind.HEATER_DEAD, 0);
        rig.run(120, FULL_POWER);

        assertThat(rig.bed.rollerTempC(0)).isCloseTo(20, within(0.5));
        assertThat(rig.bed.rollerTempC(1)).isGreaterThan(30);
        assertThat(rig.bed.injectedFaults()).singleElement()
                .satisfies(f -> assertThat(f.injectedAtNanos()).isEqualTo(1_000_000_000L));
    }

    @Test
    void the_boards_heater_deadman_cuts_power_within_3_seconds_of_the_last_write() {
        Rig rig = Rig.smooth();
        rig.run(30, FULL_POWER);
        rig.stall(2.9);
        assertThat(rig.bed.heaterPowerW(0)).isEqualTo(150.0);

        rig.stall(0.2);
        assertThat(rig.bed.heaterDeadmanTripped()).isTrue();
        assertThat(rig.bed.heaterPowerW(0)).isZero();
        assertThat(rig.bed.heaterPowerW(1)).isZero();
    }

    @Test
    void the_heater_deadman_also_cuts_a_stuck_on_heater_because_it_opens_the_mains_relay() {
        Rig rig = Rig.smooth();
        rig.bed.injectFault(FaultKind.HEATER_STUCK_ON, 0);
        rig.run(30, r -> r.out.heaterMains = true);
        rig.stall(3.1);

        assertThat(rig.bed.heaterPowerW(0)).isZero();
    }
}
