package org.rollwell.therapy.technique;

/** What the rollers do (DOMAIN.md §4). */
public enum Technique {
    /** Travel over a span with the rollers lifted to a force: 10–60 mm/s, 60–250 N. */
    ROLL,
    /** Short back-and-forth strokes (20–60 mm at 0.5–1.5 Hz) that creep across a span; 80–250 N. */
    KNEAD,
    /** Stop on a point, ramp the force over 3–5 s, hold, release; ischemic compression of a trigger point. */
    PRESS,
    /** Raise the lift under the lumbar or thoracic region and hold, to extend the spine: 10–30 s, 3–5 times. */
    STRETCH,
    /** Slow travel or rest with low force and hot rollers: 5–15 min. */
    WARM
}
