package org.rollwell.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.history.Feedback;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;

/**
 * Sessions: start, checkpoint while running, end; the history the planner and the daily limits
 * read. A session counts towards the daily limits when it is running or delivered anything, whatever
 * way it ended (choice: heat and pressure that reached the person count; a start refused at 0 s
 * does not).
 */
public final class SessionRepository {
    private static final RowMapper<StoredSession> ROW = SessionRepository::row;
    /** Running or delivered something: what the daily limits count. */
    private static final String COUNTS = "(state = 'RUNNING' OR delivered_s > 0)";

    private final Transactions tx;

    SessionRepository(Transactions tx) {
        this.tx = tx;
    }

    /** Records a session starting now, RUNNING with nothing delivered yet. */
    public StoredSession start(String accountId, String profileId, NewSession session) {
        Objects.requireNonNull(session, "session");
        Instant now = tx.now();
        LocalDate day = now.atZone(tx.clock().getZone()).toLocalDate();
        String id = Transactions.newId();
        return tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            h.createUpdate("INSERT INTO sessions (id, account_id, profile_id, state, day, started_at_ms, intensity, "
                            + "planned_s, delivered_s, cem43_max_band_min, plan_json) "
                            + "VALUES (:id, :account, :profile, 'RUNNING', :day, :at, :intensity, :planned, 0, 0, :plan)")
                    .bind("id", id).bind("account", accountId).bind("profile", profileId)
                    .bind("day", day.toString()).bind("at", now.toEpochMilli())
                    .bind("intensity", session.intensity()).bind("planned", session.plannedS())
                    .bind("plan", session.planJson())
                    .execute();
            return one(h, accountId, id);
        });
    }

    /**
     * Saves what a running session has delivered so far.
     *
     * @throws ConflictException     if the session is no longer running
     * @throws RefusedInputException if the delivered time or dose would fall below the last checkpoint
     */
    public void checkpoint(String accountId, String sessionId, Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        long now = tx.now().toEpochMilli();
        tx.write(h -> {
            StoredSession s = running(h, accountId, sessionId, "checkpoint");
            if (checkpoint.deliveredS() < s.deliveredS()) {
                throw RefusedInputException.of("deliveredS", "must not fall below the last checkpoint's "
                        + s.deliveredS() + " s, was " + checkpoint.deliveredS());
            }
            if (checkpoint.cem43MaxBandMin() < s.cem43MaxBandMin()) {
                throw RefusedInputException.of("cem43MaxBandMin", "a thermal dose never falls; the last checkpoint had "
                        + s.cem43MaxBandMin() + ", was " + checkpoint.cem43MaxBandMin());
            }
            return h.createUpdate("UPDATE sessions SET delivered_s = :delivered, cem43_max_band_min = :cem43, "
                            + "checkpoint_json = :progress, checkpoint_at_ms = :at "
                            + "WHERE id = :id AND account_id = :account AND state = 'RUNNING'")
                    .bind("delivered", checkpoint.deliveredS()).bind("cem43", checkpoint.cem43MaxBandMin())
                    .bind("progress", checkpoint.progressJson()).bind("at", now)
                    .bind("id", sessionId).bind("account", accountId)
                    .execute();
        });
    }

    /**
     * Ends a running session as COMPLETED, FAULTED or STOPPED with its final figures and record.
     *
     * @throws ConflictException if it is no longer running
     */
    public StoredSession finish(String accountId, String sessionId, SessionStatus end, double deliveredS,
            double cem43MaxBandMin, String recordJson) {
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(recordJson, "recordJson");
        if (!end.endsARun()) {
            throw RefusedInputException.of("state", "a session ends COMPLETED, FAULTED or STOPPED, not " + end);
        }
        Checkpoint.requireAmount("deliveredS", deliveredS);
        Checkpoint.requireAmount("cem43MaxBandMin", cem43MaxBandMin);
        requireJsonNumbers(recordJson);
        long now = tx.now().toEpochMilli();
        return tx.write(h -> {
            running(h, accountId, sessionId, "end");
            h.createUpdate("UPDATE sessions SET state = :state, ended_at_ms = :at, delivered_s = :delivered, "
                            + "cem43_max_band_min = :cem43, record_json = :record "
                            + "WHERE id = :id AND account_id = :account AND state = 'RUNNING'")
                    .bind("state", end.name()).bind("at", now).bind("delivered", deliveredS)
                    .bind("cem43", cem43MaxBandMin).bind("record", recordJson)
                    .bind("id", sessionId).bind("account", accountId)
                    .execute();
            return one(h, accountId, sessionId);
        });
    }

    /**
     * JSON has no NaN or infinity (RFC 8259 §6): a figure that does not apply is stored null, so a record read
     * back is the record written. Refuses a bare NaN/Infinity or the strings Jackson writes for them by default.
     */
    private static void requireJsonNumbers(String recordJson) {
        java.util.regex.Matcher m = NON_FINITE.matcher(recordJson);
        if (m.find()) {
            throw RefusedInputException.of("recordJson", "holds " + m.group(1).trim()
                    + ", which JSON has no number for: write a figure that does not apply as null");
        }
    }

    /** A value (after ':', '[' or ',') that is NaN or ±Infinity, bare or quoted. */
    private static final java.util.regex.Pattern NON_FINITE =
            java.util.regex.Pattern.compile("[:\\[,]\\s*(\"?-?(?:NaN|Infinity)\"?)\\s*[,}\\]]");

    public Optional<StoredSession> find(String accountId, String sessionId) {
        return tx.read(h -> h.createQuery("SELECT * FROM sessions WHERE id = :id AND account_id = :account")
                .bind("id", sessionId).bind("account", accountId).map(ROW).findOne());
    }

    /** The profile's sessions, newest first. */
    public List<StoredSession> list(String accountId, String profileId) {
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return h.createQuery("SELECT * FROM sessions WHERE account_id = :account AND profile_id = :profile "
                            + "ORDER BY started_at_ms DESC")
                    .bind("account", accountId).bind("profile", profileId).map(ROW).list();
        });
    }

    /** How much the profile used the bed on {@code day}: sessions counted and minutes delivered. */
    public DailyUse dailyUse(String accountId, String profileId, LocalDate day) {
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return h.createQuery("SELECT COUNT(*) AS n, COALESCE(SUM(delivered_s), 0) AS s FROM sessions "
                            + "WHERE account_id = :account AND profile_id = :profile AND day = :day AND " + COUNTS)
                    .bind("account", accountId).bind("profile", profileId).bind("day", day.toString())
                    .map((rs, ctx) -> new DailyUse(day, rs.getInt("n"), rs.getDouble("s") / 60.0))
                    .one();
        });
    }

    /**
     * The profile's sessions as the planner reads them ({@link SessionHistory}: the daily limits, the
     * 24 h thermal dose, FIBROMYALGIA's start rule, the adaptation rules), with the pressure and heat
     * feedback and the pain before and after that the person gave in the diary for each session.
     */
    public SessionHistory history(String accountId, String profileId) {
        ZoneId zone = tx.clock().getZone();
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            List<PastSession> past = new ArrayList<>();
            h.createQuery("SELECT s.started_at_ms, s.intensity, s.cem43_max_band_min, "
                            + about("pressure", "FEEDBACK") + " AS pressure, " + about("heat", "FEEDBACK") + " AS heat, "
                            + about("nrs", "NRS_BEFORE") + " AS nrs_before, " + about("nrs", "NRS_AFTER") + " AS nrs_after "
                            + "FROM sessions s WHERE s.account_id = :account AND s.profile_id = :profile AND "
                            + COUNTS.replace("state", "s.state").replace("delivered_s", "s.delivered_s")
                            + " ORDER BY s.started_at_ms")
                    .bind("account", accountId).bind("profile", profileId)
                    .map((rs, ctx) -> new PastSession(
                            LocalDateTime.ofInstant(Instant.ofEpochMilli(rs.getLong("started_at_ms")), zone),
                            rs.getInt("intensity"), feedback(rs.getString("pressure")), rs.getDouble("cem43_max_band_min"),
                            Optional.ofNullable(rs.getString("heat")).map(Heat::valueOf), rating(rs, "nrs_before"),
                            rating(rs, "nrs_after")))
                    .forEach(past::add);
            return new SessionHistory(past);
        });
    }

    /** The startup recovery ({@link Database#recoverInterrupted()}). */
    static List<InterruptedSession> markRunningInterrupted(Transactions tx) {
        return tx.write(h -> {
            List<InterruptedSession> found = h.createQuery("SELECT account_id, profile_id, id, delivered_s FROM sessions "
                            + "WHERE state = 'RUNNING' ORDER BY started_at_ms")
                    .map((rs, ctx) -> new InterruptedSession(rs.getString("account_id"), rs.getString("profile_id"),
                            rs.getString("id"), rs.getDouble("delivered_s")))
                    .list();
            // the session ended at its last checkpoint as far as anyone can tell; with none, at its start
            h.createUpdate("UPDATE sessions SET state = 'INTERRUPTED', "
                            + "ended_at_ms = COALESCE(checkpoint_at_ms, started_at_ms) WHERE state = 'RUNNING'")
                    .execute();
            return found;
        });
    }

    private static StoredSession running(Handle h, String accountId, String sessionId, String what) {
        StoredSession s = h.createQuery("SELECT * FROM sessions WHERE id = :id AND account_id = :account")
                .bind("id", sessionId).bind("account", accountId).map(ROW).findOne()
                .orElseThrow(() -> new NotFoundException("session " + sessionId + " not found in this account"));
        if (s.status() != SessionStatus.RUNNING) {
            throw new ConflictException("session " + sessionId + " is " + s.status() + ", not RUNNING: cannot " + what + " it");
        }
        return s;
    }

    private static StoredSession one(Handle h, String accountId, String sessionId) {
        return h.createQuery("SELECT * FROM sessions WHERE id = :id AND account_id = :account")
                .bind("id", sessionId).bind("account", accountId).map(ROW).one();
    }

    /**
     * The newest diary entry of {@code kind} about the session {@code s}: its {@code column} (the adaptation
     * rules read the pressure and heat words and the pain before and after, DOMAIN.md §6).
     */
    private static String about(String column, String kind) {
        return "(SELECT d." + column + " FROM diary_entries d WHERE d.session_id = s.id AND d.kind = '" + kind + "'"
                + " AND d.account_id = s.account_id ORDER BY d.created_at_ms DESC LIMIT 1)";
    }

    private static OptionalInt rating(ResultSet rs, String column) throws SQLException {
        int nrs = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(nrs);
    }

    /** The diary's pressure word as the planner's feedback (docs/diary-format.md FEEDBACK). */
    private static Feedback feedback(String pressure) {
        if (pressure == null) {
            return Feedback.NONE;
        }
        return switch (pressure) {
            case "TOO_GENTLE" -> Feedback.TOO_LIGHT;
            case "RIGHT" -> Feedback.PRESSURE_RIGHT;
            case "TOO_STRONG" -> Feedback.TOO_STRONG;
            default -> Feedback.NONE;
        };
    }

    private static StoredSession row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new StoredSession(
                rs.getString("id"),
                rs.getString("profile_id"),
                SessionStatus.valueOf(rs.getString("state")),
                LocalDate.parse(rs.getString("day")),
                Instant.ofEpochMilli(rs.getLong("started_at_ms")),
                optionalInstant(rs, "ended_at_ms"),
                rs.getInt("intensity"),
                rs.getDouble("planned_s"),
                rs.getDouble("delivered_s"),
                rs.getDouble("cem43_max_band_min"),
                rs.getString("plan_json"),
                Optional.ofNullable(rs.getString("record_json")),
                Optional.ofNullable(rs.getString("checkpoint_json")),
                optionalInstant(rs, "checkpoint_at_ms"));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }
}
