package org.rollwell.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A household's account: the login, the password's hash (never the password) and its role.
 *
 * @param id           the account id, which scopes every other read and write
 * @param login        the sign-in name, stored in lower case
 * @param passwordHash an Argon2id or bcrypt hash in its standard text form
 * @param role         what the account may do
 * @param createdAt    when it was made
 */
public record Account(String id, String login, String passwordHash, Role role, Instant createdAt) {
    /** What an account may do. */
    public enum Role {
        /** A household: its profiles, sessions and diary. */
        USER,
        /** A service person: may also reset the bed's locks (DOMAIN.md §5 "Latches"). */
        SERVICE;

        /** The value in the role column. */
        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Role ofColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        // the hash stays out of logs
        return "Account[id=" + id + ", login=" + login + ", role=" + role + "]";
    }
}
