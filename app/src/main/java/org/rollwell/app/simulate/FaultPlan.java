package org.rollwell.app.simulate;

import java.util.Objects;
import org.rollwell.sim.FaultKind;

/**
 * A fault to inject: at a time on the twin's clock ({@code phase} null), or a time after the
 * run first enters a phase — a session state ({@code HOMING}, {@code WARMING}, {@code PAUSED},
 * ...), a technique ({@code ROLL}, {@code KNEAD}, {@code PRESS}, {@code STRETCH}, {@code WARM})
 * or a scan state ({@code CONTACT}, {@code SCANNING}).
 */
record FaultPlan(String phase, double atS, FaultKind kind, int zone) {
    FaultPlan {
        Objects.requireNonNull(kind, "kind");
        if (!(atS >= 0) || Double.isInfinite(atS)) {
            throw new IllegalArgumentException("faults[].atS must be a time ≥ 0 s, was " + atS);
        }
    }
}
