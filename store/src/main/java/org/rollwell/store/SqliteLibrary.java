package org.rollwell.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, unpacked once per build beside the runnable jar. Without it sqlite-jdbc
 * copies the library out of the jar into a new temporary file on every start and deletes it at exit:
 * 0.15–0.18 s of CPU of the server's cold start on this 2-core box, 0.04–0.06 s when it loads an unpacked
 * copy (ThreadMXBean around {@code SQLiteJDBCLoader.initialize()}; issue 11: ≤ 2 s to the first answer).
 * The launcher runs {@link #main} when the jar is newer than the copy and names the folder in the
 * {@value #PATH_PROPERTY} system property; sqlite-jdbc falls back to its own copy when the folder holds
 * no library it can load.
 */
public final class SqliteLibrary {
    /** sqlite-jdbc's property: the folder it loads its library from before it unpacks one itself. */
    public static final String PATH_PROPERTY = "org.sqlite.lib.path";

    private SqliteLibrary() {
    }

    /** The library's file name on this system ({@code libsqlitejdbc.so} on Linux), the one sqlite-jdbc loads. */
    public static String fileName() {
        return LibraryLoaderUtil.getNativeLibName();
    }

    /**
     * Copies the library for this operating system and processor out of the class path into {@code dir}
     * (created if missing), through a temporary name so a start at the same moment never loads half a file.
     *
     * @return the library's file
     * @throws IOException if the class path holds no library for this system or {@code dir} cannot be written
     */
    public static Path unpack(Path dir) throws IOException {
        // where sqlite-jdbc itself finds it in its jar (/org/sqlite/native/Linux/x86_64/ here)
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + fileName();
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName());
        Path partial = Files.createTempFile(dir, fileName(), ".part");
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no SQLite library for this system in the class path (" + resource + ")");
            }
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    /** {@code java -cp rollwell.jar org.rollwell.store.SqliteLibrary DIR}: unpacks into DIR; exit 1 with the reason if not. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SqliteLibrary DIR");
            System.exit(2);
        }
        try {
            System.out.println(unpack(Path.of(args[0])));
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot unpack the SQLite library: " + e.getMessage());
            System.exit(1);
        }
    }
}
