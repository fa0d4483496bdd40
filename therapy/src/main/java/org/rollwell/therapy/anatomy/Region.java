package org.rollwell.therapy.anatomy;

/**
 * Regions of the back that restrictions and plans speak of. Upper and lower
 * thoracic split at T6/T7 (the level of the inferior angle of the scapula is
 * about T7), which is where therapists usually divide "upper" and "mid" back.
 */
public enum Region {
    CERVICAL(Level.C7, Level.C7),
    UPPER_THORACIC(Level.T1, Level.T6),
    LOWER_THORACIC(Level.T7, Level.T12),
    LUMBAR(Level.L1, Level.L5),
    SACRAL(Level.S1, Level.S1);

    private final Level first;
    private final Level last;

    Region(Level first, Level last) {
        this.first = first;
        this.last = last;
    }

    /** The level of this region nearest the head. */
    public Level first() {
        return first;
    }

    /** The level of this region nearest the sacrum. */
    public Level last() {
        return last;
    }

    public boolean contains(Level level) {
        return level.ordinal() >= first.ordinal() && level.ordinal() <= last.ordinal();
    }

    static Region of(Level level) {
        for (Region region : values()) {
            if (region.contains(level)) {
                return region;
            }
        }
        throw new IllegalStateException("no region holds " + level);
    }
}
