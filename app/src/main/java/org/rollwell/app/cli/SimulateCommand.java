package org.rollwell.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;
import org.rollwell.app.json.Json;
import org.rollwell.app.json.SimulationJson;
import org.rollwell.app.bedspec.BedSpecException;
import org.rollwell.app.bedspec.BedSpecFile;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.app.scenario.Scenario;
import org.rollwell.app.scenario.ScenarioException;
import org.rollwell.app.scenario.ScenarioOutcome;
import org.rollwell.app.scenario.ScenarioParser;
import org.rollwell.app.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollwell simulate}: a scenario on the digital twin, on virtual time. */
@Command(name = "simulate",
        header = "Run a scenario on the digital twin, faster than real time.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Runs a scenario (rollwell.scenario/1, docs/scenario-format.md) on the digital twin on virtual time:"
                        + " scans the spine (unless the scenario says \"scan\": false), plans, runs the plan with the"
                        + " scenario's faults, and reports what was delivered, every fault and how fast the bed reached"
                        + " the safe state.",
                "Exit 0 COMPLETED, 3 FAULTED or BLOCKED, 2 bad scenario or option.",
                "Progress goes to stderr (one line per 10 %%), never to stdout."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "The scenario file (JSON).")
    Path scenarioFile;

    @Option(names = "--bed", paramLabel = "FILE",
            description = "The bed (rollwell.bedspec/1, docs/bed-spec-format.md); wins over the scenario's \"bed\". Default: the reference bed.")
    Path bedFile;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--trace", paramLabel = "FILE.csv", description = "Write a CSV trace: a header row, then one row per tick.")
    Path traceFile;

    @Option(names = "--trace-every", paramLabel = "N", defaultValue = "1",
            description = "With --trace, write every N-th tick only (default ${DEFAULT-VALUE}; 100 = one row per second).")
    int traceEvery;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        if (traceEvery < 1) {
            throw new BadInputException("--trace-every must be 1 or more, was " + traceEvery);
        }
        if (traceFile == null && spec.commandLine().getParseResult().hasMatchedOption("--trace-every")) {
            throw new BadInputException("--trace-every needs --trace FILE.csv");
        }
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(scenarioFile);
        } catch (ScenarioException e) {
            throw BadInputException.of(e.problems());
        }
        if (bedFile != null) {
            try {
                BedSpec bed = BedSpecFile.read(bedFile);
                for (var fault : scenario.faults()) {
                    if (fault.hasZone() && fault.zone() >= bed.heaterZones()) {
                        throw new BadInputException("--bed " + bedFile + " has " + bed.heaterZones()
                                + " heater zone(s), but the scenario's " + fault.kind() + " strikes zone " + fault.zone());
                    }
                }
                scenario = scenario.withBed(bed);
            } catch (BedSpecException e) {
                throw BadInputException.of(e.problems());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DoubleConsumer progress = quiet ? null : new Progress(err);
        ScenarioOutcome outcome;
        if (traceFile != null) {
            try (Writer trace = Files.newBufferedWriter(traceFile)) {
                outcome = ScenarioRunner.run(scenario, new ScenarioRunner.Options(trace, traceEvery, progress));
            } catch (IOException e) {
                throw new BadInputException("cannot write trace " + traceFile + ": " + reason(e));
            }
        } else {
            outcome = ScenarioRunner.run(scenario, new ScenarioRunner.Options(null, 1, progress));
        }
        if (json) {
            out.print(Json.write(SimulationJson.of(outcome)));
        } else {
            SimulationText.print(scenario, outcome, out);
        }
        out.flush();
        return "COMPLETED".equals(outcome.status()) ? Main.EXIT_OK : Main.EXIT_BLOCKED;
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "NoSuchFileException" -> "no such folder";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }

    /** One stderr line each time the run passes another 10 % of its simulated time. */
    private static final class Progress implements DoubleConsumer {
        private final PrintWriter err;
        private int lastTenth;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void accept(double fraction) {
            int tenth = (int) Math.floor(fraction * 10 + 1e-9);
            if (tenth > lastTenth && tenth <= 10) {
                lastTenth = tenth;
                err.println("rollwell simulate: " + tenth * 10 + " % simulated");
                err.flush();
            }
        }
    }
}
