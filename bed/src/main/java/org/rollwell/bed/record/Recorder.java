package org.rollwell.bed.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.bed.loop.TickObserver;
import org.rollwell.bed.safety.ClampLimit;
import org.rollwell.bed.safety.Fault;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.therapy.technique.Technique;

/**
 * Builds a {@link SessionRecord} while a session runs. Per-segment sums live in arrays
 * sized once; samples add to them without allocating. Events allocate, but only on
 * edges (a state change, a clamp starting to act), never per tick in steady state.
 */
public final class Recorder implements TickObserver {
    /** {@code values()} clones its array on every call; the loop reads this one. */
    private static final ClampLimit[] LIMITS = ClampLimit.values();
    private final Technique[] technique;
    private final double[] plannedS;
    private final double[] deliveredS;
    private final double[] forceErrSum;
    private final double[] forceTargetSum;
    private final double[] plannedForce;
    private final double[] forceSum;
    private final long[] forceN;
    private final double[] posErrSum;
    private final long[] posN;
    private final double[] posErrMax;
    private final double[] tempErrSum;
    private final double[] tempErrMax;
    private final long[] tempN;
    private final List<RecordedEvent> events = new ArrayList<>(256);
    private final boolean[] wasClamping = new boolean[ClampLimit.values().length];
    private final long[] clampOffSinceNanos = new long[ClampLimit.values().length];
    /** A clamp must stay off this long before its next action counts as a new episode (choice). */
    private static final long CLAMP_EPISODE_GAP_NANOS = 1_000_000_000L;
    private Fault seenFault;
    private double peakRollerC = Double.NEGATIVE_INFINITY;
    private double peakOvershootC = Double.NEGATIVE_INFINITY;
    private double peakForceN;
    private double peakSkinC = Double.NEGATIVE_INFINITY;
    private double peakCem43Min;
    private SafetySupervisor supervisor;

    public Recorder(Technique[] techniques, double[] plannedSeconds) {
        this(techniques, plannedSeconds, new double[techniques.length]);
    }

    /** With each segment's planned force, N, so the record shows delivered against planned force. */
    public Recorder(Technique[] techniques, double[] plannedSeconds, double[] plannedForceN) {
        int n = techniques.length;
        plannedForce = plannedForceN.clone();
        forceSum = new double[n];
        technique = techniques.clone();
        plannedS = plannedSeconds.clone();
        deliveredS = new double[n];
        forceErrSum = new double[n];
        forceTargetSum = new double[n];
        forceN = new long[n];
        posErrSum = new double[n];
        posN = new long[n];
        posErrMax = new double[n];
        tempErrSum = new double[n];
        tempErrMax = new double[n];
        tempN = new long[n];
    }

    public void event(long atNanos, String kind, String detail) {
        events.add(new RecordedEvent(atNanos, kind, detail));
    }

    public void delivered(int segment, double dtS) {
        deliveredS[segment] += dtS;
    }

    public void forceSample(int segment, double forceN, double targetN) {
        forceErrSum[segment] += Math.abs(forceN - targetN);
        forceTargetSum[segment] += targetN;
        forceSum[segment] += forceN;
        this.forceN[segment]++;
    }

    /** A tracking sample (mean) or, with {@code worstOnly}, a hold sample (maximum). */
    public void positionSample(int segment, double errorMm, boolean worstOnly) {
        double e = Math.abs(errorMm);
        if (!worstOnly) {
            posErrSum[segment] += e;
            posN[segment]++;
        }
        if (e > posErrMax[segment]) {
            posErrMax[segment] = e;
        }
    }

    public void tempSample(int segment, double errorC) {
        double e = Math.abs(errorC);
        tempErrSum[segment] += e;
        tempN[segment]++;
        if (e > tempErrMax[segment]) {
            tempErrMax[segment] = e;
        }
    }

    @Override
    public void afterTick(ControlLoop loop) {
        SensorFrame s = loop.sensors();
        Setpoints sp = loop.setpoints();
        supervisor = loop.supervisor();
        long now = s.timeNanos;
        for (int z = 0; z < s.zoneTempC.length; z++) {
            double t = s.zoneTempC[z];
            if (t >= loop.spec().thermistorMinC() && t <= loop.spec().thermistorMaxC()) {
                peakRollerC = Math.max(peakRollerC, t);
                if (sp.zoneTargetC[z] > 0) {
                    peakOvershootC = Math.max(peakOvershootC, t - sp.zoneTargetC[z]);
                }
            }
        }
        if (s.forceN >= 0 && s.forceN <= loop.spec().forceFullScaleN()) {
            peakForceN = Math.max(peakForceN, s.forceN);
        }
        peakSkinC = Math.max(peakSkinC, supervisor.skin().maxTempC());
        peakCem43Min = Math.max(peakCem43Min, supervisor.skin().maxCem43Min());
        ClampLimit[] limits = LIMITS;
        for (int i = 0; i < limits.length; i++) {
            boolean on = supervisor.clamping(limits[i]);
            if (on) {
                // One event per episode: a clamp that hovers at its limit (a force or roller temperature held
                // at the envelope's maximum, with sensor noise) would otherwise log an event every few ticks.
                // clampTicks counts every tick for the record.
                if (!wasClamping[i]) {
                    event(now, "CLAMP", limits[i].name());
                }
                wasClamping[i] = true;
                clampOffSinceNanos[i] = -1;
            } else if (wasClamping[i]) {
                if (clampOffSinceNanos[i] < 0) {
                    clampOffSinceNanos[i] = now;
                } else if (now - clampOffSinceNanos[i] >= CLAMP_EPISODE_GAP_NANOS) {
                    wasClamping[i] = false;
                }
            }
        }
        Fault f = supervisor.fault();
        if (f != null && f != seenFault) {
            seenFault = f;
            event(now, "FAULT", f.code().name() + (f.zone() >= 0 ? " zone " + f.zone() : "")
                    + ": " + f.code().rule() + " (" + f.value() + ")");
        }
    }

    public SessionRecord build(SessionRecord.Outcome outcome) {
        List<SegmentResult> segments = new ArrayList<>(technique.length);
        for (int i = 0; i < technique.length; i++) {
            double forceErrPct = forceN[i] == 0 || forceTargetSum[i] <= 0 ? Double.NaN
                    : 100.0 * forceErrSum[i] / forceTargetSum[i];
            boolean holdTechnique = technique[i] == Technique.PRESS || technique[i] == Technique.STRETCH;
            double posErr = holdTechnique ? (posErrMax[i] > 0 || deliveredS[i] > 0 ? posErrMax[i] : Double.NaN)
                    : (posN[i] == 0 ? Double.NaN : posErrSum[i] / posN[i]);
            double tempErr = tempN[i] == 0 ? Double.NaN : tempErrSum[i] / tempN[i];
            double tempMax = tempN[i] == 0 ? Double.NaN : tempErrMax[i];
            double meanTarget = forceN[i] == 0 ? Double.NaN : forceTargetSum[i] / forceN[i];
            double meanForce = forceN[i] == 0 ? Double.NaN : forceSum[i] / forceN[i];
            segments.add(new SegmentResult(i, technique[i], plannedS[i], round(deliveredS[i]),
                    forceErrPct, posErr, tempErr, tempMax, meanTarget, plannedForce[i], meanForce));
        }
        Map<String, Long> clamps = new LinkedHashMap<>();
        if (supervisor != null) {
            for (ClampLimit limit : ClampLimit.values()) {
                long ticks = supervisor.clampTicks(limit);
                if (ticks > 0) {
                    clamps.put(limit.name(), ticks);
                }
            }
        }
        Peaks peaks = new Peaks(finite(peakRollerC), finite(peakOvershootC), peakForceN, finite(peakSkinC), peakCem43Min);
        return new SessionRecord(outcome, segments, peaks, events, seenFault, clamps);
    }

    private static double finite(double v) {
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** Delivered seconds are sums of 10 ms ticks; rounding to the microsecond hides the float dust. */
    private static double round(double s) {
        return Math.round(s * 1e6) / 1e6;
    }
}
