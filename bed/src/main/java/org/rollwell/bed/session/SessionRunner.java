package org.rollwell.bed.session;

import java.util.List;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.SetpointSource;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.bed.record.Recorder;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.bed.safety.EnforcedLimits;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.technique.Technique;

/**
 * Runs one {@link SessionPlan} on the bed: the lifecycle of {@link SessionState}, each
 * segment's technique turned into setpoints, pause/resume/stop, and the small live API
 * (intensity and temperature) that accepts only what the envelope allows and otherwise
 * refuses with the reason; it never clamps a request silently.
 *
 * <p>Requests ({@link #start}, {@link #pause}, ...) may come from another thread; they are
 * flags the loop picks up at its next tick.
 */
public final class SessionRunner implements SetpointSource {
    /** A zone within this of its target counts as warm (choice; DOMAIN.md issue: ±1 °C steady state). */
    static final double WARM_WITHIN_C = 1.0;
    /** A zone settles for the record once within this of its target (choice). */
    static final double SETTLED_WITHIN_C = 0.5;
    /**
     * A pause longer than this ends the session through cool-down, heaters off (choice: 10 min; DOMAIN.md §2
     * "auto-off": a bed left paused must not hold its rollers hot for ever).
     */
    static final double PAUSE_LIMIT_S = 10 * 60.0;

    private final SessionPlan plan;
    private final SafetyEnvelope envelope;
    private final ServiceLocks serviceLocks;
    private final SessionLocks locks;
    private final EnforcedLimits limits;
    private final AdjustmentLimits adjustments;
    private final BedSpec spec;
    private final PlanSegment[] segments;
    private final Recorder recorder;
    private final SegmentExecutor executor;
    private final double dtS;
    private final double[] elapsedS;
    private final boolean[] zoneSettled;
    private final double[] settledTargetC;

    private SessionState state = SessionState.IDLE;
    private int current;
    private double activeS;
    /** Ticker time the present state was entered, and when start() was taken up (−1: not yet). */
    private long stateSinceNanos;
    private long startedNanos = -1;
    private volatile boolean startRequested;
    private volatile boolean pauseRequested;
    private volatile boolean resumeRequested;
    private volatile boolean stopRequested;
    private volatile double forceScale = 1.0;
    private volatile double heatOverrideC = Double.NaN;
    private volatile String pendingEvent;
    private volatile String stopWhy;

    /** A session on a bed without locks (a fresh twin, a test). */
    public SessionRunner(SessionPlan plan, BedSpec spec) {
        this(plan, spec, ServiceLocks.fresh(spec.heaterZones()));
    }

    /**
     * A session on a bed with {@code locks} (the supervisor's): a locked zone runs unheated, a locked lift
     * refuses the session.
     *
     * @throws IllegalStateException if the lift is locked, naming the lock and what clears it
     */
    public SessionRunner(SessionPlan plan, BedSpec spec, ServiceLocks locks) {
        if (plan.status() != SessionPlan.Status.OK) {
            throw new IllegalArgumentException("plan: a blocked plan cannot run (" + plan.reasons() + ")");
        }
        this.serviceLocks = java.util.Objects.requireNonNull(locks, "locks");
        if (locks.liftLocked()) {
            throw new IllegalStateException(SessionLocks.liftLockedReason(locks));
        }
        this.plan = plan;
        this.envelope = plan.envelope();
        this.spec = spec;
        this.limits = EnforcedLimits.of(spec, envelope);
        List<PlanSegment> list = plan.segments();
        this.segments = list.toArray(new PlanSegment[0]);
        Technique[] techniques = new Technique[segments.length];
        double[] planned = new double[segments.length];
        double[] plannedForce = new double[segments.length];
        for (int i = 0; i < segments.length; i++) {
            techniques[i] = segments[i].technique();
            planned[i] = segments[i].seconds();
            plannedForce[i] = segments[i].forceN();
            requireInsideBed(i, segments[i]);
        }
        PlanAdmission.requireInsideEnvelope(list, envelope, spec);
        this.recorder = new Recorder(techniques, planned, plannedForce);
        this.locks = new SessionLocks(serviceLocks, recorder);
        this.executor = new SegmentExecutor(spec, recorder, limits.maxForceN().value(), envelope.excluded());
        this.adjustments = new AdjustmentLimits(segments, envelope, limits, spec);
        this.dtS = 1.0 / spec.loopHz();
        this.elapsedS = new double[segments.length];
        this.zoneSettled = new boolean[spec.heaterZones()];
        this.settledTargetC = new double[spec.heaterZones()];
    }

    private void requireInsideBed(int i, PlanSegment seg) {
        if (seg.startMm() < 0 || seg.endMm() > spec.travelMm()) {
            throw new IllegalArgumentException("plan.segments[" + i + "]: span " + seg.startMm() + "–" + seg.endMm()
                    + " mm lies outside the bed's travel 0–" + spec.travelMm() + " mm");
        }
        if (seg.rollerTempC() > limits.maxRollerTempC().value() && envelope.heatAllowed()) {
            throw new IllegalArgumentException("plan.segments[" + i + "].rollerTempC: " + seg.rollerTempC()
                    + " °C is above the maximum " + limits.maxRollerTempC().value() + " °C set by "
                    + limits.maxRollerTempC().setBy());
        }
        if (seg.forceN() > limits.maxForceN().value()) {
            throw new IllegalArgumentException("plan.segments[" + i + "].forceN: " + seg.forceN()
                    + " N is above the maximum " + limits.maxForceN().value() + " N set by "
                    + limits.maxForceN().setBy());
        }
    }

    public void start() {
        startRequested = true;
    }

    public void pause() {
        resumeRequested = false;
        pauseRequested = true;
    }

    public void resume() {
        pauseRequested = false;
        resumeRequested = true;
    }

    /** Ends the session early through cool-down; not a fault. */
    public void stop() {
        stop("stopped");
    }

    /**
     * Ends the session early through cool-down, recorded STOPPED: the next tick writes a STOP event with
     * {@code why} before the cool-down's state events (after any adjustment asked before it). A stop during
     * the final cool-down of a completed plan, or after the end, changes nothing (choice: the plan was delivered).
     */
    public void stop(String why) {
        stopWhy = java.util.Objects.requireNonNull(why, "why");
    }

    /**
     * Scales every force from now on by {@code scale} (1 = as planned). Stronger by at most one
     * intensity step per request, never above 90 % of the maximum force nor the envelope's intensity
     * cap; lighter at once. A refusal names the limit and the rule that sets it.
     */
    public synchronized Adjustment adjustForceScale(double scale) {
        Adjustment answer = adjustments.judgeScale(scale, forceScale, current);
        if (answer.accepted()) {
            forceScale = scale;
            pendingEvent = "force scale " + scale;
        }
        return answer;
    }

    /**
     * Sets the roller target of the heated segments from now on: at most one step warmer per request,
     * never above the envelope's or the bed's maximum; cooler at once down to the bed's lowest target.
     */
    public synchronized Adjustment adjustRollerTempC(double tempC) {
        Adjustment answer = adjustments.judgeRollerTempC(tempC, presentHeatC());
        if (answer.accepted()) {
            heatOverrideC = tempC;
            pendingEvent = "roller target " + tempC + " °C";
        }
        return answer;
    }

    /** The roller target in force for the heated segments: the last accepted change, else the plan's next heated target. */
    private double presentHeatC() {
        double override = heatOverrideC;
        if (!Double.isNaN(override)) {
            return override;
        }
        for (int i = Math.min(current, segments.length - 1); i < segments.length; i++) {
            if (segments[i].heated()) {
                return segments[i].rollerTempC();
            }
        }
        return 0.0;
    }

    /** The live force scale in force (1 = as planned). */
    public double forceScale() {
        return forceScale;
    }

    @Override
    public void fill(SensorFrame s, LoopStatus st, Setpoints sp) {
        String adjusted = pendingEvent;
        if (adjusted != null) {
            pendingEvent = null;
            recorder.event(st.nowNanos, "ADJUSTED", adjusted);
            executor.scale(forceScale);
            executor.heat(currentHeatC());
        }
        String why = stopWhy;
        if (why != null && !stopRequested && state != SessionState.COOLDOWN && !state.finished()) {
            recorder.event(st.nowNanos, "STOP", why);
            stopRequested = true;
        }
        SessionState next = st.fault != null ? SessionState.FAULTED : state.handle(this, s, st, sp);
        locks.unheat(st, sp);
        if (next != state) {
            // a stop ends in the rest state COMPLETED, but the record reads as what it is: "COOLDOWN -> STOPPED"
            String reached = next == SessionState.COMPLETED && stopRequested ? "STOPPED" : next.name();
            recorder.event(st.nowNanos, "STATE", state.name() + " -> " + reached);
            if (next == SessionState.FAULTED && state == SessionState.RUNNING) {
                recorder.event(st.nowNanos, "SEGMENT_END", "segment " + current + " cut short by a fault");
            }
            state = next;
            stateSinceNanos = st.nowNanos;
            if (next == SessionState.HOMING) {
                startedNanos = st.nowNanos;
            }
        }
        st.activeS = activeS;
        // for the supervisor's warm-up limit and whole-session cap: every state that may heat counts
        boolean underWay = startedNanos >= 0 && (state == SessionState.HOMING || state == SessionState.WARMING
                || state == SessionState.RUNNING || state == SessionState.PAUSED);
        st.sessionS = underWay ? (st.nowNanos - startedNanos) / 1e9 : 0.0;
        st.warmUpS = state == SessionState.HOMING || state == SessionState.WARMING ? st.sessionS : 0.0;
    }

    SessionState runSegments(SensorFrame s, LoopStatus st, Setpoints sp) {
        PlanSegment seg = segments[current];
        executor.fill(s, st, sp, dtS);
        elapsedS[current] += dtS;
        activeS += dtS;
        recorder.delivered(current, dtS);
        sampleTemperature(s, sp);
        if (elapsedS[current] >= seg.seconds() - 1e-9) {
            recorder.event(st.nowNanos, "SEGMENT_END", "segment " + current + " " + seg.technique());
            current++;
            if (current >= segments.length) {
                return SessionState.COOLDOWN;
            }
            startSegment(st);
        }
        return SessionState.RUNNING;
    }

    private void sampleTemperature(SensorFrame s, Setpoints sp) {
        for (int z = 0; z < zoneSettled.length; z++) {
            double target = sp.zoneTargetC[z];
            if (target != settledTargetC[z]) {
                settledTargetC[z] = target;
                zoneSettled[z] = false;
            }
            if (!(target > 0) || locks.zoneLocked(z)) {
                continue;
            }
            double err = s.zoneTempC[z] - target;
            if (!zoneSettled[z] && Math.abs(err) <= SETTLED_WITHIN_C) {
                zoneSettled[z] = true;
            }
            if (zoneSettled[z]) {
                recorder.tempSample(current, err);
            }
        }
    }

    SessionState beginRunning(LoopStatus st) {
        current = 0;
        startSegment(st);
        return SessionState.RUNNING;
    }

    private void startSegment(LoopStatus st) {
        PlanSegment seg = segments[current];
        recorder.event(st.nowNanos, "SEGMENT_START", "segment " + current + " " + seg.technique() + " "
                + seg.from() + "–" + seg.to() + " at " + seg.forceN() + " N");
        executor.scale(forceScale);
        executor.begin(current, seg, heatFor(seg));
    }

    SessionState resumeRunning() {
        resumeRequested = false;
        executor.begin(current, segments[current], heatFor(segments[current]));
        return SessionState.RUNNING;
    }

    /**
     * True once a pause has lasted longer than {@link #PAUSE_LIMIT_S}: the session then ends as if
     * stopped (record STOPPED), with an AUTO_OFF event saying why.
     */
    boolean pausedTooLong(LoopStatus st) {
        if ((st.nowNanos - stateSinceNanos) / 1e9 <= PAUSE_LIMIT_S) {
            return false;
        }
        stopRequested = true;
        recorder.event(st.nowNanos, "AUTO_OFF", "paused longer than " + (int) (PAUSE_LIMIT_S / 60) + " min: session ended");
        return true;
    }

    boolean warm(SensorFrame s, Setpoints sp) {
        for (int z = 0; z < sp.zoneTargetC.length; z++) {
            double target = sp.zoneTargetC[z];
            // a zone locked for service runs unheated: warm-up does not wait for it
            if (target > 0 && !locks.zoneLocked(z) && Math.abs(s.zoneTempC[z] - target) > WARM_WITHIN_C) {
                return false;
            }
        }
        return true;
    }

    private double heatFor(PlanSegment seg) {
        if (!seg.heated() || !envelope.heatAllowed()) {
            return 0.0;
        }
        double override = heatOverrideC;
        return Double.isNaN(override) ? seg.rollerTempC() : override;
    }

    double firstHeatC() {
        return heatFor(segments[0]);
    }

    double currentHeatC() {
        return heatFor(segments[Math.min(current, segments.length - 1)]);
    }

    double firstEntryMm() {
        return SegmentExecutor.entryMm(segments[0]);
    }

    /** True once per {@link #start()}: the request is consumed so it cannot start the session twice. */
    boolean takeStartRequest(LoopStatus st) {
        boolean requested = startRequested;
        startRequested = false;
        if (requested && locks.liftLocked()) {
            recorder.event(st.nowNanos, "REFUSED", SessionLocks.liftLockedReason(serviceLocks));
            return false;
        }
        return requested;
    }

    boolean pauseRequested() {
        return pauseRequested;
    }

    boolean resumeRequested() {
        return resumeRequested;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    public SessionState state() {
        return state;
    }

    /** The segment now running (or next to run), 0-based. */
    public int segmentIndex() {
        return current;
    }

    /** The technique's phase within the segment (APPROACH, RUN, CONTACT, RAMP, HOLD, RELEASE, REST, DONE). */
    public String phase() {
        return executor.phaseName();
    }

    /** The segment's force target after the live scale, N. */
    public double plannedForceN() {
        return state == SessionState.RUNNING ? executor.targetForceN() : 0.0;
    }

    public Recorder recorder() {
        return recorder;
    }

    public SessionPlan plan() {
        return plan;
    }

    /** The record so far; final once {@link SessionState#finished()}. */
    public SessionRecord record() {
        return recorder.build(outcome());
    }

    /** How the session ended so far: STOPPED once a stopped session rests, UNFINISHED while it runs. */
    public SessionRecord.Outcome outcome() {
        return switch (state) {
            case COMPLETED -> stopRequested ? SessionRecord.Outcome.STOPPED : SessionRecord.Outcome.COMPLETED;
            case FAULTED -> SessionRecord.Outcome.FAULTED;
            default -> SessionRecord.Outcome.UNFINISHED;
        };
    }
}
