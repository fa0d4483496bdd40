package org.rollwell.therapy.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollwell.therapy.diary.DiaryEntry;

/** Worked examples from the definitions in Krebs 2009 (PEG), Dworkin 2008 (IMMPACT) and Ostelo 2008 (MIC). */
class MeasuresTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 7);

    @Test
    void the_peg_score_is_the_mean_of_its_three_items() {
        // Krebs 2009: pain 6, enjoyment 5, activity 7 → (6 + 5 + 7) / 3 = 6.
        assertThat(new DiaryEntry.Peg(DAY, 6, 5, 7).score()).isEqualTo(6.0);
        // Items that do not divide evenly: (6 + 5 + 6) / 3 = 5.67.
        assertThat(new DiaryEntry.Peg(DAY, 6, 5, 6).score()).isCloseTo(17 / 3.0, within(1e-12));
        assertThat(new DiaryEntry.Peg(DAY, 0, 0, 0).score()).isZero();
        assertThat(new DiaryEntry.Peg(DAY, 10, 10, 10).score()).isEqualTo(10.0);
    }

    @Test
    void the_change_in_per_cent_is_baseline_minus_latest_over_baseline() {
        // 6 → 4: 2 points, (6 − 4) / 6 × 100 = 33.3 % better.
        assertThat(Change.points(6, 4)).isEqualTo(2.0);
        assertThat(Change.percent(6, 4).getAsDouble()).isCloseTo(33.333, within(0.001));
        // 5 → 6: worse, −20 %.
        assertThat(Change.percent(5, 6).getAsDouble()).isCloseTo(-20.0, within(1e-12));
        // 10 → 9 is exactly 10 %, not 9.999…, so it lands in the band a person expects.
        assertThat(Change.percent(10, 9).getAsDouble()).isEqualTo(10.0);
    }

    @Test
    void a_baseline_of_zero_has_no_per_cent_change_rather_than_an_infinite_or_nan_one() {
        assertThat(Change.percent(0, 2)).isEmpty();
        assertThat(Change.percent(0, 0)).isEmpty();
        // The 2-point rule still answers: from no pain, nothing improved.
        assertThat(Change.micReached(0, 0)).isFalse();
    }

    @ParameterizedTest(name = "{0} % better is {1}")
    @CsvSource({
            "-25, NONE", "0, NONE", "9.9, NONE", "10, MINIMAL", "29.9, MINIMAL", "30, MODERATE",
            "49.9, MODERATE", "50, SUBSTANTIAL", "100, SUBSTANTIAL"})
    void immpact_bands_at_their_edges(double improvementPct, Immpact expected) {
        assertThat(Immpact.of(improvementPct)).isEqualTo(expected);
    }

    @Test
    void immpact_bands_on_peg_scores_that_are_thirds() {
        // PEG 16/3 (5.33) → 8/3 (2.67): exactly 50 % on paper, 49.99999999999999 in binary.
        double baseline = new DiaryEntry.Peg(DAY, 6, 5, 5).score();
        double latest = new DiaryEntry.Peg(DAY, 3, 3, 2).score();
        assertThat(Change.percent(baseline, latest).getAsDouble()).isLessThan(50.0);
        assertThat(Immpact.of(Change.percent(baseline, latest).getAsDouble())).isEqualTo(Immpact.SUBSTANTIAL);
        // PEG 20/3 (6.67) → 14/3 (4.67): 30 %, moderate.
        assertThat(Immpact.of(Change.percent(20 / 3.0, 14 / 3.0).getAsDouble())).isEqualTo(Immpact.MODERATE);
        // 6 → 3: 50 % is substantial; 6 → 3.33: 44.4 % is moderate.
        assertThat(Immpact.of(Change.percent(6, 3).getAsDouble())).isEqualTo(Immpact.SUBSTANTIAL);
        assertThat(Immpact.of(Change.percent(6, 10 / 3.0).getAsDouble())).isEqualTo(Immpact.MODERATE);
    }

    @ParameterizedTest(name = "NRS {0} → {1}: MIC {2}")
    @CsvSource({
            // 2 points is the MIC whatever the baseline (Ostelo 2008): 9 → 7 is only 22 %.
            "9, 7, true", "9, 7.1, false",
            // 30 % is the MIC whatever the points: 5 → 3.5 is 1.5 points but 30 %.
            "5, 3.5, true", "5, 3.6, false",
            // Both: 6 → 4 is 2 points and 33 %.
            "6, 4, true",
            // Worse is never a MIC.
            "4, 6, false"})
    void the_minimal_important_change_is_2_points_or_30_per_cent(double baseline, double latest, boolean reached) {
        assertThat(Change.micReached(baseline, latest)).isEqualTo(reached);
    }
}
