package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.profile.Clearance;
import org.rollwell.therapy.screening.ScreeningId;

/** A profile document changed in place, and a profile's clearances replaced, each all or nothing. */
class ProfileEditsTest {
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
        String home;
        String anna;

        @BeforeEach
        void household() {
            home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER).id();
            anna = db.profiles().create(home, "Anna", Samples.profile("anna")).id();
        }

        @Test
        void an_edit_the_profile_parser_accepts_is_stored_and_one_it_refuses_leaves_the_document_as_it_was() {
            String before = db.profiles().find(home, anna).orElseThrow().json();
            StoredProfile edited = db.profiles().edit(home, anna, json -> json.replace("\"SCIATICA\"", "\"FIBROMYALGIA\""));
            assertThat(edited.json()).contains("FIBROMYALGIA").doesNotContain("SCIATICA");
            assertThat(db.profiles().find(home, anna).orElseThrow().json()).isEqualTo(edited.json());

            assertThatThrownBy(() -> db.profiles().edit(home, anna, json -> json.replace("\"FIBROMYALGIA\"", "\"FLU\"")))
                    .isInstanceOf(RefusedInputException.class).hasMessageContaining("conditions");
            assertThat(db.profiles().find(home, anna).orElseThrow().json()).isEqualTo(edited.json()).isNotEqualTo(before);
        }

        @Test
        void another_account_cannot_edit_a_profile() {
            String other = db.accounts().create("other", Samples.BCRYPT, Account.Role.USER).id();
            assertThatThrownBy(() -> db.profiles().edit(other, anna, json -> json)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.screening().replaceClearances(other, anna, List.of()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void clearances_are_replaced_all_at_once_or_not_at_all() {
            Clearance trauma = new Clearance(ScreeningId.RF_TRAUMA, "Dr. Weber", Optional.of(LocalDate.of(2026, 11, 20)), "");
            Clearance dvt = new Clearance(ScreeningId.CI_DVT, " Dr. Lang ", Optional.of(LocalDate.of(2026, 11, 1)), "ok");
            db.screening().replaceClearances(home, anna, List.of(trauma));
            List<StoredClearance> now = db.screening().replaceClearances(home, anna, List.of(dvt, trauma));
            assertThat(now).hasSize(2);
            assertThat(db.screening().clearances(home, anna)).extracting(c -> c.clearance().id())
                    .containsExactlyInAnyOrder(ScreeningId.CI_DVT, ScreeningId.RF_TRAUMA);
            assertThat(now.get(0).clearance().clinician()).isEqualTo("Dr. Lang");

            Clearance symptom = new Clearance(ScreeningId.RF_CAUDA_EQUINA, "Dr. X", Optional.of(LocalDate.of(2026, 11, 1)), "");
            assertThatThrownBy(() -> db.screening().replaceClearances(home, anna, List.of(trauma, symptom)))
                    .isInstanceOf(RefusedInputException.class).hasMessageStartingWith("[1].id");
            assertThat(db.screening().clearances(home, anna)).hasSize(2);

            assertThat(db.screening().replaceClearances(home, anna, List.of())).isEmpty();
            assertThat(db.screening().clearances(home, anna)).isEmpty();
        }
    }
}
