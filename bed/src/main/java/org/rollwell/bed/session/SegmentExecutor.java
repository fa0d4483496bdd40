package org.rollwell.bed.session;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.bed.record.Recorder;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/**
 * Turns one plan segment into setpoints tick by tick (DOMAIN.md §4): every segment first
 * approaches its entry point, then runs its technique. Holds only numbers and small enums,
 * reset per segment, so a tick allocates nothing.
 */
final class SegmentExecutor {
    /** Travel to a segment's entry point, mm/s (choice: brisk but well under 80 mm/s). */
    static final double APPROACH_SPEED_MM_PER_S = 40.0;
    /** Travel to a rolling technique's entry with the rollers in light contact, mm/s (choice: the scan's 25 mm/s). */
    static final double CONTACT_APPROACH_SPEED_MM_PER_S = 25.0;
    /** Force while travelling to the entry of a rolling technique, N: light contact (choice, the scan's 60 N). */
    static final double APPROACH_FORCE_N = 60.0;
    /** Force targets rise at most this fast so the lift meets the back without a spike (choice). */
    static final double FORCE_SLEW_N_PER_S = 80.0;
    /** First contact for PRESS before its ramp starts, N (choice). */
    static final double PRESS_CONTACT_N = 20.0;
    /** Force within this fraction of its target counts as reached: error sampling starts (choice). */
    static final double REACHED_FRACTION = 0.10;
    /** Lift within this of a STRETCH target counts as reached, mm. */
    static final double STRETCH_REACHED_MM = 1.0;

    /**
     * Force first, speed second: once the force runs more than 10 % over its target (a firm
     * spinous process met faster than the 10 mm/s lift can yield) the travel drops to a quarter
     * of its speed at once and recovers over about 1.5 s when the force is back (choice; recorded as LIMITED).
     */
    static final double GOVERNOR_OVER_FRACTION = 0.10;
    static final double GOVERNOR_MIN = 0.25;
    /** The follow limit never slows contact travel below this, mm/s (choice). */
    static final double MIN_CONTACT_SPEED_MM_PER_S = 5.0;
    static final double GOVERNOR_RECOVER_PER_S = 0.5;

    private enum Phase { APPROACH, RUN, CONTACT, RAMP, HOLD, RELEASE, REST, DONE }

    private final BedSpec spec;
    private final Recorder recorder;
    private PlanSegment segment;
    private int index;
    private Phase phase;
    private double phaseS;
    private double forceCommandN;
    private boolean forceReached;
    private int repetition;
    private double rollTargetMm;
    private double kneadCentreMm;
    private double kneadCreepDir;
    private double kneadSide;
    private double kneadHalfS;
    private double forceScale = 1.0;
    private double governor = 1.0;
    private boolean governorLogged;
    private boolean followLogged;
    private double heatC;

    SegmentExecutor(BedSpec spec, Recorder recorder) {
        this.spec = spec;
        this.recorder = recorder;
    }

    /** Starts (or restarts after a pause) {@code seg}: it approaches its entry point again. */
    void begin(int segIndex, PlanSegment seg, double heatTargetC) {
        this.index = segIndex;
        this.segment = seg;
        this.heatC = heatTargetC;
        this.phase = Phase.APPROACH;
        this.phaseS = 0;
        this.forceReached = false;
        this.repetition = 0;
        this.limitedLogged = false;
        this.governor = 1.0;
        this.governorLogged = false;
        this.followLogged = false;
        this.forceCommandN = 0;
        this.kneadSide = 1;
        this.kneadCreepDir = 1;
        this.kneadCentreMm = seg.startMm();
        this.rollTargetMm = seg.endMm();
    }

    void heat(double heatTargetC) {
        this.heatC = heatTargetC;
    }

    void scale(double scale) {
        this.forceScale = scale;
    }

    /** The point a segment starts from, mm. */
    static double entryMm(PlanSegment seg) {
        return switch (seg.technique()) {
            case ROLL, KNEAD -> seg.startMm();
            case PRESS, STRETCH -> (seg.startMm() + seg.endMm()) / 2;
            case WARM -> seg.params() instanceof TechniqueParams.Warm w && w.speedMmPerS() > 0
                    ? seg.startMm() : (seg.startMm() + seg.endMm()) / 2;
        };
    }

    double targetForceN() {
        return segment.forceN() * forceScale;
    }

    void fill(SensorFrame s, LoopStatus st, Setpoints sp, double dtS) {
        sp.heatAll(heatC);
        phaseS += dtS;
        if (phase == Phase.APPROACH) {
            approach(s, st, sp, dtS);
            return;
        }
        switch (segment.technique()) {
            case ROLL -> roll(s, st, sp, dtS, ((TechniqueParams.Roll) segment.params()).speedMmPerS());
            case WARM -> warm(s, st, sp, dtS);
            case KNEAD -> knead(s, st, sp, dtS);
            case PRESS -> press(s, st, sp, dtS);
            case STRETCH -> stretch(s, st, sp, dtS);
        }
    }

    private void approach(SensorFrame s, LoopStatus st, Setpoints sp, double dtS) {
        double entry = entryMm(segment);
        boolean rolling = segment.technique() == Technique.ROLL || segment.technique() == Technique.KNEAD
                || segment.technique() == Technique.WARM;
        // rolling in contact, travel at the gentler contact speed and under the governor
        sp.moveTo(entry, rolling ? contactSpeed(CONTACT_APPROACH_SPEED_MM_PER_S, s, st, dtS) : APPROACH_SPEED_MM_PER_S);
        if (rolling) {
            slewForce(Math.min(APPROACH_FORCE_N, targetForceN()), s, dtS);
            sp.press(forceCommandN);
        } else {
            sp.lift = Setpoints.Lift.LOWER;
            forceCommandN = 0;
        }
        if (st.carriageSettled && Math.abs(s.carriagePositionMm - entry) < 2.0
                && (rolling || st.liftLowered)) {
            phase = segment.technique() == Technique.PRESS ? Phase.CONTACT
                    : segment.technique() == Technique.STRETCH ? Phase.RAMP : Phase.RUN;
            phaseS = 0;
            if (segment.technique() == Technique.KNEAD) {
                kneadHalfS = 0;
            }
        }
    }

    private void slewForce(double targetN, SensorFrame s, double dtS) {
        if (forceCommandN <= 0 && s.forceN > 0) {
            forceCommandN = Math.min(s.forceN, targetN);
        }
        double step = FORCE_SLEW_N_PER_S * dtS;
        forceCommandN += Math.max(-step * 4, Math.min(step, targetN - forceCommandN));
    }

    private void sampleForce(SensorFrame s) {
        double target = targetForceN();
        if (!forceReached && Math.abs(s.forceN - target) <= REACHED_FRACTION * target && forceCommandN >= target) {
            forceReached = true;
        }
        if (forceReached) {
            recorder.forceSample(index, s.forceN, forceCommandN);
        }
    }

    private void roll(SensorFrame s, LoopStatus st, Setpoints sp, double dtS, double speedMmPerS) {
        if (segment.endMm() > segment.startMm() && st.carriageSettled && Math.abs(st.carriageReferenceMm - rollTargetMm) < 0.5) {
            rollTargetMm = rollTargetMm == segment.endMm() ? segment.startMm() : segment.endMm();
        }
        sp.moveTo(rollTargetMm, contactSpeed(speedMmPerS, s, st, dtS));
        slewForce(targetForceN(), s, dtS);
        sp.press(forceCommandN);
        sampleForce(s);
        recorder.positionSample(index, s.carriagePositionMm - st.carriageReferenceMm, false);
    }

    private void warm(SensorFrame s, LoopStatus st, Setpoints sp, double dtS) {
        double speed = ((TechniqueParams.Warm) segment.params()).speedMmPerS();
        if (speed > 0) {
            roll(s, st, sp, dtS, speed);
        } else {
            sp.moveTo(entryMm(segment), APPROACH_SPEED_MM_PER_S);
            slewForce(targetForceN(), s, dtS);
            sp.press(forceCommandN);
            sampleForce(s);
            recorder.positionSample(index, s.carriagePositionMm - st.carriageReferenceMm, false);
        }
    }

    private void knead(SensorFrame s, LoopStatus st, Setpoints sp, double dtS) {
        TechniqueParams.Knead k = (TechniqueParams.Knead) segment.params();
        double half = k.strokeMm() / 2;
        // the stroke's centre creeps across the span and back, keeping the stroke inside it
        double lo = segment.startMm();
        double hi = Math.max(lo, segment.endMm());
        kneadCentreMm += kneadCreepDir * k.creepMmPerS() * dtS;
        if (kneadCentreMm >= hi) {
            kneadCentreMm = hi;
            kneadCreepDir = -1;
        } else if (kneadCentreMm <= lo) {
            kneadCentreMm = lo;
            kneadCreepDir = 1;
        }
        kneadHalfS += dtS;
        double target = kneadCentreMm + kneadSide * half;
        boolean reached = Math.abs(st.carriageReferenceMm - target) < 0.5 && st.carriageSettled;
        double halfPeriodS = 0.5 / k.frequencyHz();
        if (kneadHalfS >= halfPeriodS && (reached || kneadHalfS >= 3 * halfPeriodS)) {
            if (kneadHalfS > halfPeriodS * 1.05 && !limitedLogged) {
                limitedLogged = true;
                recorder.event(st.nowNanos, "LIMITED", "KNEAD segment " + index + ": " + k.frequencyHz()
                        + " Hz strokes of " + k.strokeMm() + " mm exceed the bed's " + spec.maxCarriageAccelMmPerS2()
                        + " mm/s² and " + spec.maxCarriageSpeedMmPerS() + " mm/s; strokes run as fast as the bed allows");
            }
            kneadSide = -kneadSide;
            kneadHalfS = 0;
            target = kneadCentreMm + kneadSide * half;
        }
        sp.moveTo(target, contactSpeed(kneadCruise(k), s, st, dtS));
        slewForce(targetForceN(), s, dtS);
        sp.press(forceCommandN);
        sampleForce(s);
        recorder.positionSample(index, s.carriagePositionMm - st.carriageReferenceMm, false);
    }

    private boolean limitedLogged;

    private double govern(SensorFrame s, LoopStatus st, double dtS) {
        double target = Math.max(forceCommandN, 1.0);
        if (s.forceN > target * (1 + GOVERNOR_OVER_FRACTION)) {
            governor = GOVERNOR_MIN;
            if (!governorLogged) {
                governorLogged = true;
                recorder.event(st.nowNanos, "LIMITED", segment.technique() + " segment " + index
                        + ": travel slowed to hold the force over a firm spot");
            }
        } else {
            governor = Math.min(1.0, governor + GOVERNOR_RECOVER_PER_S * dtS);
        }
        return governor;
    }

    /** The planned speed under the governor and no faster than the lift can follow the learned surface. */
    private double contactSpeed(double plannedMmPerS, SensorFrame s, LoopStatus st, double dtS) {
        double speed = plannedMmPerS * govern(s, st, dtS);
        double follow = Math.max(st.contactSpeedLimitMmPerS, MIN_CONTACT_SPEED_MM_PER_S);
        if (follow < speed) {
            if (!followLogged) {
                followLogged = true;
                recorder.event(st.nowNanos, "LIMITED", segment.technique() + " segment " + index
                        + ": travel slowed where the back is too steep for the lift to follow");
            }
            return follow;
        }
        return speed;
    }

    /**
     * The slowest cruise speed that still covers a stroke in half a period with the bed's
     * acceleration (trapezoid: T = d / v + v / a, so v = a (T − √(T² − 4d/a)) / 2), plus 10 %:
     * a stroke no faster than its frequency needs presses more evenly over the spinous processes.
     */
    private double kneadCruise(TechniqueParams.Knead k) {
        double a = spec.maxCarriageAccelMmPerS2();
        double t = 0.5 / k.frequencyHz();
        double d = k.strokeMm();
        double disc = t * t - 4 * d / a;
        double v = disc < 0 ? spec.maxCarriageSpeedMmPerS() : a * (t - Math.sqrt(disc)) / 2 * 1.1;
        return Math.min(v, spec.maxCarriageSpeedMmPerS());
    }

    private void press(SensorFrame s, LoopStatus st, Setpoints sp, double dtS) {
        TechniqueParams.Press p = (TechniqueParams.Press) segment.params();
        double point = entryMm(segment);
        sp.moveTo(point, APPROACH_SPEED_MM_PER_S);
        double target = targetForceN();
        switch (phase) {
            case CONTACT -> {
                forceCommandN = PRESS_CONTACT_N;
                sp.press(forceCommandN);
                if (s.forceN >= PRESS_CONTACT_N * 0.75) {
                    phase = Phase.RAMP;
                    phaseS = 0;
                }
            }
            case RAMP -> {
                double f = Math.min(1.0, phaseS / p.rampS());
                forceCommandN = PRESS_CONTACT_N + f * (target - PRESS_CONTACT_N);
                sp.press(forceCommandN);
                if (phaseS >= p.rampS()) {
                    phase = Phase.HOLD;
                    phaseS = 0;
                    forceReached = true;
                }
            }
            case HOLD -> {
                forceCommandN = target;
                sp.press(forceCommandN);
                recorder.forceSample(index, s.forceN, forceCommandN);
                recorder.positionSample(index, s.carriagePositionMm - point, true);
                if (phaseS >= p.holdS()) {
                    phase = Phase.RELEASE;
                    phaseS = 0;
                }
            }
            case RELEASE -> {
                forceCommandN = 0;
                sp.lift = Setpoints.Lift.LOWER;
                if (st.liftLowered) {
                    phase = Phase.REST;
                    phaseS = 0;
                }
            }
            case REST -> {
                sp.lift = Setpoints.Lift.LOWER;
                if (phaseS >= p.restS() && ++repetition < p.repetitions()) {
                    phase = Phase.CONTACT;
                    phaseS = 0;
                } else if (phaseS >= p.restS()) {
                    phase = Phase.DONE;
                }
            }
            default -> sp.lift = Setpoints.Lift.LOWER;
        }
    }

    private void stretch(SensorFrame s, LoopStatus st, Setpoints sp, double dtS) {
        TechniqueParams.Stretch p = (TechniqueParams.Stretch) segment.params();
        double centre = entryMm(segment);
        sp.moveTo(centre, APPROACH_SPEED_MM_PER_S);
        switch (phase) {
            case RAMP -> {
                raise(sp, p);
                if (Math.abs(s.liftMm - p.liftMm()) <= STRETCH_REACHED_MM || s.forceN >= segment.forceN()) {
                    phase = Phase.HOLD;
                    phaseS = 0;
                }
            }
            case HOLD -> {
                raise(sp, p);
                recorder.positionSample(index, s.carriagePositionMm - centre, true);
                if (phaseS >= p.holdS()) {
                    phase = Phase.RELEASE;
                    phaseS = 0;
                }
            }
            case RELEASE -> {
                sp.lift = Setpoints.Lift.LOWER;
                if (st.liftLowered) {
                    phase = Phase.REST;
                    phaseS = 0;
                }
            }
            case REST -> {
                sp.lift = Setpoints.Lift.LOWER;
                if (phaseS >= p.restS() && ++repetition < p.repetitions()) {
                    phase = Phase.RAMP;
                    phaseS = 0;
                } else if (phaseS >= p.restS()) {
                    phase = Phase.DONE;
                }
            }
            default -> sp.lift = Setpoints.Lift.LOWER;
        }
    }

    private void raise(Setpoints sp, TechniqueParams.Stretch p) {
        sp.lift = Setpoints.Lift.POSITION;
        sp.liftTargetMm = p.liftMm();
        sp.liftForceLimitN = segment.forceN();
    }

    /** A PRESS or STRETCH holding its force or height, for tests and the trace. */
    boolean holding() {
        return phase == Phase.HOLD;
    }

    String phaseName() {
        return phase.name();
    }
}
