package org.rollwell.bed.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollwell.bed.io.BedSpec;

/**
 * The bed's skin estimate sweeps its resting bands about every 0.64 s (issue 8, speed). Against the same estimate
 * swept every tick, it must never read a cooler skin or a smaller dose at any tick, at any loop rate the spec allows,
 * including a band that warms from below after a cool roller has left it.
 */
class SkinEstimatorTest {

    private static final double[] FLAT = {0.0, 0.0};

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {10, 30, 100, 1000})
    void sweeping_resting_bands_every_two_thirds_of_a_second_never_reads_cooler_or_less_dosed_than_sweeping_every_tick(int hz) {
        double dtS = 1.0 / hz;
        SkinEstimator swept = new SkinEstimator(BedSpec.REFERENCE, dtS);
        SkinEstimator everyTick = new SkinEstimator(BedSpec.REFERENCE, dtS, dtS);
        int band = (int) ((400 - BedSpec.REFERENCE.rollerPairOffsetMm() - swept.bandStartMm(0)) / SkinEstimator.BAND_MM);
        double releasedSurfaceC = Double.NaN;
        double warmestAfterC = Double.NEGATIVE_INFINITY;
        // two minutes of a 48 °C roller at 400 mm, twenty seconds of a 20 °C one there (the surface cools, the depth
        // stays warm), half a minute untouched (the surface warms again from below), then a 52 °C roller further on
        Phase[] phases = {
            new Phase(120, 400, true, 48), new Phase(20, 400, true, 20), new Phase(30, 400, false, 20),
            new Phase(15, 150, true, 52), new Phase(20, 150, false, 20)};
        for (Phase p : phases) {
            for (long k = 0; k < Math.round(p.seconds * hz); k++) {
                double[] rollers = {p.rollerC, p.rollerC};
                swept.update(p.positionMm, p.contact, rollers, FLAT);
                everyTick.update(p.positionMm, p.contact, rollers, FLAT);
                assertThat(swept.maxTempC()).as("%s: skin at %d Hz", p, hz).isGreaterThanOrEqualTo(everyTick.maxTempC() - 1e-9);
                assertThat(swept.maxCem43Min()).as("%s: dose at %d Hz", p, hz)
                        .isGreaterThanOrEqualTo(everyTick.maxCem43Min() * (1 - 1e-12));
                if (p == phases[2]) {
                    releasedSurfaceC = Double.isNaN(releasedSurfaceC) ? everyTick.tempC(band) : releasedSurfaceC;
                    warmestAfterC = Math.max(warmestAfterC, everyTick.tempC(band));
                }
            }
        }
        assertThat(warmestAfterC).as("the cooled band's surface warmed again from below").isGreaterThan(releasedSurfaceC + 0.05);
        // conservative, not wildly so: the swept dose stays within a few per cent of the per-tick one
        assertThat(swept.maxCem43Min()).isLessThan(everyTick.maxCem43Min() * 1.05);
    }

    private record Phase(double seconds, double positionMm, boolean contact, double rollerC) {
    }
}
