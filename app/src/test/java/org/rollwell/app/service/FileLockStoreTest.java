package org.rollwell.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.bed.safety.Fault;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.LockState;
import org.rollwell.bed.safety.LockStoreException;

class FileLockStoreTest {
    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    private static LockState someLocksAndAReset() {
        return LockState.empty()
                .after(new Fault(FaultCode.HEATER_STUCK_ON, 1, 0, 52.5), T)
                .after(new Fault(FaultCode.OVER_FORCE, 2, -1, 401), T.plusSeconds(60))
                .after(new Fault(FaultCode.LOAD_CELL_FAILURE, 3, -1, Double.NaN), T.plusSeconds(120))
                .after(new Fault(FaultCode.THERMISTOR_OPEN, 4, 1, -40), T.plusSeconds(180))
                .reset(Lock.Target.ZONE_HEAT, 1, "A. Tech", "reseated the zone 1 thermistor", T.plusSeconds(3600));
    }

    @Test
    void the_locks_survive_a_restart_exactly() {
        LockState saved = someLocksAndAReset();
        new FileLockStore(dir.resolve("new/sub")).save(saved);

        LockState loaded = new FileLockStore(dir.resolve("new/sub")).load();

        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.zone(0).cause()).isEqualTo(FaultCode.HEATER_STUCK_ON);
        assertThat(loaded.lift().cause()).isEqualTo(FaultCode.LOAD_CELL_FAILURE);
        assertThat(loaded.history().get(0).by()).isEqualTo("A. Tech");
    }

    @Test
    void no_file_yet_means_no_locks() {
        assertThat(new FileLockStore(dir.resolve("missing")).load()).isEqualTo(LockState.empty());
    }

    @Test
    void a_save_replaces_the_file_whole_and_leaves_no_temporary_file() throws IOException {
        FileLockStore store = new FileLockStore(dir);
        store.save(someLocksAndAReset());
        store.save(LockState.empty());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(FileLockStore.FILE_NAME);
        }
        assertThat(store.load()).isEqualTo(LockState.empty());
    }

    @Test
    void a_corrupt_file_is_refused_naming_it_and_left_as_it_is() throws IOException {
        Path file = dir.resolve(FileLockStore.FILE_NAME);
        Files.writeString(file, "{\"format\": \"rollwell.locks/1\", \"locks\": [{\"target\": \"ZONE_HEAT\"");
        FileLockStore store = new FileLockStore(dir);
        assertThatThrownBy(store::load).isInstanceOf(LockStoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("corrupt");
        assertThat(Files.readString(file)).as("never replaced by an empty state").startsWith("{\"format\"");
    }

    @Test
    void a_file_with_an_unknown_fault_code_is_refused_not_half_read() throws IOException {
        Files.writeString(dir.resolve(FileLockStore.FILE_NAME), """
                {"format": "rollwell.locks/1", "overForces": [], "history": [],
                 "locks": [{"target": "LIFT", "cause": "GREMLINS", "at": "2026-11-30T08:00:00Z", "detail": "?"}]}
                """);
        assertThatThrownBy(() -> new FileLockStore(dir).load()).isInstanceOf(LockStoreException.class)
                .hasMessageContaining("corrupt").hasMessageContaining("GREMLINS");
    }
}
