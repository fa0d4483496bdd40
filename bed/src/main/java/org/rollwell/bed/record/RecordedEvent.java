package org.rollwell.bed.record;

import java.util.Objects;

/**
 * Something that happened in a session, with its time: a state change, a segment starting or
 * ending, a clamp starting to act, an adjustment (accepted or refused), a technique limited by
 * the bed's kinematics, a fault.
 *
 * @param atNanos loop ticker time
 * @param kind    stable identifier: STATE, SEGMENT_START, SEGMENT_END, CLAMP, ADJUSTED, REFUSED, LIMITED, FAULT
 * @param detail  for people: what and why
 */
public record RecordedEvent(long atNanos, String kind, String detail) {
    public RecordedEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public double atS() {
        return atNanos / 1e9;
    }
}
