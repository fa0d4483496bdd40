package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's restore, step by step: back up while the server runs, stop it, move the database's
 * three files aside, copy the backup in as rollwell.db, start again. The server then serves what the
 * backup held, and nothing written after it.
 */
class RestoreTest {
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @Test
    void a_backup_copied_back_with_the_server_stopped_is_what_the_restarted_server_serves() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("usb").resolve("rollwell-2026-11-30.db");
        try (ServeCommand.Running running = serve(data)) {
            assertThat(signUp(running, "anna").statusCode()).isEqualTo(201);
            Cli copy = Cli.run("backup", "--out", backup.toString(), "--data-dir", data.toString());
            assertThat(copy.exit()).as(copy.err()).isZero();
            assertThat(signUp(running, "written-after-the-backup").statusCode()).isEqualTo(201);
        }

        Path aside = Files.createDirectory(dir.resolve("aside"));
        for (String name : new String[] {"rollwell.db", "rollwell.db-wal", "rollwell.db-shm"}) {
            if (Files.exists(data.resolve(name))) {
                Files.move(data.resolve(name), aside.resolve(name));
            }
        }
        Files.copy(backup, data.resolve("rollwell.db"));

        try (ServeCommand.Running running = serve(data)) {
            assertThat(running.db().integrityCheck()).isEqualTo("ok");
            assertThat(signIn(running, "anna").statusCode()).isEqualTo(200);
            assertThat(signIn(running, "written-after-the-backup").statusCode()).isEqualTo(401);
        }
    }

    private static ServeCommand.Running serve(Path data) {
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.parseArgs("--port", "0", "--data-dir", data.toString());
        return serve.start();
    }

    private static HttpResponse<String> signUp(ServeCommand.Running running, String login) throws Exception {
        return ServerProcess.send("POST", running.address() + "api/accounts", credentials(login));
    }

    private static HttpResponse<String> signIn(ServeCommand.Running running, String login) throws Exception {
        return ServerProcess.send("POST", running.address() + "api/session", credentials(login));
    }

    private static String credentials(String login) {
        return "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}";
    }
}
