package org.rollwell.companion.wallcheck;

import org.rollwell.sim.SimulatedBed;

/** Deliberately breaks the companion's wall, so ModuleWallsTest can show its rule would catch it. */
public final class ReachesIntoTheTwin {
    public double trueForceN(SimulatedBed twin) {
        return twin.trueForceN();
    }
}
