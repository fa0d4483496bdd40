package org.rollwell.store;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rollwell.therapy.profile.Clearance;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * A profile's screening answers, each dated, and the clinician clearances recorded for it
 * (DOMAIN.md §5 "Screening"). Answers are kept as a history; the newest per id is in force.
 */
public final class ScreeningRepository {
    /** Longest clinician name and note a clearance keeps, in characters (choice: far above a real one). */
    public static final int MAX_CLINICIAN = 200;
    public static final int MAX_NOTE = 2_000;

    private static final RowMapper<StoredClearance> CLEARANCE = (rs, ctx) -> new StoredClearance(
            rs.getString("id"), rs.getString("profile_id"),
            new Clearance(ScreeningId.valueOf(rs.getString("screening_id")), rs.getString("clinician"),
                    Optional.of(LocalDate.parse(rs.getString("cleared_on"))), rs.getString("note")));

    private final Transactions tx;

    ScreeningRepository(Transactions tx) {
        this.tx = tx;
    }

    /** Records {@code answers} given on {@code answeredOn}; earlier answers stay in the history. */
    public void recordAnswers(String accountId, String profileId, Map<ScreeningId, Boolean> answers, LocalDate answeredOn) {
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(answeredOn, "answeredOn");
        long now = tx.now().toEpochMilli();
        tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            var batch = h.prepareBatch("INSERT INTO screening_answers "
                    + "(id, account_id, profile_id, screening_id, answer, answered_on, created_at_ms) "
                    + "VALUES (:id, :account, :profile, :sid, :answer, :on, :at)");
            for (Map.Entry<ScreeningId, Boolean> e : answers.entrySet()) {
                Objects.requireNonNull(e.getValue(), () -> "answers." + e.getKey() + ": must be yes or no");
                batch.bind("id", Transactions.newId()).bind("account", accountId).bind("profile", profileId)
                        .bind("sid", e.getKey().name()).bind("answer", e.getValue() ? 1 : 0)
                        .bind("on", answeredOn.toString()).bind("at", now).add();
            }
            return answers.isEmpty() ? new int[0] : batch.execute();
        });
    }

    /** The answer in force for each id answered: the latest day, and on one day the latest recorded. */
    public Map<ScreeningId, DatedAnswer> latestAnswers(String accountId, String profileId) {
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            Map<ScreeningId, DatedAnswer> latest = new EnumMap<>(ScreeningId.class);
            h.createQuery("SELECT screening_id, answer, answered_on FROM screening_answers "
                            + "WHERE account_id = :account AND profile_id = :profile "
                            + "ORDER BY answered_on, created_at_ms")
                    .bind("account", accountId).bind("profile", profileId)
                    .map((rs, ctx) -> new DatedAnswer(ScreeningId.valueOf(rs.getString("screening_id")),
                            rs.getInt("answer") == 1, LocalDate.parse(rs.getString("answered_on"))))
                    .forEach(a -> latest.put(a.id(), a));
            return latest;
        });
    }

    /**
     * Records a dated clearance of an id that a clearance can lift.
     *
     * @throws RefusedInputException if the id cannot be cleared, the clearance has no date, or a field is blank or too long
     */
    public StoredClearance addClearance(String accountId, String profileId, Clearance clearance) {
        Clearance checked = check(clearance);
        long now = tx.now().toEpochMilli();
        return tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return insert(h, accountId, profileId, checked, now);
        });
    }

    /** The clearance as it will be stored (clinician stripped), or a refusal naming the field. */
    private static Clearance check(Clearance clearance) {
        Objects.requireNonNull(clearance, "clearance");
        if (clearance.id().effect() != ScreeningId.Effect.BLOCK_UNLESS_CLEARED) {
            throw RefusedInputException.of("id", clearance.id() + " cannot be cleared by a clinician; only "
                    + clearable());
        }
        LocalDate on = clearance.date().orElseThrow(() -> RefusedInputException.of("date", "a clearance needs its date"));
        String clinician = clearance.clinician().strip();
        if (clinician.isEmpty() || clinician.length() > MAX_CLINICIAN) {
            throw RefusedInputException.of("clinician", "must name the clinician in 1–" + MAX_CLINICIAN + " characters");
        }
        if (clearance.note().length() > MAX_NOTE) {
            throw RefusedInputException.of("note", "must be at most " + MAX_NOTE + " characters");
        }
        return new Clearance(clearance.id(), clinician, Optional.of(on), clearance.note());
    }

    private static StoredClearance insert(org.jdbi.v3.core.Handle h, String accountId, String profileId, Clearance c,
            long nowMs) {
        String id = Transactions.newId();
        h.createUpdate("INSERT INTO clearances "
                        + "(id, account_id, profile_id, screening_id, clinician, cleared_on, note, created_at_ms) "
                        + "VALUES (:id, :account, :profile, :sid, :clinician, :on, :note, :at)")
                .bind("id", id).bind("account", accountId).bind("profile", profileId)
                .bind("sid", c.id().name()).bind("clinician", c.clinician()).bind("on", c.date().get().toString())
                .bind("note", c.note()).bind("at", nowMs)
                .execute();
        return new StoredClearance(id, profileId, c);
    }

    /**
     * Replaces every clearance of the profile with {@code clearances}, in one transaction: all are
     * stored or none (each checked as {@link #addClearance} does; the first bad one is refused as
     * {@code [i].field}).
     *
     * @throws RefusedInputException naming the clearance and field that cannot be stored
     */
    public List<StoredClearance> replaceClearances(String accountId, String profileId, List<Clearance> clearances) {
        Objects.requireNonNull(clearances, "clearances");
        List<Clearance> checked = new java.util.ArrayList<>();
        for (int i = 0; i < clearances.size(); i++) {
            try {
                checked.add(check(clearances.get(i)));
            } catch (RefusedInputException e) {
                String at = "[" + i + "].";
                throw new RefusedInputException(e.problems().stream()
                        .map(p -> new org.rollwell.therapy.input.Problem(at + p.path(), p.reason())).toList());
            }
        }
        long now = tx.now().toEpochMilli();
        return tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            h.createUpdate("DELETE FROM clearances WHERE account_id = :account AND profile_id = :profile")
                    .bind("account", accountId).bind("profile", profileId).execute();
            List<StoredClearance> stored = new java.util.ArrayList<>();
            for (Clearance c : checked) {
                stored.add(insert(h, accountId, profileId, c, now));
            }
            return stored;
        });
    }

    /** The profile's clearances, oldest first. */
    public List<StoredClearance> clearances(String accountId, String profileId) {
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return h.createQuery("SELECT * FROM clearances WHERE account_id = :account AND profile_id = :profile "
                            + "ORDER BY cleared_on, created_at_ms")
                    .bind("account", accountId).bind("profile", profileId).map(CLEARANCE).list();
        });
    }

    /** Withdraws a clearance. @return whether the account had it */
    public boolean deleteClearance(String accountId, String clearanceId) {
        return tx.write(h -> h.createUpdate("DELETE FROM clearances WHERE id = :id AND account_id = :account")
                .bind("id", clearanceId).bind("account", accountId).execute() == 1);
    }

    private static String clearable() {
        StringBuilder b = new StringBuilder();
        for (ScreeningId id : ScreeningId.values()) {
            if (id.effect() == ScreeningId.Effect.BLOCK_UNLESS_CLEARED) {
                b.append(b.length() > 0 ? ", " : "").append(id);
            }
        }
        return b.toString();
    }
}
