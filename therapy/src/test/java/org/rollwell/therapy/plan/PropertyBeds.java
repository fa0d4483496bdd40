package org.rollwell.therapy.plan;

import org.rollwell.therapy.envelope.BedLimits;

/** The beds of examples/beds as plans see them ({@code BedSpec.limits()} of each file), for tests that plan on each. */
final class PropertyBeds {

    /**
     * examples/beds/compact-800.json: 800 mm travel, 300 N, rollers 30–60 °C, 45 min, people 145–200 cm and up
     * to 120 kg, 60 mm lift, 12 cm² of roller contact, the reference's roller pairs and patch, and 20 N of force
     * headroom (4 σ of its 4 N load cell plus 4 N of lift lag, BedSpec.forceHeadroomN()).
     */
    static final BedLimits COMPACT_800 = new BedLimits(800, 300, 30, 60, 45, 145, 200, 120, 60, 12, 40, 30, 20);

    private PropertyBeds() {
    }
}
