package org.rollwell.bed.motion;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class TrapezoidProfileTest {

    @Property(tries = 200)
    void a_move_never_exceeds_the_beds_speed_or_acceleration_and_stops_on_its_target(
            @ForAll @DoubleRange(min = 0, max = 950) double fromMm, @ForAll @DoubleRange(min = 0, max = 950) double toMm,
            @ForAll @DoubleRange(min = 5, max = 80) double cruiseMmPerS) {
        TrapezoidProfile p = new TrapezoidProfile(300);
        p.reset(fromMm);
        double dt = 0.01;
        double lastV = 0;
        for (int i = 0; i < 30_000 && !p.reached(toMm); i++) {
            p.step(toMm, cruiseMmPerS, dt);
            assertThat(Math.abs(p.velocityMmPerS())).isLessThanOrEqualTo(cruiseMmPerS + 1e-9);
            assertThat(Math.abs(p.velocityMmPerS() - lastV) / dt).isLessThanOrEqualTo(300 + 1e-6);
            lastV = p.velocityMmPerS();
        }
        assertThat(p.reached(toMm)).isTrue();
    }
}
