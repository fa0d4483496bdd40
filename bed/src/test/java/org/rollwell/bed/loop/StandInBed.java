package org.rollwell.bed.loop;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedIo;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.time.VirtualTicker;

/**
 * A minimal stand-in bed for unit tests: the carriage and lift integrate their commands, the
 * back is a spring 20 mm below the rollers, the rollers sit at a settable temperature with a
 * little alternating noise. Tests poke its fields to make a fault.
 */
final class StandInBed implements BedIo {
    final VirtualTicker ticker = new VirtualTicker();
    final ActuatorFrame last = new ActuatorFrame(2);
    double positionMm;
    double liftMm;
    double rollerC = 30;
    /** Zone 0's thermistor reading when set (a broken sensor), else the roller temperature. */
    double zone0C = Double.NaN;
    boolean stopButton;
    boolean presence = true;
    /** The bed it stands in for; a test may give it other rollers before building its loop. */
    BedSpec spec = BedSpec.REFERENCE;
    private long lastNanos;
    private int n;

    @Override
    public BedSpec spec() {
        return spec;
    }

    @Override
    public void read(SensorFrame into) {
        double dt = (ticker.nanos() - lastNanos) / 1e9;
        lastNanos = ticker.nanos();
        positionMm += last.carriageVelocityMmPerS * dt;
        liftMm = Math.max(0, liftMm + last.liftVelocityMmPerS * dt);
        into.timeNanos = ticker.nanos();
        into.carriagePositionMm = positionMm;
        into.homeSwitch = positionMm <= 0;
        into.limitSwitch = positionMm >= 950;
        into.liftMm = liftMm;
        into.forceN = liftMm > 20 ? 15 * (liftMm - 20) : 0;
        into.zoneTempC[0] = Double.isNaN(zone0C) ? rollerC + ((n % 2 == 0) ? 0.03 : -0.03) : zone0C;
        into.zoneTempC[1] = rollerC + ((n++ % 2 == 0) ? -0.03 : 0.03);
        into.stopButton = stopButton;
        into.presence = presence;
    }

    @Override
    public void write(ActuatorFrame commands) {
        last.copyFrom(commands);
    }
}
