package org.rollwell.app.scenario;

import java.util.List;
import java.util.Objects;
import org.rollwell.sim.FaultKind;

/**
 * A fault the twin injects at a moment of the simulated run.
 *
 * @param atS    simulated seconds from the start of the session run (homing and warm-up count), or,
 *               with {@code during}, from the moment the run first enters that phase
 * @param kind what goes wrong, e.g. {@link FaultKind#HEATER_STUCK_ON}
 * @param zone the heater zone a heater or thermistor fault strikes (0 upper pair, 1 lower pair),
 *             or {@link #NO_ZONE} for faults that have none
 * @param during a phase of the run ({@link #PHASES}: a session state or a technique), or null when
 *               {@code atS} counts from the start
 */
public record ScenarioFault(double atS, FaultKind kind, int zone, String during) {

    /** The phases a fault may be timed from: session states and the techniques of DOMAIN.md §4. */
    public static final List<String> PHASES = List.of("HOMING", "WARMING", "ROLL", "KNEAD", "PRESS", "STRETCH", "WARM", "COOLDOWN");

    public static final int NO_ZONE = -1;

    /** A fault at {@code atS} from the start of the run. */
    public ScenarioFault(double atS, FaultKind kind, int zone) {
        this(atS, kind, zone, null);
    }

    public ScenarioFault {
        if (!(atS >= 0)) {
            throw new IllegalArgumentException("atS must not be negative, was " + atS);
        }
        Objects.requireNonNull(kind, "kind");
        if (during != null && !PHASES.contains(during)) {
            throw new IllegalArgumentException("during must be one of " + PHASES + ", was " + during);
        }
        if (kind.zoned() ? zone < 0 : zone != NO_ZONE) {
            throw new IllegalArgumentException(kind + (kind.zoned() ? " needs a heater zone" : " strikes no heater zone")
                    + ", was zone " + zone);
        }
    }

    public boolean hasZone() {
        return zone != NO_ZONE;
    }
}
