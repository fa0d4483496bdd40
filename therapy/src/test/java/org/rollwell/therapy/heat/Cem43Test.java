package org.rollwell.therapy.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one CEM43 function against Sapareto &amp; Dewey (1984) worked values. */
class Cem43Test {

    @ParameterizedTest(name = "{0} °C for {1} min is {2} CEM43 min")
    @CsvSource({
        // 43 °C is the reference: one minute is one equivalent minute
        "43, 1, 1",
        // above 43 °C each degree halves the time (R = 0.5): 44 °C counts double, 45 °C four times
        "44, 1, 2", "45, 10, 40", "50, 6, 768",
        // below 43 °C each degree quarters it (R = 0.25): 41 °C for 60 min = 3.75, 40 °C for 40 min = 0.625
        "41, 60, 3.75", "40, 40, 0.625", "42, 30, 7.5",
    })
    void a_constant_temperature_gives_sapareto_and_deweys_dose(double tempC, double minutes, double cem43) {
        assertThat(Cem43.dose(tempC, minutes)).isCloseTo(cem43, within(1e-9));
    }

    @Test
    void the_rate_is_r_to_the_power_43_minus_t_to_rounding() {
        for (double t = 20; t <= 90; t += 0.037) {
            double r = Math.pow(t >= 43 ? 0.5 : 0.25, 43 - t);
            assertThat(Cem43.exactPerMin(t)).as("%.3f °C", t).isCloseTo(r, within(1e-13 * r));
        }
    }

    @Test
    void the_table_the_loop_reads_never_counts_less_than_the_exact_rate_and_at_most_one_step_more() {
        for (double t = 25; t <= 70; t += 0.013) {
            double exact = Cem43.exactPerMin(t);
            assertThat(Cem43.perMin(t)).as("%.3f °C", t).isGreaterThanOrEqualTo(exact)
                    .isLessThanOrEqualTo(Cem43.exactPerMin(t + 0.05) * (1 + 1e-12));
        }
        assertThat(Cem43.perMin(20)).isZero();
    }
}
