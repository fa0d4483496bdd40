package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

/** The launcher's unpacked SQLite library: the very bytes sqlite-jdbc would unpack itself, under the name it loads. */
class SqliteLibraryTest {
    @Test
    void unpacks_the_library_sqlite_jdbc_carries_for_this_system(@TempDir Path dir) throws IOException {
        Path lib = SqliteLibrary.unpack(dir.resolve("native"));

        assertThat(lib.getFileName()).hasToString(System.mapLibraryName("sqlitejdbc"));
        try (InputStream in = OSInfo.class.getResourceAsStream(
                "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + lib.getFileName())) {
            assertThat(in).isNotNull();
            assertThat(Files.readAllBytes(lib)).isEqualTo(in.readAllBytes());
        }
    }

    @Test
    void unpacking_again_replaces_the_copy_and_leaves_no_partial_file(@TempDir Path dir) throws IOException {
        Path first = SqliteLibrary.unpack(dir);
        Files.writeString(first, "a stale copy");

        Path again = SqliteLibrary.unpack(dir);

        assertThat(Files.size(again)).isGreaterThan(100_000);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(again);
        }
    }
}
