package org.rollwell.bed.session;

import java.util.List;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.bed.record.Recorder;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/**
 * Turns one plan segment into setpoints tick by tick (DOMAIN.md §4): every segment first
 * approaches its entry point, then runs its technique. Holds only numbers and small enums,
 * reset per segment, so a tick allocates nothing. The {@link ForceGovernor} sets the travel speed
 * in contact, {@link KneadStroke} the KNEAD strokes, {@link PressAndStretch} the holds at a point;
 * ROLL and WARM are here.
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
    /**
     * How far the force command may lead the measured force before the target is first reached, N:
     * 15 N × 0.7 mm/s/N asks the lift for ≈ 10 mm/s out of contact and eases it once the back pushes
     * back (choice; at 30–55 N/mm a 15 N lead is under 0.5 mm of lift).
     */
    static final double RAMP_LEAD_N = 15.0;
    /** Force within this fraction of its target counts as reached: error sampling starts (choice). */
    static final double REACHED_FRACTION = 0.10;
    /**
     * How far every target in contact keeps from an excluded range's reach, mm: the carriage overshoots a
     * reversal by a few tenths of a millimetre (the twin's tracking, RollerRangeTest allows 2 mm), so a span
     * the planner ends exactly at the reach would press inside it at each turn and leave it to the clamp
     * (choice: 2 mm, well under the 5 mm stall trip).
     */
    static final double KEEP_OFF_MARGIN_MM = 2.0;
    /**
     * Below this measured force a lowering lift has left the back, N: PRESS's first light touch (20 N), five σ of
     * the noisiest load cell of examples/beds (σ 4 N), so noise alone does not start the travel early (choice).
     */
    static final double LIFTED_OFF_N = PressAndStretch.PRESS_CONTACT_N;

    /** APPROACH to the entry point, then RUN the technique (PRESS and STRETCH keep their own phases). */
    private enum Phase { APPROACH, RUN }

    private final BedSpec spec;
    private final Recorder recorder;
    /** Excluded ranges widened by the rollers' reach, in carriage-centre mm: approaches cross them lifted off. */
    private final double[] keepOffFromMm;
    private final double[] keepOffToMm;
    /** The segment whose lifted crossing has been recorded (said once per segment). */
    private int crossingLoggedFor = -1;
    private final ForceGovernor governor;
    private final KneadStroke kneadStroke;
    private final PressAndStretch holds;
    private PlanSegment segment;
    /** The span's start and end in contact this segment, mm: its own, pulled in by the margin next to an excluded range's reach. */
    private double spanStartMm;
    private double spanEndMm;
    /** The segment whose pulled-in span is still to be recorded (−1: none). */
    private int spanEventFor = -1;
    private int index;
    private Phase phase;
    private double forceCommandN;
    private boolean forceReached;
    /** A PRESS or STRETCH approach: the rollers have left the back, the carriage may travel. */
    private boolean liftedOff;
    private double rollTargetMm;
    private double forceScale = 1.0;
    private double heatC;

    SegmentExecutor(BedSpec spec, Recorder recorder, double envelopeMaxForceN) {
        this(spec, recorder, envelopeMaxForceN, List.of());
    }

    /**
     * @param excluded the envelope's excluded ranges: an approach whose path passes within the rollers'
     *                 reach of one crosses it with the lift lowered
     */
    SegmentExecutor(BedSpec spec, Recorder recorder, double envelopeMaxForceN, List<ExcludedRange> excluded) {
        this.spec = spec;
        this.recorder = recorder;
        this.governor = new ForceGovernor(spec, recorder, envelopeMaxForceN);
        this.kneadStroke = new KneadStroke(spec, recorder);
        this.holds = new PressAndStretch(recorder);
        // carriage-centre positions from which a roller patch (pair offset + half a patch) can touch a range
        double reachMm = spec.rollerPairOffsetMm() + spec.rollerContactLengthMm() / 2;
        this.keepOffFromMm = new double[excluded.size()];
        this.keepOffToMm = new double[excluded.size()];
        for (int i = 0; i < excluded.size(); i++) {
            keepOffFromMm[i] = excluded.get(i).fromMm() - reachMm;
            keepOffToMm[i] = excluded.get(i).toMm() + reachMm;
        }
    }

    /** Starts (or restarts after a pause) {@code seg}: it approaches its entry point again. */
    void begin(int segIndex, PlanSegment seg, double heatTargetC) {
        this.index = segIndex;
        this.segment = seg;
        this.heatC = heatTargetC;
        this.phase = Phase.APPROACH;
        this.forceReached = false;
        this.liftedOff = false;
        this.governor.reset();
        keepSpanOffExcluded(seg);
        this.kneadStroke.begin(spanStartMm);
        this.forceCommandN = 0;
        this.rollTargetMm = spanEndMm;
    }

    /**
     * The segment's span, each end pulled in to {@link #KEEP_OFF_MARGIN_MM} outside the reach of an excluded
     * range it lies next to (the planner keeps the span itself out of reach; this keeps the rollers out when
     * the carriage overshoots a turn). Said once when an end moves.
     */
    private void keepSpanOffExcluded(PlanSegment seg) {
        double lo = Math.min(seg.startMm(), seg.endMm());
        double hi = Math.max(seg.startMm(), seg.endMm());
        double newLo = lo;
        double newHi = hi;
        for (int i = 0; i < keepOffFromMm.length; i++) {
            if (keepOffToMm[i] <= lo && keepOffToMm[i] + KEEP_OFF_MARGIN_MM > newLo) {
                newLo = keepOffToMm[i] + KEEP_OFF_MARGIN_MM;
            }
            if (keepOffFromMm[i] >= hi && keepOffFromMm[i] - KEEP_OFF_MARGIN_MM < newHi) {
                newHi = keepOffFromMm[i] - KEEP_OFF_MARGIN_MM;
            }
        }
        if (newLo > newHi) {
            // a span squeezed between two reaches: work at its middle, as near both margins as it allows
            newLo = (newLo + newHi) / 2;
            newHi = newLo;
        }
        boolean forward = seg.startMm() <= seg.endMm();
        spanStartMm = forward ? newLo : newHi;
        spanEndMm = forward ? newHi : newLo;
        spanEventFor = newLo != lo || newHi != hi ? index : -1;
    }

    /** Where the segment starts from in contact, mm: {@link #entryMm} on the pulled-in span. */
    private double entryPointMm() {
        return entryMm(segment.technique(), segment.params(), spanStartMm, spanEndMm);
    }

    void heat(double heatTargetC) {
        this.heatC = heatTargetC;
    }

    void scale(double scale) {
        this.forceScale = scale;
    }

    /** The point a segment starts from, mm. */
    static double entryMm(PlanSegment seg) {
        return entryMm(seg.technique(), seg.params(), seg.startMm(), seg.endMm());
    }

    private static double entryMm(Technique technique, TechniqueParams params, double startMm, double endMm) {
        return switch (technique) {
            case ROLL, KNEAD -> startMm;
            case PRESS, STRETCH -> (startMm + endMm) / 2;
            case WARM -> params instanceof TechniqueParams.Warm w && w.speedMmPerS() > 0 ? startMm : (startMm + endMm) / 2;
        };
    }

    double targetForceN() {
        return segment.forceN() * forceScale;
    }

    void fill(SensorFrame s, LoopStatus st, Setpoints sp, double dtS) {
        sp.heatAll(heatC);
        if (spanEventFor == index) {
            spanEventFor = -1;
            recorder.event(st.nowNanos, "LIMITED", segment.technique() + " segment " + index + ": span kept to "
                    + spanStartMm + "–" + spanEndMm + " mm, " + KEEP_OFF_MARGIN_MM + " mm clear of an excluded range's reach");
        }
        if (phase == Phase.APPROACH) {
            approach(s, st, sp, dtS);
            return;
        }
        switch (segment.technique()) {
            case ROLL -> roll(s, st, sp, dtS, ((TechniqueParams.Roll) segment.params()).speedMmPerS());
            case WARM -> warm(s, st, sp, dtS);
            case KNEAD -> knead(s, st, sp, dtS);
            case PRESS, STRETCH -> holds.fill(segment, index, entryPointMm(), targetForceN(), s, st, sp, dtS);
        }
    }

    private void approach(SensorFrame s, LoopStatus st, Setpoints sp, double dtS) {
        double entry = entryPointMm();
        int crossed = keepOffOnPath(s.carriagePositionMm, entry);
        if (crossed >= 0) {
            // the way to the entry passes where a roller could touch an excluded range (implant, lesion ± 50 mm,
            // DOMAIN.md §5): cross it out of contact; the carriage waits until the lift is down
            sp.lift = Setpoints.Lift.LOWER;
            forceCommandN = 0;
            if (st.liftLowered) {
                sp.moveTo(entry, APPROACH_SPEED_MM_PER_S);
            } else {
                sp.carriage = Setpoints.Carriage.HOLD;
            }
            if (crossingLoggedFor != index) {
                crossingLoggedFor = index;
                recorder.event(st.nowNanos, "LIFTED", segment.technique() + " segment " + index
                        + ": rollers lifted off to cross the excluded range " + (keepOffFromMm[crossed] + reachMm())
                        + "–" + (keepOffToMm[crossed] - reachMm()) + " mm on the way to " + entry + " mm");
            }
            return;
        }
        boolean rolling = segment.technique() == Technique.ROLL || segment.technique() == Technique.KNEAD
                || segment.technique() == Technique.WARM;
        if (rolling) {
            // rolling in contact, travel at the gentler contact speed and under the governor
            sp.moveTo(entry, contactSpeed(CONTACT_APPROACH_SPEED_MM_PER_S, s, st, dtS));
            slewForce(Math.min(APPROACH_FORCE_N, targetForceN()), s, dtS);
            sp.press(forceCommandN);
        } else {
            sp.lift = Setpoints.Lift.LOWER;
            forceCommandN = 0;
            // a PRESS or STRETCH travels to its point lifted off: the carriage waits until the rollers have left the
            // back, or a lift still pressed at the last segment's force (16 mm at 180 N, 2 s to lower at 8 mm/s on
            // compact-800) drags them at 40 mm/s over the spinous processes into OVER_FORCE (seen in the twin)
            liftedOff |= st.liftLowered || s.forceN < LIFTED_OFF_N;
            if (liftedOff) {
                sp.moveTo(entry, APPROACH_SPEED_MM_PER_S);
            } else {
                sp.carriage = Setpoints.Carriage.HOLD;
            }
        }
        if (st.carriageSettled && Math.abs(s.carriagePositionMm - entry) < 2.0
                && (rolling || st.liftLowered)) {
            phase = Phase.RUN;
            if (segment.technique() == Technique.PRESS || segment.technique() == Technique.STRETCH) {
                holds.start(segment.technique());
            }
            if (segment.technique() == Technique.KNEAD) {
                kneadStroke.arrived();
            }
        }
    }

    /** The first excluded range (widened by the rollers' reach) the carriage would pass between {@code fromMm} and {@code toMm}, or −1. */
    private int keepOffOnPath(double fromMm, double toMm) {
        double lo = Math.min(fromMm, toMm);
        double hi = Math.max(fromMm, toMm);
        for (int i = 0; i < keepOffFromMm.length; i++) {
            if (hi >= keepOffFromMm[i] && lo <= keepOffToMm[i]) {
                return i;
            }
        }
        return -1;
    }

    private double reachMm() {
        return spec.rollerPairOffsetMm() + spec.rollerContactLengthMm() / 2;
    }

    private void slewForce(double targetN, SensorFrame s, double dtS) {
        if (forceCommandN <= 0 && s.forceN > 0) {
            forceCommandN = Math.min(s.forceN, targetN);
        }
        double step = FORCE_SLEW_N_PER_S * dtS;
        forceCommandN += Math.max(-step * 4, Math.min(step, targetN - forceCommandN));
        if (!forceReached) {
            // until the force first reaches its target the command leads the measured force by at
            // most RAMP_LEAD_N: a lift that rises onto the back out of contact meets it seeking a light
            // touch, not the full target (else a 10 mm/s lift lands on a firm back and overshoots)
            forceCommandN = Math.min(forceCommandN, Math.max(0.0, s.forceN) + RAMP_LEAD_N);
        }
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
        if (spanEndMm > spanStartMm && st.carriageSettled && Math.abs(st.carriageReferenceMm - rollTargetMm) < 0.5) {
            rollTargetMm = rollTargetMm == spanEndMm ? spanStartMm : spanEndMm;
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
            sp.moveTo(entryPointMm(), APPROACH_SPEED_MM_PER_S);
            slewForce(targetForceN(), s, dtS);
            sp.press(forceCommandN);
            sampleForce(s);
            recorder.positionSample(index, s.carriagePositionMm - st.carriageReferenceMm, false);
        }
    }

    private void knead(SensorFrame s, LoopStatus st, Setpoints sp, double dtS) {
        TechniqueParams.Knead k = (TechniqueParams.Knead) segment.params();
        double target = kneadStroke.targetMm(segment, spanStartMm, spanEndMm, index, st, dtS);
        sp.moveTo(target, contactSpeed(kneadStroke.cruiseMmPerS(k), s, st, dtS));
        slewForce(targetForceN(), s, dtS);
        sp.press(forceCommandN);
        sampleForce(s);
        recorder.positionSample(index, s.carriagePositionMm - st.carriageReferenceMm, false);
    }

    /** The planned speed under the force governor and no faster than the lift can follow the learned surface. */
    private double contactSpeed(double plannedMmPerS, SensorFrame s, LoopStatus st, double dtS) {
        return governor.contactSpeed(plannedMmPerS, forceCommandN, s, st, dtS, segment.technique(), index);
    }

    /** A PRESS or STRETCH holding its force or height, for tests and the trace. */
    boolean holding() {
        return phase == Phase.RUN && isHold() && holds.holding();
    }

    /** APPROACH, RUN, or for PRESS and STRETCH their own phase (CONTACT, RAMP, HOLD, RELEASE, REST, DONE). */
    String phaseName() {
        return phase == Phase.RUN && isHold() ? holds.phase().name() : phase.name();
    }

    private boolean isHold() {
        return segment.technique() == Technique.PRESS || segment.technique() == Technique.STRETCH;
    }
}
