package org.rollwell.bed.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZonePidTest {
    private static final double DT_S = 0.01;

    /** Runs {@code seconds} of a zone held 0.5 °C under a 45 °C target; returns the last duty. */
    private static double holdBelow(ZonePid pid, double seconds) {
        double duty = 0;
        for (int i = 0; i < seconds / DT_S; i++) {
            duty = pid.update(45, 44.5, DT_S);
        }
        return duty;
    }

    @Test
    void one_nan_reading_leaves_the_duty_the_integral_and_the_slope_as_they_were() {
        ZonePid clean = new ZonePid(DT_S);
        ZonePid hit = new ZonePid(DT_S);
        holdBelow(clean, 30);
        holdBelow(hit, 30);
        double before = hit.duty();

        double during = hit.update(45, Double.NaN, DT_S);
        clean.update(45, 44.5, DT_S);
        double after = holdBelow(hit, 30);
        double cleanAfter = holdBelow(clean, 30);

        assertThat(during).as("the duty of the bad sample is the last good one").isEqualTo(before);
        assertThat(after).as("the PID recovers fully: a number, and the same as a PID that never saw the NaN")
                .isNotNaN().isCloseTo(cleanAfter, within(1e-3));
        assertThat(hit.slopeCPerS()).isNotNaN();
    }

    @Test
    void an_infinite_reading_is_skipped_too_and_an_off_zone_stays_off() {
        ZonePid pid = new ZonePid(DT_S);
        assertThat(pid.update(0, Double.POSITIVE_INFINITY, DT_S)).isZero();
        assertThat(pid.update(45, Double.NEGATIVE_INFINITY, DT_S)).isZero();
        assertThat(holdBelow(pid, 10)).isBetween(0.0, 1.0);
    }
}
