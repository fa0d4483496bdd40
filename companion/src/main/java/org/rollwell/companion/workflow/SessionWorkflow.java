package org.rollwell.companion.workflow;

import java.util.List;
import java.util.Objects;
import org.rollwell.bed.force.LiftController;
import org.rollwell.bed.force.SurfaceProfile;
import org.rollwell.bed.io.BedIo;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.scan.ScanRoutine;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.bed.time.Ticker;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.scan.ScanTrace;

/**
 * The one path of a session over any {@link BedIo}: screening (a blocked plan never moves the bed) →
 * spine scan (the bed's {@link ScanRoutine} under the person's envelope) → analysis
 * ({@link ScanVerdict}) → the plan on the measured map → the run (the bed's {@link SessionRunner}
 * under its {@link SafetySupervisor}) → the record, handed to a {@link Listener}. The CLI's
 * {@code simulate} drives it on the twin on virtual time; the server's bed service builds every
 * scan and session it runs in real time with the same {@link #scan} and {@link #session}.
 *
 * <p>How the loop's time passes is the {@link Pacer}'s business (virtual time as fast as the CPU
 * allows, or real time at the bed's rate); where records go is the listener's. The workflow never
 * sees a store or a twin: only what a real bed's sensors report (DESIGN.md).
 */
public final class SessionWorkflow {

    /** Which part of the workflow a bed is wanted for. */
    public enum Phase { SCAN, SESSION }

    /** The bed a phase runs on, the clock its loop reads, and the service locks it honours and sets. */
    public record Bed(BedIo io, Ticker ticker, ServiceLocks locks) {
        public Bed {
            Objects.requireNonNull(io, "io");
            Objects.requireNonNull(ticker, "ticker");
            Objects.requireNonNull(locks, "locks");
        }
    }

    /**
     * How the loop's time passes. A real bed hands the same bed for every phase and ticks at its
     * deadlines; a simulation may hand a fresh twin per phase and step virtual time.
     */
    public interface Pacer {
        /** The bed {@code phase} runs on. */
        Bed bed(Phase phase);

        /** Ticks {@code step}'s loop until {@link Step#finished()} and the bed has come to rest. */
        void drive(Step step);
    }

    /** Makes the plan on the map the scan measured (the person's screening, goal and history stay the caller's). */
    @FunctionalInterface
    public interface Planner {
        SessionPlan plan(SpineMap measured);
    }

    /** Hears the workflow's steps as they happen; the record goes where the listener puts it (a store, a report). */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void scanned(ScanVerdict verdict) {
        }

        default void planned(SessionPlan plan) {
        }

        default void ran(SessionStep session) {
        }
    }

    /** How one pass of the workflow ended. */
    public enum Status {
        /** The screening blocked the person: nothing moved. */
        SCREENED_OUT,
        /** The scan did not finish (refused, or stopped by a fault): nothing was planned on it. */
        SCAN_STOPPED,
        /** The analyser rejected the scan: a plan on landmarks nobody trusts would be a guess (issue 5). */
        SCAN_REJECTED,
        /** The plan on the measured map was blocked: nothing ran. */
        PLAN_BLOCKED,
        /** The session ran (to completion, a stop or a fault: see its record). */
        RAN
    }

    /**
     * @param plan    the plan the session ran (or was refused) on; the screened plan until a scan replaced it
     * @param scan    the scan's verdict, or null when there was no scan
     * @param session the session that ran, or null
     */
    public record Outcome(Status status, SessionPlan plan, ScanVerdict scan, SessionStep session) {
    }

    private final BedSpec spec;

    /** The workflow for a bed of {@code spec}. */
    public SessionWorkflow(BedSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * One pass: screening, the scan if {@code scan}, its analysis, the plan on the measured map, the run.
     *
     * @param screened the plan the screening made on the profile's or the normative map
     * @param scan     whether to scan first ({@code false}: run {@code screened} as it is)
     * @param planner  makes the plan on the measured map
     */
    public Outcome run(SessionPlan screened, boolean scan, Planner planner, Pacer pacer, Listener listener) {
        Objects.requireNonNull(screened, "screened");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(pacer, "pacer");
        Objects.requireNonNull(listener, "listener");
        // screening comes before anything moves: a person the screening blocks is never scanned
        if (screened.status() == SessionPlan.Status.BLOCKED) {
            return new Outcome(Status.SCREENED_OUT, screened, null, null);
        }
        SessionPlan plan = screened;
        ScanVerdict verdict = null;
        if (scan) {
            // the scan runs under the person's envelope (force limit, excluded ranges on the map they were screened on)
            ScanStep scanning = scan(pacer.bed(Phase.SCAN), screened.envelope());
            pacer.drive(scanning);
            verdict = ScanVerdict.of(scanning.routine());
            listener.scanned(verdict);
            if (verdict.kind() == ScanVerdict.Kind.REFUSED || verdict.kind() == ScanVerdict.Kind.STOPPED) {
                return new Outcome(Status.SCAN_STOPPED, screened, verdict, null);
            }
            if (verdict.kind() == ScanVerdict.Kind.REJECTED) {
                return new Outcome(Status.SCAN_REJECTED, screened, verdict, null);
            }
            plan = Objects.requireNonNull(planner.plan(verdict.result().spineMap()), "planner's plan");
        }
        listener.planned(plan);
        if (plan.status() == SessionPlan.Status.BLOCKED) {
            return new Outcome(Status.PLAN_BLOCKED, plan, verdict, null);
        }
        SessionStep session = session(pacer.bed(Phase.SESSION), plan, verdict == null ? null : verdict.trace());
        pacer.drive(session);
        listener.ran(session);
        return new Outcome(Status.RAN, plan, verdict, session);
    }

    /**
     * A spine scan ready to tick: the bed's {@link ScanRoutine} under {@code envelope} (null: the bed's own),
     * crossing the envelope's excluded ranges lifted off (issue 10).
     */
    public ScanStep scan(Bed bed, SafetyEnvelope envelope) {
        SafetySupervisor supervisor = new SafetySupervisor(spec,
                envelope != null ? envelope : SafetySupervisor.bedEnvelope(spec), bed.locks());
        ScanRoutine routine = new ScanRoutine(spec, envelope != null ? envelope.excluded() : List.of(), bed.locks());
        ControlLoop loop = new ControlLoop(bed.io(), bed.ticker(), supervisor, routine, new LiftController(spec));
        routine.start();
        return new ScanStep(loop, routine);
    }

    /**
     * A session of {@code plan} ready to tick, the lift's feedforward fed with the surface a scan measured
     * ({@code surface} null: feedback alone holds the force).
     *
     * @throws IllegalStateException    when a lock the plan needs stands (SessionRunner says which)
     * @throws IllegalArgumentException when the plan does not fit this bed
     */
    public SessionStep session(Bed bed, SessionPlan plan, ScanTrace surface) {
        SessionRunner runner = new SessionRunner(plan, spec, bed.locks());
        SafetySupervisor supervisor = new SafetySupervisor(spec, plan.envelope(), bed.locks());
        LiftController lift = new LiftController(spec);
        if (surface != null) {
            lift.useProfile(SurfaceProfile.fromScan(surface.positionMm(), surface.liftMm(), surface.size()),
                    ScanRoutine.SCAN_FORCE_N);
        }
        ControlLoop loop = new ControlLoop(bed.io(), bed.ticker(), supervisor, runner, lift);
        loop.observe(runner.recorder());
        runner.start();
        return new SessionStep(loop, runner);
    }
}
