package org.rollwell.therapy.wallcheck;

import org.rollwell.bed.io.BedSpec;

/** Deliberately breaks the therapy wall, so ModuleWallsTest can show its rule would catch it. */
public final class ReachesIntoBed {
    public double travelMm() {
        return BedSpec.REFERENCE.travelMm();
    }
}
