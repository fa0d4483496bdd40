package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.diary.Pressure;
import org.rollwell.therapy.profile.Clearance;
import org.rollwell.therapy.screening.ScreeningId;

/** The pain diary, screening answers, clearances, check-ins and a household's own programs. */
class DiaryAndScreeningTest {
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
        String home;
        String anna;

        @BeforeEach
        void household() {
            home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER).id();
            anna = db.profiles().create(home, "Anna", Samples.profile("anna")).id();
        }

        @Test
        void every_kind_of_diary_entry_reads_back_as_written_by_day() {
            StoredSession s = db.sessions().start(home, anna, new NewSession(5, 1800, "{}"));
            DiaryEntry[] entries = {
                new DiaryEntry.Nrs(DAY, EntryKind.NRS_DAILY, 6),
                new DiaryEntry.Peg(DAY.minusDays(2), 6, 5, 6),
                new DiaryEntry.Nrs(DAY, EntryKind.NRS_BEFORE, 6),
                new DiaryEntry.Nrs(DAY, EntryKind.NRS_AFTER, 4),
                new DiaryEntry.Pgic(DAY, 3),
                new DiaryEntry.Feedback(DAY, Pressure.RIGHT, Heat.TOO_HOT),
            };
            for (DiaryEntry e : entries) {
                db.diary().add(home, anna, e, e.kind().aboutSessions() ? Optional.of(s.id()) : Optional.empty());
            }

            var read = db.diary().list(home, anna);
            assertThat(read).extracting(StoredDiaryEntry::entry).containsExactly(
                    entries[1], entries[0], entries[2], entries[3], entries[4], entries[5]);
            assertThat(read.get(5).sessionId()).contains(s.id());
            assertThat(db.diary().list(home, anna, DAY, DAY)).hasSize(5);
        }

        @Test
        void one_daily_pain_rating_a_day_but_two_sessions_may_each_have_theirs() {
            db.diary().add(home, anna, new DiaryEntry.Nrs(DAY, EntryKind.NRS_DAILY, 6), Optional.empty());
            assertThatThrownBy(() -> db.diary().add(home, anna, new DiaryEntry.Nrs(DAY, EntryKind.NRS_DAILY, 5),
                    Optional.empty()))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("NRS_DAILY on 2026-11-30");

            db.diary().add(home, anna, new DiaryEntry.Nrs(DAY, EntryKind.NRS_BEFORE, 6), Optional.empty());
            db.diary().add(home, anna, new DiaryEntry.Nrs(DAY, EntryKind.NRS_BEFORE, 5), Optional.empty());
            assertThat(db.diary().list(home, anna)).hasSize(3);
        }

        @Test
        void a_diary_entry_is_deleted_by_its_id_and_the_first_session_day_is_known() {
            StoredDiaryEntry e = db.diary().add(home, anna, new DiaryEntry.Nrs(DAY, EntryKind.NRS_DAILY, 6), Optional.empty());
            assertThat(db.diary().firstSessionDay(home, anna)).isEmpty();
            StoredSession s = db.sessions().start(home, anna, new NewSession(5, 1800, "{}"));
            db.sessions().finish(home, s.id(), SessionStatus.COMPLETED, 1800, 0.2, "{}");

            assertThat(db.diary().delete(home, e.id())).isTrue();
            assertThat(db.diary().list(home, anna)).isEmpty();
            assertThat(db.diary().firstSessionDay(home, anna)).contains(DAY);
        }

        @Test
        void the_newest_screening_answer_is_in_force_and_keeps_its_date() {
            Map<ScreeningId, Boolean> setUp = new EnumMap<>(ScreeningId.class);
            setUp.put(ScreeningId.CI_PREGNANCY, false);
            setUp.put(ScreeningId.RF_TRAUMA, false);
            db.screening().recordAnswers(home, anna, setUp, DAY.minusDays(30));
            db.screening().recordAnswers(home, anna, Map.of(ScreeningId.RF_TRAUMA, true), DAY);

            Map<ScreeningId, DatedAnswer> now = db.screening().latestAnswers(home, anna);
            assertThat(now).containsEntry(ScreeningId.RF_TRAUMA, new DatedAnswer(ScreeningId.RF_TRAUMA, true, DAY))
                    .containsEntry(ScreeningId.CI_PREGNANCY,
                            new DatedAnswer(ScreeningId.CI_PREGNANCY, false, DAY.minusDays(30)))
                    .hasSize(2);
        }

        @Test
        void a_clearance_is_kept_with_its_date_and_only_for_ids_a_clinician_can_clear() {
            StoredClearance c = db.screening().addClearance(home, anna, new Clearance(ScreeningId.CI_DVT,
                    " Dr. Lange ", Optional.of(DAY.minusDays(10)), "treated, cleared for gentle massage"));

            assertThat(db.screening().clearances(home, anna)).containsExactly(c);
            assertThat(c.clearance().clinician()).isEqualTo("Dr. Lange");
            assertThatThrownBy(() -> db.screening().addClearance(home, anna, new Clearance(ScreeningId.CI_PREGNANCY,
                    "Dr. Lange", Optional.of(DAY), "")))
                    .isInstanceOf(RefusedInputException.class).hasMessageStartingWith("id: CI_PREGNANCY cannot be cleared");
            assertThatThrownBy(() -> db.screening().addClearance(home, anna, new Clearance(ScreeningId.CI_DVT,
                    "Dr. Lange", Optional.empty(), "")))
                    .isInstanceOf(RefusedInputException.class).hasMessageStartingWith("date:");
            assertThat(db.screening().deleteClearance(home, c.id())).isTrue();
            assertThat(db.screening().clearances(home, anna)).isEmpty();
        }

        @Test
        void the_days_check_in_is_the_latest_of_that_day() {
            db.checkIns().add(home, anna, Samples.checkIn("2026-11-29", 6));
            db.checkIns().add(home, anna, Samples.checkIn("2026-11-30", 5));
            clock.advance(java.time.Duration.ofMinutes(20));
            StoredCheckIn later = db.checkIns().add(home, anna, Samples.checkIn("2026-11-30", 4));

            StoredCheckIn today = db.checkIns().latestOn(home, anna, DAY).orElseThrow();
            assertThat(today.id()).isEqualTo(later.id());
            assertThat(today.checkIn().painNowNrs().getAsInt()).isEqualTo(4);
            assertThat(db.checkIns().latestOn(home, anna, DAY.plusDays(1))).isEmpty();
            assertThat(db.checkIns().list(home, anna)).hasSize(3);
        }

        @Test
        void a_check_in_the_planner_cannot_read_is_refused_with_its_field() {
            String bad = Samples.checkIn("2026-11-30", 12);
            assertThatThrownBy(() -> db.checkIns().add(home, anna, bad))
                    .isInstanceOf(RefusedInputException.class).hasMessageContaining("$.painNowNrs");
            assertThat(db.checkIns().list(home, anna)).isEmpty();
        }

        @Test
        void a_program_file_is_imported_through_the_program_checks_and_once_per_id() {
            StoredProgram p = db.programs().add(home, Samples.program("evening-unwind", "my-evening"));

            assertThat(p.programId()).isEqualTo("my-evening");
            assertThat(db.programs().find(home, "my-evening")).contains(p);
            assertThatThrownBy(() -> db.programs().add(home, Samples.program("evening-unwind", "my-evening")))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("my-evening");
            assertThatThrownBy(() -> db.programs().add(home, "{\"format\":\"rollwell.program/1\"}"))
                    .isInstanceOf(RefusedInputException.class).hasMessageContaining("$.");
            assertThat(db.programs().delete(home, "my-evening")).isTrue();
            assertThat(db.programs().list(home)).isEmpty();
        }
    }
}
