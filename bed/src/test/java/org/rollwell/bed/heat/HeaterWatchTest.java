package org.rollwell.bed.heat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.FaultCode;

class HeaterWatchTest {
    private static final long TICK = 10_000_000L;
    private final HeaterWatch watch = new HeaterWatch(BedSpec.REFERENCE, 0, 0.01);

    @Test
    void an_open_thermistor_trips_on_the_fourth_bad_sample_not_before() {
        long t = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(watch.check(-40, 45, 0.2, t += TICK)).isNull();
        }
        assertThat(watch.check(-40, 45, 0.2, t + TICK)).isEqualTo(FaultCode.THERMISTOR_OPEN);
    }

    @Test
    void a_shorted_thermistor_reads_hot_and_trips_as_a_short() {
        FaultCode code = null;
        for (int i = 1; i <= 4 && code == null; i++) {
            code = watch.check(250, 45, 0.2, i * TICK);
        }
        assertThat(code).isEqualTo(FaultCode.THERMISTOR_SHORT);
    }

    @Test
    void a_reading_frozen_for_five_seconds_is_a_stuck_sensor() {
        FaultCode code = null;
        long t = 0;
        while (code == null && t < 10_000_000_000L) {
            code = watch.check(44.93, 45, 0.2, t += TICK);
        }
        assertThat(code).isEqualTo(FaultCode.THERMISTOR_STUCK);
        assertThat(t).isBetween(5_000_000_000L, 5_100_000_000L);
    }

    @Test
    void a_zone_that_keeps_rising_with_its_heater_off_has_a_stuck_on_switch() {
        // at target 45 °C, duty 0, the reading climbs 0.09 °C/s (full power) with a little noise
        FaultCode code = null;
        long t = 0;
        double temp = 45;
        int i = 0;
        while (code == null && t < 60_000_000_000L) {
            temp += 0.0009;
            code = watch.check(temp + ((i++ % 2 == 0) ? 0.01 : -0.01), 45, 0.0, t += TICK);
        }
        assertThat(code).isEqualTo(FaultCode.HEATER_STUCK_ON);
        assertThat(t).as("detected within 30 s").isLessThan(30_000_000_000L);
    }

    @Test
    void a_dead_heater_at_full_power_without_rise_trips_within_ninety_seconds() {
        FaultCode code = null;
        long t = 0;
        int i = 0;
        double temp = 44.5;
        while (code == null && t < 120_000_000_000L) {
            temp -= 0.0002;
            code = watch.check(temp + ((i++ % 2 == 0) ? 0.02 : -0.02), 45, 1.0, t += TICK);
        }
        assertThat(code).isEqualTo(FaultCode.HEATER_NOT_HEATING);
        assertThat(t).isLessThan(90_000_000_000L);
    }
}
