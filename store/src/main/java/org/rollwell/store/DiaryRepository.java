package org.rollwell.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.diary.Pressure;

/**
 * The pain diary of docs/diary-format.md, one row per entry: daily NRS, NRS before and after a
 * session, weekly PEG, PGIC and session feedback. Like the diary file, it keeps one NRS_DAILY,
 * PEG and PGIC a day; an entry about a session may name it, and the planner's history then reads
 * that session's pressure feedback.
 */
public final class DiaryRepository {
    private static final RowMapper<StoredDiaryEntry> ROW = DiaryRepository::row;

    private final Transactions tx;

    DiaryRepository(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Adds an entry, about {@code sessionId} if given (a session of the same profile).
     *
     * @throws ConflictException if the day has this NRS_DAILY, PEG or PGIC already
     * @throws NotFoundException if the profile or the session is not in the account
     */
    public StoredDiaryEntry add(String accountId, String profileId, DiaryEntry entry, Optional<String> sessionId) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(sessionId, "sessionId");
        String id = Transactions.newId();
        long now = tx.now().toEpochMilli();
        return tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            if (sessionId.isPresent() && h.createQuery("SELECT COUNT(*) FROM sessions "
                            + "WHERE id = :id AND account_id = :account AND profile_id = :profile")
                    .bind("id", sessionId.get()).bind("account", accountId).bind("profile", profileId)
                    .mapTo(Integer.class).one() != 1) {
                throw new NotFoundException("session " + sessionId.get() + " not found for this profile");
            }
            if (onceADay(entry.kind())) {
                once(h, accountId, profileId, entry);
            }
            Update insert = h.createUpdate("INSERT INTO diary_entries (id, account_id, profile_id, session_id, day, kind, "
                            + "nrs, peg_pain, peg_enjoyment, peg_activity, pgic, pressure, heat, created_at_ms) VALUES "
                            + "(:id, :account, :profile, :session, :day, :kind, :nrs, :pain, :enjoyment, :activity, :pgic, "
                            + ":pressure, :heat, :at)")
                    .bind("id", id).bind("account", accountId).bind("profile", profileId)
                    .bind("session", sessionId.orElse(null))
                    .bind("day", entry.date().toString()).bind("kind", entry.kind().name()).bind("at", now);
            bindFields(insert, entry).execute();
            return new StoredDiaryEntry(id, profileId, sessionId, entry);
        });
    }

    /** The profile's entries from {@code from} to {@code to}, both included, by day and then as entered. */
    public List<StoredDiaryEntry> list(String accountId, String profileId, LocalDate from, LocalDate to) {
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return h.createQuery("SELECT * FROM diary_entries WHERE account_id = :account AND profile_id = :profile "
                            + "AND day >= :from AND day <= :to ORDER BY day, created_at_ms")
                    .bind("account", accountId).bind("profile", profileId)
                    .bind("from", from.toString()).bind("to", to.toString())
                    .map(ROW).list();
        });
    }

    /** The profile's whole diary, by day. */
    public List<StoredDiaryEntry> list(String accountId, String profileId) {
        return list(accountId, profileId, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
    }

    /** @return whether the account had that entry */
    public boolean delete(String accountId, String entryId) {
        return tx.write(h -> h.createUpdate("DELETE FROM diary_entries WHERE id = :id AND account_id = :account")
                .bind("id", entryId).bind("account", accountId).execute() == 1);
    }

    /** The day of the profile's first session that delivered anything: where the diary's baseline ends. */
    public Optional<LocalDate> firstSessionDay(String accountId, String profileId) {
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return h.createQuery("SELECT MIN(day) FROM sessions WHERE account_id = :account AND profile_id = :profile "
                            + "AND delivered_s > 0")
                    .bind("account", accountId).bind("profile", profileId)
                    .mapTo(String.class).findOne().map(LocalDate::parse);
        });
    }

    /** docs/diary-format.md: "a second NRS_DAILY, PEG or PGIC on the same day" is refused. */
    static boolean onceADay(EntryKind kind) {
        return kind == EntryKind.NRS_DAILY || kind == EntryKind.PEG || kind == EntryKind.PGIC;
    }

    private static void once(org.jdbi.v3.core.Handle h, String accountId, String profileId, DiaryEntry entry) {
        int n = h.createQuery("SELECT COUNT(*) FROM diary_entries WHERE account_id = :account AND profile_id = :profile "
                        + "AND day = :day AND kind = :kind")
                .bind("account", accountId).bind("profile", profileId)
                .bind("day", entry.date().toString()).bind("kind", entry.kind().name())
                .mapTo(Integer.class).one();
        if (n > 0) {
            throw new ConflictException(entry.kind() + " on " + entry.date() + " is recorded already; keep one a day");
        }
    }

    private static Update bindFields(Update u, DiaryEntry entry) {
        Integer nrs = null, pain = null, enjoyment = null, activity = null, pgic = null;
        String pressure = null, heat = null;
        if (entry instanceof DiaryEntry.Nrs n) {
            nrs = n.nrs();
        } else if (entry instanceof DiaryEntry.Peg p) {
            pain = p.pain();
            enjoyment = p.enjoyment();
            activity = p.activity();
        } else if (entry instanceof DiaryEntry.Pgic g) {
            pgic = g.pgic();
        } else if (entry instanceof DiaryEntry.Feedback f) {
            pressure = f.pressure().name();
            heat = f.heat().name();
        }
        return u.bind("nrs", nrs).bind("pain", pain).bind("enjoyment", enjoyment).bind("activity", activity)
                .bind("pgic", pgic).bind("pressure", pressure).bind("heat", heat);
    }

    private static StoredDiaryEntry row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        LocalDate day = LocalDate.parse(rs.getString("day"));
        EntryKind kind = EntryKind.valueOf(rs.getString("kind"));
        DiaryEntry entry = switch (kind) {
            case NRS_DAILY, NRS_BEFORE, NRS_AFTER -> new DiaryEntry.Nrs(day, kind, rs.getInt("nrs"));
            case PEG -> new DiaryEntry.Peg(day, rs.getInt("peg_pain"), rs.getInt("peg_enjoyment"), rs.getInt("peg_activity"));
            case PGIC -> new DiaryEntry.Pgic(day, rs.getInt("pgic"));
            case FEEDBACK -> new DiaryEntry.Feedback(day, Pressure.valueOf(rs.getString("pressure")),
                    Heat.valueOf(rs.getString("heat")));
        };
        return new StoredDiaryEntry(rs.getString("id"), rs.getString("profile_id"),
                Optional.ofNullable(rs.getString("session_id")), entry);
    }
}
