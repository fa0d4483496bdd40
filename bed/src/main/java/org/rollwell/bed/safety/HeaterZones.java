package org.rollwell.bed.safety;

import org.rollwell.bed.heat.HeaterProtection;
import org.rollwell.bed.heat.HeaterWatch;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.Setpoints;

/**
 * One {@link HeaterWatch} per zone (DOMAIN.md §5 "Heater protection"), fed with the duty actually
 * written; keeps each zone's smoothed roller temperature and slope for the skin estimate, and
 * which zones the supervisor's own clamp cut (their watch must then see them only cool).
 */
final class HeaterZones {
    private final BedSpec spec;
    private final double dtS;
    private final HeaterWatch[] watches;
    private final double[] rollerC;
    private final double[] rollerSlope;
    private final boolean[] heatCut;
    private final ServiceLocks locks;

    HeaterZones(BedSpec spec, double dtS, ServiceLocks locks) {
        this.spec = spec;
        this.locks = locks;
        this.dtS = dtS;
        this.watches = new HeaterWatch[spec.heaterZones()];
        this.rollerC = new double[spec.heaterZones()];
        this.rollerSlope = new double[spec.heaterZones()];
        this.heatCut = new boolean[spec.heaterZones()];
        reset();
    }

    void check(SensorFrame s, Setpoints previous, ActuatorFrame written, long now, Trips trips) {
        for (int z = 0; z < watches.length; z++) {
            double duty = written.heaterMains ? written.heaterDuty[z] : 0.0;
            // a zone whose heat the supervisor itself cut has no target for its watch: it must only cool
            double target = heatCut[z] ? 0.0 : previous.zoneTargetC[z];
            FaultCode code = watches[z].check(s.zoneTempC[z], target, duty, now);
            // a zone locked for service is out of use and unheated: its broken sensor or heater must not
            // fault every later session (DOMAIN.md §5: "a new unheated session with that zone locked off");
            // heat it cannot be making still trips: a roller over its trip line, or one rising with its heater off
            if (code != null && (!locks.zoneLocked(z) || stillTripsWhenLocked(code))) {
                trips.trip(code, now, z, watches[z].lastValue());
            }
            rollerC[z] = watches[z].smoothedC();
            rollerSlope[z] = watches[z].slopeCPerS();
        }
    }

    /** Codes a zone locked for service still trips on: they show heat, whatever the broken part was. */
    static boolean stillTripsWhenLocked(FaultCode code) {
        return code == FaultCode.ROLLER_OVER_TEMPERATURE || code == FaultCode.HEATER_STUCK_ON;
    }

    /** Marks whether the clamp cut this zone's heat in this tick. */
    void cut(int zone, boolean cut) {
        heatCut[zone] = cut;
    }

    /** Smoothed roller temperature per zone, °C (read-only view for the skin estimate). */
    double[] rollerC() {
        return rollerC;
    }

    /** Roller temperature slope per zone, °C/s. */
    double[] rollerSlope() {
        return rollerSlope;
    }

    HeaterProtection state(int zone) {
        return watches[zone].state();
    }

    /** Every zone's watch starts afresh (a person acknowledged a fault; not on the hot path). */
    void reset() {
        java.util.Arrays.fill(heatCut, false);
        for (int z = 0; z < watches.length; z++) {
            watches[z] = new HeaterWatch(spec, z, dtS);
        }
    }
}
