package org.rollwell.bed.session;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.record.Recorder;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.TechniqueParams;

/**
 * KNEAD's strokes (DOMAIN.md §4): back and forth at the stroke's frequency around a centre that
 * creeps along the span and back, both ends of every stroke inside the span. Says once per segment
 * when the span is shorter than a stroke or the bed cannot keep the frequency.
 */
final class KneadStroke {
    private final BedSpec spec;
    private final Recorder recorder;
    private double centreMm;
    private double creepDir;
    private double side;
    private double halfS;
    private boolean limitedLogged;
    /** The segment whose too-short span has been recorded, so the event is said once, not every tick. */
    private int shortStrokeLoggedFor = -1;

    KneadStroke(BedSpec spec, Recorder recorder) {
        this.spec = spec;
        this.recorder = recorder;
    }

    /** A new segment (or a resumed one): the first stroke starts at the span's start, {@code startMm}. */
    void begin(double startMm) {
        side = 1;
        creepDir = 1;
        centreMm = startMm;
        halfS = 0;
        limitedLogged = false;
    }

    /** The carriage reached the entry point: the first half-stroke starts now. */
    void arrived() {
        halfS = 0;
    }

    /**
     * Where this tick's stroke heads, mm.
     *
     * @param startMm the span's start the strokes keep to (the segment's, or pulled in off an excluded range's reach)
     * @param endMm   the span's end
     */
    double targetMm(PlanSegment seg, double startMm, double endMm, int index, LoopStatus st, double dtS) {
        TechniqueParams.Knead k = (TechniqueParams.Knead) seg.params();
        double half = k.strokeMm() / 2;
        // the stroke's centre creeps from start + half a stroke to end − half a stroke and back, so both
        // ends of every stroke stay inside the span (the planner keeps the span's rollers off excluded ranges)
        double lo = startMm + half;
        double hi = endMm - half;
        if (hi < lo) {
            // a span shorter than a stroke: shorter strokes in place at its middle, said once per segment
            lo = (startMm + endMm) / 2;
            hi = lo;
            double shortHalf = Math.max(0.0, (endMm - startMm) / 2);
            if (shortStrokeLoggedFor != index) {
                shortStrokeLoggedFor = index;
                recorder.event(st.nowNanos, "LIMITED", "KNEAD segment " + index + ": the span (" + (2 * shortHalf)
                        + " mm) is shorter than a " + k.strokeMm() + " mm stroke; strokes of " + (2 * shortHalf)
                        + " mm at its middle");
            }
            half = shortHalf;
        }
        centreMm = Math.max(lo, Math.min(hi, centreMm));
        centreMm += creepDir * k.creepMmPerS() * dtS;
        if (centreMm >= hi) {
            centreMm = hi;
            creepDir = -1;
        } else if (centreMm <= lo) {
            centreMm = lo;
            creepDir = 1;
        }
        halfS += dtS;
        double target = centreMm + side * half;
        boolean reached = Math.abs(st.carriageReferenceMm - target) < 0.5 && st.carriageSettled;
        double halfPeriodS = 0.5 / k.frequencyHz();
        if (halfS >= halfPeriodS && (reached || halfS >= 3 * halfPeriodS)) {
            if (halfS > halfPeriodS * 1.05 && !limitedLogged) {
                limitedLogged = true;
                recorder.event(st.nowNanos, "LIMITED", "KNEAD segment " + index + ": " + k.frequencyHz()
                        + " Hz strokes of " + k.strokeMm() + " mm exceed the bed's " + spec.maxCarriageAccelMmPerS2()
                        + " mm/s² and " + spec.maxCarriageSpeedMmPerS() + " mm/s; strokes run as fast as the bed allows");
            }
            side = -side;
            halfS = 0;
            target = centreMm + side * half;
        }
        return target;
    }

    /**
     * The slowest cruise speed that still covers a stroke in half a period with the bed's
     * acceleration (trapezoid: T = d / v + v / a, so v = a (T − √(T² − 4d/a)) / 2), plus 10 %:
     * a stroke no faster than its frequency needs presses more evenly over the spinous processes.
     */
    double cruiseMmPerS(TechniqueParams.Knead k) {
        double a = spec.maxCarriageAccelMmPerS2();
        double t = 0.5 / k.frequencyHz();
        double d = k.strokeMm();
        double disc = t * t - 4 * d / a;
        double v = disc < 0 ? spec.maxCarriageSpeedMmPerS() : a * (t - Math.sqrt(disc)) / 2 * 1.1;
        return Math.min(v, spec.maxCarriageSpeedMmPerS());
    }
}
