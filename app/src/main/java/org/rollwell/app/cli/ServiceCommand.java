package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.rollwell.app.json.Json;
import org.rollwell.app.service.FileLockStore;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.LockReset;
import org.rollwell.bed.safety.LockState;
import org.rollwell.bed.safety.LockStoreException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rollwell service}: the bed's locks. A heater or sensor fault locks its zone's heat, a
 * second over-force in a day or a force-sensor fault locks the lift; a lock holds until a service
 * reset that records who and why.
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

    static LockState load(FileLockStore store, String command) {
        try {
            return store.load();
        } catch (LockStoreException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    @Command(name = "locks", header = "List the bed's locks and the resets made.", mixinStandardHelpOptions = true,
            description = "Exit 0 with no lock, 3 while something is locked, 2 if the lock file cannot be read.")
    static final class Locks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDirMixin data;

        @Option(names = "--json", description = "Print the locks and the reset history as JSON.")
        boolean json;

        @Override
        public Integer call() {
            FileLockStore store = data.store("locks");
            LockState state = load(store, "locks");
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
        DataDirMixin data;

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
            FileLockStore store = data.store("reset");
            LockState state = load(store, "reset");
            Lock.Target target = which.lift ? Lock.Target.LIFT : Lock.Target.ZONE_HEAT;
            int zone = which.lift ? -1 : which.zone;
            LockState next;
            try {
                next = state.reset(target, zone, by.strip(), reason.strip(), Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("" + e.getMessage());
            }
            try {
                store.save(next);
            } catch (LockStoreException e) {
                throw new BadInputException("" + e.getMessage());
            }
            LockReset done = next.history().get(next.history().size() - 1);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Cleared " + done.lock().what() + " (" + done.lock().cause() + ", locked since " + done.lock().at()
                    + ") by " + done.by() + " at " + done.at() + ": " + done.reason());
            out.println("Recorded in " + store.file() + ". Still locked: " + next.describe() + ".");
            out.flush();
            return Main.EXIT_OK;
        }
    }

    /** {@code --data-dir}, shared by every service command. */
    static final class DataDirMixin {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.rollwell",
                description = "Where the bed's state is kept (default ${DEFAULT-VALUE}; created when first needed).")
        Path dir;

        FileLockStore store(String command) {
            if (dir.toString().isBlank()) {
                throw new BadInputException("--data-dir must name a directory");
            }
            return new FileLockStore(dir);
        }
    }
}
