package org.rollwell.bench.tick;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rollwell.app.bedspec.BedSpecFile;
import org.rollwell.app.campaign.Campaign;
import org.rollwell.app.campaign.CampaignReport;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;

/**
 * Ten runs of the fault campaign (issue 8: {@code rollwell campaign}) on one thread, as the CLI draws them from
 * the examples: each run draws and plans a scenario (the planner's skin forecast included), then simulates it
 * on a fresh twin at 100 Hz with the truth watched. The same ten runs every operation (seed 2026, runs 0–9),
 * 2,294 simulated seconds in all, so {@code 2294 / (ms/op / 1000)} is the simulated seconds per CPU second
 * one core gives, warm. Run from the checkout's root (it reads {@code examples/}).
 *
 * <pre>
 * ./mvnw -B -q -o -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar CampaignRunBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class CampaignRunBenchmark {
    /** Runs per operation (choice: enough to mix fault kinds, beds and plans). */
    static final int RUNS = 10;
    /** The scoring seed of bench/README.md's campaign figures. */
    static final long SEED = 2026;

    private Campaign campaign;
    /** Simulated seconds of one operation, for the README's per-CPU-second figure. */
    public double simulatedS;

    @Setup
    public void load() {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (Path file : json(Path.of("examples/profiles"))) {
            ParseResult<Profile> parsed = ProfileParser.parse(read(file));
            if (!(parsed instanceof ParseResult.Parsed<Profile> p)) {
                throw new IllegalStateException(file + " does not parse: " + parsed);
            }
            profiles.put(file.getFileName().toString(), p.value());
        }
        Map<String, BedSpec> beds = new LinkedHashMap<>();
        for (Path file : json(Path.of("examples/beds"))) {
            try {
                beds.put(file.getFileName().toString(), BedSpecFile.read(file));
            } catch (Exception e) {
                throw new IllegalStateException(file + " does not parse: " + e, e);
            }
        }
        campaign = Campaign.of(profiles, beds, false);
    }

    @Benchmark
    public double tenRuns() {
        CampaignReport report = campaign.run(RUNS, SEED, 1, done -> { });
        simulatedS = report.simulatedS();
        return report.simulatedS();
    }

    private static java.util.List<Path> json(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("run from the checkout's root: cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
