package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.course.Course;

/** The course a profile follows (docs/courses.md): one per profile, kept as chosen, only in its account. */
class CoursesTest {
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
        static final LocalDate START = LocalDate.of(2026, 11, 30);
        String home;
        String anna;

        @BeforeEach
        void household() {
            home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER).id();
            anna = db.profiles().create(home, "Anna", Samples.profile("anna")).id();
        }

        @Test
        void a_course_reads_back_as_chosen_and_a_second_choice_replaces_it() {
            assertThat(db.courses().find(home, anna)).isEmpty();
            db.courses().choose(home, anna, Course.STUDIED, true, START);
            StoredCourse studied = db.courses().find(home, anna).orElseThrow();
            assertThat(studied.course()).isEqualTo(Course.STUDIED);
            assertThat(studied.studied()).isTrue();
            assertThat(studied.start()).isEqualTo(START);

            Course evenings = new Course("evenings", 30, 2, EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY), 6);
            db.courses().choose(home, anna, evenings, false, START.plusDays(3));
            StoredCourse own = db.courses().find(home, anna).orElseThrow();
            assertThat(own.course()).isEqualTo(evenings);
            assertThat(own.studied()).isFalse();
            assertThat(own.start()).isEqualTo(START.plusDays(3));
        }

        @Test
        void a_course_is_left_and_goes_with_its_profile() {
            db.courses().choose(home, anna, Course.STUDIED, true, START);
            assertThat(db.courses().leave(home, anna)).isTrue();
            assertThat(db.courses().leave(home, anna)).isFalse();
            assertThat(db.courses().find(home, anna)).isEmpty();

            db.courses().choose(home, anna, Course.STUDIED, true, START);
            db.profiles().delete(home, anna);
            String again = db.profiles().create(home, "Anna", Samples.profile("anna")).id();
            assertThat(db.courses().find(home, again)).isEmpty();
        }

        @Test
        void another_account_can_neither_read_nor_choose_nor_leave_the_course() {
            db.courses().choose(home, anna, Course.STUDIED, true, START);
            String other = db.accounts().create("other", Samples.BCRYPT, Account.Role.USER).id();
            assertThatThrownBy(() -> db.courses().find(other, anna)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.courses().choose(other, anna, Course.STUDIED, true, START))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.courses().leave(other, anna)).isInstanceOf(NotFoundException.class);
            assertThat(db.courses().find(home, anna)).isPresent();
        }
    }
}
