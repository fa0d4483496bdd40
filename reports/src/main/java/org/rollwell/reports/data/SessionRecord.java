package org.rollwell.reports.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One session as the bed recorded it (today: the JSON of {@code rollwell simulate --json}):
 * what was planned and delivered per segment, the peaks of the dose, and every safety event.
 *
 * @param source            where the record came from (its file name), for messages and the CSV
 * @param date              the session's day, when the record's name starts with {@code YYYY-MM-DD}
 * @param status            one of {@link #STATUSES}
 * @param segments          the plan's segments with their planned and delivered seconds
 * @param events            the safety trips of the session, in the order they happened
 * @param peakForceN        the highest roller force measured
 * @param peakRollerTempC   the hottest roller surface measured, empty when nothing ran
 * @param peakCem43Min      the highest thermal dose of any 10 mm band (CEM43 minutes), empty when nothing ran
 */
public record SessionRecord(String source, Optional<LocalDate> date, String status, List<Segment> segments,
                            List<SafetyEvent> events, double peakForceN, OptionalDouble peakRollerTempC,
                            OptionalDouble peakCem43Min) {

    /**
     * The statuses a record may have: the simulator's (completed, faulted, blocked before it
     * started) and the stored session's outcomes (also stopped by the person, and unfinished when
     * the server ended it some other way).
     */
    public static final List<String> STATUSES = List.of("COMPLETED", "STOPPED", "FAULTED", "UNFINISHED", "BLOCKED");

    /** One step of the session: a technique, planned and delivered seconds. */
    public record Segment(String technique, double plannedS, double deliveredS) {
        public Segment {
            Objects.requireNonNull(technique, "technique");
            if (!(plannedS >= 0) || !(deliveredS >= 0)) {
                throw new IllegalArgumentException("segment seconds must be 0 or more, were " + plannedS + " and " + deliveredS);
            }
        }
    }

    /**
     * A safety trip: its fault code, the twin's injected fault behind it ({@code kind}, empty on a
     * trip nobody injected), and when in the session it happened.
     */
    public record SafetyEvent(String code, String kind, double atS) {
        public SafetyEvent {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
        }
    }

    public SessionRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES + ", was " + status);
        }
        segments = List.copyOf(segments);
        events = List.copyOf(events);
        Objects.requireNonNull(peakRollerTempC, "peakRollerTempC");
        Objects.requireNonNull(peakCem43Min, "peakCem43Min");
    }

    /** Seconds of massage actually delivered. */
    public double deliveredS() {
        double sum = 0;
        for (Segment s : segments) {
            sum += s.deliveredS();
        }
        return sum;
    }

    /** Seconds the plan asked for. */
    public double plannedS() {
        double sum = 0;
        for (Segment s : segments) {
            sum += s.plannedS();
        }
        return sum;
    }

    /** Whether the bed delivered anything at all (a blocked session delivers nothing). */
    public boolean delivered() {
        return deliveredS() > 0;
    }
}
