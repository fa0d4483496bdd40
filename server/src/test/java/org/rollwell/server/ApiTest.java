package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.store.Database;

/**
 * Every route of the API against a real server on a random port, once on SQLite and once on
 * PostgreSQL: accounts and sign-in, profiles, privacy between two households, CSRF and Origin
 * refusals, the sign-in limiter, and problem+json for every refusal.
 */
class ApiTest {
    @Nested
    class OnSqlite extends Contract {
        @Override
        Database.Engine engine() {
            return Database.Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgresql extends Contract {
        @Override
        Database.Engine engine() {
            return Database.Engine.POSTGRESQL;
        }
    }

    abstract static class Contract extends OnEachEngine {
        static final String PASSWORD = "correct horse battery";

        static void assertProblem(Api.Answer a, int status, String field) {
            assertThat(a.status()).as(a.body()).isEqualTo(status);
            assertThat(a.contentType()).startsWith("application/problem+json");
            JsonNode p = Json.tree(a.body());
            assertThat(p.get("status").asInt()).isEqualTo(status);
            assertThat(p.get("type").asText()).startsWith("urn:rollwell:problem:");
            assertThat(p.get("title").asText()).isNotBlank();
            assertThat(p.get("detail").asText()).isNotBlank();
            assertThat(p.get("field").asText()).isEqualTo(field);
        }

        @Test
        void a_household_signs_up_signs_in_sees_itself_and_signs_out() {
            Api api = client();
            Api.Answer made = api.post("/api/accounts", Api.credentials("Anna@Example.org", PASSWORD));
            assertThat(made.status()).isEqualTo(201);
            assertThat(Json.field(made.body(), "login")).isEqualTo("anna@example.org");
            assertThat(made.body()).doesNotContain(PASSWORD).doesNotContain("$2a$");

            Api.Answer in = api.post("/api/session", Api.credentials("anna@example.org", PASSWORD));
            assertThat(in.status()).isEqualTo(200);
            String setCookie = in.header("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith(Auth.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict");
            assertThat(Json.field(in.body(), "csrfToken")).hasSizeGreaterThan(20);
            api.cookie = setCookie.split(";", 2)[0];
            api.csrf = Json.field(in.body(), "csrfToken");

            Api.Answer me = api.get("/api/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(Json.field(me.body(), "login")).isEqualTo("anna@example.org");
            assertThat(Json.field(me.body(), "role")).isEqualTo("user");
            assertThat(Json.field(me.body(), "csrfToken")).as("a second tab gets the session's token").isEqualTo(api.csrf);
            // the bed's day (its clock, 07:00 UTC = 08:00 in Berlin), which the web app dates what it sends by
            assertThat(Json.field(me.body(), "today")).isEqualTo("2026-11-30");
            assertThat(Json.field(in.body(), "today")).isEqualTo("2026-11-30");

            assertThat(api.delete("/api/session").status()).isEqualTo(204);
            assertProblem(api.get("/api/me"), 401, "cookie:" + Auth.COOKIE);
        }

        @Test
        void a_taken_login_a_short_password_and_a_wrong_password_are_refused_naming_the_field() {
            Api api = client();
            api.signUpAndIn("ben", PASSWORD);
            assertProblem(client().post("/api/accounts", Api.credentials("BEN", "another password")), 409, "login");
            assertProblem(client().post("/api/accounts", Api.credentials("clara", "short")), 400, "password");
            assertProblem(client().post("/api/accounts", "{\"login\":\"clara\"}"), 400, "password");
            assertProblem(client().post("/api/accounts", "[1,2]"), 400, "$");
            assertProblem(client().post("/api/session", Api.credentials("ben", "wrong password")), 401, "password");
            assertProblem(client().post("/api/session", Api.credentials("nobody", PASSWORD)), 401, "password");
            assertProblem(client().get("/api/me"), 401, "cookie:" + Auth.COOKIE);
        }

        @Test
        void profiles_are_created_listed_read_replaced_and_deleted() {
            Api api = client().signUpAndIn("anna", PASSWORD);
            Api.Answer made = api.post("/api/profiles", Json.profileBody("Anna", Json.sampleProfile("anna")));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String id = Json.field(made.body(), "id");
            assertThat(made.header("Location")).contains("/api/profiles/" + id);
            assertThat(Json.tree(made.body()).get("profile").get("format").asText()).startsWith("rollwell.profile/");

            api.post("/api/profiles", Json.profileBody("Ben", Json.sampleProfile("ben")));
            JsonNode list = Json.tree(api.get("/api/profiles").body());
            assertThat(list).hasSize(2);
            assertThat(list.get(0).get("name").asText()).isEqualTo("Anna");

            Api.Answer read = api.get("/api/profiles/" + id);
            assertThat(read.status()).isEqualTo(200);
            assertThat(Json.tree(read.body()).get("profile")).isEqualTo(Json.tree(Json.sampleProfile("anna")));

            Api.Answer renamed = api.put("/api/profiles/" + id, Json.profileBody("Anna B.", Json.sampleProfile("clara")));
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            assertThat(Json.field(api.get("/api/profiles/" + id).body(), "name")).isEqualTo("Anna B.");
            assertThat(Json.tree(api.get("/api/profiles/" + id).body()).get("profile"))
                    .isEqualTo(Json.tree(Json.sampleProfile("clara")));

            assertProblem(api.put("/api/profiles/" + id, Json.profileBody("Ben", Json.sampleProfile("ben"))), 409, "name");
            assertThat(api.delete("/api/profiles/" + id).status()).isEqualTo(204);
            assertProblem(api.get("/api/profiles/" + id), 404, "path:id");
            assertThat(Json.tree(api.get("/api/profiles").body())).hasSize(1);
        }

        @Test
        void a_profile_the_planner_cannot_read_is_refused_naming_its_field() {
            Api api = client().signUpAndIn("anna", PASSWORD);
            String bad = Json.sampleProfile("anna").replaceFirst("\"format\"\\s*:\\s*\"[^\"]+\"", "\"format\": \"rollwell.profile/9\"");
            Api.Answer a = api.post("/api/profiles", Json.profileBody("Anna", bad));
            assertThat(a.status()).isEqualTo(400);
            assertThat(Json.field(a.body(), "field")).contains("format");
            assertProblem(api.post("/api/profiles", "{\"name\":\"Anna\",\"profile\":\"text\"}"), 400, "profile");
            assertProblem(api.post("/api/profiles", "{\"name\":\" \",\"profile\":{}}"), 400, "name");
            assertProblem(api.post("/api/profiles", "{\"name\":\"Anna\",\"profile\":"), 400, "$");
            assertThat(Json.tree(api.get("/api/profiles").body())).isEmpty();
        }

        @Test
        void another_household_can_neither_see_nor_change_nor_delete_a_profile() {
            Api anna = client().signUpAndIn("anna", PASSWORD);
            Api ben = client().signUpAndIn("ben", PASSWORD);
            String annas = Json.field(anna.post("/api/profiles", Json.profileBody("Anna", Json.sampleProfile("anna"))).body(), "id");

            assertThat(Json.tree(ben.get("/api/profiles").body())).isEmpty();
            assertProblem(ben.get("/api/profiles/" + annas), 404, "path:id");
            assertProblem(ben.put("/api/profiles/" + annas, Json.profileBody("Mine", Json.sampleProfile("ben"))), 404, "path:id");
            assertProblem(ben.delete("/api/profiles/" + annas), 404, "path:id");
            // the answer for another's id is the very one for an id that never existed
            Api.Answer none = ben.get("/api/profiles/00000000-0000-0000-0000-000000000000");
            assertThat(Json.field(none.body(), "type")).isEqualTo(Json.field(ben.get("/api/profiles/" + annas).body(), "type"));

            Api.Answer still = anna.get("/api/profiles/" + annas);
            assertThat(Json.field(still.body(), "name")).isEqualTo("Anna");
            assertThat(Json.tree(still.body()).get("profile")).isEqualTo(Json.tree(Json.sampleProfile("anna")));
        }

        @Test
        void a_state_changing_request_without_the_csrf_token_or_from_another_site_is_refused() {
            Api anna = client().signUpAndIn("anna", PASSWORD);
            String body = Json.profileBody("Anna", Json.sampleProfile("anna"));
            String token = anna.csrf;

            anna.csrf = null;
            assertProblem(anna.post("/api/profiles", body), 403, "header:" + Auth.CSRF_HEADER);
            assertProblem(anna.delete("/api/session"), 403, "header:" + Auth.CSRF_HEADER);
            anna.csrf = token + "x";
            assertProblem(anna.post("/api/profiles", body), 403, "header:" + Auth.CSRF_HEADER);
            anna.csrf = token;
            // the right token, but sent by a page of another site
            assertProblem(anna.raw("POST", "/api/profiles", body, Map.of("Cookie", anna.cookie,
                    Auth.CSRF_HEADER, token, "Origin", "https://evil.example")), 403, "header:Origin");
            assertProblem(client().raw("POST", "/api/accounts", Api.credentials("mallory", PASSWORD),
                    Map.of("Origin", "https://evil.example")), 403, "header:Origin");
            assertThat(Json.tree(anna.get("/api/profiles").body())).isEmpty();

            // the same request from the server's own page passes
            Api.Answer own = anna.raw("POST", "/api/profiles", body, Map.of("Cookie", anna.cookie,
                    Auth.CSRF_HEADER, token, "Origin", anna.base));
            assertThat(own.status()).as(own.body()).isEqualTo(201);
        }

        @Test
        void wrong_passwords_for_one_login_lock_it_for_the_window_even_with_the_right_one() {
            client().signUpAndIn("anna", PASSWORD);
            for (int i = 0; i < LoginLimiter.PER_LOGIN; i++) {
                assertProblem(client().post("/api/session", Api.credentials("anna", "guess number " + i)), 401, "password");
            }
            Api.Answer blocked = client().post("/api/session", Api.credentials("anna", PASSWORD));
            assertProblem(blocked, 429, "login");
            long retry = Long.parseLong(blocked.header("Retry-After").orElseThrow());
            assertThat(retry).isBetween(1L, LoginLimiter.WINDOW.toSeconds());

            clock.advance(Duration.ofSeconds(retry - 1));
            assertProblem(client().post("/api/session", Api.credentials("anna", PASSWORD)), 429, "login");
            clock.advance(Duration.ofSeconds(1));
            assertThat(client().post("/api/session", Api.credentials("anna", PASSWORD)).status()).isEqualTo(200);
        }

        @Test
        void many_failures_from_one_address_block_it_for_every_login() {
            client().signUpAndIn("anna", PASSWORD);
            for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++) {
                // different logins, each below its own limit
                assertProblem(client().post("/api/session", Api.credentials("guess" + i, PASSWORD)), 401, "password");
            }
            assertProblem(client().post("/api/session", Api.credentials("anna", PASSWORD)), 429, "login");
            clock.advance(LoginLimiter.WINDOW);
            assertThat(client().post("/api/session", Api.credentials("anna", PASSWORD)).status()).isEqualTo(200);
        }

        @Test
        void an_unknown_route_and_a_wrong_method_answer_problem_json() {
            assertProblem(client().get("/api/nothing-here"), 404, "path");
            assertProblem(client().get("/no-such-page.html"), 404, "path");
            // "/" itself is the web app (issue 12)
            assertThat(client().get("/").contentType()).startsWith("text/html");
            assertProblem(client().send("PATCH", "/api/profiles", "{}"), 404, "path");
        }

        @Test
        void the_openapi_document_is_served_as_json() {
            Api.Answer a = client().get("/api/openapi.json");
            assertThat(a.status()).isEqualTo(200);
            assertThat(Json.field(a.body(), "openapi")).isEqualTo("3.1.0");
        }
    }
}
