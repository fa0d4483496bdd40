package org.rollwell.bed.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/** Issue 8 item 2: each cross-check of the bed's independent layer, frame by frame at 100 Hz. */
class CrossCheckWatchesTest {
    private static final BedSpec SPEC = BedSpec.REFERENCE;
    private static final long TICK = SPEC.periodNanos();

    private final SensorFrame s = new SensorFrame(2);
    private final ActuatorFrame w = new ActuatorFrame(2);
    private long now;
    private int n;

    /** A healthy frame: both zones at {@code tempC} on both sensors, pressing at {@code forceN} with matching current. */
    private void healthy(double tempC, double forceN) {
        now += TICK;
        n++;
        double wiggle = (n % 2 == 0 ? 0.03 : -0.03);
        s.timeNanos = now;
        for (int z = 0; z < 2; z++) {
            s.zoneTempC[z] = tempC + wiggle;
            s.watchTempC[z] = tempC - wiggle;
            s.cutoffOpen[z] = false;
        }
        s.forceN = forceN + 2 * wiggle * 10;
        s.motorPower = true;
        s.liftMotorCurrentA = forceN * SPEC.liftCurrentAPerN();
        s.liftMm = 20;
        s.carriagePositionMm = 400;
        w.motorsEnabled = true;
        w.liftVelocityMmPerS = 0.5;
    }

    @Test
    void two_zone_sensors_apart_by_more_than_5_degrees_trip_after_2_s_and_not_before() {
        ZoneSensorWatch watch = new ZoneSensorWatch(SPEC);
        for (int i = 0; i < 1000; i++) {
            healthy(45, 150);
            s.zoneTempC[1] = 45 - 4.9;
            assertThat(watch.check(s, now)).as("4.9 °C apart is within the rule").isFalse();
        }
        int ticks = 0;
        do {
            healthy(45, 150);
            s.zoneTempC[1] = 39.5;
            ticks++;
        } while (!watch.check(s, now) && ticks < 1000);
        assertThat(ticks * TICK / 1e9).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.011));
        assertThat(watch.code()).isEqualTo(FaultCode.ZONE_SENSOR_DISAGREE);
        assertThat(watch.zone()).isEqualTo(1);
    }

    /**
     * Issue 8: THERMISTOR_DETACHED within 15 s. A control sensor that falls off a roller still at room temperature
     * keeps reading the air while its twin rises with the heat (150 W into 1300 J/K, 0.115 °C/s): the 5 °C rule
     * alone would wait ≈ 45 s; the rise rule sees them part. Two healthy sensors rising together, one trailing
     * by a steady 1 °C, never trip.
     */
    @Test
    void a_sensor_that_stays_at_room_temperature_while_its_twin_rises_trips_within_15_s_and_a_steady_offset_does_not() {
        double riseCPerS = SPEC.heaterPowerW() / SPEC.rollerHeatCapacityJPerK();
        ZoneSensorWatch healthyWatch = new ZoneSensorWatch(SPEC);
        for (int i = 0; i < 120 * 100; i++) {
            healthy(22 + riseCPerS * i * 0.01, 0);
            s.watchTempC[0] -= 1.0;
            assertThat(healthyWatch.check(s, now)).as("tick %d", i).isFalse();
        }
        ZoneSensorWatch watch = new ZoneSensorWatch(SPEC);
        int ticks = 0;
        do {
            healthy(22 + riseCPerS * ticks * 0.01, 0);
            s.zoneTempC[1] = 22;
            ticks++;
        } while (!watch.check(s, now) && ticks < 60 * 100);
        assertThat(watch.code()).isEqualTo(FaultCode.ZONE_SENSOR_DISAGREE);
        assertThat(watch.zone()).isEqualTo(1);
        assertThat(ticks / 100.0).as("seconds to detect").isLessThanOrEqualTo(15.0);
    }

    @Test
    void an_open_cut_off_is_an_over_temperature_and_a_board_without_watch_sensors_is_not_judged() {
        ZoneSensorWatch watch = new ZoneSensorWatch(SPEC);
        for (int i = 0; i < 500; i++) {
            healthy(45, 150);
            s.watchTempC[0] = Double.NaN;
            s.zoneTempC[0] = 20;
            assertThat(watch.check(s, now)).isFalse();
        }
        healthy(45, 150);
        s.cutoffOpen[0] = true;
        assertThat(watch.check(s, now)).isTrue();
        assertThat(watch.code()).isEqualTo(FaultCode.ROLLER_OVER_TEMPERATURE);
    }

    @Test
    void a_load_cell_off_the_motor_current_by_more_than_the_friction_band_trips_in_a_tenth_of_a_second() {
        ForceSignalWatch watch = new ForceSignalWatch(SPEC);
        for (int i = 0; i < 500; i++) {
            healthy(45, 150);
            s.forceN = 150 - 0.9 * SPEC.liftFrictionBandN();
            assertThat(watch.check(s, w, now)).isFalse();
            // with the power off the screw holds the load and the motor draws nothing: not judged
            healthy(45, 150);
            s.motorPower = false;
            s.liftMotorCurrentA = 0;
            assertThat(watch.check(s, w, now)).isFalse();
        }
        int ticks = 0;
        do {
            healthy(45, 150);
            s.forceN = 100;
            ticks++;
        } while (!watch.check(s, w, now) && ticks < 100);
        assertThat(ticks).isEqualTo(10);
        assertThat(watch.code()).isEqualTo(FaultCode.FORCE_SENSOR_DISAGREE);
    }

    @Test
    void a_load_cell_reading_frozen_while_the_lift_moves_trips_but_a_clipped_zero_with_the_lift_still_does_not() {
        ForceSignalWatch watch = new ForceSignalWatch(SPEC);
        for (int i = 0; i < 500; i++) {
            healthy(45, 0);
            s.forceN = 0;
            s.liftMotorCurrentA = 0;
            w.liftVelocityMmPerS = 0;
            assertThat(watch.check(s, w, now)).isFalse();
        }
        int ticks = 0;
        do {
            healthy(45, 150);
            s.forceN = 151.234;
            ticks++;
        } while (!watch.check(s, w, now) && ticks < 100);
        assertThat(watch.code()).isEqualTo(FaultCode.LOAD_CELL_STUCK);
        assertThat(ticks * TICK / 1e9).isLessThanOrEqualTo(ForceSignalWatch.FROZEN_S + 0.011);
    }

    /**
     * The lift moving as the force controller moves it (a 0.3 Hz sway of ±2 mm/s round a holding lift), its drive
     * following through 50 ms, the screw's friction opposing the motion at 60 % of the maker's band (the twin's screw
     * has 50 %; the whole band plus noise would pass the band itself), the load cell's noise at the compact bed's
     * 4 N (clipped at 0, as a cell reads) and the current's at 2 N; the cell's gain falls from 1 by {@code gainPerS}
     * per second from tick 0, down to 0.5 (LOAD_CELL_DRIFT). Returns the tick of the trip, or −1.
     */
    private int forceSignalTrip(ForceSignalWatch watch, double forceN, double swayMmPerS, double gainPerS, int ticks, long seed) {
        java.util.SplittableRandom noise = new java.util.SplittableRandom(seed);
        double liftMmPerS = 0;
        for (int i = 0; i < ticks; i++) {
            double command = swayMmPerS * Math.sin(2 * Math.PI * 0.3 * i * TICK / 1e9);
            healthy(45, forceN);
            double gain = Math.max(0.5, 1 - gainPerS * i * TICK / 1e9);
            double frictionN = 0.6 * SPEC.liftFrictionBandN() * Math.tanh(liftMmPerS / 0.2);
            s.forceN = Math.max(0, gain * forceN + 4.0 * noise.nextGaussian());
            s.liftMotorCurrentA = SPEC.liftCurrentAPerN() * (forceN + frictionN + 2.0 * noise.nextGaussian());
            w.liftVelocityMmPerS = command;
            if (watch.check(s, w, now)) {
                return i;
            }
            liftMmPerS += (command - liftMmPerS) * (1 - Math.exp(-TICK / 1e9 / 0.05));
        }
        return -1;
    }

    /**
     * Issue 8: LOAD_CELL_DRIFT within 10 s whatever the lift does. Under a lift that holds still (a STRETCH) at 35 N
     * the sagging cell passes the whole 15 N band only after ≈ 8.6 s; the friction has a direction, so with no motion
     * to explain it the gap trips within ≈ 3.5 s. A healthy pair under a swaying lift never trips in ten minutes.
     */
    @Test
    void a_sagging_load_cell_under_a_still_lift_trips_within_4_s_and_a_healthy_pair_under_a_swaying_lift_never_does() {
        int tripped = forceSignalTrip(new ForceSignalWatch(SPEC), 35, 0, 0.05, 10 * 100, 3);
        ForceSignalWatch sagging = new ForceSignalWatch(SPEC);
        assertThat(forceSignalTrip(sagging, 35, 0, 0.05, 10 * 100, 3)).isEqualTo(tripped);
        assertThat(sagging.code()).isEqualTo(FaultCode.FORCE_SENSOR_DISAGREE);
        assertThat(tripped / 100.0).as("seconds to detect").isBetween(0.5, 4.0);

        for (double forceN : new double[] {0.5, 35, 150, 300}) {
            assertThat(forceSignalTrip(new ForceSignalWatch(SPEC), forceN, 2.0, 0, 600 * 100, (long) forceN))
                    .as("healthy pair at %.0f N under a swaying lift", forceN).isEqualTo(-1);
            assertThat(forceSignalTrip(new ForceSignalWatch(SPEC), forceN, 0, 0, 600 * 100, (long) forceN + 1))
                    .as("healthy pair at %.0f N under a still lift", forceN).isEqualTo(-1);
        }
    }

    /** Issue 8: LOAD_CELL_STUCK within 1 s, also under a lift that holds still: the motor current shows the life the cell lacks. */
    @Test
    void a_load_cell_frozen_under_a_still_lift_trips_while_the_current_shows_life_and_two_still_signals_do_not() {
        ForceSignalWatch quiet = new ForceSignalWatch(SPEC);
        for (int i = 0; i < 500; i++) {
            healthy(45, 120);
            s.forceN = 120;
            w.liftVelocityMmPerS = 0;
            assertThat(quiet.check(s, w, now)).as("both signals still: nothing says the cell is wrong").isFalse();
        }
        ForceSignalWatch watch = new ForceSignalWatch(SPEC);
        java.util.SplittableRandom noise = new java.util.SplittableRandom(5);
        int ticks = 0;
        do {
            healthy(45, 120);
            s.forceN = 121.234;
            s.liftMotorCurrentA = SPEC.liftCurrentAPerN() * (120 + 2 * noise.nextGaussian());
            w.liftVelocityMmPerS = 0;
            ticks++;
        } while (!watch.check(s, w, now) && ticks < 100);
        assertThat(watch.code()).isEqualTo(FaultCode.LOAD_CELL_STUCK);
        assertThat(ticks * TICK / 1e9).isLessThanOrEqualTo(ForceSignalWatch.FROZEN_S + 0.011);
    }

    @Test
    void a_lift_rising_against_its_commands_trips_within_200_ms_and_a_lift_on_its_stop_told_to_lower_does_not() {
        RunawayWatch watch = new RunawayWatch(SPEC);
        for (int i = 0; i < 500; i++) {
            healthy(45, 0);
            s.liftMm = 0;
            w.liftVelocityMmPerS = -10;
            assertThat(watch.check(s, w, true, true)).isFalse();
        }
        double liftMm = 0;
        int ticks = 0;
        do {
            healthy(45, 0);
            liftMm += 10 * TICK / 1e9;
            s.liftMm = Math.floor(liftMm * 10) / 10;
            s.carriagePositionMm = 400;
            w.liftVelocityMmPerS = -10;
            ticks++;
        } while (!watch.check(s, w, true, true) && ticks < 100);
        assertThat(watch.code()).isEqualTo(FaultCode.LIFT_RUNAWAY);
        assertThat(ticks * TICK / 1e9).isLessThan(0.2);
    }

    @Test
    void a_carriage_faster_than_any_recent_command_is_a_runaway() {
        RunawayWatch watch = new RunawayWatch(SPEC);
        double x = 400;
        for (int i = 0; i < 300; i++) {
            healthy(45, 0);
            x += 30 * TICK / 1e9;
            s.carriagePositionMm = x;
            w.carriageVelocityMmPerS = 30;
            assertThat(watch.check(s, w, true, true)).as("following its 30 mm/s command").isFalse();
        }
        int ticks = 0;
        do {
            healthy(45, 0);
            x += 80 * TICK / 1e9;
            s.carriagePositionMm = x;
            w.carriageVelocityMmPerS = 0;
            ticks++;
        } while (!watch.check(s, w, true, true) && ticks < 100);
        assertThat(watch.code()).isEqualTo(FaultCode.CARRIAGE_RUNAWAY);
        assertThat(ticks * TICK / 1e9).isLessThan(0.5);
    }

    @Test
    void a_zone_taking_in_a_third_of_the_asked_heat_fails_the_heat_balance_and_a_healthy_one_passes() {
        HeatBalanceWatch healthyZone = new HeatBalanceWatch(SPEC);
        HeatBalanceWatch weakZone = new HeatBalanceWatch(SPEC);
        double c = SPEC.rollerHeatCapacityJPerK();
        double g = SPEC.rollerLossWPerK();
        double healthyC = 20;
        double weakC = 20;
        boolean weakTripped = false;
        int weakTicks = 0;
        for (int i = 0; i < 60 * 100; i++) {
            healthyC += (150 - g * (healthyC - 20)) / c * 0.01;
            weakC += (45 - g * (weakC - 20)) / c * 0.01;
            healthy(healthyC, 0);
            w.heaterMains = true;
            java.util.Arrays.fill(w.heaterDuty, 1.0);
            assertThat(healthyZone.check(s, w)).isFalse();
            healthy(weakC, 0);
            if (!weakTripped) {
                weakTicks++;
                weakTripped = weakZone.check(s, w);
            }
        }
        assertThat(weakTripped).isTrue();
        assertThat(weakZone.code()).isEqualTo(FaultCode.HEATER_NOT_HEATING);
        assertThat(weakTicks / 100.0).as("seconds").isLessThanOrEqualTo(HeatBalanceWatch.WINDOW_S + 1.0);
    }

    /**
     * One zone of the reference bed as the watch sees it: a roller of C and G that delivers {@code share} of the
     * asked heat and gives {@code toSkinW} to the skin, read through a sensor with the bed maker's 4 s lag and
     * 0.05 °C noise. Returns the tick at which the watch tripped, or −1.
     */
    private int balanceTrip(double share, double toSkinW, java.util.function.IntToDoubleFunction dutyAtTick, int ticks,
                            long noiseSeed) {
        HeatBalanceWatch watch = new HeatBalanceWatch(SPEC);
        java.util.SplittableRandom noise = new java.util.SplittableRandom(noiseSeed);
        double c = SPEC.rollerHeatCapacityJPerK();
        double g = SPEC.rollerLossWPerK();
        double dtS = TICK / 1e9;
        double lag = 1 - Math.exp(-dtS / SkinEstimator.THERMISTOR_LAG_S);
        double rollerC = 45;
        double sensorC = 45;
        for (int i = 0; i < ticks; i++) {
            double duty = dutyAtTick.applyAsDouble(i);
            healthy(sensorC, 0);
            s.watchTempC[0] = sensorC + noise.nextGaussian() * 0.05;
            s.watchTempC[1] = s.watchTempC[0];
            w.heaterMains = true;
            java.util.Arrays.fill(w.heaterDuty, duty);
            if (watch.check(s, w)) {
                assertThat(watch.code()).isEqualTo(FaultCode.HEATER_NOT_HEATING);
                return i;
            }
            // the duty written this tick heats the roller until the next frame
            rollerC += (share * SPEC.heaterPowerW() * duty - g * (rollerC - 20) - toSkinW) / c * dtS;
            sensorC += (rollerC - sensorC) * lag;
        }
        return -1;
    }

    /**
     * The sensor's lag: a zone whose heat comes back on after a long cut has taken in the heat before its sensor
     * shows it. The balance judges the taken heat against the asked heat passed through the same 4 s lag, so a
     * healthy zone never trips, however short the burst after the cut and with the skin taking 3 W (judged against
     * the raw asked heat, 3 s of full power after 25 s off tripped it). A weak (30 %) or dead zone held at its
     * target by a controller trips well inside HEATER_WEAK's 90 s.
     */
    @Test
    void heat_back_on_after_a_long_cut_never_fails_the_balance_of_a_healthy_zone_but_a_weak_or_dead_one_trips() {
        for (int onS = 1; onS <= 20; onS++) {
            int periodTicks = (25 + onS) * 100;
            int onTicks = onS * 100;
            int tripped = balanceTrip(1.0, 3.0, i -> i % periodTicks >= periodTicks - onTicks ? 1.0 : 0.0, 6 * periodTicks,
                    onS);
            assertThat(tripped).as("healthy zone, %d s of full power after 25 s off: tick of the trip", onS).isEqualTo(-1);
        }
        for (double share : new double[] {0.3, 0.0}) {
            // a controller holding 45 °C on the sensor: it asks for more as a weak roller cools
            java.util.function.IntToDoubleFunction holding = i -> Math.max(0, Math.min(1, 0.2 + 0.5 * (45 - s.watchTempC[0])));
            int tripped = balanceTrip(share, 3.0, holding, 90 * 100, 7);
            assertThat(tripped).as("zone delivering %.0f %% of its heat", share * 100).isBetween(0, 90 * 100);
            assertThat(tripped / 100.0).as("seconds to detect, %.0f %%", share * 100)
                    .isLessThanOrEqualTo(HeatBalanceWatch.WINDOW_S + 2 * SkinEstimator.THERMISTOR_LAG_S + 2);
        }
    }

    @Test
    void a_nan_reading_reaches_the_controllers_as_the_last_good_one() {
        ReadingGuard guard = new ReadingGuard(SPEC, 2);
        healthy(45, 150);
        guard.hold(s);
        s.forceN = Double.NaN;
        s.zoneTempC[1] = Double.NaN;
        s.liftMm = Double.POSITIVE_INFINITY;
        guard.hold(s);
        assertThat(s.forceN).isEqualTo(150 + 0.6 * (n % 2 == 0 ? 1 : -1));
        assertThat(s.zoneTempC[1]).isBetween(44.9, 45.1);
        assertThat(s.liftMm).isEqualTo(20);
        assertThat(guard.held()).isEqualTo(3);
    }
}
