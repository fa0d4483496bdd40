package org.rollwell.therapy.plan;

/**
 * The technique's own parameters in a plan segment (DOMAIN.md §4). One record per
 * technique; the bed runtime turns them into setpoints.
 */
public sealed interface TechniqueParams {

    /** Travel the span back and forth at {@code speedMmPerS} (10–60 mm/s). */
    record Roll(double speedMmPerS) implements TechniqueParams {
        public Roll {
            requireRange("speedMmPerS", speedMmPerS, 1, 80);
        }
    }

    /** Strokes of {@code strokeMm} (20–60) at {@code frequencyHz} (0.5–1.5) that creep across the span. */
    record Knead(double strokeMm, double frequencyHz, double creepMmPerS) implements TechniqueParams {
        public Knead {
            requireRange("strokeMm", strokeMm, 5, 100);
            requireRange("frequencyHz", frequencyHz, 0.1, 3);
            requireRange("creepMmPerS", creepMmPerS, 0.5, 40);
        }
    }

    /** Ramp the force over {@code rampS} (3–5 s), hold {@code holdS}, release; {@code repetitions} times. */
    record Press(double rampS, double holdS, int repetitions, double restS) implements TechniqueParams {
        public Press {
            requireRange("rampS", rampS, 0.5, 10);
            requireRange("holdS", holdS, 1, 120);
            requireRange("repetitions", repetitions, 1, 5);
            requireRange("restS", restS, 0, 60);
        }
    }

    /** Raise the lift to {@code liftMm} under the span and hold {@code holdS}; {@code repetitions} times. */
    record Stretch(double liftMm, double holdS, int repetitions, double restS) implements TechniqueParams {
        public Stretch {
            requireRange("liftMm", liftMm, 1, 70);
            requireRange("holdS", holdS, 1, 60);
            requireRange("repetitions", repetitions, 1, 10);
            requireRange("restS", restS, 0, 60);
        }
    }

    /** Slow travel over the span at {@code speedMmPerS}, or rest at its middle when 0. */
    record Warm(double speedMmPerS) implements TechniqueParams {
        public Warm {
            requireRange("speedMmPerS", speedMmPerS, 0, 30);
        }
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be " + min + "–" + max + ", was " + value);
        }
    }
}
