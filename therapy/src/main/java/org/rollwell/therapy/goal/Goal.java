package org.rollwell.therapy.goal;

/** What a person wants from a session: the mechanisms the seed article names (DOMAIN.md §1). */
public enum Goal {
    RELIEVE_TENSION,
    RANGE_OF_MOTION,
    STRESS,
    TRIGGER_POINTS,
    CIRCULATION
}
