package org.rollwell.companion;

import java.util.List;

/**
 * One live frame of the bed (issue 11 item 5): what the socket sends. Built on the socket's side from
 * the bed's snapshot, never in the loop.
 *
 * @param tS            seconds on the loop's clock
 * @param state         IDLE, HOMING, WARMING, SCANNING, RUNNING, PAUSED, COOLDOWN or FAULTED
 * @param positionMm    the carriage's position from home, mm
 * @param level         the spine level under the carriage on the session's map, or null
 * @param forceN        the load cell, N
 * @param rollerTempsC  each zone's roller temperature, °C
 * @param segment       the plan's segment running (0-based), or null outside a session
 * @param technique     its technique, or null
 * @param secondsLeft   plan seconds still to run, or null outside a session
 * @param faults        the fault standing, if any
 * @param moving        whether the bed moves or works (the socket sends ≥ 10 Hz then, 1 Hz otherwise)
 * @param ownerAccount  the account using the bed, or null
 */
public record LiveFrame(double tS, String state, double positionMm, String level, double forceN, double[] rollerTempsC,
        Integer segment, String technique, Integer secondsLeft, List<FaultView> faults, boolean moving,
        String ownerAccount) {

    /** A fault as a person reads it. */
    public record FaultView(String code, String message) {
    }

    /** The same frame with nothing personal: for clients of another account (state and position only). */
    public LiveFrame withoutPersonalData() {
        return new LiveFrame(tS, state, positionMm, null, 0.0, new double[0], null, null, null, List.of(), moving, null);
    }
}
