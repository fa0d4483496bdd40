package org.rollwell.companion;

import java.util.Objects;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.record.SegmentResult;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.bed.session.Adjustment;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.bed.session.SessionState;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.technique.Intensity;

/**
 * A session on the bed: its plan, its state, and the small live API a person has (pause, resume,
 * stop, one intensity or heat step). Requests go to the {@link SessionRunner}, which takes them up
 * at its next tick and refuses any change outside the envelope with the limit and its reason.
 */
public final class SessionHandle extends Activity {
    /** One heat step asked from the phone, °C (the bed's one-step rule: AdjustmentLimits, Klipper hysteresis 5). */
    public static final double HEAT_STEP_C = 5.0;

    private final SessionRunner runner;
    private final SessionPlan plan;
    private final SessionListener listener;
    private final BedService service;
    private final double maxPlannedForceN;
    private long lastCheckpointWall = Long.MIN_VALUE;
    private volatile double heatC;
    private volatile SessionRecord record;

    SessionHandle(Owner owner, ControlLoop loop, SessionRunner runner, SessionListener listener, BedService service) {
        super(owner, loop);
        this.runner = runner;
        this.plan = runner.plan();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.service = service;
        double max = 0;
        double heat = 0;
        for (PlanSegment s : plan.segments()) {
            max = Math.max(max, s.forceN());
            if (heat == 0 && s.heated()) {
                heat = s.rollerTempC();
            }
        }
        this.maxPlannedForceN = max;
        this.heatC = heat;
    }

    public Owner owner() {
        return owner;
    }

    public SessionPlan plan() {
        return plan;
    }

    public SessionState sessionState() {
        return runner.state();
    }

    public void pause() {
        runner.pause();
    }

    public void resume() {
        runner.resume();
    }

    /** The words a person's stop is recorded with (choice). */
    public static final String STOP_BY_PERSON = "stopped by the person";

    /**
     * Ends the session through cool-down (heaters off, lift lowered, carriage home); recorded STOPPED, its
     * STOP event (time, why) in the record before the cool-down's state events. A session that has ended
     * already is left as it is.
     */
    public void stopSession() {
        stopSession(STOP_BY_PERSON);
    }

    /** As {@link #stopSession()}, recording {@code why}. */
    public void stopSession(String why) {
        runner.stop(why);
    }

    /**
     * One intensity step stronger ({@code +1}) or lighter ({@code −1}): every force from now on changes by
     * about {@link Intensity#STEP_N} at the plan's strongest segment. Refused with the limit otherwise.
     */
    public synchronized Adjustment stepIntensity(int direction) {
        requireStep(direction, "intensity");
        double now = runner.forceScale();
        double step = maxPlannedForceN > 0 ? Intensity.STEP_N / maxPlannedForceN : 0;
        // not rounded: a scale rounded up would ask a hair more than one step and be refused as STEP
        return runner.adjustForceScale(now + direction * step);
    }

    /** One heat step warmer or cooler ({@link #HEAT_STEP_C}) for the heated segments. */
    public synchronized Adjustment stepHeat(int direction) {
        requireStep(direction, "heat");
        double asked = heatC + direction * HEAT_STEP_C;
        Adjustment a = runner.adjustRollerTempC(asked);
        if (a.accepted()) {
            heatC = asked;
        }
        return a;
    }

    /** The live force scale (1 = as planned). */
    public double forceScale() {
        return runner.forceScale();
    }

    /** The heated segments' roller target now, °C (0 when the plan has no heat). */
    public double rollerTargetC() {
        return heatC;
    }

    /** The final record once the session ended, else null. */
    public SessionRecord record() {
        return record;
    }

    private static void requireStep(int direction, String field) {
        if (direction != 1 && direction != -1) {
            throw new IllegalArgumentException(field + ": one step at a time, +1 or -1, was " + direction);
        }
    }

    @Override
    String state() {
        return runner.state().name();
    }

    @Override
    boolean finished() {
        return runner.state().finished();
    }

    @Override
    void stop(String why) {
        // the runner records the STOP event at its next tick, so the record holds it before the cool-down
        runner.stop(why);
    }

    @Override
    void afterPeriod(long wallNanos) {
        // an ended session's row is final (its record, its fault): a checkpoint now would be refused
        if (ended || runner.state().finished()) {
            return;
        }
        if (lastCheckpointWall == Long.MIN_VALUE || wallNanos - lastCheckpointWall >= BedService.CHECKPOINT_NANOS) {
            lastCheckpointWall = wallNanos;
            SessionListener.Progress p = progress(runner.record());
            service.event(() -> listener.checkpoint(p));
        }
    }

    @Override
    void onEnded() {
        SessionRecord r = runner.record();
        record = r;
        SessionListener.Progress p = progress(r);
        service.event(() -> listener.finished(r, p));
    }

    private SessionListener.Progress progress(SessionRecord r) {
        double delivered = 0;
        for (SegmentResult s : r.segments()) {
            delivered += s.deliveredS();
        }
        double cem43 = loop.supervisor().skin().maxCem43Min();
        return new SessionListener.Progress(delivered, Double.isFinite(cem43) ? Math.max(0, cem43) : 0,
                runner.segmentIndex(), r.outcome() == SessionRecord.Outcome.STOPPED ? "STOPPED" : runner.state().name());
    }

    @Override
    int segment() {
        return Math.min(runner.segmentIndex(), plan.segments().size() - 1);
    }

    @Override
    String technique() {
        return plan.segments().get(segment()).technique().name();
    }

    @Override
    int secondsLeft() {
        return (int) Math.max(0, Math.round(plan.totalSeconds() - loop.status().activeS));
    }

    @Override
    SpineMap map() {
        return plan.spineMap();
    }
}
