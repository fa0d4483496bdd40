package org.rollwell.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.rollwell.app.bedspec.BedSpecException;
import org.rollwell.app.bedspec.BedSpecFile;
import org.rollwell.app.campaign.Campaign;
import org.rollwell.app.campaign.CampaignReport;
import org.rollwell.app.campaign.CampaignText;
import org.rollwell.app.campaign.FaultBounds;
import org.rollwell.app.json.Json;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.profile.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollwell campaign}: many random single-fault scenarios on the twin, and the worst case per fault kind. */
@Command(name = "campaign",
        header = "Run random single-fault scenarios on the twin; state the worst case.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Draws N random single-fault scenarios (a body of 145–205 cm and 45–135 kg with random curves and"
                        + " position, a profile from --profiles, a goal or a built-in program, a bed from --beds, a fault"
                        + " kind of the twin, a phase and a time) and runs each on a fresh twin, in one JVM across"
                        + " --jobs threads. The same --seed gives the same table whatever --jobs.",
                "Prints per fault kind: runs, detected, worst detection time against its bound, worst time to the"
                        + " safe state, and the twin's worst true skin temperature, CEM43 dose, force (share of the"
                        + " envelope's maximum) and roller surface temperature; then the verdict SAFE (every run"
                        + " ended safe inside its bounds) or UNSAFE, and the throughput.",
                "Exit 0 SAFE, 3 UNSAFE, 2 bad option or input file.",
                "Progress goes to stderr, never to stdout."})
final class CampaignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", required = true, paramLabel = "N", description = "How many scenarios to run.")
    int runs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The campaign's seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jobs", paramLabel = "J", description = "Threads (default: every available processor).")
    Integer jobs;

    @Option(names = "--profiles", defaultValue = "examples/profiles", paramLabel = "DIR",
            description = "Folder of profiles (*.json) to draw from (default ${DEFAULT-VALUE}).")
    Path profilesDir;

    @Option(names = "--beds", defaultValue = "examples/beds", paramLabel = "DIR",
            description = "Folder of bed specs (*.json) to draw from (default ${DEFAULT-VALUE}).")
    Path bedsDir;

    @Option(names = "--scan", description = "Scan each spine first and plan on the measured map (default: the normative map).")
    boolean scan;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new BadInputException("--runs must be 1 or more, was " + runs);
        }
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new BadInputException("--jobs must be 1 or more, was " + threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> unbounded = FaultBounds.unbounded();
        if (!unbounded.isEmpty()) {
            // a twin fault nobody bounded must not pass as SAFE
            err.println("rollwell campaign: fault kind(s) " + unbounded + " have no detection bound in FaultBounds;"
                    + " add them before a campaign can judge them");
            return Main.EXIT_BLOCKED;
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (Path file : jsonFiles(profilesDir, "--profiles")) {
            profiles.put(file.getFileName().toString(), PlanCommand.readProfile(file));
        }
        Map<String, BedSpec> beds = new LinkedHashMap<>();
        for (Path file : jsonFiles(bedsDir, "--beds")) {
            try {
                beds.put(file.getFileName().toString(), BedSpecFile.read(file));
            } catch (BedSpecException e) {
                throw BadInputException.of(e.problems());
            }
        }
        IntConsumer progress = quiet ? done -> { } : new Progress(err, runs);
        CampaignReport report = Campaign.of(profiles, beds, scan).run(runs, seed, threads, progress);
        if (json) {
            out.print(Json.write(CampaignText.json(report)));
        } else {
            CampaignText.print(report, out);
        }
        out.flush();
        return CampaignReport.SAFE.equals(report.verdict()) ? Main.EXIT_OK : Main.EXIT_BLOCKED;
    }

    /** The *.json files in {@code dir}, sorted by name so a seed draws the same files everywhere. */
    private static List<Path> jsonFiles(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("" + option + " " + dir + " is not a folder");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new BadInputException("cannot list " + option + " " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new BadInputException("" + option + " " + dir + " holds no *.json file");
        }
        return files;
    }

    /** A compact progress bar on stderr: redrawn in place on a terminal, else one line per 10 %. */
    private static final class Progress implements IntConsumer {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final int runs;
        private final boolean terminal = System.console() != null;
        private int lastShown;

        Progress(PrintWriter err, int runs) {
            this.err = err;
            this.runs = runs;
        }

        @Override
        public synchronized void accept(int done) {
            int step = terminal ? done * 100 / runs : done * 10 / runs;
            if (step <= lastShown) {
                return;
            }
            lastShown = step;
            if (terminal) {
                int filled = done * WIDTH / runs;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + runs + " runs");
                if (done == runs) {
                    err.println();
                }
            } else {
                err.println("rollwell campaign: " + done + "/" + runs + " runs");
            }
            err.flush();
        }
    }
}
