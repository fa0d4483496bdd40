package org.rollwell.companion.workflow;

import java.util.ArrayList;
import java.util.List;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedIo;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * A minimal bed that is not the twin: carriage on its home switch, lift down, rollers at room
 * temperature, both sensors of each zone agreeing. It moves nothing; it reports what a test sets
 * (a person on the mat, the stop button) and keeps every command it was sent.
 */
final class StandInBed implements BedIo {
    /** The room the stand-in stands in, °C (choice: the twin's default room). */
    static final double ROOM_C = 20.0;

    boolean presence;
    boolean stopButton;
    int reads;
    final List<ActuatorFrame> written = new ArrayList<>();

    @Override
    public BedSpec spec() {
        return BedSpec.REFERENCE;
    }

    @Override
    public void read(SensorFrame into) {
        reads++;
        into.carriagePositionMm = 0;
        into.homeSwitch = true;
        into.limitSwitch = false;
        into.liftMm = 0;
        into.forceN = 0;
        for (int z = 0; z < into.zoneTempC.length; z++) {
            into.zoneTempC[z] = ROOM_C;
            into.watchTempC[z] = ROOM_C;
            into.cutoffOpen[z] = false;
        }
        into.stopButton = stopButton;
        into.presence = presence;
        into.motorPower = true;
        into.liftMotorCurrentA = 0;
    }

    @Override
    public void write(ActuatorFrame commands) {
        ActuatorFrame copy = new ActuatorFrame(commands.heaterDuty.length);
        copy.copyFrom(commands);
        written.add(copy);
    }

    /** Whether any command moved the carriage or powered a heater. */
    boolean everMovedOrHeated() {
        for (ActuatorFrame c : written) {
            if (c.carriageVelocityMmPerS != 0 || c.heaterMains) {
                return true;
            }
            for (double duty : c.heaterDuty) {
                if (duty > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
