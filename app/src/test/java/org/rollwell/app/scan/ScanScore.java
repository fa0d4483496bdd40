package org.rollwell.app.scan;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.rollwell.app.simulate.Simulation;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.scan.ScanAnalyser;
import org.rollwell.therapy.scan.ScanResult;

/**
 * One set of seeded bodies scanned and scored: each body scanned by the REAL closed loop (the bed
 * runtime's ScanRoutine driving SimulatedBed with the twin's ModelledBack, sensor noise and
 * breathing on), each trace analysed from the trace alone and compared with the twin's truth.
 * Bodies are scanned in parallel (each scan has its own twin and ticker); the answers do not
 * depend on the order. Used by {@link ScanAccuracyTest} (the held-out set) and
 * {@link ScanTuningReport} (the tuning sets).
 */
final class ScanScore {

    /** One accepted scan's errors against the twin's truth: the worst of C7, T12/L1 and L5/S1, the worst level, both angles. */
    record Errors(Body body, double landmarkMm, double levelMm, double kyphosisDeg, double lordosisDeg) {
    }

    final int bodies;
    final List<Errors> errors;
    /** One line per scan refused (by the routine or the analyser), with the body, seed and reasons. */
    final List<String> refusals;

    private ScanScore(int bodies, List<Errors> errors, List<String> refusals) {
        this.bodies = bodies;
        this.errors = errors;
        this.refusals = refusals;
    }

    static ScanScore of(List<ScanTuningSet.Case> cases) {
        Object[] outcome = new Object[cases.size()];
        IntStream.range(0, cases.size()).parallel().forEach(i -> outcome[i] = scan(cases.get(i)));
        List<Errors> errors = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (Object o : outcome) {
            if (o instanceof Errors e) {
                errors.add(e);
            } else {
                refusals.add((String) o);
            }
        }
        return new ScanScore(cases.size(), errors, refusals);
    }

    /** The errors of an accepted scan, or the line that says why it was refused. */
    private static Object scan(ScanTuningSet.Case c) {
        Body body = c.body();
        long seed = c.scanSeed();
        Simulation.ScanRun run = Simulation.scan(body, seed).runScan();
        if (run.trace() == null || !run.refusal().isEmpty()) {
            return "not scanned: " + body + " seed " + seed + " " + run.refusal();
        }
        ScanResult result = new ScanAnalyser().analyse(run.trace());
        if (!result.ok()) {
            return "rejected: " + body + " seed " + seed + " " + result.reasons();
        }
        return errorsOf(body, new ModelledBack(body, seed), result.spineMap());
    }

    private static Errors errorsOf(Body body, ModelledBack truth, SpineMap map) {
        double landmark = Math.max(Math.abs(map.positionMm(Level.C7) - truth.c7Mm()),
                Math.max(Math.abs(map.t12l1Mm() - truth.t12l1Mm()), Math.abs(map.l5s1Mm() - truth.l5s1Mm())));
        double level = 0;
        double[] levels = truth.levelsMm();
        for (Level l : Level.values()) {
            level = Math.max(level, Math.abs(map.positionMm(l) - levels[l.ordinal()]));
        }
        return new Errors(body, landmark, level, Math.abs(map.kyphosisDeg() - body.kyphosisDeg()),
                Math.abs(map.lordosisDeg() - body.lordosisDeg()));
    }

    int rejected() {
        return refusals.size();
    }

    double[] of(ToDoubleFunction<Errors> f) {
        return errors.stream().mapToDouble(f).toArray();
    }

    /** The value below which {@code q} of ALL bodies' values lie; a rejected scan counts as the worst. */
    double quantile(double[] values, double q) {
        double[] all = Arrays.copyOf(values, values.length + rejected());
        Arrays.fill(all, values.length, all.length, Double.POSITIVE_INFINITY);
        Arrays.sort(all);
        int index = (int) Math.ceil(q * all.length) - 1;
        return all[Math.max(0, Math.min(all.length - 1, index))];
    }

    /** The value below which {@code q} of the ACCEPTED scans' values lie. */
    static double acceptedQuantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    /** The share of ALL bodies (rejected scans count as misses) whose error is at most {@code limit}. */
    double shareWithin(double[] values, double limit) {
        return Arrays.stream(values).filter(v -> v <= limit).count() / (double) bodies;
    }

    /** The refusals, the figures table and the worst accepted bodies, under {@code title}. */
    void print(String title, PrintStream out) {
        refusals.forEach(out::println);
        out.printf(Locale.ROOT, "scan accuracy over %d %s bodies (%d rejected, %.1f %%), closed loop, noise and breathing on%n",
                bodies, title, rejected(), 100.0 * rejected() / bodies);
        row(out, "worst landmark error (mm)", of(Errors::landmarkMm));
        row(out, "worst level error (mm)", of(Errors::levelMm));
        row(out, "kyphosis error (deg)", of(Errors::kyphosisDeg));
        row(out, "lordosis error (deg)", of(Errors::lordosisDeg));
        out.printf(Locale.ROOT, "  (rejected scans count as the worst; over accepted scans: landmark 95th %.1f, max %.1f mm; "
                        + "kyphosis 95th %.1f°, lordosis 95th %.1f°)%n",
                acceptedQuantile(of(Errors::landmarkMm), 0.95), acceptedQuantile(of(Errors::landmarkMm), 1.0),
                acceptedQuantile(of(Errors::kyphosisDeg), 0.95), acceptedQuantile(of(Errors::lordosisDeg), 0.95));
        out.printf(Locale.ROOT, "  of all bodies: landmarks within 10 mm %.1f %%, kyphosis within 5° %.1f %%, lordosis within 5° %.1f %%%n",
                100 * shareWithin(of(Errors::landmarkMm), 10), 100 * shareWithin(of(Errors::kyphosisDeg), 5),
                100 * shareWithin(of(Errors::lordosisDeg), 5));
        // the worst accepted scans, for whoever looks for the next weakness of the back model
        errors.stream().sorted(Comparator.comparingDouble(Errors::landmarkMm).reversed()).limit(5)
                .forEach(e -> out.printf(Locale.ROOT, "  worst: landmark %5.1f mm, level %5.1f mm, kyphosis %4.1f°, "
                        + "lordosis %4.1f° off: %s%n", e.landmarkMm(), e.levelMm(), e.kyphosisDeg(), e.lordosisDeg(), e.body()));
    }

    private void row(PrintStream out, String name, double[] values) {
        out.printf(Locale.ROOT, "  %-28s median %6.1f   95th %6.1f   max %6.1f%n", name,
                quantile(values, 0.5), quantile(values, 0.95), quantile(values, 1.0));
    }
}
