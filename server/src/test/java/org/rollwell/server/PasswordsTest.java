package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Password checks: a known account's password, a wrong one, and an unknown login checked against the decoy. */
class PasswordsTest {
    /** bcrypt's lowest cost and the next: the decoy is made at 4 and carries the configured cost (5 here). */
    private static final int COST = 5;

    @Test
    void the_right_password_matches_its_hash_and_a_wrong_one_does_not() {
        Passwords passwords = new Passwords(COST);
        String hash = passwords.hashNew("correct horse battery");
        assertThat(hash).startsWith("$2a$05$");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse battery!", hash)).isFalse();
    }

    @Test
    void an_unknown_login_is_checked_against_the_decoy_and_never_matches() {
        Passwords passwords = new Passwords(COST);
        assertThat(passwords.matches("not a password anyone uses", null)).isFalse();
        assertThat(passwords.matches("correct horse battery", null)).isFalse();
        assertThat(passwords.matches(null, null)).isFalse();
    }
}
