package org.rollwell.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.bed.safety.Fault;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.LockState;
import org.rollwell.bed.safety.LockStore;
import org.rollwell.bed.safety.LockStoreException;
import org.rollwell.store.Database;

/** The CLI's locks.json moves into the server's database once, and a lock never disappears on the way. */
class LockFileImportTest {
    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    private static LockState heaterAndLiftLockedAndOneReset() {
        return LockState.empty()
                .after(new Fault(FaultCode.HEATER_STUCK_ON, 1, 0, 52.5), T)
                .after(new Fault(FaultCode.THERMISTOR_OPEN, 2, 1, -40), T.plusSeconds(60))
                .after(new Fault(FaultCode.LOAD_CELL_FAILURE, 3, -1, Double.NaN), T.plusSeconds(120))
                .reset(Lock.Target.ZONE_HEAT, 1, "A. Tech", "reseated the zone 1 thermistor", T.plusSeconds(3600));
    }

    @Test
    void the_file_s_locks_and_resets_move_into_an_empty_database_once_and_the_file_is_kept_as_imported() {
        LockState inFile = heaterAndLiftLockedAndOneReset();
        new FileLockStore(dir).save(inFile);
        try (Database db = Database.open(Database.sqliteUrl(dir), null, null)) {
            LockStore locks = db.locks(Database.HOUSEHOLD_BED);

            LockFileImport.Imported done = LockFileImport.run(dir, locks).orElseThrow();

            assertThat(locks.load()).isEqualTo(inFile);
            assertThat(done.locks()).isEqualTo(2);
            assertThat(done.resets()).isEqualTo(1);
            assertThat(done.keptAs()).isEqualTo(dir.resolve("locks.json.imported"));
            assertThat(dir.resolve(FileLockStore.FILE_NAME)).doesNotExist();
            assertThat(new FileLockStore(dir).load()).as("the CLI now sees no file").isEqualTo(LockState.empty());

            assertThat(LockFileImport.run(dir, locks)).as("a second start imports nothing").isEmpty();
            assertThat(locks.load()).isEqualTo(inFile);
        }
    }

    @Test
    void a_database_lock_on_the_same_zone_keeps_its_first_cause_and_both_reset_histories_are_kept() {
        try (Database db = Database.open(Database.sqliteUrl(dir), null, null)) {
            LockStore locks = db.locks(Database.HOUSEHOLD_BED);
            LockState inDatabase = LockState.empty()
                    .after(new Fault(FaultCode.HEATER_NOT_HEATING, 1, 0, 20.0), T.minusSeconds(600))
                    .after(new Fault(FaultCode.HEATER_NOT_HEATING, 1, 2, 20.0), T.minusSeconds(500))
                    .reset(Lock.Target.ZONE_HEAT, 2, "B. Tech", "new heater in zone 2", T.minusSeconds(400));
            locks.save(inDatabase);
            new FileLockStore(dir).save(heaterAndLiftLockedAndOneReset());

            LockFileImport.run(dir, locks).orElseThrow();

            LockState merged = locks.load();
            assertThat(merged.zone(0).cause()).as("the database's first cause stays").isEqualTo(FaultCode.HEATER_NOT_HEATING);
            assertThat(merged.lift().cause()).isEqualTo(FaultCode.LOAD_CELL_FAILURE);
            assertThat(merged.history()).extracting(r -> r.by()).containsExactly("B. Tech", "A. Tech");
        }
    }

    @Test
    void an_unreadable_lock_file_stops_the_import_and_stays_where_it_is() throws Exception {
        Files.writeString(dir.resolve(FileLockStore.FILE_NAME), "{ not json");
        try (Database db = Database.open(Database.sqliteUrl(dir), null, null)) {
            LockStore locks = db.locks(Database.HOUSEHOLD_BED);

            assertThatThrownBy(() -> LockFileImport.run(dir, locks))
                    .isInstanceOf(LockStoreException.class).hasMessageContaining(FileLockStore.FILE_NAME);

            assertThat(dir.resolve(FileLockStore.FILE_NAME)).exists();
            assertThat(locks.load()).isEqualTo(LockState.empty());
        }
    }
}
