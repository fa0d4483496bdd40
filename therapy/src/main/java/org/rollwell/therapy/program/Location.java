package org.rollwell.therapy.program;

import java.util.Objects;
import org.rollwell.therapy.anatomy.Level;

/**
 * Where on the back a program segment works, in anatomical terms. The planner
 * resolves it with the person's spine map (and, for the personal forms, their
 * profile) into bed millimetres.
 *
 * <p>In a program file: {@code "from":"T10","to":"L5"} is a {@link Span};
 * {@code "at":"T8"} a {@link Point}; {@code "at":"TRIGGER_POINTS"} the
 * {@link MarkedTriggerPoints}; {@code "focus":"PAIN","from":"L1","to":"L5"} a
 * {@link PainfulRegion} with its fallback span.
 */
public sealed interface Location {

    /** A stretch of the spine from the level nearest the head to the level nearest the sacrum. */
    record Span(Level from, Level to) implements Location {
        public Span {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isAbove(from)) {
                throw new IllegalArgumentException("span: to " + to + " lies above from " + from);
            }
        }
    }

    /** One level, for a {@code PRESS}. */
    record Point(Level at) implements Location {
        public Point {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Each trigger point the person marked in their profile; the planner expands the
     * segment into one {@code PRESS} per point and shares the segment's seconds among them.
     */
    record MarkedTriggerPoints() implements Location {
    }

    /**
     * The person's painful levels from their pain map; when the pain map is empty the
     * planner uses the fallback span {@code fallbackFrom}–{@code fallbackTo}.
     */
    record PainfulRegion(Level fallbackFrom, Level fallbackTo) implements Location {
        public PainfulRegion {
            Objects.requireNonNull(fallbackFrom, "fallbackFrom");
            Objects.requireNonNull(fallbackTo, "fallbackTo");
            if (fallbackTo.isAbove(fallbackFrom)) {
                throw new IllegalArgumentException(
                        "painful region fallback: to " + fallbackTo + " lies above from " + fallbackFrom);
            }
        }

        /** The fallback as a span. */
        public Span fallback() {
            return new Span(fallbackFrom, fallbackTo);
        }
    }
}
