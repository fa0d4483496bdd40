package org.rollwell.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Accounts: create, find by id or by login (to sign in), change the password hash, delete with
 * everything of theirs. Only password hashes are stored: a value that is not a standard Argon2id or
 * bcrypt hash is refused, so a password can never reach the database by mistake.
 */
public final class AccountRepository {
    /** Argon2id's PHC string ({@code $argon2id$v=19$m=…}) or bcrypt's {@code $2a$}/{@code $2b$}/{@code $2y$} form. */
    private static final Pattern HASH = Pattern.compile("\\$argon2id\\$\\S{20,}|\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    static final int MAX_LOGIN = 254;

    private static final RowMapper<Account> ROW = (rs, ctx) -> new Account(
            rs.getString("id"), rs.getString("login"), rs.getString("password_hash"),
            Account.Role.ofColumn(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("created_at_ms")));

    private final Transactions tx;

    AccountRepository(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Makes an account.
     *
     * @throws RefusedInputException if the login is blank or too long, or the hash is not a password hash
     * @throws ConflictException     if the login is taken
     */
    public Account create(String login, String passwordHash, Account.Role role) {
        Objects.requireNonNull(role, "role");
        String name = normalLogin(login);
        requireHash(passwordHash);
        Account account = new Account(Transactions.newId(), name, passwordHash, role, tx.now());
        return tx.write(h -> {
            if (byLogin(h, name).isPresent()) {
                throw new ConflictException("login: " + name + " is taken");
            }
            h.createUpdate("INSERT INTO accounts (id, login, password_hash, role, created_at_ms) "
                            + "VALUES (:id, :login, :hash, :role, :at)")
                    .bind("id", account.id())
                    .bind("login", account.login())
                    .bind("hash", account.passwordHash())
                    .bind("role", role.column())
                    .bind("at", account.createdAt().toEpochMilli())
                    .execute();
            return account;
        });
    }

    public Optional<Account> find(String accountId) {
        return tx.read(h -> h.createQuery("SELECT * FROM accounts WHERE id = :id")
                .bind("id", accountId).map(ROW).findOne());
    }

    /** The account signing in as {@code login} (any case), if one exists. */
    public Optional<Account> findByLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        String name = login.strip().toLowerCase(Locale.ROOT);
        return tx.read(h -> byLogin(h, name));
    }

    /** Replaces the password hash. @throws NotFoundException if there is no such account */
    public void changePasswordHash(String accountId, String passwordHash) {
        requireHash(passwordHash);
        tx.write(h -> {
            int n = h.createUpdate("UPDATE accounts SET password_hash = :hash WHERE id = :id")
                    .bind("hash", passwordHash).bind("id", accountId).execute();
            if (n != 1) {
                throw new NotFoundException("account " + accountId + " not found");
            }
            return n;
        });
    }

    /**
     * Deletes the account and everything of it: profiles, answers, clearances, check-ins, programs,
     * sessions and diary (the schema cascades).
     *
     * @return whether there was such an account
     */
    public boolean delete(String accountId) {
        return tx.write(h -> h.createUpdate("DELETE FROM accounts WHERE id = :id").bind("id", accountId).execute() == 1);
    }

    private static Optional<Account> byLogin(Handle h, String login) {
        return h.createQuery("SELECT * FROM accounts WHERE login = :login").bind("login", login).map(ROW).findOne();
    }

    private static String normalLogin(String login) {
        if (login == null || login.isBlank()) {
            throw RefusedInputException.of("login", "must not be blank");
        }
        String name = login.strip().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_LOGIN) {
            throw RefusedInputException.of("login", "must be at most " + MAX_LOGIN + " characters, was " + name.length());
        }
        return name;
    }

    private static void requireHash(String passwordHash) {
        if (passwordHash == null || !HASH.matcher(passwordHash).matches()) {
            throw RefusedInputException.of("passwordHash",
                    "must be an Argon2id ($argon2id$…) or bcrypt ($2a$/$2b$/$2y$…) hash; the password itself is never stored");
        }
    }
}
