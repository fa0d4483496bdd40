package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SkinTruthTest {

    /** Carriage at 400 mm: the upper pair's 20 mm patch covers the bands 350–360 and 360–370 mm. */
    private static final double PARKED_MM = 400;
    private static final double UPPER_PATCH_MM = 360;

    private static Rig warmedAndParked(double rollerC) {
        Rig rig = new Rig(SmoothBack.TYPICAL, 7);
        rig.bed.placeCarriage(PARKED_MM);
        // warm the rollers lowered, away from the skin
        rig.run(600, Rig.holdRollers(rollerC));
        return rig;
    }

    private static int bandAt(SimulatedBed bed, double positionMm) {
        for (int i = 0; i < bed.bandCount(); i++) {
            if (positionMm >= bed.bandStartMm(i) && positionMm < bed.bandStartMm(i) + 10) {
                return i;
            }
        }
        throw new AssertionError("no band at " + positionMm);
    }

    @Test
    void a_45_degree_roller_resting_33_minutes_on_one_band_keeps_the_skin_near_39_degrees_as_Mallette_2024_found() {
        Rig rig = warmedAndParked(45);
        assertThat(rig.bed.maxSkinTempC()).isCloseTo(34, within(0.01));

        rig.run(33 * 60, Rig.holdRollers(45).andThen(Rig.pressTo(100)));

        int band = bandAt(rig.bed, UPPER_PATCH_MM);
        assertThat(rig.bed.skinTempC(band)).isCloseTo(39, within(0.5));
        assertThat(rig.bed.maxSkinTempC()).isCloseTo(39, within(0.5));
        // 39 °C for 33 min is 33 × 0.25⁴ ≈ 0.13 CEM43 min, far under the 1 min cap of DOMAIN.md §5
        assertThat(rig.bed.maxCem43Min()).isBetween(0.05, 0.2);
        // a band away from the rollers stays at its baseline
        assertThat(rig.bed.skinTempC(bandAt(rig.bed, 100))).isCloseTo(34, within(0.01));
    }

    @Test
    void a_60_degree_roller_resting_on_one_band_drives_its_thermal_dose_past_the_cap_within_15_minutes() {
        Rig rig = warmedAndParked(60);
        double seconds = rig.runUntil(15 * 60, Rig.holdRollers(60).andThen(Rig.pressTo(100)),
                r -> r.bed.maxCem43Min() > 1.0);

        assertThat(seconds).isLessThan(15 * 60.0);
        rig.run(15 * 60 - seconds, Rig.holdRollers(60).andThen(Rig.pressTo(100)));
        // towards (50·60 + 60·34) / 110 ≈ 45.8 °C, where a minute is worth 2^2.8 ≈ 7 minutes at 43 °C
        assertThat(rig.bed.peakSkinTempC()).isGreaterThan(44.5);
        assertThat(rig.bed.cem43Min(bandAt(rig.bed, UPPER_PATCH_MM))).isGreaterThan(5.0);
    }

    @Test
    void a_65_degree_press_held_a_minute_raises_the_skin_surface_by_about_8_degrees_as_tissue_behind_a_cover_does() {
        Rig rig = warmedAndParked(65);
        rig.run(60, Rig.holdRollers(65).andThen(Rig.pressTo(200)));

        // semi-infinite tissue (effusivity √(kρc) ≈ 1150 W·s½/m²K) behind a 50 W/m²K cover, no perfusion:
        // ΔT = ΔT₀ (1 − e^{β²} erfc β), β = U√t / e = 0.34 at 60 s ⇒ 31 × 0.29 ≈ 9 °C; perfusion takes a little off
        assertThat(rig.bed.maxSkinTempC()).isBetween(41.0, 43.0);
        assertThat(rig.bed.maxCem43Min()).isLessThan(0.1);
    }

    @Test
    void rollers_rolling_the_whole_back_heat_the_skin_far_less_than_rollers_resting() {
        Rig rig = warmedAndParked(50);
        double[] direction = {1};
        Consumer<Rig> roll = r -> {
            r.out.motorsEnabled = true;
            if (r.in.limitSwitch || r.in.carriagePositionMm > 900) {
                direction[0] = -1;
            } else if (r.in.carriagePositionMm < 50) {
                direction[0] = 1;
            }
            r.out.carriageVelocityMmPerS = 20 * direction[0];
        };
        rig.run(20 * 60, Rig.holdRollers(50).andThen(Rig.pressTo(150)).andThen(roll));

        assertThat(rig.bed.peakSkinTempC()).isBetween(34.2, 38.0);
        assertThat(rig.bed.maxCem43Min()).isLessThan(0.05);
    }

    @Test
    void skin_warmed_by_a_resting_roller_cools_back_towards_34_degrees_once_the_rollers_lower() {
        Rig rig = warmedAndParked(50);
        rig.run(10 * 60, Rig.holdRollers(50).andThen(Rig.pressTo(100)));
        double warmC = rig.bed.maxSkinTempC();
        Consumer<Rig> lowered = Rig.holdRollers(50).andThen(r -> r.out.liftVelocityMmPerS = -10);
        rig.run(60, lowered);
        double afterOneMinuteC = rig.bed.maxSkinTempC();
        rig.run(19 * 60, lowered);

        assertThat(warmC).isGreaterThan(40);
        // the surface sheds over a third of its excess within a minute; perfusion clears the deeper warmth in ≈ 6 min (ρc / P)
        assertThat(afterOneMinuteC - 34).isLessThan((warmC - 34) * 0.65);
        assertThat(rig.bed.maxSkinTempC()).isBetween(34.0, 34.2);
        assertThat(rig.bed.peakSkinTempC()).isEqualTo(warmC, within(0.2));
    }

    @Test
    void the_band_array_copies_match_the_per_band_accessors() {
        Rig rig = warmedAndParked(45);
        rig.run(60, Rig.holdRollers(45).andThen(Rig.pressTo(100)));
        double[] temps = new double[rig.bed.bandCount()];
        double[] doses = new double[rig.bed.bandCount()];
        rig.bed.skinTempsC(temps);
        rig.bed.cem43sMin(doses);

        int band = bandAt(rig.bed, UPPER_PATCH_MM);
        assertThat(temps[band]).isEqualTo(rig.bed.skinTempC(band)).isGreaterThan(34.5);
        assertThat(doses[band]).isEqualTo(rig.bed.cem43Min(band));
        // the bands span every place a roller patch can reach, head end to far end
        assertThat(rig.bed.bandStartMm(0)).isLessThanOrEqualTo(-55);
        assertThat(rig.bed.bandStartMm(rig.bed.bandCount() - 1) + 10).isGreaterThanOrEqualTo(1005);
    }

    @Test
    void cem43_rates_follow_sapareto_and_dewey() {
        assertThat(Cem43.ratePerMin(43)).isCloseTo(1, within(1e-9));
        assertThat(Cem43.ratePerMin(44)).isCloseTo(2, within(1e-9));
        assertThat(Cem43.ratePerMin(42)).isCloseTo(0.25, within(1e-9));
        // DOMAIN.md §5: 41 °C for 60 min is 3.75, 40 °C for 40 min is 0.6
        assertThat(60 * Cem43.ratePerMin(41)).isCloseTo(3.75, within(0.005));
        assertThat(40 * Cem43.ratePerMin(40)).isCloseTo(0.625, within(0.005));
    }

    @Property(tries = 300)
    void the_tabulated_cem43_rate_stays_within_a_thousandth_of_the_exact_one(@ForAll @DoubleRange(min = 15, max = 95) double tempC) {
        assertThat(Cem43.ratePerMin(tempC)).isCloseTo(Cem43.exact(tempC), within(1e-3 * Cem43.exact(tempC)));
    }
}
