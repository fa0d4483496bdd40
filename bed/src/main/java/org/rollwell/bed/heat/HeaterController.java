package org.rollwell.bed.heat;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.loop.Setpoints;

/**
 * One {@link ZonePid} per heater zone; closes the mains relay while any zone holds a target.
 *
 * <p>While a zone heats at full power its switch cannot be judged: a welded switch looks
 * the same. So after every {@link #PROBE_AFTER_S} s of full power the zone's duty drops to 0
 * for {@link #PROBE_OFF_S} s; a working switch makes the reading's rise slow down, a stuck-on one
 * does not, and the supervisor's {@code HeaterWatch} trips (DOMAIN.md §5 "power off but still
 * rising"). It costs about an eighth of the warm-up time.
 */
public final class HeaterController {
    /** Full power this long before a probe, s (choice: after the 30 s no-rise window, well inside 90 s). */
    public static final double PROBE_AFTER_S = 40.0;
    /** The probe's off time, s (choice: longer than the thermistor's 4 s lag, so the slope has visibly turned). */
    public static final double PROBE_OFF_S = 5.0;

    private final ZonePid[] zones;
    private final double dtS;
    private final double[] fullPowerS;
    private final double[] probeS;

    public HeaterController(int heaterZones, double dtS) {
        this.dtS = dtS;
        zones = new ZonePid[heaterZones];
        fullPowerS = new double[heaterZones];
        probeS = new double[heaterZones];
        for (int z = 0; z < heaterZones; z++) {
            zones[z] = new ZonePid(dtS);
        }
    }

    public void update(Setpoints setpoints, double[] zoneTempC, ActuatorFrame out) {
        boolean any = false;
        for (int z = 0; z < zones.length; z++) {
            double target = setpoints.zoneTargetC[z];
            double duty = zones[z].update(target, zoneTempC[z], dtS);
            if (probeS[z] > 0) {
                probeS[z] -= dtS;
                duty = 0;
            } else if (duty >= 1.0) {
                fullPowerS[z] += dtS;
                if (fullPowerS[z] >= PROBE_AFTER_S) {
                    fullPowerS[z] = 0;
                    probeS[z] = PROBE_OFF_S;
                    duty = 0;
                }
            } else {
                fullPowerS[z] = 0;
            }
            out.heaterDuty[z] = duty;
            any |= target > 0;
        }
        out.heaterMains = any;
    }

    public void stop(ActuatorFrame out) {
        for (int z = 0; z < zones.length; z++) {
            zones[z].reset();
            fullPowerS[z] = 0;
            probeS[z] = 0;
            out.heaterDuty[z] = 0;
        }
        out.heaterMains = false;
    }
}
