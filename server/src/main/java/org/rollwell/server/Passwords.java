package org.rollwell.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/**
 * Password hashing with bcrypt (at.favre.lib:bcrypt, pure Java; the store accepts its {@code $2a$}
 * form). bcrypt reads at most 72 bytes of a password, so a longer one is refused rather than cut
 * silently (strict strategy).
 */
public final class Passwords {
    /** OWASP Password Storage Cheat Sheet: bcrypt work factor 10 at least; 12 (choice) is ~0.2 s on a small board. */
    public static final int DEFAULT_COST = 12;
    /** bcrypt's limit of the library's strict strategy. */
    static final int MAX_BYTES = 72;
    /** NIST SP 800-63B §5.1.1.2: memorised secrets of at least 8 characters. */
    static final int MIN_CHARS = 8;

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;
    /** Compared against when the login is unknown, so a missing account costs the same time as a wrong password. */
    private final String decoy;

    /** @param cost bcrypt's work factor, 4..31 (tests use 4, the lowest bcrypt allows) */
    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("cost: must be 4..31, was " + cost);
        }
        this.cost = cost;
        this.hasher = BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.strict(BCrypt.Version.VERSION_2A));
        this.verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.strict(BCrypt.Version.VERSION_2A));
        this.decoy = decoy(cost);
    }

    /**
     * A hash nobody's password matches, at this cost: hashed at bcrypt's lowest cost (4, about a
     * millisecond) with the cost field then set to {@code cost}, so checking against it costs a full
     * bcrypt at {@code cost}, as a real account's check does, while the server starts without one
     * (at cost 12 that is 0.2–0.5 s of the cold start, issue 11: ≤ 2 s to the first 200).
     */
    private String decoy(int cost) {
        String cheap = new String(hasher.hash(4, "not a password anyone uses".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        // "$2a$04$" + 22 characters of salt + 31 of hash (the modular crypt format bcrypt writes)
        return String.format(java.util.Locale.ROOT, "$2a$%02d$", cost) + cheap.substring(7);
    }

    /** Checks a new password and hashes it. @throws ApiProblem naming {@code password} and the rule broken */
    public String hashNew(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARS) {
            throw ApiProblem.badField("password", "must be at least " + MIN_CHARS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiProblem.badField("password", "must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no more)");
        }
        return hash(password);
    }

    /** Whether {@code password} matches {@code hash}; a null hash (no such account) is checked against a decoy. */
    public boolean matches(String password, String hash) {
        byte[] given = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        if (given.length > MAX_BYTES) {
            return false;
        }
        boolean ok = verifyer.verify(given, (hash == null ? decoy : hash).getBytes(StandardCharsets.UTF_8)).verified;
        return hash != null && ok;
    }

    private String hash(String password) {
        return new String(hasher.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
