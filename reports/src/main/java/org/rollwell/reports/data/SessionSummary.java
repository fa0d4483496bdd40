package org.rollwell.reports.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The sessions delivered, as a clinician reads them: how many, how long, which techniques for how
 * long, the highest dose (force, roller temperature, thermal dose), and every safety event.
 *
 * @param records            every record, oldest first (undated ones last, by name)
 * @param delivered          sessions in which the bed delivered massage
 * @param blocked            sessions screening or the plan refused (nothing delivered)
 * @param faulted            delivered sessions that ended in a safety trip
 * @param deliveredMinutes   minutes of massage delivered, all sessions
 * @param plannedMinutes     minutes planned, all sessions that ran
 * @param minutesByTechnique delivered minutes per technique, by technique name
 * @param peakForceN         the highest force of any session, empty without sessions
 * @param peakRollerTempC    the hottest roller surface of any session
 * @param peakCem43Min       the highest CEM43 dose of any band in any session
 * @param events             every safety event, with the record it came from
 * @param first              the first dated session
 * @param last               the last dated session
 */
public record SessionSummary(List<SessionRecord> records, int delivered, int blocked, int faulted,
                             double deliveredMinutes, double plannedMinutes, Map<String, Double> minutesByTechnique,
                             OptionalDouble peakForceN, OptionalDouble peakRollerTempC, OptionalDouble peakCem43Min,
                             List<Event> events, Optional<LocalDate> first, Optional<LocalDate> last) {

    /** A safety event and the session it happened in. */
    public record Event(SessionRecord session, SessionRecord.SafetyEvent event) {
        public Event {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(event, "event");
        }
    }

    public SessionSummary {
        records = List.copyOf(records);
        minutesByTechnique = java.util.Collections.unmodifiableMap(new TreeMap<>(minutesByTechnique));
        events = List.copyOf(events);
    }

    /** The summary of {@code records}. */
    public static SessionSummary of(List<SessionRecord> records) {
        List<SessionRecord> sorted = new ArrayList<>(records);
        sorted.sort((a, b) -> {
            if (a.date().isPresent() != b.date().isPresent()) {
                return a.date().isPresent() ? -1 : 1;
            }
            int byDate = a.date().isPresent() ? a.date().get().compareTo(b.date().get()) : 0;
            return byDate != 0 ? byDate : a.source().compareTo(b.source());
        });
        int delivered = 0;
        int blocked = 0;
        int faulted = 0;
        double deliveredS = 0;
        double plannedS = 0;
        Map<String, Double> byTechnique = new TreeMap<>();
        OptionalDouble force = OptionalDouble.empty();
        OptionalDouble roller = OptionalDouble.empty();
        OptionalDouble cem43 = OptionalDouble.empty();
        List<Event> events = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (SessionRecord r : sorted) {
            if ("BLOCKED".equals(r.status()) || !r.delivered()) {
                blocked++;
                continue;
            }
            delivered++;
            if ("FAULTED".equals(r.status())) {
                faulted++;
            }
            deliveredS += r.deliveredS();
            plannedS += r.plannedS();
            for (SessionRecord.Segment s : r.segments()) {
                byTechnique.merge(s.technique(), s.deliveredS() / 60, Double::sum);
            }
            force = max(force, OptionalDouble.of(r.peakForceN()));
            roller = max(roller, r.peakRollerTempC());
            cem43 = max(cem43, r.peakCem43Min());
            for (SessionRecord.SafetyEvent e : r.events()) {
                events.add(new Event(r, e));
            }
            if (r.date().isPresent()) {
                first = first == null ? r.date().get() : first;
                last = r.date().get();
            }
        }
        return new SessionSummary(sorted, delivered, blocked, faulted, deliveredS / 60, plannedS / 60, byTechnique,
                force, roller, cem43, events, Optional.ofNullable(first), Optional.ofNullable(last));
    }

    private static OptionalDouble max(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return OptionalDouble.of(Math.max(a.getAsDouble(), b.getAsDouble()));
    }
}
