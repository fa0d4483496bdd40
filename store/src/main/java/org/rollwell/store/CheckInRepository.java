package org.rollwell.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.profile.CheckInParser;

/**
 * The check-ins before sessions (DOMAIN.md §5: symptoms now, pain now, anything new), checked by
 * the planner's own {@link CheckInParser}. A plan is for one check-in on the same day.
 */
public final class CheckInRepository {
    private static final RowMapper<StoredCheckIn> ROW = (rs, ctx) -> new StoredCheckIn(
            rs.getString("id"), rs.getString("profile_id"), parse(rs.getString("checkin_json")),
            rs.getString("checkin_json"), Instant.ofEpochMilli(rs.getLong("created_at_ms")));

    private final Transactions tx;

    CheckInRepository(Transactions tx) {
        this.tx = tx;
    }

    /** Stores a check-in document. @throws RefusedInputException with every problem of the document */
    public StoredCheckIn add(String accountId, String profileId, String checkInJson) {
        if (checkInJson == null) {
            throw RefusedInputException.of("$", "a check-in document is required");
        }
        ParseResult<CheckIn> parsed = CheckInParser.parse("", checkInJson);
        if (!(parsed instanceof ParseResult.Parsed<CheckIn> ok)) {
            throw new RefusedInputException(parsed.problems());
        }
        CheckIn checkIn = ok.value();
        Instant now = tx.now();
        StoredCheckIn stored = new StoredCheckIn(Transactions.newId(), profileId, checkIn, checkInJson, now);
        return tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            h.createUpdate("INSERT INTO check_ins (id, account_id, profile_id, day, pain_now_nrs, checkin_json, created_at_ms) "
                            + "VALUES (:id, :account, :profile, :day, :pain, :json, :at)")
                    .bind("id", stored.id()).bind("account", accountId).bind("profile", profileId)
                    .bind("day", checkIn.date().toString())
                    .bind("pain", checkIn.painNowNrs().isPresent() ? Integer.valueOf(checkIn.painNowNrs().getAsInt()) : null)
                    .bind("json", checkInJson).bind("at", now.toEpochMilli())
                    .execute();
            return stored;
        });
    }

    /** The last check-in dated {@code day}, the one a plan that day is for. */
    public Optional<StoredCheckIn> latestOn(String accountId, String profileId, LocalDate day) {
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return h.createQuery("SELECT * FROM check_ins WHERE account_id = :account AND profile_id = :profile "
                            + "AND day = :day ORDER BY created_at_ms DESC")
                    .bind("account", accountId).bind("profile", profileId).bind("day", day.toString())
                    .map(ROW).findFirst();
        });
    }

    /** Every check-in of the profile, newest first. */
    public List<StoredCheckIn> list(String accountId, String profileId) {
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return h.createQuery("SELECT * FROM check_ins WHERE account_id = :account AND profile_id = :profile "
                            + "ORDER BY day DESC, created_at_ms DESC")
                    .bind("account", accountId).bind("profile", profileId).map(ROW).list();
        });
    }

    private static CheckIn parse(String json) {
        ParseResult<CheckIn> parsed = CheckInParser.parse("", json);
        if (parsed instanceof ParseResult.Parsed<CheckIn> ok) {
            return ok.value();
        }
        throw new StoreException("a stored check-in no longer reads: " + parsed.problems());
    }
}
