package org.rollwell.therapy.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A person's earlier sessions, oldest first: a pure input the planner reads for the
 * FIBROMYALGIA start rule and the daily limits (DOMAIN.md §5). Therapy stores nothing; the
 * companion and server will feed it from their records.
 */
public record SessionHistory(List<PastSession> sessions) {

    /** No earlier session. */
    public static final SessionHistory NONE = new SessionHistory(List.of());

    /** DOMAIN.md §5 "Per day": at most 2 sessions a day, at least 4 h apart. */
    public static final int MAX_SESSIONS_PER_DAY = 2;
    public static final Duration MIN_GAP = Duration.ofHours(4);
    /** DOMAIN.md §5: the CEM43 cap holds per band per 24 hours. */
    public static final Duration DOSE_WINDOW = Duration.ofHours(24);

    public SessionHistory {
        List<PastSession> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(PastSession::start));
        sessions = List.copyOf(sorted);
    }

    /** Sessions that started on {@code day}. */
    public int countOn(LocalDate day) {
        int n = 0;
        for (PastSession s : sessions) {
            if (s.start().toLocalDate().equals(day)) {
                n++;
            }
        }
        return n;
    }

    /** The latest session that started on {@code day}, if any. */
    public Optional<PastSession> lastOn(LocalDate day) {
        PastSession last = null;
        for (PastSession s : sessions) {
            if (s.start().toLocalDate().equals(day)) {
                last = s;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * The CEM43 minutes earlier sessions put into their hottest band within the 24 h before
     * {@code day} at {@code at}; with no time of day, every session of that day and the day
     * before counts (it cannot be shown to lie outside the window). Summed over sessions as if
     * each had heated the same band: conservative.
     */
    public double doseWithin24h(LocalDate day, Optional<LocalTime> at) {
        double sum = 0;
        for (PastSession s : sessions) {
            boolean inside;
            if (at.isPresent()) {
                LocalDateTime now = day.atTime(at.get());
                inside = !s.start().isAfter(now) && s.start().isAfter(now.minus(DOSE_WINDOW));
            } else {
                LocalDate d = s.start().toLocalDate();
                inside = d.equals(day) || d.equals(day.minusDays(1));
            }
            if (inside) {
                sum += s.cem43MaxBandMin();
            }
        }
        return sum;
    }

    /** The most recent session, if any. */
    public Optional<PastSession> last() {
        return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(sessions.size() - 1));
    }
}
