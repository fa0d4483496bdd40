package org.rollwell.therapy.technique;

/**
 * What the rollers do (DOMAIN.md §4), each with its own force range: the typical doses of
 * DOMAIN.md §4, inside which intensity 1–10 scales ({@link Intensity#forceN(Technique, int)}).
 */
public enum Technique {
    /** Travel over a span with the rollers lifted to a force: 10–60 mm/s, 60–250 N. */
    ROLL(60, 250),
    /** Short back-and-forth strokes (20–60 mm at 0.5–1.5 Hz) that creep across a span; 80–250 N. */
    KNEAD(80, 250),
    /** Stop on a point, ramp the force over 3–5 s, hold, release; ischemic compression of a trigger point; 80–350 N. */
    PRESS(80, 350),
    /**
     * Raise the lift under the lumbar or thoracic region and hold, to extend the spine: 10–30 s, 3–5 times;
     * ≤ 250 N. The force is a limit, not a target; its bottom of 60 N is ROLL's (choice).
     */
    STRETCH(60, 250),
    /** Slow travel or rest with low force and hot rollers: 5–15 min; 40–100 N. */
    WARM(40, 100);

    private final double minForceN;
    private final double maxForceN;

    Technique(double minForceN, double maxForceN) {
        this.minForceN = minForceN;
        this.maxForceN = maxForceN;
    }

    /** The bottom of the technique's force range (intensity 1). */
    public double minForceN() {
        return minForceN;
    }

    /** The top of the technique's force range (intensity 10); a plan never goes past it. */
    public double maxForceN() {
        return maxForceN;
    }
}
