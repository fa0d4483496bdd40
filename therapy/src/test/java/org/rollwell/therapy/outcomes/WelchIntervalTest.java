package org.rollwell.therapy.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Welch interval against examples worked by hand with a printed t table. */
class WelchIntervalTest {

    @Test
    void equal_spreads_and_sizes_give_2n_minus_2_degrees_of_freedom() {
        // Baseline 4,5,6,7,8: mean 6, variance 2.5. Recent 2,3,4,5,6: mean 4, variance 2.5.
        // se = √(2.5/5 + 2.5/5) = 1; Welch df = (0.5 + 0.5)² / (0.25/4 + 0.25/4) = 8;
        // t(0.975, 8) = 2.306 (t table) → 2 ± 2.306 = [−0.306, 4.306].
        Effect effect = WelchInterval.of(new double[] {4, 5, 6, 7, 8}, new double[] {2, 3, 4, 5, 6}, 0.95);

        assertThat(effect.meanDiff()).isEqualTo(2.0);
        assertThat(effect.ciLow()).isCloseTo(-0.306, within(0.001));
        assertThat(effect.ciHigh()).isCloseTo(4.306, within(0.001));
        assertThat(effect.verdict()).isEqualTo(Verdict.UNCLEAR);
    }

    @Test
    void unequal_spreads_use_the_welch_satterthwaite_degrees_of_freedom() {
        // Baseline 6,6,8,8 (n 4, mean 7, variance 4/3); recent 3,3,4,4,3,3,4,4 (n 8, mean 3.5, variance 2/7).
        // a = (4/3)/4 = 1/3, b = (2/7)/8 = 1/28; se = √(31/84) = 0.6075;
        // df = (31/84)² / ((1/3)²/3 + (1/28)²/7) = 0.13620 / 0.037219 = 3.659;
        // t(0.975, 3.659) lies between t(0.975, 3) = 3.182 and t(0.975, 4) = 2.776: 2.87 by the
        // library; so 3.5 ± 1.74, and the whole interval shows less pain.
        Effect effect = WelchInterval.of(new double[] {6, 6, 8, 8}, new double[] {3, 3, 4, 4, 3, 3, 4, 4}, 0.95);

        double halfWidth = effect.ciHigh() - effect.meanDiff();
        assertThat(effect.meanDiff()).isEqualTo(3.5);
        assertThat(halfWidth).isBetween(2.776 * 0.6075, 3.182 * 0.6075);
        assertThat(effect.meanDiff() - effect.ciLow()).isCloseTo(halfWidth, within(1e-12));
        assertThat(effect.verdict()).isEqualTo(Verdict.LIKELY_BETTER);
    }

    @Test
    void a_wider_confidence_gives_a_wider_interval() {
        double[] baseline = {5, 6, 7, 6, 5};
        double[] recent = {4, 5, 4, 6, 5, 4, 5};
        Effect at95 = WelchInterval.of(baseline, recent, 0.95);
        Effect at99 = WelchInterval.of(baseline, recent, 0.99);
        assertThat(at99.ciLow()).isLessThan(at95.ciLow());
        assertThat(at99.ciHigh()).isGreaterThan(at95.ciHigh());
    }

    @Test
    void ratings_that_never_vary_give_the_difference_itself_and_never_nan() {
        Effect effect = WelchInterval.of(new double[] {6, 6, 6}, new double[] {4, 4, 4, 4, 4, 4, 4}, 0.95);
        assertThat(effect.ciLow()).isEqualTo(2.0);
        assertThat(effect.ciHigh()).isEqualTo(2.0);
        assertThat(effect.verdict()).isEqualTo(Verdict.LIKELY_BETTER);

        Effect same = WelchInterval.of(new double[] {5, 5, 5}, new double[] {5, 5, 5, 5, 5, 5, 5}, 0.95);
        assertThat(same.verdict()).isEqualTo(Verdict.UNCLEAR);
    }

    @Test
    void more_pain_in_the_whole_interval_is_likely_worse() {
        Effect effect = WelchInterval.of(new double[] {3, 4, 3, 4}, new double[] {6, 7, 6, 7, 6, 7, 6}, 0.95);
        assertThat(effect.meanDiff()).isNegative();
        assertThat(effect.verdict()).isEqualTo(Verdict.LIKELY_WORSE);
    }

    @Test
    void a_sample_of_one_has_no_spread_to_estimate_and_is_refused() {
        assertThatThrownBy(() -> WelchInterval.of(new double[] {5}, new double[] {4, 4}, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
