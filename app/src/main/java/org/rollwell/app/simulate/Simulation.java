package org.rollwell.app.simulate;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.record.SegmentResult;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.scan.ScanRoutine;
import org.rollwell.bed.session.SessionState;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.companion.workflow.ScanStep;
import org.rollwell.companion.workflow.SessionStep;
import org.rollwell.companion.workflow.SessionWorkflow;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.scan.ScanTrace;
import org.rollwell.therapy.plan.SessionPlan;

/**
 * The closed loop on virtual time: a {@link SimulatedBed} (the twin) driven through the companion's
 * {@link SessionWorkflow} (which builds the scan or session and its loop, as it does for a real bed),
 * running a session plan or a spine scan as fast as the CPU allows, with faults injected at a time or
 * in a phase. The twin-only parts stay here, around the workflow: the fresh twin, fault injection,
 * the truth watch, the true peaks and the trace CSV. Same seed, same result.
 *
 * <pre>{@code
 * SimulationResult r = Simulation.of(plan, body, 42).fault(600, "HEATER_DEAD", 0).run();
 * }</pre>
 */
public final class Simulation {
    /** How long a LOOP_STALL keeps the host silent, s: longer than the heater dead-man (3 s) and as long as DOMAIN.md §5's "host goes silent (≈ 5 s)". */
    public static final double LOOP_STALL_S = 5.0;
    /** After a trip the run goes on until the twin is safe, for at most this long, s (choice). */
    static final double AFTER_TRIP_S = 20.0;
    /** Beyond the plan's own seconds, time allowed for homing, warm-up and cool-down before the run gives up, s (choice). */
    static final double OVERHEAD_S = 2400.0;

    private final SessionPlan plan;
    private final Body body;
    private final long seed;
    private final boolean scan;
    private BedSpec spec = BedSpec.REFERENCE;
    private final List<FaultPlan> faults = new ArrayList<>();
    private Writer traceOut;
    private int traceEvery = 1;
    private DoubleConsumer progress;
    private ScanTrace surface;
    private double startPositionMm;
    private double ambientC = Double.NaN;
    private double pauseAtS = -1;
    private double pauseForS;
    private boolean noise = true;
    private SafetyEnvelope scanEnvelope;
    private TruthWatch truthWatch;

    /** Sees the twin after every control tick: where the rollers truly are and how hard they truly press (tests, reports). */
    @FunctionalInterface
    public interface TruthWatch {
        void tick(SimulatedBed twin);
    }

    private Simulation(SessionPlan plan, Body body, long seed, boolean scan) {
        this.plan = plan;
        this.body = Objects.requireNonNull(body, "body");
        this.seed = seed;
        this.scan = scan;
    }

    /** A session: runs {@code plan} for {@code body} on a twin seeded with {@code seed}. */
    public static Simulation of(SessionPlan plan, Body body, long seed) {
        return new Simulation(Objects.requireNonNull(plan, "plan"), body, seed, false);
    }

    /**
     * A session whose plan the {@link SessionWorkflow} makes (on the map a scan measured): configure its
     * faults, trace and watch here, and drive it with a {@link TwinPacer}.
     */
    public static Simulation session(Body body, long seed) {
        return new Simulation(null, body, seed, false);
    }

    /** A spine scan of {@code body}; run it with {@link #runScan()}. */
    public static Simulation scan(Body body, long seed) {
        return new Simulation(null, body, seed, true);
    }

    public Simulation spec(BedSpec bedSpec) {
        this.spec = Objects.requireNonNull(bedSpec, "spec");
        return this;
    }

    /** Injects {@code kind} (a {@link FaultKind} name) at {@code atS} seconds on the twin's clock. */
    public Simulation fault(double atS, String kind, int zone) {
        return fault(atS, parseKind(kind), zone);
    }

    public Simulation fault(double atS, FaultKind kind, int zone) {
        faults.add(new FaultPlan(null, atS, kind, checkZone(kind, zone)));
        return this;
    }

    /** Injects {@code kind} {@code afterS} seconds after the run first enters {@code phase} (see {@link FaultPlan}). */
    public Simulation faultIn(String phase, double afterS, FaultKind kind, int zone) {
        faults.add(new FaultPlan(Objects.requireNonNull(phase, "phase"), afterS, kind, checkZone(kind, zone)));
        return this;
    }

    /** Writes the trace CSV to {@code csv}, one row every {@code everyNthTick} ticks; the caller opens and closes it. */
    public Simulation trace(Writer csv, int everyNthTick) {
        this.traceOut = Objects.requireNonNull(csv, "csv");
        this.traceEvery = everyNthTick;
        return this;
    }

    /** Called with the fraction done (0–1) about every 1 % of the expected run. */
    public Simulation progress(DoubleConsumer fraction) {
        this.progress = fraction;
        return this;
    }

    /** Feeds the lift's feedforward with the surface a scan measured (without it, feedback alone holds the force). */
    public Simulation surface(ScanTrace scanTrace) {
        this.surface = scanTrace;
        return this;
    }

    /** Where the carriage stands when the run starts (default 0, on the home switch). */
    public Simulation startAt(double positionMm) {
        this.startPositionMm = positionMm;
        return this;
    }

    /** The room's temperature, °C (default the twin's 20 °C); the rollers start at it. */
    public Simulation ambient(double tempC) {
        this.ambientC = tempC;
        return this;
    }

    /** Pauses the session {@code atS} after the first segment starts, for {@code forS}, then resumes. */
    public Simulation pause(double atS, double forS) {
        this.pauseAtS = atS;
        this.pauseForS = forS;
        return this;
    }

    /** Sensor noise and breathing variation on (default) or off. */
    public Simulation noise(boolean on) {
        this.noise = on;
        return this;
    }

    /** Calls {@code watch} with the twin after every control tick of the run or scan. */
    public Simulation watchTruth(TruthWatch watch) {
        this.truthWatch = watch;
        return this;
    }

    /**
     * A scan under a person's envelope (their force limit and excluded ranges, placed on the map the
     * plan was made on) instead of the bed's alone; null keeps {@link SafetySupervisor#bedEnvelope}.
     */
    public Simulation scanEnvelope(SafetyEnvelope envelope) {
        this.scanEnvelope = envelope;
        return this;
    }

    /** Runs the session. A blocked plan does not run: status BLOCKED, nothing simulated. */
    public SimulationResult run() {
        if (scan) {
            throw new IllegalStateException("a scan runs with runScan()");
        }
        if (plan == null) {
            throw new IllegalStateException("a session without a plan runs through the workflow (TwinPacer)");
        }
        if (plan.status() == SessionPlan.Status.BLOCKED) {
            return new SimulationResult("BLOCKED", true, List.of(), List.of(),
                    new SimulationResult.PeaksReport(null, 0, null, 0, 0, 0, 0, null),
                    new SimulationResult.EnvelopeReport(plan.envelope() == null ? null : plan.envelope().maxForceN().value()),
                    0, 0, 0, 0, List.of(),
                    new SimulationResult.Detail(null, "BLOCKED", 0, 0, 0, "", null, null, null, null));
        }
        long wallStart = System.nanoTime();
        VirtualTicker ticker = new VirtualTicker();
        SimulatedBed bed = newBed(ticker);
        // a fresh twin: its locks live and die with the run, and never touch the stored ones
        SessionStep step = new SessionWorkflow(spec).session(twinBed(bed, ticker), plan, surface);
        return driveSession(step, bed, ticker, wallStart);
    }

    /** The workflow's view of a fresh twin: the twin, its clock, and locks that live and die with the run. */
    SessionWorkflow.Bed twinBed(SimulatedBed bed, VirtualTicker ticker) {
        return new SessionWorkflow.Bed(bed, ticker, ServiceLocks.fresh(spec.heaterZones()));
    }

    /** Steps {@code step}, a session the workflow built on {@code bed}, on virtual time with this simulation's faults, trace and watch. */
    SimulationResult driveSession(SessionStep step, SimulatedBed bed, VirtualTicker ticker, long wallStart) {
        var runner = step.runner();
        Stepper stepper = new Stepper(bed, ticker, step.loop(), faults, traceOut == null ? null : new TraceWriter(traceOut, traceEvery),
                progress, step.expectedS() + OVERHEAD_S) {
            @Override
            String state() {
                return step.state();
            }

            @Override
            String phase() {
                return step.phase();
            }

            @Override
            boolean finished() {
                return step.finished();
            }

            @Override
            double forceTargetN() {
                return step.forceTargetN();
            }

            @Override
            void control(double runningS) {
                if (truthWatch != null) {
                    truthWatch.tick(bed);
                }
                if (pauseAtS >= 0 && runningS >= pauseAtS && runner.state() == SessionState.RUNNING && !paused) {
                    paused = true;
                    pausedAtS = ticker.nanos() / 1e9;
                    runner.pause();
                }
                if (paused && !resumed && ticker.nanos() / 1e9 >= pausedAtS + pauseForS) {
                    resumed = true;
                    runner.resume();
                }
            }

            private boolean paused;
            private boolean resumed;
            private double pausedAtS;
        };
        stepper.run();
        SessionRecord record = runner.record();
        long wallMs = (System.nanoTime() - wallStart) / 1_000_000L;
        return result(stepper, record, runner.state().name(), step.completed(), wallMs);
    }

    /** Runs the scan: the trace and the same result a session gives (no segments). */
    public ScanRun runScan() {
        if (!scan) {
            throw new IllegalStateException("a session runs with run()");
        }
        long wallStart = System.nanoTime();
        VirtualTicker ticker = new VirtualTicker();
        SimulatedBed bed = newBed(ticker);
        // under a person's envelope the scan crosses their excluded ranges lifted off (issue 10)
        ScanStep step = new SessionWorkflow(spec).scan(twinBed(bed, ticker), scanEnvelope);
        return driveScan(step, bed, ticker, wallStart);
    }

    /** Steps {@code step}, a scan the workflow built on {@code bed}, on virtual time with this simulation's faults, trace and watch. */
    ScanRun driveScan(ScanStep step, SimulatedBed bed, VirtualTicker ticker, long wallStart) {
        ScanRoutine routine = step.routine();
        Stepper stepper = new Stepper(bed, ticker, step.loop(), faults, traceOut == null ? null : new TraceWriter(traceOut, traceEvery),
                progress, step.expectedS() + 600) {
            @Override
            String state() {
                return step.state();
            }

            @Override
            String phase() {
                return step.phase();
            }

            @Override
            boolean finished() {
                return step.finished();
            }

            @Override
            double forceTargetN() {
                return step.forceTargetN();
            }

            @Override
            void control(double runningS) {
                if (truthWatch != null) {
                    truthWatch.tick(bed);
                }
            }
        };
        stepper.run();
        long wallMs = (System.nanoTime() - wallStart) / 1_000_000L;
        SimulationResult result = result(stepper, null, routine.state().name(), routine.state() == ScanRoutine.State.DONE, wallMs);
        return new ScanRun(result, routine.trace(), routine.refusal());
    }

    SimulatedBed newBed(VirtualTicker ticker) {
        SimulatedBed bed = new SimulatedBed(spec, new ModelledBack(body, seed), seed, ticker).noise(noise);
        if (startPositionMm != 0) {
            bed.placeCarriage(startPositionMm);
        }
        if (!Double.isNaN(ambientC)) {
            bed.ambient(ambientC);
        }
        return bed;
    }

    private SimulationResult result(Stepper st, SessionRecord record, String finalState, boolean completed, long wallMs) {
        List<SimulationResult.SegmentReport> segments = new ArrayList<>();
        if (record != null) {
            for (SegmentResult s : record.segments()) {
                segments.add(new SimulationResult.SegmentReport(s.technique().name(), s.plannedS(), s.deliveredS(),
                        finite(round(s.forceErrorPct(), 10)), finite(round(s.positionErrorMm(), 10)), finite(round(s.tempErrorC(), 100))));
            }
        }
        SafetySupervisor sup = st.loop.supervisor();
        double peakRoller = record != null ? record.peaks().rollerTempC() : st.peakRollerC;
        double peakForce = record != null ? record.peaks().forceN() : st.peakForceN;
        double peakSkin = record != null ? record.peaks().skinEstimateC() : sup.skin().maxTempC();
        SimulationResult.PeaksReport peaks = new SimulationResult.PeaksReport(finite(round(peakRoller, 100)),
                round(peakForce, 10), finite(round(peakSkin, 100)), round(sup.skin().maxCem43Min(), 10000),
                round(st.bed.peakSkinTempC(), 100), round(st.bed.maxCem43Min(), 10000),
                round(st.peakForceN, 10), finite(round(st.peakRollerC, 100)));
        String status = completed ? "COMPLETED" : "FAULTED";
        if (!completed && sup.fault() == null && st.faultsReported().isEmpty()) {
            status = "FAULTED";
        }
        SimulationResult.Detail detail = new SimulationResult.Detail(record, finalState, st.bed.maxCem43Min(),
                st.trueOvershootC, st.violations, st.firstViolation, st.motorStopAfterMs, st.heaterCutAfterMs,
                st.liftDownAfterMs, st.pressHeaterCutAfterMs);
        SimulationResult.EnvelopeReport envelope = new SimulationResult.EnvelopeReport(sup.envelope().maxForceN().value());
        List<SimulationResult.LockReport> locks = new ArrayList<>();
        for (Lock lock : sup.locks().state().locks()) {
            locks.add(new SimulationResult.LockReport(lock.target().name(),
                    lock.target() == Lock.Target.ZONE_HEAT ? lock.zone() : null, lock.cause().name()));
        }
        return new SimulationResult(status, st.safeNow(), st.faultsReported(), segments, peaks, envelope,
                round(st.ticker.nanos() / 1e9, 100), st.ticks, 0, wallMs, locks, detail);
    }

    private static FaultKind parseKind(String kind) {
        try {
            return FaultKind.valueOf(Objects.requireNonNull(kind, "kind").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("faults[].kind: unknown fault kind '" + kind + "'; one of "
                    + java.util.Arrays.toString(FaultKind.values()));
        }
    }

    private int checkZone(FaultKind kind, int zone) {
        if (kind.zoned() && (zone < 0 || zone >= spec.heaterZones())) {
            throw new IllegalArgumentException("faults[].zone: " + kind + " needs a heater zone 0–" + (spec.heaterZones() - 1)
                    + ", was " + zone);
        }
        return kind.zoned() ? zone : 0;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static double round(double v, double per) {
        return Double.isFinite(v) ? Math.round(v * per) / per : v;
    }

    /** A scan's outcome: the result, the samples, and why it was refused (empty if it was not). */
    public record ScanRun(SimulationResult result, ScanTrace trace, String refusal) {
    }
}
