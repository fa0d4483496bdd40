package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CarriageAndLiftTest {

    private static Consumer<Rig> drive(double mmPerS) {
        return r -> {
            r.out.motorsEnabled = true;
            r.out.carriageVelocityMmPerS = mmPerS;
        };
    }

    @Test
    void a_commanded_60_mm_per_s_is_reached_at_the_beds_300_mm_per_s2_and_held() {
        Rig rig = Rig.smooth();
        rig.bed.noise(false);
        double maxAccel = 0;
        double previous = 0;
        double reachedS = Double.NaN;
        for (int i = 1; i <= 150; i++) {
            rig.tick(drive(60));
            double v = rig.bed.trueCarriageVelocityMmPerS();
            maxAccel = Math.max(maxAccel, (v - previous) / 0.01);
            previous = v;
            if (Double.isNaN(reachedS) && v >= 59) {
                reachedS = rig.seconds();
            }
        }
        // 60 / 300 = 0.2 s of ramp plus the drive's 15 ms lag
        assertThat(reachedS).isBetween(0.19, 0.3);
        assertThat(maxAccel).isLessThanOrEqualTo(300 * 1.05);
        assertThat(rig.bed.trueCarriageVelocityMmPerS()).isCloseTo(60, within(0.5));
    }

    @Test
    void a_command_beyond_80_mm_per_s_gets_the_motors_80() {
        Rig rig = Rig.smooth();
        rig.run(1.0, drive(200));
        assertThat(rig.bed.trueCarriageVelocityMmPerS()).isCloseTo(80, within(0.5));
    }

    @Test
    void pressing_rollers_slow_the_carriage_only_for_a_moment_because_the_drive_closes_its_speed_loop() {
        Rig rig = Rig.smooth();
        rig.run(5, Rig.pressTo(250));
        rig.run(3, drive(40).andThen(Rig.pressTo(250)));
        assertThat(rig.bed.trueForceN()).isGreaterThan(150);
        assertThat(rig.bed.trueCarriageVelocityMmPerS()).isCloseTo(40, within(1.0));
    }

    @Test
    void the_home_and_limit_switches_trip_at_the_ends_of_travel_and_the_hard_stops_hold_the_carriage() {
        Rig rig = new Rig(SmoothBack.TYPICAL, 3);
        rig.bed.placeCarriage(500);
        rig.run(0.05, drive(0));
        assertThat(rig.in.homeSwitch).isFalse();
        assertThat(rig.in.limitSwitch).isFalse();

        double toLimit = rig.runUntil(20, drive(80), r -> r.in.limitSwitch);
        // 450 mm at 80 mm/s after a 0.27 s ramp
        assertThat(toLimit).isBetween(5.6, 6.0);
        assertThat(rig.in.carriagePositionMm).isCloseTo(950, within(1.0));
        rig.run(2, drive(80));
        assertThat(rig.bed.trueCarriagePositionMm()).isEqualTo(955);

        double toHome = rig.runUntil(30, drive(-80), r -> r.in.homeSwitch);
        assertThat(toHome).isBetween(11.8, 12.3);
        assertThat(rig.in.carriagePositionMm).isCloseTo(0, within(1.0));
        rig.run(2, drive(-80));
        assertThat(rig.bed.trueCarriagePositionMm()).isEqualTo(-5);
        assertThat(rig.in.homeSwitch).isTrue();
    }

    @Test
    void the_encoder_reports_whole_tenths_of_a_millimetre() {
        Rig rig = Rig.smooth();
        rig.run(0.73, drive(13.7));
        double counts = rig.in.carriagePositionMm / 0.1;
        assertThat(counts).isCloseTo(Math.rint(counts), within(1e-6));
        assertThat(rig.in.carriagePositionMm).isCloseTo(rig.bed.trueCarriagePositionMm(), within(0.1 + 1e-9));
    }

    @Test
    void the_motor_deadman_stops_the_carriage_within_half_a_second_of_the_last_write() {
        Rig rig = new Rig(SmoothBack.TYPICAL, 4);
        rig.bed.placeCarriage(100);
        rig.run(2, drive(80));
        double stalledAt = rig.seconds();
        double stoppedAfter = Double.NaN;
        for (int i = 1; i <= 100; i++) {
            rig.stall(0.01);
            if (rig.bed.trueCarriageVelocityMmPerS() == 0) {
                stoppedAfter = rig.seconds() - stalledAt;
                break;
            }
        }
        // DOMAIN.md §2 / issue 4: the drives drop at 0.5 s; the carriage coasts to rest on its friction
        assertThat(stoppedAfter).isBetween(0.5, 0.6);
        assertThat(rig.bed.motorDeadmanTripped()).isTrue();
    }

    @Test
    void disabled_motors_let_the_carriage_coast_to_a_stop_and_hold_the_lift() {
        Rig rig = Rig.smooth();
        rig.run(1, drive(60).andThen(r -> r.out.liftVelocityMmPerS = 10));
        double liftMm = rig.bed.trueLiftMm();
        rig.run(0.5, r -> r.out.motorsEnabled = false);
        assertThat(rig.bed.trueCarriageVelocityMmPerS()).isZero();
        assertThat(rig.bed.trueLiftMm()).isCloseTo(liftMm, within(0.3));
    }

    @Test
    void the_lift_rises_at_most_10_mm_per_s_and_stays_within_0_to_70_mm() {
        Rig rig = new Rig(new SmoothBack(200, 10), 5);
        Consumer<Rig> up = r -> {
            r.out.motorsEnabled = true;
            r.out.liftVelocityMmPerS = 50;
        };
        rig.run(1, up);
        assertThat(rig.bed.trueLiftMm()).isBetween(9.0, 10.0);
        rig.run(10, up);
        assertThat(rig.in.liftMm).isCloseTo(70, within(1e-9));
        rig.run(10, r -> r.out.liftVelocityMmPerS = -10);
        assertThat(rig.in.liftMm).isZero();
    }

    @Test
    void raising_the_lift_into_the_back_builds_force_as_compression_times_stiffness() {
        Rig rig = Rig.smooth();
        rig.bed.noise(false);
        // at home the smooth back touches at 20 mm of lift; 10 N/mm
        rig.run(5, r -> {
            r.out.motorsEnabled = true;
            r.out.liftVelocityMmPerS = r.bed.trueLiftMm() < 35 ? 10 : 0;
        });
        rig.run(1, r -> r.out.liftVelocityMmPerS = 0);
        double compressionMm = rig.bed.trueLiftMm() - 20;
        assertThat(rig.in.forceN).isCloseTo(10 * compressionMm, within(0.5));
        assertThat(compressionMm).isGreaterThan(10);
    }

    @Test
    void a_lift_holding_a_force_follows_the_back_as_the_carriage_travels() {
        Rig rig = Rig.smooth();
        rig.run(5, Rig.pressTo(200));
        rig.run(6, drive(60).andThen(Rig.pressTo(200)));
        // halfway along, the smooth back rises 5 mm higher than at home
        assertThat(rig.bed.trueLiftMm()).isCloseTo(20 + 5 * Math.sin(rig.bed.trueCarriagePositionMm() / 950 * Math.PI) + 20, within(2.0));
        assertThat(rig.bed.trueForceN()).isCloseTo(200, within(20.0));
    }
}
