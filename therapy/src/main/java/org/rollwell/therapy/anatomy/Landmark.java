package org.rollwell.therapy.anatomy;

/**
 * The three landmarks a spine scan finds on the back's surface (DOMAIN.md §3).
 */
public enum Landmark {
    /** The prominent spinous process at the base of the neck. */
    C7,
    /** The thoracolumbar junction, where the thoracic convexity turns into the lumbar hollow. */
    T12L1,
    /** The lumbosacral junction, where the lumbar hollow meets the sacrum. */
    L5S1
}
