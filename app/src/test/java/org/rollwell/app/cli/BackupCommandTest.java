package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.store.Account;
import org.rollwell.store.Database;

/** {@code rollwell backup}: a consistent copy while the database is open, and clear refusals. */
class BackupCommandTest {
    /** A bcrypt hash of the form the store accepts; the backup never checks a password. */
    private static final String HASH = "$2b$12$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234";

    @TempDir
    Path dir;

    @Test
    void a_backup_taken_while_the_database_is_open_holds_its_data_and_passes_the_integrity_check() {
        Path home = dir.resolve("home");
        Path copyDir = dir.resolve("usb");
        try (Database running = Database.open(Database.sqliteUrl(home), null, null)) {
            running.accounts().create("household", HASH, Account.Role.USER);

            Cli run = Cli.run("backup", "--data-dir", home.toString(), "--out", copyDir.resolve("rollwell.db").toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("Wrote " + copyDir.resolve("rollwell.db").toAbsolutePath());
            running.accounts().create("written after the copy", HASH, Account.Role.USER);
        }
        try (Database copy = Database.open(Database.sqliteUrl(copyDir), null, null)) {
            assertThat(copy.integrityCheck()).isEqualTo("ok");
            assertThat(copy.accounts().findByLogin("household")).isPresent();
            assertThat(copy.accounts().findByLogin("written after the copy")).isEmpty();
        }
    }

    @Test
    void an_existing_file_or_a_folder_without_a_database_is_refused_and_nothing_is_written() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(Cli.run("backup", "--data-dir", empty.toString(), "--out", dir.resolve("x.db").toString())
                .refusedAsBadInput().errLines())
                .containsExactly("rollwell backup: --data-dir " + empty + ": there is no rollwell.db to back up");
        assertThat(dir.resolve("x.db")).doesNotExist();
        assertThat(empty.resolve("rollwell.db")).doesNotExist();

        Path home = dir.resolve("home");
        Database.open(Database.sqliteUrl(home), null, null).close();
        Path taken = Files.writeString(dir.resolve("taken.db"), "keep me");
        assertThat(Cli.run("backup", "--data-dir", home.toString(), "--out", taken.toString())
                .refusedAsBadInput().err()).contains("rollwell backup: --out").contains("exists already");
        assertThat(Files.readString(taken)).isEqualTo("keep me");
    }
}
