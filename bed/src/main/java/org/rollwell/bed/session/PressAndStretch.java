package org.rollwell.bed.session;

import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.bed.record.Recorder;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/**
 * The holding techniques at one point (DOMAIN.md §4): PRESS meets the back lightly, ramps to its
 * force and holds it; STRETCH raises the lift to its height (or until its force limit) and holds
 * it. Both then release until the lift is down, rest, and repeat. Starts once the carriage stands
 * at the point; holds only numbers and an enum, so a tick allocates nothing.
 */
final class PressAndStretch {
    /** First contact for PRESS before its ramp starts, N (choice). */
    static final double PRESS_CONTACT_N = 20.0;
    /** PRESS counts as in contact at this share of {@link #PRESS_CONTACT_N} (choice). */
    static final double CONTACT_SHARE = 0.75;
    /** Lift within this of a STRETCH target counts as reached, mm. */
    static final double STRETCH_REACHED_MM = 1.0;

    enum Phase { CONTACT, RAMP, HOLD, RELEASE, REST, DONE }

    private final Recorder recorder;
    private Phase phase = Phase.DONE;
    private double phaseS;
    private int repetition;

    PressAndStretch(Recorder recorder) {
        this.recorder = recorder;
    }

    /** The carriage stands at the point: the first repetition starts. */
    void start(Technique technique) {
        phase = technique == Technique.PRESS ? Phase.CONTACT : Phase.RAMP;
        phaseS = 0;
        repetition = 0;
    }

    /**
     * One tick of PRESS or STRETCH at {@code pointMm}.
     *
     * @param targetForceN the PRESS force after the live scale, N
     */
    void fill(PlanSegment segment, int index, double pointMm, double targetForceN, SensorFrame s, LoopStatus st,
            Setpoints sp, double dtS) {
        phaseS += dtS;
        sp.moveTo(pointMm, SegmentExecutor.APPROACH_SPEED_MM_PER_S);
        if (segment.params() instanceof TechniqueParams.Press p) {
            press(p, index, pointMm, targetForceN, s, st, sp);
        } else if (segment.params() instanceof TechniqueParams.Stretch p) {
            stretch(p, segment.forceN(), index, pointMm, s, st, sp);
        }
    }

    private void press(TechniqueParams.Press p, int index, double pointMm, double target, SensorFrame s, LoopStatus st,
            Setpoints sp) {
        switch (phase) {
            case CONTACT -> {
                sp.press(PRESS_CONTACT_N);
                if (s.forceN >= PRESS_CONTACT_N * CONTACT_SHARE) {
                    next(Phase.RAMP);
                }
            }
            case RAMP -> {
                double f = Math.min(1.0, phaseS / p.rampS());
                sp.press(PRESS_CONTACT_N + f * (target - PRESS_CONTACT_N));
                if (phaseS >= p.rampS()) {
                    next(Phase.HOLD);
                }
            }
            case HOLD -> {
                sp.press(target);
                recorder.forceSample(index, s.forceN, target);
                recorder.positionSample(index, s.carriagePositionMm - pointMm, true);
                if (phaseS >= p.holdS()) {
                    next(Phase.RELEASE);
                }
            }
            case RELEASE, REST -> releaseThenRest(st, sp, p.restS(), p.repetitions(), Phase.CONTACT);
            default -> sp.lift = Setpoints.Lift.LOWER;
        }
    }

    private void stretch(TechniqueParams.Stretch p, double forceLimitN, int index, double centreMm, SensorFrame s,
            LoopStatus st, Setpoints sp) {
        switch (phase) {
            case RAMP -> {
                raise(sp, p, forceLimitN);
                if (Math.abs(s.liftMm - p.liftMm()) <= STRETCH_REACHED_MM || s.forceN >= forceLimitN) {
                    next(Phase.HOLD);
                }
            }
            case HOLD -> {
                raise(sp, p, forceLimitN);
                recorder.positionSample(index, s.carriagePositionMm - centreMm, true);
                if (phaseS >= p.holdS()) {
                    next(Phase.RELEASE);
                }
            }
            case RELEASE, REST -> releaseThenRest(st, sp, p.restS(), p.repetitions(), Phase.RAMP);
            default -> sp.lift = Setpoints.Lift.LOWER;
        }
    }

    /**
     * The end of one repetition: RELEASE lowers the lift until it is down, REST waits {@code restS},
     * then the next repetition starts again at {@code again}, or the segment is DONE.
     */
    private void releaseThenRest(LoopStatus st, Setpoints sp, double restS, int repetitions, Phase again) {
        sp.lift = Setpoints.Lift.LOWER;
        if (phase == Phase.RELEASE) {
            if (st.liftLowered) {
                next(Phase.REST);
            }
        } else if (phase == Phase.REST && phaseS >= restS) {
            if (++repetition < repetitions) {
                next(again);
            } else {
                phase = Phase.DONE;
            }
        }
    }

    private void next(Phase p) {
        phase = p;
        phaseS = 0;
    }

    private static void raise(Setpoints sp, TechniqueParams.Stretch p, double forceLimitN) {
        sp.lift = Setpoints.Lift.POSITION;
        sp.liftTargetMm = p.liftMm();
        sp.liftForceLimitN = forceLimitN;
    }

    boolean holding() {
        return phase == Phase.HOLD;
    }

    Phase phase() {
        return phase;
    }
}
