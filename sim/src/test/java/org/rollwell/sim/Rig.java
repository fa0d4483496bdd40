package org.rollwell.sim;

import java.util.function.Consumer;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.sim.body.Back;

/**
 * A 100 Hz test loop around one twin: each tick advances virtual time by one period,
 * reads, lets the test's tiny controller set the commands, and writes.
 */
final class Rig {
    final VirtualTicker ticker = new VirtualTicker();
    final SimulatedBed bed;
    final SensorFrame in;
    final ActuatorFrame out;
    final long periodNanos;

    Rig(Back back, long seed) {
        this(BedSpec.REFERENCE, back, seed);
    }

    Rig(BedSpec spec, Back back, long seed) {
        bed = new SimulatedBed(spec, back, seed, ticker);
        in = new SensorFrame(spec.heaterZones());
        out = new ActuatorFrame(spec.heaterZones());
        periodNanos = spec.periodNanos();
    }

    static Rig smooth() {
        return new Rig(SmoothBack.TYPICAL, 1L);
    }

    /** Runs {@code seconds} of 100 Hz ticks with {@code controller} setting the commands from the frame read. */
    Rig run(double seconds, Consumer<Rig> controller) {
        long ticks = Math.round(seconds * 1e9 / periodNanos);
        for (long i = 0; i < ticks; i++) {
            tick(controller);
        }
        return this;
    }

    /** Runs ticks until {@code until} holds or {@code maxSeconds} pass; returns the seconds taken, or NaN. */
    double runUntil(double maxSeconds, Consumer<Rig> controller, java.util.function.Predicate<Rig> until) {
        long ticks = Math.round(maxSeconds * 1e9 / periodNanos);
        for (long i = 1; i <= ticks; i++) {
            tick(controller);
            if (until.test(this)) {
                return i * periodNanos * 1e-9;
            }
        }
        return Double.NaN;
    }

    void tick(Consumer<Rig> controller) {
        ticker.advance(periodNanos);
        bed.read(in);
        controller.accept(this);
        bed.write(out);
    }

    /** Advances time with no read or write: the host has stopped. */
    void stall(double seconds) {
        long ticks = Math.round(seconds * 1e9 / periodNanos);
        for (long i = 0; i < ticks; i++) {
            ticker.advance(periodNanos);
            bed.advanceTo(ticker.nanos());
        }
    }

    double seconds() {
        return ticker.nanos() * 1e-9;
    }

    /** A tiny on-board-style heater controller: proportional on the thermistor, band 2 °C, for both zones. */
    static Consumer<Rig> holdRollers(double targetC) {
        return r -> {
            r.out.heaterMains = true;
            for (int z = 0; z < r.out.heaterDuty.length; z++) {
                r.out.heaterDuty[z] = Math.max(0, Math.min(1, (targetC - r.in.zoneTempC[z]) / 2.0 + 0.2));
            }
        };
    }

    /** A tiny force controller: lift speed proportional to the force error, 0.1 mm/s per N. */
    static Consumer<Rig> pressTo(double forceN) {
        return r -> {
            r.out.motorsEnabled = true;
            r.out.liftVelocityMmPerS = Math.max(-10, Math.min(10, (forceN - r.in.forceN) * 0.1));
        };
    }
}
