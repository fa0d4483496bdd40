package org.rollwell.server;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollwell.store.DailyUse;
import org.rollwell.store.SessionRepository;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.plan.SessionPlanner;

/**
 * The daily limits of DOMAIN.md §5, checked from the stored session history before a session
 * starts: at most {@value SessionHistory#MAX_SESSIONS_PER_DAY} sessions a day, at least 4 h
 * between the starts of two sessions, and at most {@link #MAX_MINUTES_PER_DAY} minutes a day. A
 * session counts when it is running or delivered anything, however it ended (docs/storage.md).
 *
 * <p>The session start ("live") calls {@link #require} with the minutes asked; a refusal is a 409
 * problem {@code urn:rollwell:problem:daily-limit} naming the limit and when the next session may start.
 */
public final class DailyLimits {
    /**
     * Choice: the two sessions a day at the session's longest ({@link SessionPlanner#MAX_MINUTES}
     * min, DOMAIN.md §2). It follows from the other two rules; it is stated so a start can be
     * told how many minutes are left today.
     */
    public static final int MAX_MINUTES_PER_DAY = SessionHistory.MAX_SESSIONS_PER_DAY * SessionPlanner.MAX_MINUTES;

    /**
     * What today's history allows.
     *
     * @param code          {@code OK}, {@code DAILY_LIMIT} (sessions a day), {@code TOO_SOON} (the 4 h gap) or
     *                      {@code MINUTES_LIMIT} (minutes a day)
     * @param nextStartAt   when a session may start again, when it is not now
     */
    public record Check(String code, String reason, int sessionsToday, double minutesToday, double minutesLeft,
            Optional<Instant> nextStartAt) {
        public boolean allowed() {
            return code.equals("OK");
        }

        /** The API's view: {@code {"allowed","code","reason","sessionsToday","maxSessionsPerDay",…}}. */
        public Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("allowed", allowed());
            m.put("code", code);
            m.put("reason", reason);
            m.put("sessionsToday", sessionsToday);
            m.put("maxSessionsPerDay", SessionHistory.MAX_SESSIONS_PER_DAY);
            m.put("minutesToday", Math.round(minutesToday * 10) / 10.0);
            m.put("minutesLeft", Math.round(minutesLeft * 10) / 10.0);
            m.put("minGapHours", SessionHistory.MIN_GAP.toHours());
            m.put("nextStartAt", nextStartAt.map(Instant::toString).orElse(null));
            return m;
        }

        /** The 409 problem of a refusal; {@code field} is {@code minutes} for the minutes limit, else {@code profileId}. */
        public ApiProblem problem() {
            return refusal(code.equals("MINUTES_LIMIT") ? "minutes" : "profileId", reason);
        }
    }

    /**
     * The one answer to "this profile has had today's sessions" wherever it is found (this check, or the
     * planner's DAILY_LIMIT and TOO_SOON reasons at a session start): 409, a conflict with the stored
     * history's state (RFC 9110 §15.5.10). Not 429, which is for a client sending too many requests
     * (RFC 6585 §4), as the sign-up and sign-in limits do.
     */
    static ApiProblem refusal(String field, String reason) {
        return new ApiProblem(409, "daily-limit", "Daily limit reached", field, reason, List.of());
    }

    private final SessionRepository sessions;
    private final Clock clock;

    public DailyLimits(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Whether the profile may start a session of {@code minutesAsked} minutes now (0: any length). */
    public Check check(String accountId, String profileId, int minutesAsked) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        DailyUse use = sessions.dailyUse(accountId, profileId, today);
        SessionHistory history = sessions.history(accountId, profileId);
        double left = Math.max(0, MAX_MINUTES_PER_DAY - use.minutesDelivered());
        if (use.sessions() >= SessionHistory.MAX_SESSIONS_PER_DAY) {
            Instant tomorrow = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
            return new Check("DAILY_LIMIT", "Already " + use.sessions() + " sessions today: at most "
                    + SessionHistory.MAX_SESSIONS_PER_DAY + " a day. Rest until tomorrow.", use.sessions(),
                    use.minutesDelivered(), 0, Optional.of(tomorrow));
        }
        // the gap holds across midnight too: two sessions at 23:00 and 00:30 are not 4 h apart
        Optional<PastSession> last = history.last();
        if (last.isPresent()) {
            LocalDateTime next = last.get().start().plus(SessionHistory.MIN_GAP);
            if (now.toLocalDateTime().isBefore(next)) {
                return new Check("TOO_SOON", "Sessions are at least " + SessionHistory.MIN_GAP.toHours()
                        + " h apart: the last one started at " + last.get().start().toLocalTime().withNano(0)
                        + ", the next may start at " + next.toLocalTime().withNano(0) + ".", use.sessions(),
                        use.minutesDelivered(), left, Optional.of(next.atZone(clock.getZone()).toInstant()));
            }
        }
        if (minutesAsked > left) {
            return new Check("MINUTES_LIMIT", (int) Math.floor(left) + " minutes are left today (at most "
                    + MAX_MINUTES_PER_DAY + " a day); " + minutesAsked + " were asked.", use.sessions(),
                    use.minutesDelivered(), left, Optional.empty());
        }
        return new Check("OK", "A session may start now.", use.sessions(), use.minutesDelivered(), left, Optional.empty());
    }

    /** {@link #check}, refusing with its 409 problem unless a session may start. */
    public Check require(String accountId, String profileId, int minutesAsked) {
        Check c = check(accountId, profileId, minutesAsked);
        if (!c.allowed()) {
            throw c.problem();
        }
        return c;
    }
}
