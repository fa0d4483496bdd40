package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The twin's resting skin bands catch up in exact products (issue 8, speed): checked here against the column
 * integrated in this test's own fine explicit steps, and against bringing a band up to date every thermal step.
 */
class SkinRelaxationTest {

    private static final long STEP_NANOS = 10_000_000L;

    /** The resting column of the class comment, written out again here: Pennes with the body at rest below the last layer. */
    private static void explicitStep(double[] e, double dtS) {
        int layers = SkinBands.LAYER_MM.length;
        double[] next = new double[layers];
        for (int n = 0; n < layers; n++) {
            double h = SkinBands.LAYER_MM[n] * 1e-3;
            double capacity = SkinBands.TISSUE_J_PER_M3K * h;
            double below = n + 1 < layers ? e[n + 1] : 0;
            double gapDown = n + 1 < layers ? (h + SkinBands.LAYER_MM[n + 1] * 1e-3) / 2 : h / 2;
            double down = SkinBands.TISSUE_K_W_PER_MK / gapDown * (e[n] - below);
            double fromAbove = 0;
            if (n > 0) {
                double hAbove = SkinBands.LAYER_MM[n - 1] * 1e-3;
                fromAbove = SkinBands.TISSUE_K_W_PER_MK / ((hAbove + h) / 2) * (e[n - 1] - e[n]);
            }
            next[n] = e[n] + dtS / capacity * (fromAbove - down - SkinBands.PERFUSION_W_PER_M3K * h * e[n]);
        }
        System.arraycopy(next, 0, e, 0, layers);
    }

    /** One 10 ms thermal step of each of {@code skins}, the roller's patch centred at {@code centreMm} (NaN: off the back). */
    private static long step(long now, double centreMm, double[] rollerC, SkinBands... skins) {
        long next = now + STEP_NANOS;
        for (SkinBands skin : skins) {
            skin.clearContacts();
            if (!Double.isNaN(centreMm)) {
                skin.touch(0, centreMm, rollerC[0]);
            }
            skin.step(next, STEP_NANOS, rollerC);
        }
        return next;
    }

    @Test
    void each_tabulated_propagator_moves_a_column_as_fine_explicit_steps_do() {
        for (int k : new int[] {1, 13, SkinBands.PROPAGATORS.length - 1}) {
            double[] column = {6, 4.5, 3, 1.5, 0.5};
            double[] m = SkinBands.PROPAGATORS[k];
            double[] fine = column.clone();
            // 10 µs steps: the explicit scheme's own error is ≈ λ·dt/2 ≈ 3e-6 of the decay, far below the 1e-5 °C asked
            for (int s = 0; s < k * 500; s++) {
                explicitStep(fine, 1e-5);
            }
            for (int r = 0; r < column.length; r++) {
                double exact = 0;
                for (int c = 0; c < column.length; c++) {
                    exact += m[r * column.length + c] * column[c];
                }
                assertThat(exact).as("%d × 5 ms, layer %d", k, r).isCloseTo(fine[r], within(1e-5));
            }
        }
    }

    @Test
    void reading_the_hottest_band_changes_nothing() {
        SkinBands read = new SkinBands(-100, 1100, 40);
        SkinBands unread = new SkinBands(-100, 1100, 40);
        double[] rollerC = {60.0};
        long now = 0;
        for (int s = 0; s < 4000; s++) {
            now = step(now, s < 2000 ? 300 + s * 0.1 : Double.NaN, rollerC, read, unread);
            assertThat(read.maxNowC(now)).isGreaterThan(34);
        }
        read.sync(now);
        unread.sync(now);
        for (int band = 0; band < read.bands(); band++) {
            assertThat(read.column(band)).isEqualTo(unread.column(band));
            assertThat(read.cem43Min(band)).isEqualTo(unread.cem43Min(band));
        }
    }

    @Test
    void a_released_band_reads_the_same_temperature_and_dose_whether_brought_up_to_date_every_step_or_once_a_sweep() {
        SkinBands everyStep = new SkinBands(-100, 1100, 40);
        SkinBands swept = new SkinBands(-100, 1100, 40);
        double[] rollerC = {65.0};
        long now = 0;
        for (int s = 0; s < 6000; s++) {
            now = step(now, 405, rollerC, everyStep, swept);
        }
        int band = (int) ((405 - everyStep.bandStartMm(0)) / SkinBands.BAND_MM);
        double releasedC = everyStep.tempC(band);
        double doseAtRelease = everyStep.cem43Min(band);
        double[] reference = everyStep.column(band);
        double referenceDose = 0;
        for (int s = 0; s < 123_700; s++) {
            double rateBefore = Cem43.exact(SkinBands.BASELINE_C + reference[0]);
            explicitStep(reference, 1e-4);
            referenceDose += 1e-4 / 60 * 0.5 * (rateBefore + Cem43.exact(SkinBands.BASELINE_C + reference[0]));
        }
        assertThat(releasedC).as("60 s under a 65 °C roller").isGreaterThan(40);
        for (int s = 0; s < 1237; s++) { // 12.37 s: nineteen sweeps and a part
            now += STEP_NANOS;
            everyStep.clearContacts();
            everyStep.step(now, STEP_NANOS, rollerC);
            everyStep.sync(now);
            swept.clearContacts();
            swept.step(now, STEP_NANOS, rollerC);
        }
        swept.sync(now);

        assertThat(swept.tempC(band)).isLessThan(releasedC - 1).isGreaterThan(35).isCloseTo(everyStep.tempC(band), within(1e-9));
        double doseEveryStep = everyStep.cem43Min(band) - doseAtRelease;
        double doseSwept = swept.cem43Min(band) - doseAtRelease;
        assertThat(doseEveryStep).isPositive();
        assertThat(doseSwept).isCloseTo(doseEveryStep, within(1e-3 * doseEveryStep));
        // against this test's own column, stepped 0.1 ms at a time for the same 12.37 s, its dose by the exact rate
        assertThat(swept.tempC(band)).isCloseTo(SkinBands.BASELINE_C + reference[0], within(1e-4));
        assertThat(doseSwept).isCloseTo(referenceDose, within(2e-3 * referenceDose));
        assertThat(swept.maxNowC(now)).isCloseTo(everyStep.maxNowC(now), within(1e-9));
        assertThat(swept.peakC()).isCloseTo(everyStep.peakC(), within(1e-9)).isGreaterThanOrEqualTo(releasedC);
    }
}
