package org.rollwell.bed.safety;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * The checks of the bed's independent layer (issue 8, DOMAIN.md §5 "Independent layers"), each
 * its own watch: a zone's two temperature sensors and its cut-off, the load cell against the lift
 * motor's current, drives that run away, and each zone's heat balance. The supervisor asks them
 * after the motion watch (an encoder's jump is a slip before it is a runaway) and keeps the first trip.
 */
final class CrossChecks {
    private final ZoneSensorWatch zoneSensors;
    private final ForceSignalWatch forceSignals;
    private final RunawayWatch runaway;
    private final HeatBalanceWatch heatBalance;
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

    /** Lets every watch judge the frame, in order; each trip goes to {@code trips} (the supervisor keeps the first). */
    void check(SensorFrame s, ActuatorFrame written, boolean liftValid, boolean positionValid, long nowNanos, Trips trips) {
        if (runaway.check(s, written, liftValid, positionValid)) {
            trips.trip(runaway.code(), nowNanos, -1, runaway.value());
        }
        if (zoneSensors.check(s, nowNanos)) {
            trips.trip(zoneSensors.code(), nowNanos, zoneSensors.zone(), zoneSensors.value());
        }
        if (forceSignals.check(s, written, nowNanos)) {
            trips.trip(forceSignals.code(), nowNanos, -1, forceSignals.value());
        }
        if (heatBalance.check(s, written)) {
            trips.trip(heatBalance.code(), nowNanos, heatBalance.zone(), heatBalance.value());
        }
    }

}
