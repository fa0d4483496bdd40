package org.rollwell.app.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.LockReset;
import org.rollwell.bed.safety.LockState;
import org.rollwell.bed.safety.LockStore;
import org.rollwell.bed.safety.LockStoreException;

/**
 * Moves the CLI's lock file into the server's database once, so a service lock never disappears
 * when a household moves from {@code rollwell service} to {@code rollwell serve} (issue 11 item 4).
 * The file's state is merged into the database's: a lock the database holds for the same zone or
 * the lift stays (the first cause is kept, as {@link LockState#after} keeps it), the over-force
 * trips are joined, and file resets the database has not seen are appended to its history, which
 * is never shortened. Then the file is renamed {@value #IMPORTED_SUFFIX}, so it is imported once.
 * A file that cannot be read stops the import with its name: an unreadable lock file is never
 * treated as "no locks".
 */
public final class LockFileImport {
    public static final String IMPORTED_SUFFIX = ".imported";

    /** What was imported: the locks and resets the database did not have, and where the file went. */
    public record Imported(int locks, int resets, Path keptAs) {
    }

    private LockFileImport() {
    }

    /**
     * Imports {@code dataDir}/locks.json into {@code database} if the file exists.
     *
     * @return what was imported, empty when there was no file
     * @throws LockStoreException if the file cannot be read, the database cannot be written, or the
     *                            file cannot be renamed afterwards (its locks are then in both places)
     */
    public static Optional<Imported> run(Path dataDir, LockStore database) {
        Objects.requireNonNull(database, "database");
        FileLockStore file = new FileLockStore(dataDir);
        if (!Files.exists(file.file())) {
            return Optional.empty();
        }
        LockState fromFile = file.load();
        LockState stored = database.load();

        List<Lock> locks = new ArrayList<>(stored.locks());
        int addedLocks = 0;
        for (Lock lock : fromFile.locks()) {
            if (locks.stream().noneMatch(held -> held.holds(lock.target(), lock.zone()))) {
                locks.add(lock);
                addedLocks++;
            }
        }
        TreeSet<Instant> overForces = new TreeSet<>(stored.overForces());
        overForces.addAll(fromFile.overForces());
        List<LockReset> history = new ArrayList<>(stored.history());
        int addedResets = 0;
        for (LockReset reset : fromFile.history()) {
            if (!history.contains(reset)) {
                history.add(reset);
                addedResets++;
            }
        }
        database.save(new LockState(locks, List.copyOf(overForces), history));

        Path keptAs = freeName(file.file());
        try {
            Files.move(file.file(), keptAs);
        } catch (IOException e) {
            throw new LockStoreException("imported " + file.file() + " into the database but cannot rename it to "
                    + keptAs + ": " + e.getMessage() + "; rename or remove it by hand", e);
        }
        return Optional.of(new Imported(addedLocks, addedResets, keptAs));
    }

    /** locks.json.imported, or .imported.2, .3 … when an earlier import's file is still there. */
    private static Path freeName(Path file) {
        Path name = file.resolveSibling(file.getFileName() + IMPORTED_SUFFIX);
        for (int n = 2; Files.exists(name); n++) {
            name = file.resolveSibling(file.getFileName() + IMPORTED_SUFFIX + "." + n);
        }
        return name;
    }
}
