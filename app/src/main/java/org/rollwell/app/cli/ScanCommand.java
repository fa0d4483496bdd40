package org.rollwell.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rollwell.app.files.TextFiles;
import org.rollwell.app.json.Json;
import org.rollwell.app.scan.BodyText;
import org.rollwell.app.scan.ScanChart;
import org.rollwell.app.scan.ScanJson;
import org.rollwell.app.simulate.Simulation;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.scan.ScanAnalyser;
import org.rollwell.therapy.scan.ScanReason;
import org.rollwell.therapy.scan.ScanResult;
import org.rollwell.therapy.scan.ScanTrace;
import org.rollwell.therapy.scan.ScanTraceCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rollwell scan}: the spine scan of issue 5. {@code simulate} runs the bed's scan
 * routine on the digital twin and writes the trace (and the twin's truth); {@code analyze}
 * reads a trace file and finds the landmarks, every level and the curve angles, or says why
 * the trace cannot be trusted. Trace format: docs/scan-format.md.
 */
@Command(name = "scan",
        header = "Scan the spine on the twin, or analyse a scan trace.",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "(simulate | analyze)",
        description = "Positions are bed mm from the carriage's home at the head end.",
        subcommands = {ScanCommand.Simulate.class, ScanCommand.Analyze.class})
public final class ScanCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "simulate",
            header = "Scan a twin body with the bed's scan routine and write the trace.",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                    "Runs the bed runtime's scan routine on the simulated bed (noise and breathing on) on virtual time:"
                            + " home, press 60 N, travel the back at constant speed, one row per 10 ms tick.",
                    "Exit 0 when the trace was written, 3 when the bed refused or faulted, 2 bad option or unwritable file."})
    static final class Simulate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--body", required = true, paramLabel = "KEY=VALUE,...",
                description = "heightCm, weightKg, kyphosisDeg, lordosisDeg (Cobb), headOffsetMm, lateralOffsetMm;"
                        + " missing keys take a typical adult's value (175 cm, 75 kg, 35°, 50°, 100 mm, 0 mm).")
        String bodyText;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
                description = "Seeds the person's individual variation and the sensor noise (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "TRACE.csv", description = "Where to write the trace.")
        Path out;

        @Option(names = "--truth", paramLabel = "TRUTH.json",
                description = "Also write the twin's truth: the same keys as 'scan analyze --json'.")
        Path truth;

        @Option(names = "--exclude", paramLabel = "FROM-TO",
                description = "A stretch of the bed (mm) the rollers must not press on, e.g. an implant ± 50 mm;"
                        + " the scan crosses it lifted off and the trace declares the crossing. Repeatable.")
        java.util.List<String> excluded = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            java.util.List<ExcludedRange> ranges = new java.util.ArrayList<>();
            for (String range : excluded) {
                ranges.add(range(range));
            }
            Body body;
            try {
                body = BodyText.parse(bodyText);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--body: " + e.getMessage());
            }
            Simulation scan = Simulation.scan(body, seed);
            if (!ranges.isEmpty()) {
                SafetyEnvelope bed = SafetySupervisor.bedEnvelope(BedSpec.REFERENCE);
                scan.scanEnvelope(new SafetyEnvelope(bed.maxForceN(), bed.maxRollerTempC(), bed.maxSkinTempC(),
                        bed.cem43CapMin(), bed.maxMinutes(), bed.maxIntensity(), bed.maxStretchLiftMm(), bed.heatAllowed(),
                        bed.heatSetBy(), bed.bans(), ranges));
            }
            Simulation.ScanRun run = scan.runScan();
            if (!run.refusal().isEmpty() || run.trace() == null || run.trace().size() == 0) {
                spec.commandLine().getErr().println("rollwell scan simulate: the bed did not scan: "
                        + (run.refusal().isEmpty() ? run.result().status() : run.refusal()));
                return Main.EXIT_BLOCKED;
            }
            ScanTrace trace = run.trace();
            write(out, "trace", w -> ScanTraceCsv.write(trace, w));
            if (truth != null) {
                write(truth, "truth", w -> w.write(Json.write(ScanJson.truth(new ModelledBack(body, seed)))));
            }
            double[] position = trace.positionMm();
            spec.commandLine().getOut().printf(Locale.ROOT, "scanned %d rows from %.0f to %.0f mm in %.1f s (virtual); wrote %s%s%n",
                    trace.size(), position[0], position[position.length - 1], trace.timeAtS(trace.size() - 1), out,
                    truth == null ? "" : " and " + truth);
            return Main.EXIT_OK;
        }

        private static ExcludedRange range(String text) {
            int dash = text.indexOf('-', 1);
            try {
                return new ExcludedRange(Double.parseDouble(text.substring(0, Math.max(0, dash)).strip()),
                        Double.parseDouble(text.substring(dash + 1).strip()), "--exclude");
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new BadInputException("--exclude: '" + text
                        + "' is not FROM-TO in bed mm with FROM at most TO");
            }
        }

        private interface Content {
            void writeTo(Writer writer) throws IOException;
        }

        private static void write(Path file, String what, Content content) {
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            } catch (IOException e) {
                throw new BadInputException("cannot write " + what + " " + file + ": " + reason(e));
            }
        }
    }

    @Command(name = "analyze",
            aliases = "analyse",
            header = "Find the landmarks, levels and curves in a scan trace.",
            mixinStandardHelpOptions = true,
            description = {
                    "Reads a trace (CSV: [t_s,]position_mm,lift_mm,force_n) and finds C7, T12/L1, L5/S1, every level"
                            + " C7–S1, the thoracic kyphosis and lumbar lordosis (Cobb scale, from the surface angles),"
                            + " or rejects the trace with its reasons.",
                    "Exit 0 OK, 3 REJECTED (a scan that cannot be trusted), 2 when the file cannot be read or is not a scan trace."})
    static final class Analyze implements Callable<Integer> {

        /** A scan trace: 16 MiB (issue 8; a scan at 100 Hz over the 950 mm travel is ≈ 2,000 rows, ≈ 60 KiB). */
        static final long TRACE_LIMIT_BYTES = 16L << 20;
        /** ... and 500,000 rows (issue 8), far above any scan a bed records. */
        static final long TRACE_LIMIT_ROWS = 500_000;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "TRACE.csv", description = "The scan trace.")
        Path file;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            ScanTraceCsv.Result parsed;
            if (Files.isDirectory(file)) {
                throw new BadInputException("cannot read " + file + ": it is a folder, not a file");
            }
            String text;
            try {
                text = TextFiles.read(file, TRACE_LIMIT_BYTES);
            } catch (TextFiles.Unreadable e) {
                throw new BadInputException("cannot read " + file + ": " + e.getMessage());
            }
            long rows = text.lines().filter(l -> !l.isBlank()).count() - 1;
            if (rows > TRACE_LIMIT_ROWS) {
                throw new BadInputException(String.format(Locale.ROOT, "cannot read %s: it has %,d rows,"
                        + " more than %,d, the limit for a scan trace", file, rows, TRACE_LIMIT_ROWS));
            }
            parsed = ScanTraceCsv.parse(text);
            ScanResult result = new ScanAnalyser().analyse(parsed);
            if (json) {
                spec.commandLine().getOut().print(Json.write(ScanJson.result(result)));
            } else {
                spec.commandLine().getOut().print(text(result));
            }
            spec.commandLine().getOut().flush();
            if (parsed instanceof ScanTraceCsv.Refused) {
                // Not a scan trace at all (empty, wrong columns, text in a number column): bad input, not a bad scan.
                return Main.EXIT_BAD_INPUT;
            }
            return result.ok() ? Main.EXIT_OK : Main.EXIT_BLOCKED;
        }

        private static String text(ScanResult result) {
            StringBuilder out = new StringBuilder();
            SpineMap map = result.spineMap();
            if (map == null) {
                out.append("REJECTED: this scan cannot be trusted; scan again\n");
                for (ScanReason reason : result.reasons()) {
                    out.append("  ").append(reason.code()).append(": ").append(reason.message()).append('\n');
                }
            } else {
                out.append(String.format(Locale.ROOT, "OK (quality %.2f)%n", map.quality()));
                out.append(String.format(Locale.ROOT, "  C7 %.1f mm   T12/L1 %.1f mm   L5/S1 %.1f mm%n",
                        map.positionMm(Level.C7), map.t12l1Mm(), map.l5s1Mm()));
                out.append(String.format(Locale.ROOT,
                        "  thoracic kyphosis %.1f°, lumbar lordosis %.1f° (Cobb scale; on the surface %.1f° and %.1f°)%n",
                        map.kyphosisDeg(), map.lordosisDeg(), result.surfaceKyphosisDeg(), result.surfaceLordosisDeg()));
                StringBuilder levels = new StringBuilder("  levels:");
                for (Level level : Level.values()) {
                    levels.append(String.format(Locale.ROOT, " %s %.0f", level, map.positionMm(level)));
                }
                out.append(levels).append('\n');
                if (!result.interpolated().isEmpty()) {
                    out.append("  interpolated (the rollers crossed an excluded range lifted off; placed by the fit"
                            + " across the gap, not felt): ").append(result.interpolated().stream().map(Level::name)
                            .collect(java.util.stream.Collectors.joining(" "))).append('\n');
                }
                if (!result.bridgedAngles().isEmpty()) {
                    out.append("  estimated across the gap, not measured: ").append(String.join(", ", result.bridgedAngles()))
                            .append('\n');
                }
            }
            if (result.profile() != null) {
                out.append('\n').append(ScanChart.draw(result.profile(), map));
            }
            return out.toString();
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
