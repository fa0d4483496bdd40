package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rollwell.bed.io.SensorFrame;
import org.junit.jupiter.api.Test;

class NoiseAndDeterminismTest {

    private static final Consumer<Rig> SESSION = Rig.holdRollers(50).andThen(Rig.pressTo(180))
            .andThen(r -> r.out.carriageVelocityMmPerS = r.seconds() % 20 < 10 ? 25 : -25);

    private static List<String> frames(long seed, double seconds) {
        Rig rig = new Rig(SmoothBack.TYPICAL, seed);
        rig.bed.placeCarriage(300);
        rig.bed.scheduleFault(7.5, FaultKind.ENCODER_SLIP, -1);
        rig.bed.scheduleFault(9.0, FaultKind.THERMISTOR_STUCK, 1);
        List<String> out = new ArrayList<>();
        long ticks = Math.round(seconds * 100);
        for (long i = 0; i < ticks; i++) {
            rig.tick(SESSION);
            out.add(describe(rig.in));
        }
        return out;
    }

    static String describe(SensorFrame f) {
        return f.timeNanos + " " + f.carriagePositionMm + " " + f.homeSwitch + " " + f.limitSwitch + " " + f.liftMm + " "
                + f.forceN + " " + f.zoneTempC[0] + " " + f.zoneTempC[1] + " " + f.stopButton + " " + f.presence;
    }

    @Test
    void the_same_seed_gives_identical_frames_and_another_seed_different_noise() {
        List<String> first = frames(42, 12);
        assertThat(frames(42, 12)).isEqualTo(first);
        assertThat(frames(43, 12)).isNotEqualTo(first);
    }

    @Test
    void the_load_cell_reads_the_true_force_with_noise_of_about_2_newtons() {
        Rig rig = new Rig(SmoothBack.TYPICAL, 5);
        rig.run(5, Rig.pressTo(150));
        int n = 20_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            rig.tick(r -> r.out.liftVelocityMmPerS = 0);
            double errorN = rig.in.forceN - rig.bed.trueForceN();
            sum += errorN;
            sumSq += errorN * errorN;
        }
        double mean = sum / n;
        double sigma = Math.sqrt(sumSq / n - mean * mean);
        assertThat(rig.bed.trueForceN()).isBetween(120.0, 180.0);
        assertThat(mean).isCloseTo(0, within(0.1));
        assertThat(sigma).isCloseTo(2.0, within(0.1));
    }

    @Test
    void with_noise_off_the_sensors_read_the_truth_to_their_resolution() {
        Rig rig = new Rig(SmoothBack.TYPICAL, 5);
        rig.bed.noise(false);
        rig.run(30, Rig.pressTo(150).andThen(Rig.holdRollers(45)).andThen(r -> r.out.carriageVelocityMmPerS = 20));
        assertThat(rig.in.forceN).isEqualTo(rig.bed.trueForceN());
        assertThat(rig.in.liftMm).isCloseTo(rig.bed.trueLiftMm(), within(0.1));
        // the thermistor still lags: a tenth of a degree at most while the roller is near its target
        assertThat(rig.in.zoneTempC[0]).isCloseTo(rig.bed.rollerTempC(0), within(3.0));
    }

    @Test
    void the_load_cell_clips_at_its_full_scale_and_the_lift_stalls_against_a_hard_back() {
        Rig rig = new Rig(new SmoothBack(10, 60), 5);
        rig.run(6, r -> {
            r.out.motorsEnabled = true;
            r.out.liftVelocityMmPerS = 10;
        });
        assertThat(rig.bed.trueForceN()).isGreaterThan(600);
        assertThat(rig.in.forceN).isEqualTo(600);
        // the screw stalls at its thrust: ≈ 800 N, not the 2400 N that 70 mm of lift would ask of this back
        assertThat(rig.bed.trueForceN()).isLessThan(850);
    }

    @Test
    void with_the_rollers_lowered_the_load_cell_reads_near_zero_and_never_below() {
        Rig rig = new Rig(SmoothBack.TYPICAL, 9);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < 2000; i++) {
            rig.tick(r -> { });
            min = Math.min(min, rig.in.forceN);
            max = Math.max(max, rig.in.forceN);
        }
        assertThat(min).isZero();
        assertThat(max).isBetween(2.0, 10.0);
    }
}
