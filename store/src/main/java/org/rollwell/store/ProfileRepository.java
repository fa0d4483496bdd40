package org.rollwell.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.ProfileParser;

/**
 * The profiles of an account. A profile's document is checked by the planner's own parser
 * ({@link ProfileParser}) before it is stored, so every stored profile can be planned on.
 */
public final class ProfileRepository {
    static final int MAX_NAME = 100;

    private static final RowMapper<StoredProfile> ROW = (rs, ctx) -> new StoredProfile(
            rs.getString("id"), rs.getString("account_id"), rs.getString("name"), rs.getString("profile_json"),
            Instant.ofEpochMilli(rs.getLong("created_at_ms")), Instant.ofEpochMilli(rs.getLong("updated_at_ms")));

    private final Transactions tx;

    ProfileRepository(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Adds a profile to the account.
     *
     * @throws RefusedInputException with every problem of the name or the document
     * @throws ConflictException     if the account has a profile of that name
     * @throws NotFoundException     if there is no such account
     */
    public StoredProfile create(String accountId, String name, String profileJson) {
        String checkedName = checkName(name);
        checkDocument(profileJson);
        Instant now = tx.now();
        StoredProfile p = new StoredProfile(Transactions.newId(), accountId, checkedName, profileJson, now, now);
        return tx.write(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :id").bind("id", accountId)
                    .mapTo(Integer.class).one() != 1) {
                throw new NotFoundException("account " + accountId + " not found");
            }
            requireFreeName(h, accountId, checkedName, null);
            h.createUpdate("INSERT INTO profiles (id, account_id, name, profile_json, created_at_ms, updated_at_ms) "
                            + "VALUES (:id, :account, :name, :json, :at, :at)")
                    .bind("id", p.id()).bind("account", accountId).bind("name", checkedName)
                    .bind("json", profileJson).bind("at", now.toEpochMilli())
                    .execute();
            return p;
        });
    }

    public Optional<StoredProfile> find(String accountId, String profileId) {
        return tx.read(h -> h.createQuery("SELECT * FROM profiles WHERE id = :id AND account_id = :account")
                .bind("id", profileId).bind("account", accountId).map(ROW).findOne());
    }

    /** The account's profiles by name. */
    public List<StoredProfile> list(String accountId) {
        return tx.read(h -> h.createQuery("SELECT * FROM profiles WHERE account_id = :account ORDER BY name")
                .bind("account", accountId).map(ROW).list());
    }

    /**
     * Replaces a profile's name and document.
     *
     * @throws NotFoundException if the account has no such profile
     */
    public StoredProfile update(String accountId, String profileId, String name, String profileJson) {
        String checkedName = checkName(name);
        checkDocument(profileJson);
        Instant now = tx.now();
        return tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            requireFreeName(h, accountId, checkedName, profileId);
            h.createUpdate("UPDATE profiles SET name = :name, profile_json = :json, updated_at_ms = :at "
                            + "WHERE id = :id AND account_id = :account")
                    .bind("name", checkedName).bind("json", profileJson).bind("at", now.toEpochMilli())
                    .bind("id", profileId).bind("account", accountId)
                    .execute();
            return h.createQuery("SELECT * FROM profiles WHERE id = :id AND account_id = :account")
                    .bind("id", profileId).bind("account", accountId).map(ROW).one();
        });
    }

    /**
     * Changes a profile's document in one transaction: {@code change} gets the stored document and
     * returns the new one, which is checked like any other. The row is locked first (an UPDATE that
     * changes nothing takes the row lock on PostgreSQL; SQLite's write transaction holds the whole
     * file), so two edits of one profile never lose each other's change.
     *
     * @throws NotFoundException     if the account has no such profile
     * @throws RefusedInputException with every problem of the changed document
     */
    public StoredProfile edit(String accountId, String profileId, java.util.function.UnaryOperator<String> change) {
        java.util.Objects.requireNonNull(change, "change");
        Instant now = tx.now();
        return tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            h.createUpdate("UPDATE profiles SET updated_at_ms = updated_at_ms WHERE id = :id AND account_id = :account")
                    .bind("id", profileId).bind("account", accountId).execute();
            StoredProfile before = h.createQuery("SELECT * FROM profiles WHERE id = :id AND account_id = :account")
                    .bind("id", profileId).bind("account", accountId).map(ROW).one();
            String json = change.apply(before.json());
            checkDocument(json);
            h.createUpdate("UPDATE profiles SET profile_json = :json, updated_at_ms = :at WHERE id = :id AND account_id = :account")
                    .bind("json", json).bind("at", now.toEpochMilli()).bind("id", profileId).bind("account", accountId)
                    .execute();
            return h.createQuery("SELECT * FROM profiles WHERE id = :id AND account_id = :account")
                    .bind("id", profileId).bind("account", accountId).map(ROW).one();
        });
    }

    /**
     * Deletes a profile with everything of theirs: answers, clearances, check-ins, sessions, diary.
     *
     * @return whether the account had such a profile
     */
    public boolean delete(String accountId, String profileId) {
        return tx.write(h -> h.createUpdate("DELETE FROM profiles WHERE id = :id AND account_id = :account")
                .bind("id", profileId).bind("account", accountId).execute() == 1);
    }

    private static void requireFreeName(org.jdbi.v3.core.Handle h, String accountId, String name, String exceptId) {
        Optional<String> holder = h.createQuery("SELECT id FROM profiles WHERE account_id = :account AND name = :name")
                .bind("account", accountId).bind("name", name).mapTo(String.class).findOne();
        if (holder.isPresent() && !holder.get().equals(exceptId)) {
            throw new ConflictException("name: this account has a profile called " + name + " already");
        }
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw RefusedInputException.of("name", "must not be blank");
        }
        String n = name.strip();
        if (n.length() > MAX_NAME) {
            throw RefusedInputException.of("name", "must be at most " + MAX_NAME + " characters, was " + n.length());
        }
        return n;
    }

    private static void checkDocument(String profileJson) {
        if (profileJson == null) {
            throw RefusedInputException.of("$", "a profile document is required");
        }
        ParseResult<?> parsed = ProfileParser.parse(profileJson);
        if (!parsed.ok()) {
            throw new RefusedInputException(parsed.problems());
        }
    }
}
