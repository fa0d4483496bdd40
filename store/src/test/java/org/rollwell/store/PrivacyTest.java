package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.profile.Clearance;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * One household can never read or change another's data, even knowing its ids: every repository
 * call with the other account's id answers "not found" or nothing, and changes nothing.
 */
class PrivacyTest {
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
        static final LocalDate DAY = LocalDate.of(2026, 11, 30);
        String mine;
        String theirs;
        String theirProfile;
        String theirSession;
        String theirEntry;
        String theirClearance;

        @BeforeEach
        void twoHouseholds() {
            mine = db.accounts().create("mine", Samples.BCRYPT, Account.Role.USER).id();
            db.profiles().create(mine, "Me", Samples.profile("ben"));
            theirs = db.accounts().create("theirs", Samples.ARGON2ID, Account.Role.USER).id();
            theirProfile = db.profiles().create(theirs, "Anna", Samples.profile("anna")).id();
            theirSession = db.sessions().start(theirs, theirProfile, new NewSession(5, 1800, "{}")).id();
            theirEntry = db.diary().add(theirs, theirProfile, new DiaryEntry.Nrs(DAY, EntryKind.NRS_DAILY, 7),
                    Optional.empty()).id();
            theirClearance = db.screening().addClearance(theirs, theirProfile,
                    new Clearance(ScreeningId.CI_DVT, "Dr. Lange", Optional.of(DAY), "")).id();
            db.checkIns().add(theirs, theirProfile, Samples.checkIn("2026-11-30", 5));
            db.programs().add(theirs, Samples.program("evening-unwind", "their-evening"));
        }

        @Test
        void reads_with_another_accounts_ids_find_nothing() {
            assertThat(db.profiles().find(mine, theirProfile)).isEmpty();
            assertThat(db.profiles().list(mine)).extracting(StoredProfile::name).containsExactly("Me");
            assertThat(db.sessions().find(mine, theirSession)).isEmpty();
            assertThat(db.programs().find(mine, "their-evening")).isEmpty();
            assertThat(db.programs().list(mine)).isEmpty();
            assertThatThrownBy(() -> db.sessions().list(mine, theirProfile)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.sessions().history(mine, theirProfile)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.sessions().dailyUse(mine, theirProfile, DAY)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.diary().list(mine, theirProfile)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.diary().firstSessionDay(mine, theirProfile)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.screening().latestAnswers(mine, theirProfile)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.screening().clearances(mine, theirProfile)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.checkIns().list(mine, theirProfile)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.checkIns().latestOn(mine, theirProfile, DAY)).isInstanceOf(NotFoundException.class);
        }

        @Test
        void writes_with_another_accounts_ids_change_nothing() {
            assertThatThrownBy(() -> db.profiles().update(mine, theirProfile, "Mine now", Samples.profile("ben")))
                    .isInstanceOf(NotFoundException.class).hasMessage("profile " + theirProfile + " not found in this account");
            assertThat(db.profiles().delete(mine, theirProfile)).isFalse();
            assertThatThrownBy(() -> db.sessions().start(mine, theirProfile, new NewSession(5, 1800, "{}")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.sessions().checkpoint(mine, theirSession, new Checkpoint(10, 0, "{}")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.sessions().finish(mine, theirSession, SessionStatus.STOPPED, 0, 0, "{}"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.diary().add(mine, theirProfile, new DiaryEntry.Nrs(DAY.plusDays(1),
                    EntryKind.NRS_DAILY, 0), Optional.empty())).isInstanceOf(NotFoundException.class);
            assertThat(db.diary().delete(mine, theirEntry)).isFalse();
            assertThatThrownBy(() -> db.screening().recordAnswers(mine, theirProfile, Map.of(ScreeningId.CI_DVT, false), DAY))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.screening().addClearance(mine, theirProfile, new Clearance(ScreeningId.CI_DVT,
                    "Dr. X", Optional.of(DAY), ""))).isInstanceOf(NotFoundException.class);
            assertThat(db.screening().deleteClearance(mine, theirClearance)).isFalse();
            assertThatThrownBy(() -> db.checkIns().add(mine, theirProfile, Samples.checkIn("2026-11-30", 0)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(db.programs().delete(mine, "their-evening")).isFalse();

            // their data is as it was
            assertThat(db.profiles().find(theirs, theirProfile).orElseThrow().name()).isEqualTo("Anna");
            assertThat(db.sessions().find(theirs, theirSession).orElseThrow().status()).isEqualTo(SessionStatus.RUNNING);
            assertThat(db.diary().list(theirs, theirProfile)).hasSize(1);
            assertThat(db.screening().clearances(theirs, theirProfile)).hasSize(1);
            assertThat(db.screening().latestAnswers(theirs, theirProfile)).isEmpty();
            assertThat(db.checkIns().list(theirs, theirProfile)).hasSize(1);
            assertThat(db.programs().list(theirs)).hasSize(1);
        }

        @Test
        void a_diary_entry_cannot_point_at_another_accounts_session() {
            String myProfile = db.profiles().list(mine).get(0).id();
            assertThatThrownBy(() -> db.diary().add(mine, myProfile, new DiaryEntry.Nrs(DAY, EntryKind.NRS_AFTER, 3),
                    Optional.of(theirSession)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining(theirSession);
        }
    }
}
