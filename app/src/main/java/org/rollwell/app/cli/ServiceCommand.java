package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.rollwell.app.json.Json;
import org.rollwell.app.service.FileLockStore;
import org.rollwell.app.service.LockFileImport;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.LockReset;
import org.rollwell.bed.safety.LockState;
import org.rollwell.bed.safety.LockStore;
import org.rollwell.bed.safety.LockStoreException;
import org.rollwell.store.Database;
import org.rollwell.store.StoreException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rollwell service}: the bed's locks. A heater or sensor fault locks its zone's heat, a
 * second over-force in a day or a force-sensor fault locks the lift; a lock holds until a service
 * reset that records who and why. The locks live where {@code rollwell serve} keeps them: the
 * database of the data directory (or PostgreSQL with {@code --db}); a {@code locks.json} the service
 * commands kept before is moved into it first, as serve moves it.
 */
@Command(name = "service",
        header = "Show the bed's locks, or clear one after a repair.",
        mixinStandardHelpOptions = true,
        description = {
                "A heater or temperature-sensor fault locks that zone's heat (the zone then runs unheated); a force-sensor"
                        + " fault, a lift-sensor fault or a second over-force within 24 h locks the lift (no session or scan)."
                        + " A person's acknowledgement does not clear a lock: only a service reset does, and it is recorded."},
        subcommands = {ServiceCommand.Locks.class, ServiceCommand.Reset.class})
final class ServiceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static LockState load(LockStore store) {
        try {
            return store.load();
        } catch (LockStoreException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    @Command(name = "locks", header = "List the bed's locks and the resets made.", mixinStandardHelpOptions = true,
            description = "Exit 0 with no lock, 3 while something is locked, 2 if the database cannot be opened or its locks"
                    + " read.")
    static final class Locks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        StoreMixin data;

        @Option(names = "--json", description = "Print the locks and the reset history as JSON.")
        boolean json;

        @Override
        public Integer call() {
            LockState state;
            try (Database db = data.open(spec.commandLine().getErr())) {
                state = load(db.locks(Database.HOUSEHOLD_BED));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(Json.write(FileLockStore.toJson(state)));
            } else {
                if (state.locks().isEmpty()) {
                    out.println("No locks: every zone may heat and the lift may move.");
                }
                for (Lock lock : state.locks()) {
                    out.println("LOCKED  " + lock.what() + "  since " + lock.at() + "  by " + lock.cause());
                    out.println("        " + lock.detail());
                    out.println("        clear after repair: rollwell service reset "
                            + (lock.target() == Lock.Target.LIFT ? "--lift" : "--zone " + lock.zone())
                            + " --by NAME --reason TEXT");
                }
                if (!state.history().isEmpty()) {
                    out.println("Resets:");
                    for (LockReset r : state.history()) {
                        out.println("  " + r.at() + "  " + r.lock().what() + " (" + r.lock().cause() + ") cleared by " + r.by()
                                + ": " + r.reason());
                    }
                }
            }
            out.flush();
            return state.locks().isEmpty() ? Main.EXIT_OK : Main.EXIT_BLOCKED;
        }
    }

    @Command(name = "reset", header = "Clear one lock after a repair, recording who and why.", mixinStandardHelpOptions = true,
            sortOptions = false)
    static final class Reset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--zone", paramLabel = "N", description = "Clear the heat lock of zone N (0-based).")
            Integer zone;

            @Option(names = "--lift", description = "Clear the lift lock.")
            boolean lift;
        }

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who made the repair or check.")
        String by;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "What was repaired or checked.")
        String reason;

        @picocli.CommandLine.Mixin
        StoreMixin data;

        @Override
        public Integer call() {
            if (which.zone != null && which.zone < 0) {
                throw new BadInputException("--zone must be 0 or more, was " + which.zone);
            }
            if (by.isBlank()) {
                throw new BadInputException("--by must name who made the repair");
            }
            if (reason.isBlank()) {
                throw new BadInputException("--reason must say what was repaired or checked");
            }
            Lock.Target target = which.lift ? Lock.Target.LIFT : Lock.Target.ZONE_HEAT;
            int zone = which.lift ? -1 : which.zone;
            LockState next;
            String where;
            try (Database db = data.open(spec.commandLine().getErr())) {
                LockStore store = db.locks(Database.HOUSEHOLD_BED);
                try {
                    next = load(store).reset(target, zone, by.strip(), reason.strip(),
                            Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("" + e.getMessage());
                }
                try {
                    store.save(next);
                } catch (LockStoreException e) {
                    throw new BadInputException("" + e.getMessage());
                }
                where = db.toString();
            }
            LockReset done = next.history().get(next.history().size() - 1);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Cleared " + done.lock().what() + " (" + done.lock().cause() + ", locked since " + done.lock().at()
                    + ") by " + done.by() + " at " + done.at() + ": " + done.reason());
            out.println("Recorded in " + where + ". Still locked: " + next.describe() + ".");
            // the server reads the locks when it starts (ServiceLocks keeps them in memory for the loop)
            out.println("A running 'rollwell serve' on this database keeps the lock until it is restarted.");
            out.flush();
            return Main.EXIT_OK;
        }
    }

    /**
     * The store, as {@code rollwell serve} opens it: SQLite in {@code --data-dir} (default ~/.rollwell), or
     * PostgreSQL with {@code --db}; shared by every service command.
     */
    static final class StoreMixin {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the SQLite database rollwell.db lives"
                + " (default ~/.rollwell; created when first needed).")
        Path dir;

        @Option(names = "--db", paramLabel = "JDBC_URL", description = "A PostgreSQL database instead, jdbc:postgresql://HOST:PORT/NAME.")
        String dbUrl;

        @Option(names = "--db-user", paramLabel = "USER", description = "The PostgreSQL user. Default: $" + ServeCommand.USER_ENV + ".")
        String dbUser;

        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "The PostgreSQL password. Default: $"
                + ServeCommand.PASSWORD_ENV + ".")
        String dbPassword;

        /**
         * Opens the database (bringing its schema up to date, as serve does) and first moves a locks.json of
         * the data directory into it, saying so on {@code note}; the caller closes it.
         */
        Database open(PrintWriter note) {
            if (dbUrl != null && dir != null) {
                throw new BadInputException("--db and --data-dir name two databases; give one");
            }
            if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
                throw new BadInputException("--db must be a jdbc:postgresql:// URL (SQLite lives in --data-dir)");
            }
            if (dir != null && dir.toString().isBlank()) {
                throw new BadInputException("--data-dir must name a directory");
            }
            Path home = dir != null ? dir : Path.of(System.getProperty("user.home"), ".rollwell");
            Database db;
            try {
                db = Database.open(dbUrl != null ? dbUrl : Database.sqliteUrl(home),
                        dbUser != null ? dbUser : System.getenv(ServeCommand.USER_ENV),
                        dbPassword != null ? dbPassword : System.getenv(ServeCommand.PASSWORD_ENV), Clock.systemDefaultZone());
            } catch (StoreException e) {
                throw new BadInputException("" + e.getMessage());
            }
            try {
                LockFileImport.run(home, db.locks(Database.HOUSEHOLD_BED)).ifPresent(done -> {
                    note.println("Imported " + done.locks() + " lock(s) and " + done.resets() + " service reset(s) from "
                            + home.resolve(FileLockStore.FILE_NAME) + " into " + db + "; the file is kept as " + done.keptAs() + ".");
                    note.flush();
                });
            } catch (LockStoreException e) {
                db.close();
                throw new BadInputException("" + e.getMessage());
            }
            return db;
        }
    }
}
