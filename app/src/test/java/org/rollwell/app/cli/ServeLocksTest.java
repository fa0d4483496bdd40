package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.app.service.FileLockStore;
import org.rollwell.bed.safety.Fault;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.LockState;
import picocli.CommandLine;

/** {@code rollwell serve} takes over the service commands' locks.json at start, and never starts past an unreadable one. */
class ServeLocksTest {
    @TempDir
    Path dir;

    @Test
    void serve_moves_the_lock_file_into_the_database_and_says_so() throws Exception {
        LockState locked = LockState.empty().after(new Fault(FaultCode.HEATER_STUCK_ON, 1, 0, 52.5),
                Instant.parse("2026-11-30T08:00:00Z"));
        new FileLockStore(dir).save(locked);
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.parseArgs("--port", "0", "--data-dir", dir.toString());

        try (ServeCommand.Running running = serve.start()) {
            assertThat(out.toString()).contains("Imported 1 lock(s) and 0 service reset(s) from " + dir.resolve("locks.json"));
            assertThat(running.db().locks("bed").load()).isEqualTo(locked);
        }
        assertThat(dir.resolve("locks.json.imported")).exists();
        assertThat(dir.resolve("locks.json")).doesNotExist();
    }

    @Test
    void an_unreadable_lock_file_stops_serve_with_its_name_instead_of_serving_an_unlocked_bed() throws Exception {
        Files.writeString(dir.resolve("locks.json"), "{ not json");

        Cli run = Cli.run("serve", "--port", "0", "--data-dir", dir.toString()).refusedAsBadInput();

        assertThat(run.err()).startsWith("rollwell serve: ").contains("locks.json");
        assertThat(dir.resolve("locks.json")).exists();
    }
}
