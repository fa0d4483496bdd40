package org.rollwell.bed.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;

/**
 * Every trip window is a time: at 50, 100 and 200 Hz a rule trips once its condition has held for
 * its window (counting the opening sample as one period), never earlier and at most one period later.
 */
class WindowsAtAnyLoopRateTest {

    /** Ticks a healthy frame, then from the first faulty tick on applies {@code fault}; returns how long it held at the trip, s. */
    private static double heldAtTrip(BedSpec spec, FaultCode expected, Consumer<SensorFrame> fault) {
        SafetySupervisor supervisor = new SafetySupervisor(spec, SafetySupervisor.bedEnvelope(spec));
        SensorFrame s = new SensorFrame(spec.heaterZones());
        Setpoints sp = new Setpoints(spec.heaterZones());
        ActuatorFrame out = new ActuatorFrame(spec.heaterZones());
        LoopStatus status = new LoopStatus();
        long period = spec.periodNanos();
        long t = 0;
        long faultFrom = 10 * period;
        for (int i = 0; i < 8 * spec.loopHz(); i++) {
            t += period;
            s.timeNanos = t;
            s.forceN = 100;
            s.presence = true;
            s.carriagePositionMm = 300;
            s.liftMm = 10;
            // a live thermistor shows noise
            s.zoneTempC[0] = 30 + (i % 2) * 0.02;
            s.zoneTempC[1] = 30 - (i % 2) * 0.02;
            if (t >= faultFrom) {
                fault.accept(s);
            }
            if (supervisor.check(s, sp, out, status)) {
                assertThat(supervisor.fault().code()).isEqualTo(expected);
                return (t - faultFrom + period) / 1e9;
            }
        }
        throw new AssertionError(expected + " never tripped at " + spec.loopHz() + " Hz");
    }

    private static void assertHeld(double heldS, double windowS, BedSpec spec) {
        double periodS = 1.0 / spec.loopHz();
        assertThat(heldS).as("held at %s Hz", spec.loopHz()).isBetween(windowS - 1e-9, windowS + periodS - 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 100, 200})
    void over_force_trips_after_fifty_milliseconds(int loopHz) {
        BedSpec spec = TestBeds.referenceAt(loopHz);
        assertHeld(heldAtTrip(spec, FaultCode.OVER_FORCE, s -> s.forceN = spec.maxForceN() * 1.2), ForceWatch.OVER_FORCE_S, spec);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 100, 200})
    void a_failed_load_cell_trips_after_thirty_milliseconds(int loopHz) {
        BedSpec spec = TestBeds.referenceAt(loopHz);
        assertHeld(heldAtTrip(spec, FaultCode.LOAD_CELL_FAILURE, s -> s.forceN = Double.NaN), ForceWatch.LOAD_CELL_BAD_S, spec);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 100, 200})
    void an_empty_mat_trips_after_one_second(int loopHz) {
        BedSpec spec = TestBeds.referenceAt(loopHz);
        assertHeld(heldAtTrip(spec, FaultCode.PRESENCE_LOST, s -> s.presence = false), PresenceWatch.PRESENCE_S, spec);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 100, 200})
    void an_open_thermistor_trips_after_forty_milliseconds(int loopHz) {
        BedSpec spec = TestBeds.referenceAt(loopHz);
        assertHeld(heldAtTrip(spec, FaultCode.THERMISTOR_OPEN, s -> s.zoneTempC[1] = -40), 0.040, spec);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 100, 200})
    void a_broken_encoder_trips_after_thirty_milliseconds(int loopHz) {
        BedSpec spec = TestBeds.referenceAt(loopHz);
        assertHeld(heldAtTrip(spec, FaultCode.POSITION_SENSOR_FAULT, s -> s.carriagePositionMm = Double.NaN),
                PositionSensorWatch.BAD_READING_S, spec);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 100, 200})
    void a_frozen_thermistor_trips_after_five_seconds(int loopHz) {
        BedSpec spec = TestBeds.referenceAt(loopHz);
        // frozen from the first faulty tick: the previous reading differs, so the window opens one period later
        double held = heldAtTrip(spec, FaultCode.THERMISTOR_STUCK, s -> s.zoneTempC[0] = 30.01);
        assertHeld(held - 1.0 / loopHz, 5.0, spec);
    }
}
