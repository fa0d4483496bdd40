package org.rollwell.bed.session;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.record.Recorder;
import org.rollwell.therapy.technique.Technique;

/**
 * Force first, speed second: slows contact travel when the force runs ahead of its target, and
 * never lets travel outrun what the lift can follow over the learned surface. Holds a short force
 * history (its length derived from the loop rate once) and its own log flags; reset per segment.
 */
final class ForceGovernor {
    /**
     * Once the force runs more than 10 % over its target, or a third of the way from the target to the
     * over-force trip line if that is closer (a firm spinous process met faster than the 10 mm/s lift can
     * yield), the travel drops to a quarter of its speed at once, to a twentieth past halfway to the trip
     * line, and recovers over about 1.5 s when the force is back (choice; recorded as LIMITED). The target
     * itself is never lowered.
     */
    static final double GOVERNOR_OVER_FRACTION = 0.10;
    static final double GOVERNOR_MIN = 0.25;
    /** The follow limit never slows contact travel below this, mm/s (choice). */
    static final double MIN_CONTACT_SPEED_MM_PER_S = 5.0;
    static final double GOVERNOR_RECOVER_PER_S = 0.5;
    /** The supervisor trips at the maximum + 10 % (DOMAIN.md §5); the governor keeps clear of it. */
    static final double OVER_FORCE_TRIP_FACTOR = 1.10;
    /**
     * Near the maximum the governor acts on a share of the room left below the trip line, not on 10 % of
     * the target: at a target equal to the maximum it slows the travel once a third of that room is used,
     * leaving the rest for the carriage to brake (300 mm/s², a 15 ms drive) while the lift retreats at its
     * 10 mm/s (choice, tuned against the twin).
     */
    static final double GOVERNOR_HEADROOM_SHARE = 0.33;
    /** Share of the governor's minimum left near the trip line (choice: 50 mm/s planned → 2.5 mm/s). */
    static final double GOVERNOR_CRAWL_SHARE = 0.2;
    /** Share of the force's recent rise added to the force when judging it (choice; the load cell's 2 N noise limits it). */
    static final double GOVERNOR_LOOKAHEAD_SHARE = 0.5;
    /** How far back "recent" reaches, s: the lift (τ 50 ms, 10 mm/s) and the carriage's braking need that long to act. */
    static final double LOOKAHEAD_S = 0.050;

    private final Recorder recorder;
    private final double overForceTripN;
    private final double[] forceHistoryN;
    private int historyAt;
    private boolean historyFull;
    private double governor = 1.0;
    private boolean governorLogged;
    private boolean followLogged;

    /** @param maxForceN the force ceiling the supervisor enforces, N */
    ForceGovernor(BedSpec spec, Recorder recorder, double maxForceN) {
        this.recorder = recorder;
        this.overForceTripN = maxForceN * OVER_FORCE_TRIP_FACTOR;
        this.forceHistoryN = new double[(int) Math.max(1, Math.round(LOOKAHEAD_S * spec.loopHz()))];
    }

    /** A new segment (or a resumed one): full speed, empty history, its events said afresh. */
    void reset() {
        governor = 1.0;
        governorLogged = false;
        followLogged = false;
        historyAt = 0;
        historyFull = false;
    }

    /**
     * The planned speed under the governor and no faster than the lift can follow the learned surface.
     *
     * @param forceCommandN the force now commanded, N
     * @param technique     and {@code index}: the segment, for the record's LIMITED events
     */
    double contactSpeed(double plannedMmPerS, double forceCommandN, SensorFrame s, LoopStatus st, double dtS,
            Technique technique, int index) {
        double speed = plannedMmPerS * govern(forceCommandN, s, st, dtS, technique, index);
        double follow = Math.max(st.contactSpeedLimitMmPerS, MIN_CONTACT_SPEED_MM_PER_S);
        if (follow < speed) {
            if (!followLogged) {
                followLogged = true;
                recorder.event(st.nowNanos, "LIMITED", technique + " segment " + index
                        + ": travel slowed where the back is too steep for the lift to follow");
            }
            return follow;
        }
        return speed;
    }

    private double govern(double forceCommandN, SensorFrame s, LoopStatus st, double dtS, Technique technique, int index) {
        double target = Math.max(forceCommandN, 1.0);
        double slowAboveN = Math.min(target * (1 + GOVERNOR_OVER_FRACTION),
                target + GOVERNOR_HEADROOM_SHARE * Math.max(0.0, overForceTripN - target));
        // look ahead by the force's rise over the last 50 ms: the governor must act on where the force is going
        forceHistoryN[historyAt] = s.forceN;
        historyAt = (historyAt + 1) % forceHistoryN.length;
        double oldest = forceHistoryN[historyAt];
        double rising = historyFull ? Math.max(0.0, s.forceN - oldest) : 0.0;
        historyFull |= historyAt == 0;
        double judgedN = s.forceN + GOVERNOR_LOOKAHEAD_SHARE * rising;
        if (judgedN > slowAboveN) {
            // past halfway to the trip line the carriage all but stops: the lift alone can then
            // bring the force down at its 10 mm/s, whatever the slope under the rollers
            governor = judgedN > (slowAboveN + overForceTripN) / 2 && overForceTripN > slowAboveN
                    ? GOVERNOR_MIN * GOVERNOR_CRAWL_SHARE : GOVERNOR_MIN;
            if (!governorLogged) {
                governorLogged = true;
                recorder.event(st.nowNanos, "LIMITED", technique + " segment " + index
                        + ": travel slowed to hold the force over a firm spot");
            }
        } else {
            governor = Math.min(1.0, governor + GOVERNOR_RECOVER_PER_S * dtS);
        }
        return governor;
    }
}
