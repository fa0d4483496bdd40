package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;

/** The twin with the scan helper's modelled back (sim.body): scenarios a control engineer would run first. */
class TwinOnModelledBackTest {

    /** A tiny force loop: lift speed 0.3 mm/s per newton of error (loop gain 2–16 /s over 6–55 N/mm backs). */
    private static Consumer<Rig> holdForce(double forceN) {
        return r -> {
            r.out.motorsEnabled = true;
            r.out.liftVelocityMmPerS = Math.max(-10, Math.min(10, (forceN - r.in.forceN) * 0.3));
        };
    }

    private static Consumer<Rig> travel(double mmPerS) {
        return r -> r.out.carriageVelocityMmPerS = mmPerS;
    }

    @Test
    void given_a_typical_body_a_60_newton_scan_keeps_contact_and_the_lift_traces_the_back_from_c7_to_s1() {
        ModelledBack back = new ModelledBack(Body.TYPICAL, 3).withoutBreathing();
        Rig rig = new Rig(back, 3);
        rig.run(8, holdForce(60));
        double[] levels = back.levelsMm();
        double worstTraceErrorMm = 0;
        double minForceN = Double.MAX_VALUE;
        while (rig.bed.trueCarriagePositionMm() < 940) {
            rig.tick(holdForce(60).andThen(travel(20)));
            double x = rig.bed.trueCarriagePositionMm();
            if (x >= levels[0] && x <= levels[18]) {
                double expectedLiftMm = back.contactLiftMm(x, 0) + 60 / back.stiffnessNPerMm(x);
                worstTraceErrorMm = Math.max(worstTraceErrorMm, Math.abs(rig.bed.trueLiftMm() - expectedLiftMm));
                minForceN = Math.min(minForceN, rig.bed.trueForceN());
            }
        }
        assertThat(minForceN).isGreaterThan(20);
        assertThat(worstTraceErrorMm).isLessThan(4.0);
    }

    @Test
    void given_a_breathing_body_the_force_under_a_still_lift_rises_and_falls_12_to_15_times_a_minute() {
        ModelledBack back = new ModelledBack(Body.TYPICAL, 8);
        Rig rig = new Rig(back, 8);
        rig.bed.noise(false);
        double thoraxMm = back.levelsMm()[6];
        rig.bed.placeCarriage(thoraxMm);
        rig.run(8, holdForce(120));
        double mean = 0;
        int n = 6000;
        double[] forceN = new double[n];
        for (int i = 0; i < n; i++) {
            rig.tick(r -> r.out.liftVelocityMmPerS = 0);
            forceN[i] = rig.in.forceN;
            mean += forceN[i] / n;
        }
        int upCrossings = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 1; i < n; i++) {
            if (forceN[i - 1] < mean && forceN[i] >= mean) {
                upCrossings++;
            }
            min = Math.min(min, forceN[i]);
            max = Math.max(max, forceN[i]);
        }
        // 60 s of breathing at 12–15 /min; the thorax moves 1–1.75 mm against ≥ 6 N/mm
        assertThat(upCrossings).isBetween(11, 16);
        assertThat(max - min).isGreaterThan(10);
    }

    @Test
    void given_a_heavy_body_a_40_minute_warm_roll_at_50_degrees_keeps_the_true_skin_under_43_degrees_and_the_dose_under_the_cap() {
        ModelledBack back = new ModelledBack(new Body(190, 120, 45, 55, 120, 20), 21);
        Rig rig = new Rig(back, 21);
        Consumer<Rig> roll = rollBetween(150, 850, 15);
        rig.run(40 * 60, Rig.holdRollers(50).andThen(holdForce(100)).andThen(roll));

        assertThat(rig.bed.peakSkinTempC()).isLessThan(43);
        assertThat(rig.bed.maxCem43Min()).isLessThan(1.0);
        assertThat(rig.bed.rollerTempC(0)).isCloseTo(50, within(1.0));
    }

    @Property(tries = 8)
    void for_any_body_a_slow_roll_with_45_degree_rollers_leaves_the_skin_below_41_degrees(
            @ForAll @DoubleRange(min = 150, max = 200) double heightCm,
            @ForAll @DoubleRange(min = 45, max = 130) double weightKg,
            @ForAll @DoubleRange(min = 20, max = 60) double kyphosisDeg) {
        ModelledBack back = new ModelledBack(new Body(heightCm, weightKg, kyphosisDeg, 50, 100, 0), 4);
        Rig rig = new Rig(back, 4);
        rig.bed.placeCarriage(200);
        rig.run(10 * 60, Rig.holdRollers(45).andThen(holdForce(150)).andThen(rollBetween(200, 800, 10)));

        assertThat(rig.bed.peakSkinTempC()).isBetween(34.0, 41.0);
        assertThat(rig.bed.trueForceN()).isBetween(50.0, 300.0);
    }

    private static Consumer<Rig> rollBetween(double fromMm, double toMm, double mmPerS) {
        double[] direction = {1};
        return r -> {
            r.out.motorsEnabled = true;
            if (r.in.carriagePositionMm >= toMm) {
                direction[0] = -1;
            } else if (r.in.carriagePositionMm <= fromMm) {
                direction[0] = 1;
            }
            r.out.carriageVelocityMmPerS = mmPerS * direction[0];
        };
    }
}
