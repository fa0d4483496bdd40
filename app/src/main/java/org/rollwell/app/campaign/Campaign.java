package org.rollwell.app.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.rollwell.app.scenario.ScenarioOutcome;
import org.rollwell.app.scenario.ScenarioRunner;
import org.rollwell.app.simulate.SimulationResult;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.profile.Profile;

/**
 * A fault campaign (issue 8 item 6): many random single-fault scenarios, each on a fresh twin,
 * spread over threads in one JVM. Run {@code i} depends only on the campaign's seed and
 * {@code i}, and the report is put together in run order, so a seed gives the same report
 * whatever the number of threads (only the wall time and throughput differ).
 *
 * <pre>{@code
 * CampaignReport r = Campaign.of(profiles, beds).run(2000, 42, 2, done -> { });
 * }</pre>
 */
public final class Campaign {

    private final RandomScenarios scenarios;

    private Campaign(RandomScenarios scenarios) {
        this.scenarios = scenarios;
    }

    /**
     * A campaign drawing from {@code profiles} and {@code beds} (name → value, e.g. the example files),
     * planning on the normative map of each drawn person; with {@code scan}, scanning the spine first.
     *
     * @throws IllegalStateException when a twin fault kind has no row in {@link FaultBounds}
     */
    public static Campaign of(Map<String, Profile> profiles, Map<String, BedSpec> beds, boolean scan) {
        List<String> unbounded = FaultBounds.unbounded();
        if (!unbounded.isEmpty()) {
            throw new IllegalStateException("fault kind(s) " + unbounded + " have no detection bound in FaultBounds;"
                    + " a campaign cannot judge them");
        }
        List<RandomScenarios.Named<Profile>> p = new ArrayList<>();
        profiles.forEach((name, profile) -> p.add(new RandomScenarios.Named<>(name, Objects.requireNonNull(profile))));
        List<RandomScenarios.Named<BedSpec>> b = new ArrayList<>();
        beds.forEach((name, bed) -> b.add(new RandomScenarios.Named<>(name, Objects.requireNonNull(bed))));
        return new Campaign(new RandomScenarios(p, b, scan));
    }

    /**
     * Runs {@code runs} scenarios over {@code jobs} threads; {@code runDone} hears the count of finished runs
     * (from any thread).
     */
    public CampaignReport run(int runs, long seed, int jobs, IntConsumer runDone) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be 1 or more, was " + runs);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more, was " + jobs);
        }
        RunOutcome[] outcomes = new RunOutcome[runs];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long wallStart = System.nanoTime();
        int threads = Math.min(jobs, runs);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "campaign");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
                        outcomes[i] = runOne(i, RandomScenarios.runSeed(seed, i));
                        runDone.accept(done.incrementAndGet());
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("campaign interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("campaign worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double wallS = (System.nanoTime() - wallStart) / 1e9;
        List<String> leftOut = scenarios.leftOut().stream()
                .map(l -> l.profile() + " (" + String.join(", ", l.reasons()) + ")").toList();
        return CampaignReport.of(seed, threads, List.of(outcomes), wallS, leftOut);
    }

    /** One run: draw, simulate on a fresh twin with the truth watched, judge. A defect in a run is a failed run, not a crash. */
    RunOutcome runOne(int index, long runSeed) {
        int scanBlocked = 0;
        for (int attempt = 0; ; attempt++) {
            // with --scan, a scan the analyser cannot trust blocks the session ("scan again"): draw again, count it
            long seed = attempt == 0 ? runSeed : RandomScenarios.runSeed(runSeed, attempt);
            RandomScenarios.Draw draw;
            try {
                draw = scenarios.draw(seed);
            } catch (RuntimeException e) {
                return failed(index, seed, "?", "draw failed", "cannot draw a scenario: " + e);
            }
            Truth truth = new Truth(draw.scenario().bed().heaterZones(), FaultBounds.require(draw.kind()).occurs(),
                    FaultBounds.showsOnlyWhenHeating(draw.kind()) ? draw.scenario().faults().get(0).zone() : -1);
            ScenarioOutcome outcome;
            try {
                outcome = ScenarioRunner.run(draw.scenario(), ScenarioRunner.Options.NONE, truth::see, draw.plan());
            } catch (RuntimeException e) {
                return failed(index, seed, draw.kind().name(), draw.scenario().description(), "the run threw " + e);
            }
            boolean scanBlocks = "BLOCKED".equals(outcome.status()) && outcome.scan() != null;
            if (scanBlocks && attempt + 1 < RandomScenarios.MAX_DRAWS) {
                scanBlocked++;
                continue;
            }
            RunOutcome judged = judge(index, seed, draw, outcome, truth);
            return scanBlocked == 0 ? judged : judged.withScansRedone(scanBlocked);
        }
    }

    private static RunOutcome judge(int index, long runSeed, RandomScenarios.Draw draw, ScenarioOutcome outcome, Truth truth) {
        SimulationResult r = outcome.result();
        String kind = draw.kind().name();
        FaultBounds.Bound bound = FaultBounds.require(draw.kind());

        List<String> failures = new ArrayList<>();
        SimulationResult.FaultReport report = null;
        for (SimulationResult.FaultReport f : r.faults()) {
            if (kind.equals(f.kind())) {
                report = f;
            }
        }
        SessionPlan plan = outcome.plan();
        double maxForceN = plan != null ? plan.envelope().maxForceN().value() : draw.scenario().bed().maxForceN();
        double cem43Cap = plan != null ? plan.envelope().cem43CapMin().value() : 1.0;
        if ("BLOCKED".equals(r.status())) {
            failures.add("blocked before it ran: " + outcome.reasons());
        } else if (report == null) {
            failures.add("the fault never struck: " + r.status() + " before " + draw.phase() + " + " + draw.afterS() + " s"
                    + (r.faults().isEmpty() ? "" : ", after " + r.faults()));
        }
        // a fault that shows only under load is timed from the first contact after it, a stall from the first move
        // asked after it (as docs/faults.md times a stall while paused from the resume), a dead or weak heater from the
        // first heat asked after it: a load cell that sticks or sags while the rollers are off the back reads what a
        // healthy one reads until they press again, a jammed carriage told to stand still stands still, and a heater
        // left off while its roller cools to a lower target cools like a healthy one
        double safeBoundMs = report == null || report.detectedAfterMs() == null || report.safeWithinMs() == null
                ? FaultBounds.safeWithinMs(bound, draw.scenario().bed())
                : FaultBounds.safeWithinMs(bound, draw.scenario().bed(),
                        truth.loweredMm(report.detectedAfterMs(), report.safeWithinMs()));
        Double detectedMs = report == null || report.detectedAfterMs() == null ? null
                : Math.max(0.0, report.detectedAfterMs() - truth.hiddenMs());
        Double safeMs = report == null ? null : report.safeWithinMs();
        if (report != null) {
            if (detectedMs == null) {
                failures.add("not detected");
            } else if (detectedMs > bound.detectMs()) {
                failures.add(String.format(Locale.ROOT, "detected after %.0f ms, bound %.0f ms", detectedMs, bound.detectMs()));
            }
            if (detectedMs != null && safeMs == null) {
                failures.add("never reached the safe state after detection");
            } else if (safeMs != null && safeMs > safeBoundMs) {
                failures.add(String.format(Locale.ROOT, "safe %.0f ms after detection, bound %.0f ms", safeMs, safeBoundMs));
            }
        }
        if (!r.safeState()) {
            failures.add("not in the safe state at the end (" + r.status() + ")");
        }
        double skinC = r.peaks().trueSkinTempC();
        double cem43 = r.peaks().trueCem43MaxMin();
        double share = truth.maxForceN / maxForceN;
        if (skinC > RunOutcome.MAX_TRUE_SKIN_C) {
            failures.add(String.format(Locale.ROOT, "true skin %.2f °C above %.0f °C", skinC, RunOutcome.MAX_TRUE_SKIN_C));
        }
        if (!(cem43 < cem43Cap)) {
            failures.add(String.format(Locale.ROOT, "true CEM43 %.3f min not under the cap %.2f", cem43, cem43Cap));
        }
        if (truth.maxRollerC > RunOutcome.MAX_TRUE_ROLLER_C) {
            failures.add(String.format(Locale.ROOT, "true roller surface %.1f °C above %.0f °C", truth.maxRollerC,
                    RunOutcome.MAX_TRUE_ROLLER_C));
        }
        if (share > RunOutcome.MAX_FORCE_SHARE) {
            failures.add(String.format(Locale.ROOT, "true force %.0f N is %.2f × the envelope's %.0f N", truth.maxForceN, share,
                    maxForceN));
        }
        long violations = r.detail() == null ? 0 : r.detail().commandViolations();
        if (violations > 0) {
            failures.add(violations + " commands outside the limits, first: " + r.detail().firstViolation());
        }
        return new RunOutcome(index, runSeed, kind, draw.scenario().description(), report != null,
                report == null ? null : report.code(), detectedMs, safeMs, safeBoundMs, r.safeState(), skinC, cem43, cem43Cap, share,
                truth.maxRollerC, violations, r.simulatedS(), draw.blockedDraws(), draw.unfitDraws(), draw.blockedProfiles(),
                failures);
    }

    private static RunOutcome failed(int index, long runSeed, String kind, String scenario, String why) {
        return new RunOutcome(index, runSeed, kind, scenario, false, null, null, null, Double.NaN, false, Double.NaN, Double.NaN, 1.0,
                Double.NaN, Double.NaN, 0, 0, 0, 0, List.of(), List.of(why));
    }

    /**
     * The rollers touch the back: true force above this, N (the bed's own contact line, 4 σ of the load cell's 2 N
     * noise, bed.safety.PresenceWatch.CONTACT_N).
     */
    static final double CONTACT_N = 8.0;

    /** The twin's true peaks over the session (roller force and surface temperature), and when the fault could first show. */
    private static final class Truth {
        private final int zones;
        private final FaultBounds.Occurs occurs;
        double maxForceN;
        double maxRollerC = Double.NEGATIVE_INFINITY;
        double struckAtS = Double.NaN;
        double visibleAtS = Double.NaN;
        /** The true lift height at each tick from the strike on, and when, for the depth the safe state had to lower. */
        private double[] liftMm = new double[1024];
        private double[] atS = new double[1024];
        private int seen;

        /** The zone whose heater shows the fault only while asked to heat, or −1. */
        private final int heatingZone;

        Truth(int zones, FaultBounds.Occurs occurs, int heatingZone) {
            this.zones = zones;
            this.occurs = occurs;
            this.heatingZone = heatingZone;
        }

        /** Whether the fault can show now: under load, while the carriage is told to move, or always. */
        private boolean canShow(SimulatedBed twin) {
            if (heatingZone >= 0 && twin.commandedHeaterDuty(heatingZone) <= 0.0) {
                return false;
            }
            return switch (occurs) {
                case IN_CONTACT -> twin.trueForceN() > CONTACT_N;
                case CARRIAGE_MOVING -> twin.commandedCarriageVelocityMmPerS() != 0.0;
                case ANYWHERE -> true;
            };
        }

        /** From the strike until the fault could first show, ms (0 when it showed at once or never struck). */
        double hiddenMs() {
            return Double.isNaN(visibleAtS) ? 0.0 : 1000.0 * (visibleAtS - struckAtS);
        }

        /** How far the lift truly came down from {@code detectedMs} after the strike until {@code safeMs} after that, mm. */
        double loweredMm(double detectedMs, double safeMs) {
            double detectedAtS = struckAtS + detectedMs / 1000.0;
            double safeAtS = detectedAtS + safeMs / 1000.0;
            double fromMm = Double.NaN;
            double toMm = Double.NaN;
            for (int i = 0; i < seen; i++) {
                if (Double.isNaN(fromMm) && atS[i] >= detectedAtS - 1e-6) {
                    fromMm = liftMm[i];
                }
                if (atS[i] <= safeAtS + 1e-6) {
                    toMm = liftMm[i];
                }
            }
            return Double.isNaN(fromMm) || Double.isNaN(toMm) ? 0.0 : Math.max(0.0, fromMm - toMm);
        }

        void see(SimulatedBed twin) {
            if (Double.isNaN(struckAtS) && !twin.injectedFaults().isEmpty()) {
                struckAtS = twin.simulatedS();
            }
            if (!Double.isNaN(struckAtS)) {
                if (seen == liftMm.length) {
                    liftMm = java.util.Arrays.copyOf(liftMm, 2 * seen);
                    atS = java.util.Arrays.copyOf(atS, 2 * seen);
                }
                liftMm[seen] = twin.trueLiftMm();
                atS[seen] = twin.simulatedS();
                seen++;
            }
            if (!Double.isNaN(struckAtS) && Double.isNaN(visibleAtS) && canShow(twin)) {
                visibleAtS = twin.simulatedS();
            }
            maxForceN = Math.max(maxForceN, twin.trueForceN());
            for (int z = 0; z < zones; z++) {
                maxRollerC = Math.max(maxRollerC, twin.rollerTempC(z));
            }
        }
    }
}
