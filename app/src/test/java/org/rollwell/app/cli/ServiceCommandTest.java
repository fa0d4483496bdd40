package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.app.service.FileLockStore;
import org.rollwell.app.service.LockFileImport;
import org.rollwell.bed.safety.Fault;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.LockReset;
import org.rollwell.bed.safety.LockState;
import org.rollwell.store.Database;

class ServiceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    private static LockState zone0AndLiftLocked() {
        return LockState.empty()
                .after(new Fault(FaultCode.HEATER_RUNAWAY, 1, 0, 71), T)
                .after(new Fault(FaultCode.LOAD_CELL_FAILURE, 2, -1, Double.NaN), T);
    }

    /** The locks as a trip in {@code rollwell serve} stores them: in the data directory's database. */
    private void lockZone0AndLift() {
        try (Database db = Database.open(Database.sqliteUrl(dir), null, null)) {
            db.locks(Database.HOUSEHOLD_BED).save(zone0AndLiftLocked());
        }
    }

    /** What the server would load at its next start. */
    private LockState storedLocks() {
        try (Database db = Database.open(Database.sqliteUrl(dir), null, null)) {
            return db.locks(Database.HOUSEHOLD_BED).load();
        }
    }

    @Test
    void with_nothing_locked_the_list_says_so_and_exits_0() {
        Cli run = Cli.run("service", "locks", "--data-dir", dir.resolve("fresh").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("No locks");
    }

    @Test
    void the_list_names_each_lock_its_cause_and_how_to_clear_it_and_exits_3() {
        lockZone0AndLift();
        Cli run = Cli.run("service", "locks", "--data-dir", dir.toString());
        assertThat(run.exit()).isEqualTo(Main.EXIT_BLOCKED);
        assertThat(run.out()).contains("zone 0 heat").contains("HEATER_RUNAWAY").contains("lift").contains("LOAD_CELL_FAILURE")
                .contains("rollwell service reset --zone 0").contains("rollwell service reset --lift");
    }

    @Test
    void a_reset_clears_one_lock_and_the_database_records_who_why_and_when() throws Exception {
        lockZone0AndLift();
        Cli reset = Cli.run("service", "reset", "--zone", "0", "--by", "A. Tech", "--reason", "replaced the relay",
                "--data-dir", dir.toString());
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("Cleared zone 0 heat").contains("A. Tech").contains("Still locked: lift");

        JsonNode state = JSON.readTree(Cli.run("service", "locks", "--json", "--data-dir", dir.toString()).out());
        assertThat(state.get("locks")).hasSize(1);
        assertThat(state.get("locks").get(0).get("target").asText()).isEqualTo("LIFT");
        JsonNode done = state.get("history").get(0);
        assertThat(done.get("by").asText()).isEqualTo("A. Tech");
        assertThat(done.get("reason").asText()).isEqualTo("replaced the relay");
        assertThat(Instant.parse(done.get("at").asText())).isAfter(T);
        assertThat(done.get("lock").get("cause").asText()).isEqualTo("HEATER_RUNAWAY");

        // the server's own store holds the reset: serve starts with the zone free and the lift locked
        LockState stored = storedLocks();
        assertThat(stored.locks()).extracting(Lock::target).containsExactly(Lock.Target.LIFT);
        assertThat(stored.history()).hasSize(1);
        assertThat(stored.history().get(0).by()).isEqualTo("A. Tech");
        assertThat(stored.history().get(0).reason()).isEqualTo("replaced the relay");
        assertThat(stored.history().get(0).lock().cause()).isEqualTo(FaultCode.HEATER_RUNAWAY);
        assertThat(Files.exists(dir.resolve(FileLockStore.FILE_NAME))).as("no lock file is written").isFalse();
    }

    @Test
    void a_lock_file_left_by_the_older_service_commands_moves_into_the_database_once_and_is_kept_as_imported() {
        new FileLockStore(dir).save(zone0AndLiftLocked());
        Cli list = Cli.run("service", "locks", "--data-dir", dir.toString());
        assertThat(list.exit()).isEqualTo(Main.EXIT_BLOCKED);
        assertThat(list.out()).contains("zone 0 heat").contains("lift");
        assertThat(list.err()).contains("Imported 2 lock(s)");
        assertThat(Files.exists(dir.resolve(FileLockStore.FILE_NAME))).isFalse();
        assertThat(Files.exists(dir.resolve(FileLockStore.FILE_NAME + LockFileImport.IMPORTED_SUFFIX))).isTrue();

        Cli reset = Cli.run("service", "reset", "--lift", "--by", "B. Tech", "--reason", "replaced the load cell",
                "--data-dir", dir.toString());
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.err()).doesNotContain("Imported");
        LockState stored = storedLocks();
        assertThat(stored.locks()).extracting(Lock::target).containsExactly(Lock.Target.ZONE_HEAT);
        assertThat(stored.history()).extracting(LockReset::by).containsExactly("B. Tech");
    }

    @Test
    void the_store_is_named_once_as_serve_names_it() {
        Cli.run("service", "locks", "--data-dir", dir.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/rollwell")
                .refusedAsBadInput();
        Cli run = Cli.run("service", "locks", "--db", "jdbc:sqlite:" + dir.resolve("other.db")).refusedAsBadInput();
        assertThat(run.err()).contains("--db");
    }

    @Test
    void resetting_what_is_not_locked_is_refused_saying_what_is() {
        lockZone0AndLift();
        Cli.run("service", "reset", "--zone", "1", "--by", "A. Tech", "--reason", "checked", "--data-dir", dir.toString())
                .refusedAsBadInput();
        Cli run = Cli.run("service", "reset", "--zone", "1", "--by", "A. Tech", "--reason", "checked", "--data-dir", dir.toString());
        assertThat(run.err()).contains("zone 1's heat is not locked").contains("zone 0 heat (HEATER_RUNAWAY)");
    }

    @Test
    void a_reset_needs_who_and_why_and_exactly_one_target() {
        lockZone0AndLift();
        Cli.run("service", "reset", "--lift", "--by", " ", "--reason", "x", "--data-dir", dir.toString()).refusedAsBadInput();
        Cli.run("service", "reset", "--lift", "--by", "A", "--data-dir", dir.toString()).refusedAsBadInput();
        Cli.run("service", "reset", "--lift", "--zone", "0", "--by", "A", "--reason", "x", "--data-dir", dir.toString())
                .refusedAsBadInput();
        assertThat(Cli.run("service", "locks", "--data-dir", dir.toString()).out()).as("nothing cleared")
                .contains("zone 0 heat").contains("lift");
    }

    @Test
    void a_corrupt_lock_file_is_refused_naming_the_file() throws Exception {
        Path file = dir.resolve(FileLockStore.FILE_NAME);
        Files.writeString(file, "not json at all");
        Cli run = Cli.run("service", "locks", "--data-dir", dir.toString()).refusedAsBadInput();
        assertThat(run.err()).contains(file.toString()).contains("corrupt");
    }
}
