package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;

/**
 * The household file after a crash, and a copy taken while it is in use (SQLite: the PostgreSQL
 * server keeps its own crash safety, and is copied with pg_dump).
 */
class CrashAndBackupTest {
    @TempDir
    Path dir;

    @Test
    void a_database_left_open_mid_session_reopens_intact_and_the_session_becomes_interrupted() {
        TestClock clock = Stores.clock();
        Database crashed = Database.open(Database.sqliteUrl(dir), null, null, clock);
        String home;
        String anna;
        String session;
        try {
            home = crashed.accounts().create("home", Samples.BCRYPT, Account.Role.USER).id();
            anna = crashed.profiles().create(home, "Anna", Samples.profile("anna")).id();
            session = crashed.sessions().start(home, anna, new NewSession(5, 2400, "{}")).id();
            for (int s = 5; s <= 30; s += 5) {
                clock.advance(Duration.ofSeconds(5));
                crashed.sessions().checkpoint(home, session, new Checkpoint(s, s / 1000.0, "{\"deliveredS\":" + s + "}"));
            }
            // no close(): the committed writes sit in the write-ahead log, as after kill -9 or a power cut
            assertThat(dir.resolve(Database.SQLITE_FILE + "-wal")).isNotEmptyFile();

            try (Database restarted = Database.open(Database.sqliteUrl(dir), null, null, clock)) {
                assertThat(restarted.recoverInterrupted()).extracting(InterruptedSession::sessionId).containsExactly(session);
                StoredSession read = restarted.sessions().find(home, session).orElseThrow();
                assertThat(read.status()).isEqualTo(SessionStatus.INTERRUPTED);
                assertThat(read.deliveredS()).isEqualTo(30);
                assertThat(read.checkpointJson()).contains("{\"deliveredS\":30}");
                assertThat(restarted.profiles().find(home, anna)).isPresent();
                assertThat(integrity(restarted)).isEqualTo("ok");
            }
        } finally {
            crashed.close();
        }
    }

    @Test
    void a_backup_taken_while_sessions_and_diary_writes_go_on_is_a_consistent_database() throws Exception {
        TestClock clock = Stores.clock();
        Path copy = dir.resolve("backups").resolve("rollwell-copy.db");
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("live")), null, null, clock)) {
            String home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER).id();
            String anna = db.profiles().create(home, "Anna", Samples.profile("anna")).id();
            String running = db.sessions().start(home, anna, new NewSession(5, 2400, "{}")).id();
            db.sessions().checkpoint(home, running, new Checkpoint(120, 0.02, "{}"));

            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<Integer> written;
            try {
                written = writer.submit(() -> {
                    LocalDate day = LocalDate.of(2026, 1, 1);
                    for (int i = 0; i < 100; i++) {
                        db.diary().add(home, anna, new DiaryEntry.Nrs(day.plusDays(i), EntryKind.NRS_DAILY, i % 11),
                                Optional.empty());
                    }
                    return 100;
                });
                db.backupTo(copy);
                assertThat(written.get()).isEqualTo(100);
            } finally {
                writer.shutdown();
            }

            try (Database restored = Database.open("jdbc:sqlite:" + copy, null, null, clock)) {
                assertThat(integrity(restored)).isEqualTo("ok");
                assertThat(restored.sessions().find(home, running).orElseThrow().deliveredS()).isEqualTo(120);
                int entries = restored.diary().list(home, anna).size();
                assertThat(entries).isBetween(0, 100);
                // a snapshot: the daily ratings it holds are the first ones written, with no gap
                List<LocalDate> days = new ArrayList<>();
                restored.diary().list(home, anna).forEach(e -> days.add(e.entry().date()));
                for (int i = 0; i < days.size(); i++) {
                    assertThat(days.get(i)).isEqualTo(LocalDate.of(2026, 1, 1).plusDays(i));
                }
            }
            assertThatThrownBy(() -> db.backupTo(copy)).isInstanceOf(StoreException.class).hasMessageContaining("exists already");
        }
    }

    @Test
    void writers_on_several_threads_all_land() throws Exception {
        try (Database db = Database.open(Database.sqliteUrl(dir), null, null, Stores.clock())) {
            String home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER).id();
            List<String> profiles = new ArrayList<>();
            for (String name : List.of("anna", "ben", "clara")) {
                profiles.add(db.profiles().create(home, name, Samples.profile(name)).id());
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (String p : profiles) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            db.diary().add(home, p, new DiaryEntry.Nrs(LocalDate.of(2026, 1, 1).plusDays(i),
                                    EntryKind.NRS_DAILY, 5), Optional.empty());
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            for (String p : profiles) {
                assertThat(db.diary().list(home, p)).hasSize(20);
            }
        }
    }

    @Test
    void a_database_in_memory_or_of_another_kind_is_refused_with_the_reason() {
        assertThatThrownBy(() -> Database.open("jdbc:sqlite::memory:", null, null))
                .isInstanceOf(StoreException.class).hasMessageContaining("in a file, not in memory");
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/rollwell?password=secret", "u", "p"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:")
                .hasMessageNotContaining("secret");
    }

    private static String integrity(Database db) {
        return db.integrityCheck();
    }
}
