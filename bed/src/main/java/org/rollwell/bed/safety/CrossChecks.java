package org.rollwell.bed.safety;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * The checks of the bed's independent layer (issue 8, DOMAIN.md §5 "Independent layers"), each
 * its own watch: a zone's two temperature sensors and its cut-off, the load cell against the lift
 * motor's current, drives that run away, and each zone's heat balance. The supervisor asks them
 * after its own rules and trips on the first that fires.
 */
final class CrossChecks {
    private final ZoneSensorWatch zoneSensors;
    private final ForceSignalWatch forceSignals;
    private final RunawayWatch runaway;
    private final HeatBalanceWatch heatBalance;
    private FaultCode code;
    private int zone;
    private double value;

    CrossChecks(BedSpec spec) {
        this.zoneSensors = new ZoneSensorWatch(spec);
        this.forceSignals = new ForceSignalWatch(spec);
        this.runaway = new RunawayWatch(spec);
        this.heatBalance = new HeatBalanceWatch(spec);
    }

    /** Every watch starts afresh (after a person acknowledged a fault). */
    void reset() {
        zoneSensors.reset();
        forceSignals.reset();
        runaway.reset();
        heatBalance.reset();
    }

    /** True when a watch trips; {@link #code()}, {@link #zone()} (−1 for none) and {@link #value()} tell what. */
    boolean check(SensorFrame s, ActuatorFrame written, boolean liftValid, boolean positionValid, long nowNanos) {
        boolean runs = runaway.check(s, written, liftValid, positionValid);
        if (runs) {
            return found(runaway.code(), -1, runaway.value());
        }
        if (zoneSensors.check(s, nowNanos)) {
            return found(zoneSensors.code(), zoneSensors.zone(), zoneSensors.value());
        }
        if (forceSignals.check(s, written, nowNanos)) {
            return found(forceSignals.code(), -1, forceSignals.value());
        }
        if (heatBalance.check(s, written)) {
            return found(heatBalance.code(), heatBalance.zone(), heatBalance.value());
        }
        return false;
    }

    private boolean found(FaultCode c, int z, double v) {
        code = c;
        zone = z;
        value = v;
        return true;
    }

    FaultCode code() {
        return code;
    }

    int zone() {
        return zone;
    }

    double value() {
        return value;
    }
}
