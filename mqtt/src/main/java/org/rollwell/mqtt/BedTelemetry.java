package org.rollwell.mqtt;

import java.util.List;

/**
 * What a bed tells Home Assistant and a clinic hub about itself, once a second. Read by the bed's
 * owner from what the bed's own sensors report (never the twin's truth).
 *
 * @param state         one of {@link #STATES}
 * @param technique     the technique now running, or null
 * @param secondsLeft   time left in the session, or null at rest
 * @param positionMm    the carriage's position from the head end
 * @param forceN        the measured roller force
 * @param zoneTempsC    each heater zone's roller temperature
 * @param personOnBed   what the presence mat reports
 * @param faultCode     the fault that stopped the bed, or null
 * @param painChange    the last session's pain change (after − before, NRS points), or null
 */
public record BedTelemetry(String state, String technique, Integer secondsLeft, double positionMm, double forceN,
                           List<Double> zoneTempsC, boolean personOnBed, String faultCode, Integer painChange) {

    /** The states Home Assistant shows (its enum sensor lists exactly these). */
    public static final List<String> STATES = List.of("idle", "warming", "running", "paused", "faulted");

    public BedTelemetry {
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("state: one of " + STATES + ", was '" + state + "'");
        }
        zoneTempsC = List.copyOf(zoneTempsC);
    }

    public static BedTelemetry idle(int zones) {
        return new BedTelemetry("idle", null, null, 0, 0, java.util.Collections.nCopies(zones, 20.0), false, null, null);
    }
}
