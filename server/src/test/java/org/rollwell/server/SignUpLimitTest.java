package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rollwell.store.Database;

/**
 * Account creation is limited per client address (issue 11 item 4): after {@link SignUpLimiter#PER_ADDRESS}
 * attempts within the window, made or refused, the next is 429 with Retry-After until the oldest ages out.
 * Engine-independent (the limiter keeps no rows), so on SQLite only.
 */
class SignUpLimitTest extends OnEachEngine {
    static final String PASSWORD = "correct horse battery";

    @Override
    Database.Engine engine() {
        return Database.Engine.SQLITE;
    }

    @Test
    void one_address_making_many_accounts_is_refused_with_429_and_retry_after_until_the_window_passes() {
        client().signUpAndIn("anna", PASSWORD);
        // a taken login counts too: otherwise "taken" answers could probe every login for free
        assertThat(client().post("/api/accounts", Api.credentials("anna", PASSWORD)).status()).isEqualTo(409);
        for (int i = 2; i < SignUpLimiter.PER_ADDRESS; i++) {
            assertThat(client().post("/api/accounts", Api.credentials("member" + i, PASSWORD)).status()).isEqualTo(201);
        }

        Api.Answer refused = client().post("/api/accounts", Api.credentials("one-too-many", PASSWORD));
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Json.tree(refused.body()).get("type").asText()).isEqualTo("urn:rollwell:problem:too-many-accounts");
        long retryS = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryS).isBetween(1L, SignUpLimiter.WINDOW.toSeconds());
        assertThat(db.accounts().findByLogin("one-too-many")).isEmpty();

        clock.advance(Duration.ofSeconds(retryS - 1));
        assertThat(client().post("/api/accounts", Api.credentials("one-too-many", PASSWORD)).status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(client().post("/api/accounts", Api.credentials("one-too-many", PASSWORD)).status()).isEqualTo(201);
        // signing in is not account creation: it keeps working throughout
        assertThat(client().post("/api/session", Api.credentials("anna", PASSWORD)).status()).isEqualTo(200);
    }
}
