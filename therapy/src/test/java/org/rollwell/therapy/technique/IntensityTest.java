package org.rollwell.therapy.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.envelope.BedLimits;

/** The 1–10 intensity scale a person sets, and the roller force behind it. */
class IntensityTest {

    @Test
    void intensity_10_is_the_reference_beds_force_limit_and_each_step_is_35_N() {
        assertThat(Intensity.forceN(10)).isEqualTo(BedLimits.REFERENCE.maxForceN());
        assertThat(Intensity.forceN(1)).isEqualTo(35.0);
        assertThat(Intensity.forceN(2)).isEqualTo(70.0);
    }

    @Test
    void intensities_off_the_scale_are_refused_not_rounded() {
        assertThatThrownBy(() -> Intensity.forceN(0)).hasMessageContaining("intensity must be 1–10, was 0");
        assertThatThrownBy(() -> Intensity.forceN(11)).hasMessageContaining("was 11");
    }

    @Test
    void the_caps_of_the_conditions_map_to_whole_intensities() {
        // DOMAIN.md §5: FIBROMYALGIA ≤ 150 N, DEGENERATION ≤ 200 N, OSTEOPOROSIS ≤ 120 N
        assertThat(Intensity.atMost(150)).isEqualTo(4);
        assertThat(Intensity.atMost(200)).isEqualTo(5);
        assertThat(Intensity.atMost(120)).isEqualTo(3);
        assertThat(Intensity.atMost(105)).isEqualTo(3);
        assertThat(Intensity.atMost(600)).isEqualTo(10);
    }

    @Test
    void below_the_lightest_step_no_intensity_fits() {
        assertThat(Intensity.atMost(34.9)).isZero();
        assertThat(Intensity.atMost(Double.NaN)).isZero();
    }

    @Test
    void two_hundred_newtons_on_the_reference_rollers_is_about_0_85_kg_per_cm2() {
        // DOMAIN.md §4: 200 N over 24 cm² ≈ 0.85 kg/cm², below the 2.7 kg/cm² pain threshold in chronic LBP
        assertThat(Intensity.pressureKgPerCm2(200, BedLimits.REFERENCE.rollerContactAreaCm2())).isCloseTo(0.85, within(0.01));
        assertThat(Intensity.pressureKgPerCm2(Intensity.forceN(Intensity.MAX), 24)).isLessThan(2.7);
    }

    @Property
    void at_most_gives_back_the_intensity_whose_force_it_is(@ForAll @IntRange(min = 1, max = 10) int intensity) {
        assertThat(Intensity.atMost(Intensity.forceN(intensity))).isEqualTo(intensity);
    }

    @Property
    void at_most_never_exceeds_the_force_it_is_given_and_is_the_highest_that_fits(
            @ForAll @DoubleRange(min = 35, max = 350) double forceN) {
        int intensity = Intensity.atMost(forceN);
        assertThat(Intensity.forceN(intensity)).isLessThanOrEqualTo(forceN + 1e-6);
        if (intensity < Intensity.MAX) {
            assertThat(Intensity.forceN(intensity + 1)).isGreaterThan(forceN);
        }
    }
}
