package org.rollwell.therapy.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The one tissue-heat model against its calibration (DOMAIN.md §5 "Heat and skin"). */
class TissueHeatTest {

    @Test
    void a_45_degree_surface_resting_33_minutes_holds_the_skin_near_39_degrees_through_the_nominal_cover() {
        // Mallette et al. 2024: a heated seat at 45 °C for 33 min kept skin at ≈ 39 °C; nominal cover 50 W/m²K
        double[] column = new double[TissueHeat.LAYERS];
        TissueHeat.step(column, 0, 50.0, 45.0, 33 * 60);
        assertThat(TissueHeat.surfaceC(column, 0)).isCloseTo(39.0, within(0.3));
    }

    @Test
    void the_conductance_plan_and_bed_use_errs_hot_against_the_nominal_cover() {
        double[] nominal = new double[TissueHeat.LAYERS];
        double[] used = new double[TissueHeat.LAYERS];
        TissueHeat.step(nominal, 0, 50.0, 60.0, 120);
        TissueHeat.step(used, 0, TissueHeat.COVER_W_PER_M2K, 60.0, 120);
        assertThat(TissueHeat.surfaceC(used, 0)).isGreaterThan(TissueHeat.surfaceC(nominal, 0));
    }

    @Test
    void a_band_left_alone_cools_back_towards_rest_and_never_below_it() {
        double[] column = new double[TissueHeat.LAYERS];
        TissueHeat.step(column, 0, TissueHeat.COVER_W_PER_M2K, 65.0, 60);
        double hotC = TissueHeat.surfaceC(column, 0);
        TissueHeat.step(column, 0, 0.0, Double.NaN, 1800);
        assertThat(TissueHeat.surfaceC(column, 0)).isLessThan(hotC).isGreaterThanOrEqualTo(TissueHeat.BASELINE_C)
                .isCloseTo(TissueHeat.BASELINE_C, within(0.2));
    }

    @Test
    void a_fixed_step_moves_a_column_exactly_as_step_does() {
        // issue 8, speed: the bed's estimate steps with cached ratios; it must not move a single bit
        java.util.Random random = new java.util.Random(8);
        for (double stepS : new double[] {0.01, 0.1, 0.3, TissueHeat.MAX_STEP_S, 0.75, 1e-13}) {
            for (double contact : new double[] {0.0, TissueHeat.COVER_W_PER_M2K * 0.4, TissueHeat.COVER_W_PER_M2K}) {
                double[] stepped = new double[TissueHeat.LAYERS];
                for (int n = 0; n < stepped.length; n++) {
                    stepped[n] = random.nextDouble() * 8;
                }
                double[] fixed = stepped.clone();
                double rollerC = 40 + random.nextDouble() * 25;
                TissueHeat.FixedStep step = TissueHeat.fixedStep(stepS);
                for (int k = 0; k < 50; k++) {
                    TissueHeat.step(stepped, 0, contact, rollerC, stepS);
                    step.advance(fixed, 0, contact, rollerC);
                }
                assertThat(fixed).as("step %s s, contact %s W/m²K", stepS, contact).isEqualTo(stepped);
            }
        }
    }

    @Test
    void a_resting_column_relaxes_over_any_gap_as_the_column_does_under_ever_finer_steps() {
        // issue 8, speed: the bed's resting bands catch up in one exact product; the reference is the explicit model
        // itself at 0.1 ms steps, where it is within 1e-5 °C of its own limit
        TissueHeat.Relaxation relaxation = TissueHeat.relaxation(0.01, 64);
        for (long ticks : new long[] {1, 7, 64, 200}) {
            double[] heated = new double[TissueHeat.LAYERS];
            TissueHeat.step(heated, 0, TissueHeat.COVER_W_PER_M2K, 60.0, 90);
            double[] exact = heated.clone();
            double[] fine = heated.clone();
            relaxation.advance(exact, 0, ticks);
            for (long k = 0; k < ticks * 100; k++) {
                TissueHeat.step(fine, 0, 0.0, Double.NaN, 1e-4);
            }
            for (int n = 0; n < TissueHeat.LAYERS; n++) {
                assertThat(exact[n]).as("%d ticks, layer %d", ticks, n).isCloseTo(fine[n], within(1e-5));
            }
            assertThat(exact[0]).as("%d ticks: the surface cooled", ticks).isLessThan(heated[0]);
        }
    }

    @Test
    void the_exact_relaxation_holds_a_hot_surface_at_least_as_warm_as_one_explicit_half_second_step_does() {
        // why the bed's estimate catches up exactly: the explicit step over-cools, which would err cold
        double[] heated = new double[TissueHeat.LAYERS];
        TissueHeat.step(heated, 0, TissueHeat.COVER_W_PER_M2K, 65.0, 60);
        double[] exact = heated.clone();
        double[] explicit = heated.clone();
        TissueHeat.relaxation(0.5, 1).advance(exact, 0, 1);
        TissueHeat.step(explicit, 0, 0.0, Double.NaN, 0.5);
        assertThat(exact[0]).isGreaterThan(explicit[0]).isLessThan(heated[0]);
    }

    @Test
    void the_matrix_exponential_matches_closed_forms() {
        double[] zero = new double[25];
        double[] diagonal = new double[25];
        double[] rotation = new double[25];
        for (int n = 0; n < 5; n++) {
            diagonal[n * 5 + n] = -0.3 * n + 2;
        }
        // a rotation generator in the first two coordinates: exp gives cos and sin of the angle
        rotation[1] = -3;
        rotation[5] = 3;
        double[] one = TissueHeat.exp(zero);
        double[] exps = TissueHeat.exp(diagonal);
        double[] turned = TissueHeat.exp(rotation);
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                assertThat(one[r * 5 + c]).isEqualTo(r == c ? 1.0 : 0.0);
                assertThat(exps[r * 5 + c]).isCloseTo(r == c ? Math.exp(diagonal[r * 5 + r]) : 0.0, within(1e-12));
            }
        }
        assertThat(turned[0]).isCloseTo(Math.cos(3), within(1e-12));
        assertThat(turned[1]).isCloseTo(-Math.sin(3), within(1e-12));
        assertThat(turned[5]).isCloseTo(Math.sin(3), within(1e-12));
        assertThat(turned[12]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void a_relaxation_refuses_a_step_that_is_not_positive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TissueHeat.relaxation(0.0, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive step");
    }

    @Test
    void the_share_of_a_band_under_a_patch_is_its_overlap() {
        assertThat(TissueHeat.coveredShare(100, 95, 125)).isEqualTo(1.0);
        assertThat(TissueHeat.coveredShare(100, 105, 135)).isCloseTo(0.5, within(1e-12));
        assertThat(TissueHeat.coveredShare(100, 110, 140)).isZero();
    }
}
