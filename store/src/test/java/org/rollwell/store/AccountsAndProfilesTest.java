package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A household's account and its profiles, on SQLite and on PostgreSQL. */
class AccountsAndProfilesTest {
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
        @Test
        void an_account_is_found_by_its_login_in_any_case_and_keeps_only_the_hash() {
            Account made = db.accounts().create("  Mueller.Household@Example.org ", Samples.ARGON2ID, Account.Role.USER);

            assertThat(made.login()).isEqualTo("mueller.household@example.org");
            assertThat(db.accounts().findByLogin("MUELLER.household@example.org")).contains(made);
            assertThat(db.accounts().find(made.id())).contains(made);
            assertThat(made.toString()).doesNotContain(Samples.ARGON2ID);
        }

        @Test
        void a_password_that_is_not_a_hash_is_never_stored() {
            assertThatThrownBy(() -> db.accounts().create("anna", "correct horse battery staple", Account.Role.USER))
                    .isInstanceOf(RefusedInputException.class)
                    .hasMessageContaining("passwordHash:");
            assertThat(db.accounts().findByLogin("anna")).isEmpty();
        }

        @Test
        void a_login_is_taken_once() {
            db.accounts().create("anna", Samples.BCRYPT, Account.Role.USER);
            assertThatThrownBy(() -> db.accounts().create("ANNA", Samples.ARGON2ID, Account.Role.SERVICE))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("login: anna is taken");
        }

        @Test
        void a_service_account_keeps_its_role_and_a_new_password_hash() {
            Account service = db.accounts().create("service", Samples.BCRYPT, Account.Role.SERVICE);
            db.accounts().changePasswordHash(service.id(), Samples.ARGON2ID);

            Account read = db.accounts().find(service.id()).orElseThrow();
            assertThat(read.role()).isEqualTo(Account.Role.SERVICE);
            assertThat(read.passwordHash()).isEqualTo(Samples.ARGON2ID);
        }

        @Test
        void a_profile_is_stored_as_given_and_listed_by_name() {
            Account home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER);
            StoredProfile ben = db.profiles().create(home.id(), "Ben", Samples.profile("ben"));
            StoredProfile anna = db.profiles().create(home.id(), "Anna", Samples.profile("anna"));

            assertThat(db.profiles().find(home.id(), ben.id())).contains(ben);
            assertThat(db.profiles().list(home.id())).extracting(StoredProfile::name).containsExactly("Anna", "Ben");
            assertThat(db.profiles().find(home.id(), anna.id()).orElseThrow().json()).isEqualTo(Samples.profile("anna"));
        }

        @Test
        void a_profile_the_planner_cannot_read_is_refused_with_every_problem() {
            Account home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER);
            String bad = Samples.profile("anna").replaceFirst("\"heightCm\"\\s*:\\s*[0-9.]+", "\"heightCm\": 20");

            assertThatThrownBy(() -> db.profiles().create(home.id(), "Anna", bad))
                    .isInstanceOf(RefusedInputException.class)
                    .hasMessageContaining("$.heightCm");
            assertThat(db.profiles().list(home.id())).isEmpty();
        }

        @Test
        void two_profiles_of_one_account_cannot_share_a_name() {
            Account home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER);
            db.profiles().create(home.id(), "Anna", Samples.profile("anna"));
            StoredProfile ben = db.profiles().create(home.id(), "Ben", Samples.profile("ben"));

            assertThatThrownBy(() -> db.profiles().create(home.id(), "Anna", Samples.profile("ben")))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("name:");
            assertThatThrownBy(() -> db.profiles().update(home.id(), ben.id(), "Anna", Samples.profile("ben")))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void an_update_replaces_the_document_and_moves_the_updated_time() {
                Account home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER);
            StoredProfile anna = db.profiles().create(home.id(), "Anna", Samples.profile("anna"));
            clock.advance(java.time.Duration.ofMinutes(5));

            StoredProfile updated = db.profiles().update(home.id(), anna.id(), "Anna K.", Samples.profile("clara"));

            assertThat(updated.name()).isEqualTo("Anna K.");
            assertThat(updated.json()).isEqualTo(Samples.profile("clara"));
            assertThat(updated.createdAt()).isEqualTo(anna.createdAt());
            assertThat(updated.updatedAt()).isEqualTo(anna.createdAt().plusSeconds(300));
        }

        @Test
        void deleting_an_account_deletes_everything_of_it() {
            Account home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER);
            StoredProfile anna = db.profiles().create(home.id(), "Anna", Samples.profile("anna"));
            StoredSession s = db.sessions().start(home.id(), anna.id(), new NewSession(4, 1800, "{}"));
            db.programs().add(home.id(), Samples.program("evening-unwind", "my-evening"));

            assertThat(db.accounts().delete(home.id())).isTrue();

            assertThat(db.accounts().find(home.id())).isEmpty();
            assertThat(db.profiles().list(home.id())).isEmpty();
            assertThat(db.sessions().find(home.id(), s.id())).isEmpty();
            assertThat(db.programs().list(home.id())).isEmpty();
            assertThat(db.accounts().delete(home.id())).isFalse();
        }
    }
}
