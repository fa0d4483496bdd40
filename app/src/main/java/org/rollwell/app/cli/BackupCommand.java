package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rollwell.store.Database;
import org.rollwell.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rollwell backup}: a consistent copy of the household's SQLite database, also while {@code rollwell
 * serve} runs on it (SQLite's {@code VACUUM INTO} reads one snapshot; WAL readers never block the writer).
 * PostgreSQL is backed up with {@code pg_dump} (docs/storage.md).
 */
@Command(name = "backup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Write a consistent copy of the SQLite database, also while rollwell serve runs.",
        description = {
                "Copies rollwell.db from the data directory with SQLite's VACUUM INTO: one snapshot, compacted,"
                        + " while sessions and writes go on. PostgreSQL is backed up with pg_dump (docs/storage.md).",
                "Exit 0 when the copy is written, 2 if FILE exists already or there is no rollwell.db."})
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The new file to write; it must not exist yet.")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where rollwell.db lives. Default: ~/.rollwell.")
    Path dataDir;

    @Override
    public Integer call() {
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".rollwell");
        // opening a missing database would create an empty one: a backup of nothing is a mistake to say, not to make
        if (!Files.isRegularFile(dir.resolve("rollwell.db"))) {
            throw new BadInputException("--data-dir " + dir + ": there is no rollwell.db to back up");
        }
        try (Database db = Database.open(Database.sqliteUrl(dir), null, null)) {
            db.backupTo(out);
        } catch (StoreException e) {
            throw new BadInputException(e.getMessage().replaceFirst("^backup: ", "--out "));
        }
        PrintWriter console = spec.commandLine().getOut();
        console.println("Wrote " + out.toAbsolutePath() + ": a consistent copy of " + dir.resolve("rollwell.db").toAbsolutePath()
                + ". To restore it: stop Rollwell, move rollwell.db and its -wal and -shm files aside, and copy this file"
                + " to rollwell.db (docs/storage.md).");
        console.flush();
        return Main.EXIT_OK;
    }
}
