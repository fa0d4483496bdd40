package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.diary.Pressure;
import org.rollwell.therapy.history.Feedback;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;

/** Sessions: planned against delivered, checkpoints, the end states, the daily limits and the restart recovery. */
class SessionsTest {
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
        void a_started_session_runs_with_nothing_delivered_on_the_beds_day() {
            StoredSession s = db.sessions().start(home, anna, new NewSession(5, 2400, "{\"segments\":[]}"));

            assertThat(s.status()).isEqualTo(SessionStatus.RUNNING);
            assertThat(s.deliveredS()).isZero();
            assertThat(s.plannedS()).isEqualTo(2400);
            assertThat(s.day()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(s.startedAt()).isEqualTo(Stores.START);
            assertThat(s.endedAt()).isEmpty();
            assertThat(db.sessions().find(home, s.id())).contains(s);
        }

        @Test
        void checkpoints_keep_the_latest_delivered_time_and_dose() {
            StoredSession s = db.sessions().start(home, anna, new NewSession(5, 2400, "{}"));
            clock.advance(Duration.ofSeconds(5));
            db.sessions().checkpoint(home, s.id(), new Checkpoint(5, 0.01, "{\"segment\":0}"));
            clock.advance(Duration.ofSeconds(5));
            db.sessions().checkpoint(home, s.id(), new Checkpoint(10, 0.02, "{\"segment\":1}"));

            StoredSession read = db.sessions().find(home, s.id()).orElseThrow();
            assertThat(read.deliveredS()).isEqualTo(10);
            assertThat(read.cem43MaxBandMin()).isEqualTo(0.02);
            assertThat(read.checkpointJson()).contains("{\"segment\":1}");
            assertThat(read.checkpointAt()).contains(Stores.START.plusSeconds(10));
        }

        @Test
        void a_checkpoint_never_takes_delivered_time_or_dose_back() {
            StoredSession s = db.sessions().start(home, anna, new NewSession(5, 2400, "{}"));
            db.sessions().checkpoint(home, s.id(), new Checkpoint(60, 0.1, "{}"));

            assertThatThrownBy(() -> db.sessions().checkpoint(home, s.id(), new Checkpoint(30, 0.1, "{}")))
                    .isInstanceOf(RefusedInputException.class).hasMessageContaining("deliveredS:");
            assertThatThrownBy(() -> db.sessions().checkpoint(home, s.id(), new Checkpoint(70, 0.05, "{}")))
                    .isInstanceOf(RefusedInputException.class).hasMessageContaining("cem43MaxBandMin:");
            assertThat(db.sessions().find(home, s.id()).orElseThrow().deliveredS()).isEqualTo(60);
        }

        @Test
        void an_ended_session_keeps_its_record_and_takes_no_more_checkpoints() {
            StoredSession s = db.sessions().start(home, anna, new NewSession(5, 2400, "{}"));
            clock.advance(Duration.ofMinutes(40));
            StoredSession done = db.sessions().finish(home, s.id(), SessionStatus.COMPLETED, 2400, 0.4, "{\"record\":1}");

            assertThat(done.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(done.endedAt()).contains(Stores.START.plus(Duration.ofMinutes(40)));
            assertThat(done.recordJson()).contains("{\"record\":1}");
            assertThatThrownBy(() -> db.sessions().checkpoint(home, s.id(), new Checkpoint(2400, 0.4, "{}")))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("COMPLETED");
            assertThatThrownBy(() -> db.sessions().finish(home, s.id(), SessionStatus.STOPPED, 2400, 0.4, "{}"))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void only_the_startup_recovery_marks_a_session_interrupted() {
            StoredSession s = db.sessions().start(home, anna, new NewSession(5, 2400, "{}"));
            assertThatThrownBy(() -> db.sessions().finish(home, s.id(), SessionStatus.INTERRUPTED, 0, 0, "{}"))
                    .isInstanceOf(RefusedInputException.class).hasMessageContaining("state:");
            assertThatThrownBy(() -> db.sessions().finish(home, s.id(), SessionStatus.RUNNING, 0, 0, "{}"))
                    .isInstanceOf(RefusedInputException.class);
        }

        @Test
        void the_recovery_marks_running_sessions_interrupted_with_their_last_checkpoint() {
            StoredSession cut = db.sessions().start(home, anna, new NewSession(5, 2400, "{}"));
            clock.advance(Duration.ofSeconds(725));
            db.sessions().checkpoint(home, cut.id(), new Checkpoint(725, 0.12, "{\"segment\":3}"));
            clock.advance(Duration.ofHours(5));
            StoredSession ended = db.sessions().start(home, anna, new NewSession(5, 600, "{}"));
            db.sessions().finish(home, ended.id(), SessionStatus.STOPPED, 120, 0.0, "{}");

            var marked = db.recoverInterrupted();

            assertThat(marked).containsExactly(new InterruptedSession(home, anna, cut.id(), 725));
            StoredSession read = db.sessions().find(home, cut.id()).orElseThrow();
            assertThat(read.status()).isEqualTo(SessionStatus.INTERRUPTED);
            assertThat(read.deliveredS()).isEqualTo(725);
            assertThat(read.cem43MaxBandMin()).isEqualTo(0.12);
            assertThat(read.checkpointJson()).contains("{\"segment\":3}");
            assertThat(read.endedAt()).isEqualTo(read.checkpointAt());
            assertThat(db.sessions().find(home, ended.id()).orElseThrow().status()).isEqualTo(SessionStatus.STOPPED);
            assertThat(db.recoverInterrupted()).isEmpty();
        }

        @Test
        void the_daily_use_counts_sessions_that_delivered_and_their_minutes_on_the_beds_day() {
            // 08:00 Berlin: 30 min delivered
            StoredSession morning = db.sessions().start(home, anna, new NewSession(5, 1800, "{}"));
            db.sessions().finish(home, morning.id(), SessionStatus.COMPLETED, 1800, 0.3, "{}");
            // 12:00: refused by a fault at once, nothing delivered: does not count
            clock.advance(Duration.ofHours(4));
            StoredSession refused = db.sessions().start(home, anna, new NewSession(5, 1800, "{}"));
            db.sessions().finish(home, refused.id(), SessionStatus.FAULTED, 0, 0, "{}");
            // 23:30 Berlin is 22:30 UTC: still the 30th in the bed's zone
            clock.advance(Duration.ofMinutes(11 * 60 + 30));
            StoredSession late = db.sessions().start(home, anna, new NewSession(5, 1800, "{}"));
            db.sessions().checkpoint(home, late.id(), new Checkpoint(450, 0.05, "{}"));
            // 00:30 Berlin: the next day
            clock.advance(Duration.ofHours(1));
            StoredSession next = db.sessions().start(home, anna, new NewSession(5, 1800, "{}"));
            db.sessions().finish(home, next.id(), SessionStatus.STOPPED, 600, 0.1, "{}");

            DailyUse day = db.sessions().dailyUse(home, anna, LocalDate.of(2026, 11, 30));
            assertThat(day.sessions()).isEqualTo(2);
            assertThat(day.minutesDelivered()).isEqualTo(37.5);
            DailyUse after = db.sessions().dailyUse(home, anna, LocalDate.of(2026, 12, 1));
            assertThat(after.sessions()).isEqualTo(1);
            assertThat(after.minutesDelivered()).isEqualTo(10.0);
            assertThat(db.sessions().dailyUse(home, anna, LocalDate.of(2026, 12, 2)).sessions()).isZero();
        }

        @Test
        void the_history_gives_the_planner_each_session_with_its_feedback_and_pain_before_and_after() {
            StoredSession first = db.sessions().start(home, anna, new NewSession(4, 1800, "{}"));
            db.sessions().finish(home, first.id(), SessionStatus.COMPLETED, 1800, 0.3, "{}");
            db.diary().add(home, anna, new DiaryEntry.Feedback(LocalDate.of(2026, 11, 30), Pressure.TOO_STRONG, Heat.TOO_HOT),
                    Optional.of(first.id()));
            db.diary().add(home, anna, new DiaryEntry.Nrs(LocalDate.of(2026, 11, 30), EntryKind.NRS_BEFORE, 5),
                    Optional.of(first.id()));
            db.diary().add(home, anna, new DiaryEntry.Nrs(LocalDate.of(2026, 11, 30), EntryKind.NRS_AFTER, 7),
                    Optional.of(first.id()));
            clock.advance(Duration.ofHours(5));
            StoredSession second = db.sessions().start(home, anna, new NewSession(3, 1800, "{}"));
            db.sessions().finish(home, second.id(), SessionStatus.COMPLETED, 1800, 0.2, "{}");

            SessionHistory history = db.sessions().history(home, anna);

            assertThat(history.sessions()).containsExactly(
                    new PastSession(LocalDateTime.of(2026, 11, 30, 8, 0), 4, Feedback.TOO_STRONG, 0.3, Optional.of(Heat.TOO_HOT),
                            java.util.OptionalInt.of(5), java.util.OptionalInt.of(7)),
                    new PastSession(LocalDateTime.of(2026, 11, 30, 13, 0), 3, Feedback.NONE, 0.2));
            assertThat(history.countOn(LocalDate.of(2026, 11, 30))).isEqualTo(SessionHistory.MAX_SESSIONS_PER_DAY);
        }

        @Test
        void sessions_are_listed_newest_first_and_go_with_their_profile() {
            StoredSession a = db.sessions().start(home, anna, new NewSession(4, 1800, "{}"));
            clock.advance(Duration.ofHours(5));
            StoredSession b = db.sessions().start(home, anna, new NewSession(4, 1800, "{}"));

            assertThat(db.sessions().list(home, anna)).extracting(StoredSession::id).containsExactly(b.id(), a.id());
            assertThat(db.profiles().delete(home, anna)).isTrue();
            assertThat(db.sessions().find(home, a.id())).isEmpty();
        }

        @Test
        void a_plan_without_a_working_intensity_or_length_is_refused() {
            assertThatThrownBy(() -> new NewSession(0, 1800, "{}")).isInstanceOf(RefusedInputException.class)
                    .hasMessageContaining("intensity:");
            assertThatThrownBy(() -> new NewSession(5, Double.NaN, "{}")).isInstanceOf(RefusedInputException.class)
                    .hasMessageContaining("plannedS:");
        }
    }
}
