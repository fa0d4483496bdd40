package org.rollwell.sim.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The twin's back against DOMAIN.md §3: where the vertebrae lie, how the surface curves, how the tissue gives. */
class ModelledBackTest {

    private static final Body MEDIUM = new Body(182, 80, 38, 52, 120, 0);

    @Test
    void the_surface_turns_by_the_stated_surface_angles_between_the_junctions() {
        // The twin's promise: between the tangents at C7/T1 and T12/L1 the surface turns by
        // SurfaceAngles.surfaceKyphosisDeg(Cobb); between T12/L1 and L5/S1 by surfaceLordosisDeg.
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 40; i++) {
            Body body = new Body(150 + 50 * random.nextDouble(), 50 + 70 * random.nextDouble(), 20 + 40 * random.nextDouble(),
                    25 + 45 * random.nextDouble(), 200 * random.nextDouble(), 0);
            ModelledBack back = new ModelledBack(body, i);
            double kyphosis = tangentDeg(back, back.t12l1Mm()) - tangentDeg(back, back.c7t1Mm());
            double lordosis = tangentDeg(back, back.t12l1Mm()) - tangentDeg(back, back.l5s1Mm());
            assertThat(kyphosis).as("surface kyphosis of %s", body).isCloseTo(SurfaceAngles.surfaceKyphosisDeg(body.kyphosisDeg()), offset(1.0));
            assertThat(lordosis).as("surface lordosis of %s", body).isCloseTo(SurfaceAngles.surfaceLordosisDeg(body.lordosisDeg()), offset(1.0));
        }
    }

    @Test
    void surface_angles_are_smaller_than_the_cobb_angles_the_body_was_described_with() {
        assertThat(SurfaceAngles.surfaceKyphosisDeg(38)).isBetween(10.0, 38.0);
        assertThat(SurfaceAngles.surfaceLordosisDeg(52)).isBetween(10.0, 52.0);
        // Lying on the rollers flattens: the surface angles are smaller than SpinalMouse's standing ones.
        assertThat(SurfaceAngles.surfaceLordosisDeg(52)).isLessThan(52 * SurfaceAngles.LUMBAR_SKIN_PER_COBB);
    }

    @Test
    void levels_follow_the_normative_proportions_within_five_percent() {
        for (long seed = 0; seed < 50; seed++) {
            ModelledBack back = new ModelledBack(MEDIUM, seed);
            double heightMm = 1820;
            double crown = MEDIUM.headOffsetMm() - 150;
            assertThat(back.crownMm()).isEqualTo(crown);
            assertThat(back.c7Mm() - crown).isCloseTo(0.135 * heightMm, offset(0.0501 * 0.135 * heightMm));
            assertThat(back.t12l1Mm() - back.c7Mm()).isCloseTo(0.160 * heightMm, offset(0.0501 * 0.160 * heightMm));
            assertThat(back.l5s1Mm() - back.t12l1Mm()).isCloseTo(0.105 * heightMm, offset(0.0501 * 0.105 * heightMm));
            double[] levels = back.levelsMm();
            assertThat(levels).hasSize(19);
            for (int i = 1; i < levels.length; i++) {
                assertThat(levels[i]).isGreaterThan(levels[i - 1]);
            }
            // Near-equal vertebrae within a region: each thoracic one within 10 % of the region's mean.
            double mean = (levels[12] - levels[1]) / 11;
            for (int i = 2; i <= 12; i++) {
                assertThat(levels[i] - levels[i - 1]).isCloseTo(mean, offset(0.1 * mean));
            }
            assertThat(back.t12l1Mm()).isBetween(levels[12], levels[13]);
            assertThat(back.l5s1Mm()).isBetween(levels[17], levels[18]);
        }
    }

    @Test
    void people_differ_and_the_same_seed_gives_the_same_back() {
        assertThat(new ModelledBack(MEDIUM, 1).levelsMm()).isEqualTo(new ModelledBack(MEDIUM, 1).levelsMm());
        assertThat(new ModelledBack(MEDIUM, 1).levelsMm()).isNotEqualTo(new ModelledBack(MEDIUM, 2).levelsMm());
        assertThat(new ModelledBack(MEDIUM, 1).contactLiftMm(400, 3.0)).isEqualTo(new ModelledBack(MEDIUM, 1).contactLiftMm(400, 3.0));
    }

    @Test
    void the_back_has_its_hollows_and_prominences_where_the_anatomy_puts_them() {
        ModelledBack back = new ModelledBack(MEDIUM, 3).withoutBreathing();
        double apex = 0.5 * (back.c7t1Mm() + back.t12l1Mm());
        double lumbar = 0.5 * (back.t12l1Mm() + back.l5s1Mm());
        double sacrum = back.l5s1Mm() + 0.03 * 1820;
        // The lumbar hollow lies further from the rollers than the thoracic apex and the sacrum it rests on.
        assertThat(back.smoothContactLiftMm(lumbar)).isGreaterThan(back.smoothContactLiftMm(apex) + 5);
        assertThat(back.smoothContactLiftMm(lumbar)).isGreaterThan(back.smoothContactLiftMm(sacrum) + 5);
        // The neck is a hollow above C7.
        assertThat(back.smoothContactLiftMm(back.c7Mm() - 60)).isGreaterThan(back.smoothContactLiftMm(apex) + 5);
        // C7 is a bump: the skin comes closer to the rollers than the smooth curve says, and more than at T5.
        double c7Bump = back.smoothContactLiftMm(back.c7Mm()) - back.contactLiftMm(back.c7Mm(), 0);
        double t5 = back.levelsMm()[5];
        double t5Bump = back.smoothContactLiftMm(t5) - back.contactLiftMm(t5, 0);
        assertThat(c7Bump).isGreaterThan(t5Bump).isGreaterThan(0.3);
    }

    @Test
    void every_contact_is_within_the_lifts_reach_along_the_whole_bed() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 40; i++) {
            Body body = new Body(145 + 60 * random.nextDouble(), 45 + 90 * random.nextDouble(), 15 + 55 * random.nextDouble(),
                    20 + 55 * random.nextDouble(), 200 * random.nextDouble(), -60 + 120 * random.nextDouble());
            ModelledBack back = new ModelledBack(body, i);
            for (double x = -10; x <= 960; x += 2) {
                double lift = back.contactLiftMm(x, 0.7 * x / 25);
                double stiffness = back.stiffnessNPerMm(x);
                assertThat(lift).isBetween(0.0, 60.0);
                assertThat(stiffness).isBetween(4.0, 80.0);
                // 60 N, the scan's force, is reachable within the bed's 70 mm lift (DOMAIN.md §2).
                assertThat(lift + 60 / stiffness).as("%s at %.0f mm", body, x).isLessThan(70.0);
            }
        }
    }

    @Test
    void heavier_people_have_softer_tissue_and_smaller_bumps() {
        ModelledBack light = new ModelledBack(new Body(175, 55, 35, 50, 100, 0), 4).withoutBreathing();
        ModelledBack heavy = new ModelledBack(new Body(175, 120, 35, 50, 100, 0), 4).withoutBreathing();
        double x = light.levelsMm()[16]; // over L4
        assertThat(heavy.stiffnessNPerMm(x)).isLessThan(light.stiffnessNPerMm(x));
        assertThat(bump(heavy, heavy.c7Mm())).isLessThan(bump(light, light.c7Mm()));
    }

    @Test
    void the_tissue_is_firmer_over_the_ribs_and_sacrum_than_over_the_lumbar_muscles() {
        ModelledBack back = new ModelledBack(MEDIUM, 5);
        double between = 0.5 * (back.levelsMm()[15] + back.levelsMm()[16]); // between L3 and L4 spinous processes
        double ribs = 0.5 * (back.levelsMm()[6] + back.levelsMm()[7]);
        assertThat(back.stiffnessNPerMm(ribs)).isGreaterThan(back.stiffnessNPerMm(between));
        assertThat(back.stiffnessNPerMm(back.l5s1Mm() + 40)).isGreaterThan(back.stiffnessNPerMm(between));
    }

    @Test
    void a_spine_off_the_centre_line_is_felt_softer_and_smeared() {
        ModelledBack centred = new ModelledBack(new Body(175, 70, 35, 50, 100, 0), 6).withoutBreathing();
        ModelledBack off = new ModelledBack(new Body(175, 70, 35, 50, 100, 60), 6).withoutBreathing();
        assertThat(bump(off, off.c7Mm())).isLessThan(0.7 * bump(centred, centred.c7Mm()));
    }

    @Test
    void breathing_moves_the_thorax_a_few_millimetres_12_to_15_times_a_minute_and_not_the_sacrum() {
        ModelledBack back = new ModelledBack(MEDIUM, 7);
        assertThat(back.breathingRateHz() * 60).isBetween(12.0, 15.0);
        double thorax = 0.5 * (back.c7t1Mm() + back.t12l1Mm());
        double sacrum = back.l5s1Mm() + 40;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double sacrumSwing = 0;
        for (double t = 0; t < 10; t += 0.05) {
            double lift = back.contactLiftMm(thorax, t);
            low = Math.min(low, lift);
            high = Math.max(high, lift);
            sacrumSwing = Math.max(sacrumSwing, Math.abs(back.contactLiftMm(sacrum, t) - back.contactLiftMm(sacrum, 0)));
        }
        assertThat(high - low).isBetween(1.5, 4.0);
        assertThat(sacrumSwing).isLessThan(0.05);
        assertThat(back.withoutBreathing().contactLiftMm(thorax, 1.0)).isEqualTo(back.withoutBreathing().contactLiftMm(thorax, 2.3));
    }

    private static double tangentDeg(ModelledBack back, double xMm) {
        return Math.toDegrees(Math.atan((back.smoothContactLiftMm(xMm + 0.5) - back.smoothContactLiftMm(xMm - 0.5)) / 1.0));
    }

    private static double bump(ModelledBack back, double xMm) {
        return back.smoothContactLiftMm(xMm) - back.contactLiftMm(xMm, 0);
    }

    @Test
    void the_force_is_the_tissues_give_below_the_breathing_surface_to_the_bit() {
        // forceN skips the breathing's sine where the rollers cannot reach the skin: it must still be exactly
        // stiffness × (lift − contact lift), and 0 where that is ≤ 0, on several bodies, at and near the touch
        SplittableRandom random = new SplittableRandom(17);
        for (int b = 0; b < 8; b++) {
            Body body = new Body(150 + 50 * random.nextDouble(), 50 + 80 * random.nextDouble(), 20 + 45 * random.nextDouble(),
                    25 + 45 * random.nextDouble(), 200 * random.nextDouble(), 120 * random.nextDouble() - 60);
            ModelledBack back = new ModelledBack(body, b);
            int touching = 0;
            for (int i = 0; i < 20_000; i++) {
                double positionMm = -50 + 1100 * random.nextDouble();
                double timeS = 3000 * random.nextDouble();
                double contactMm = back.contactLiftMm(positionMm, timeS);
                // half the tries within ±2.5 mm of the breathing surface (a breath moves it by up to 1.75 mm)
                double liftMm = i % 2 == 0 ? 70 * random.nextDouble() : contactMm + 5 * random.nextDouble() - 2.5;
                double compressionMm = liftMm - contactMm;
                double expectedN = compressionMm <= 0 ? 0.0 : back.stiffnessNPerMm(positionMm) * compressionMm;
                assertThat(back.forceN(positionMm, liftMm, timeS))
                        .as("%s at %.3f mm, lift %.6f mm, %.3f s", body, positionMm, liftMm, timeS)
                        .isEqualTo(expectedN);
                touching += expectedN > 0 ? 1 : 0;
            }
            assertThat(touching).as("tries that press on %s", body).isBetween(2_000, 18_000);
        }
    }
}
