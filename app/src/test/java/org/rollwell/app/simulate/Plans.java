package org.rollwell.app.simulate;

import java.util.ArrayList;
import java.util.List;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;
import org.rollwell.sim.body.Body;

/** Session plans for the closed-loop tests, built directly from the therapy records. */
final class Plans {
    private Plans() {
    }

    /** The envelope of a person with no restrictions on the reference bed. */
    static SafetyEnvelope open() {
        return new SafetyEnvelope(new Bound(250, "BED"), new Bound(60, "BED"), new Bound(43, "IEC_60601_1"),
                new Bound(1.0, "CEM43_CAP"), new Bound(60, "BED"), new Bound(10, "BED"), new Bound(40, "BED"),
                true, "BED", List.of(), List.of());
    }

    static SpineMap map(Body body) {
        return SpineMap.normative(body.heightCm(), body.headOffsetMm());
    }

    static PlanSegment seg(SpineMap map, Technique t, Level from, Level to, double forceN, double tempC, int seconds,
                           TechniqueParams params) {
        double a = map.positionMm(from);
        double b = map.positionMm(to);
        return new PlanSegment(t, from, to, a, b, forceN, tempC, seconds, params, "test");
    }

    static SessionPlan plan(Body body, PlanSegment... segments) {
        return new SessionPlan(SessionPlan.Status.OK, List.of(), open(), map(body), List.of(segments));
    }

    /** ≈ 40 minutes for tension: warm, roll, knead, press a point, roll the whole back. */
    static SessionPlan tension40(Body body, double tempC) {
        SpineMap m = map(body);
        List<PlanSegment> s = new ArrayList<>();
        s.add(seg(m, Technique.WARM, Level.T2, Level.L5, 60, tempC, 300, new TechniqueParams.Warm(15)));
        s.add(seg(m, Technique.ROLL, Level.T6, Level.L5, 140, tempC, 600, new TechniqueParams.Roll(25)));
        s.add(seg(m, Technique.KNEAD, Level.L1, Level.L5, 130, tempC, 540, new TechniqueParams.Knead(30, 0.5, 4)));
        s.add(seg(m, Technique.PRESS, Level.L4, Level.L4, 150, tempC, 240, new TechniqueParams.Press(4, 45, 3, 20)));
        s.add(seg(m, Technique.STRETCH, Level.L2, Level.L4, 180, tempC, 120, new TechniqueParams.Stretch(30, 20, 3, 10)));
        s.add(seg(m, Technique.ROLL, Level.T1, Level.S1, 110, tempC, 600, new TechniqueParams.Roll(30)));
        return new SessionPlan(SessionPlan.Status.OK, List.of(), open(), m, s);
    }

    /** ≈ 40 minutes for circulation: warm and roll the whole back, slowly. */
    static SessionPlan circulation40(Body body, double tempC) {
        SpineMap m = map(body);
        return plan(body,
                seg(m, Technique.WARM, Level.T1, Level.S1, 70, tempC, 600, new TechniqueParams.Warm(10)),
                seg(m, Technique.ROLL, Level.T1, Level.S1, 100, tempC, 900, new TechniqueParams.Roll(20)),
                seg(m, Technique.KNEAD, Level.T8, Level.L3, 110, tempC, 300, new TechniqueParams.Knead(25, 0.5, 5)),
                seg(m, Technique.ROLL, Level.T1, Level.S1, 90, tempC, 600, new TechniqueParams.Roll(15)));
    }

    /** A short plan with every technique, for the fault matrix: ≈ 6 minutes. */
    static SessionPlan everyTechnique(Body body, double tempC) {
        SpineMap m = map(body);
        return plan(body,
                seg(m, Technique.ROLL, Level.T6, Level.L3, 120, tempC, 60, new TechniqueParams.Roll(25)),
                seg(m, Technique.KNEAD, Level.L1, Level.L4, 120, tempC, 60, new TechniqueParams.Knead(30, 0.5, 4)),
                seg(m, Technique.PRESS, Level.L4, Level.L4, 150, tempC, 90, new TechniqueParams.Press(4, 30, 2, 10)),
                seg(m, Technique.STRETCH, Level.L2, Level.L4, 180, tempC, 60, new TechniqueParams.Stretch(30, 15, 2, 5)),
                seg(m, Technique.WARM, Level.T4, Level.L4, 60, tempC, 90, new TechniqueParams.Warm(10)));
    }
}
