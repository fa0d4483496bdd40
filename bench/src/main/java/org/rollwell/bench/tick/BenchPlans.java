package org.rollwell.bench.tick;

import java.util.List;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/** The session the benchmarks run: a heated tension program of {@code minutes}, for a typical adult. */
final class BenchPlans {
    private BenchPlans() {
    }

    static SessionPlan tension(Body body, int minutes) {
        SpineMap m = SpineMap.normative(body.heightCm(), body.headOffsetMm());
        SafetyEnvelope envelope = new SafetyEnvelope(new Bound(250, "BED"), new Bound(60, "BED"), new Bound(43, "IEC_60601_1"),
                new Bound(1.0, "CEM43_CAP"), new Bound(60, "BED"), new Bound(10, "BED"), new Bound(40, "BED"),
                true, "BED", List.of(), List.of());
        int s = minutes * 60;
        List<PlanSegment> segments = List.of(
                seg(m, Technique.WARM, Level.T2, Level.L5, 60, s / 6, new TechniqueParams.Warm(15)),
                seg(m, Technique.ROLL, Level.T6, Level.L5, 140, s / 3, new TechniqueParams.Roll(25)),
                seg(m, Technique.KNEAD, Level.L1, Level.L5, 130, s / 4, new TechniqueParams.Knead(30, 0.5, 4)),
                seg(m, Technique.ROLL, Level.T1, Level.S1, 110, s - s / 6 - s / 3 - s / 4, new TechniqueParams.Roll(30)));
        return new SessionPlan(SessionPlan.Status.OK, List.of(), envelope, m, segments);
    }

    /**
     * For the tick benchmark: a bed whose auto-off lies a week away and a plan whose ROLL never
     * ends, so every measured tick is a working tick and the setup runs once per trial (its
     * allocation would otherwise show in {@code -prof gc}).
     */
    static BedSpec endlessBed() {
        BedSpec r = BedSpec.REFERENCE;
        return new BedSpec(r.travelMm(), r.maxCarriageSpeedMmPerS(), r.maxCarriageAccelMmPerS2(), r.encoderResolutionMm(),
                r.maxLiftMm(), r.maxLiftSpeedMmPerS(), r.liftResolutionMm(), r.forceFullScaleN(), r.maxForceN(), r.forceNoiseN(),
                r.heaterZones(), r.heaterPowerW(), r.rollerPairOffsetMm(), r.thermistorMinC(), r.thermistorMaxC(),
                r.rollerTempMinC(), r.rollerTempMaxC(), r.rollerOvershootMarginC(), r.thermalFuseC(), 7 * 24 * 60,
                r.loopHz(), r.motorDeadmanS(), r.heaterDeadmanS(), r.rollerContactAreaCm2(), r.personHeightMinCm(),
                r.personHeightMaxCm(), r.personWeightMaxKg(), r.bimetalCutoffC(), r.liftFrictionBandN(),
                r.liftCurrentAPerN(), r.boardLiftLowerFraction(), r.rollerHeatCapacityJPerK(), r.rollerLossWPerK());
    }

    static SessionPlan endlessRoll(Body body) {
        SpineMap m = SpineMap.normative(body.heightCm(), body.headOffsetMm());
        SafetyEnvelope envelope = new SafetyEnvelope(new Bound(250, "BED"), new Bound(60, "BED"), new Bound(43, "IEC_60601_1"),
                new Bound(1000.0, "BENCH"), new Bound(7 * 24 * 60, "BENCH"), new Bound(10, "BED"), new Bound(40, "BED"),
                true, "BED", List.of(), List.of());
        return new SessionPlan(SessionPlan.Status.OK, List.of(), envelope, m, List.of(
                seg(m, Technique.ROLL, Level.T6, Level.L5, 140, 7 * 24 * 3600, new TechniqueParams.Roll(25))));
    }

    private static PlanSegment seg(SpineMap m, Technique t, Level from, Level to, double forceN, int seconds,
                                   TechniqueParams params) {
        return new PlanSegment(t, from, to, m.positionMm(from), m.positionMm(to), forceN, 45, seconds, params, "bench");
    }
}
