package org.rollwell.bed.record;

import java.util.List;
import java.util.Objects;
import org.rollwell.bed.safety.Fault;

/**
 * The record of one session: per segment planned against delivered, peaks, every event
 * with its time and the fault that ended it, if any (issue 4 item 6). Equal records for
 * equal runs: the same seed gives an identical record.
 *
 * @param outcome   how it ended
 * @param segments  one result per plan segment, in plan order
 * @param peaks     highest readings and estimates
 * @param events    in time order
 * @param fault     the latched fault, or null
 * @param clampTicks ticks in which each supervisor clamp acted, by {@code ClampLimit} name
 */
public record SessionRecord(Outcome outcome, List<SegmentResult> segments, Peaks peaks, List<RecordedEvent> events,
                            Fault fault, java.util.Map<String, Long> clampTicks) {

    public enum Outcome { COMPLETED, STOPPED, FAULTED, UNFINISHED }

    public SessionRecord {
        Objects.requireNonNull(outcome, "outcome");
        segments = List.copyOf(segments);
        Objects.requireNonNull(peaks, "peaks");
        events = List.copyOf(events);
        clampTicks = java.util.Map.copyOf(clampTicks);
    }
}
