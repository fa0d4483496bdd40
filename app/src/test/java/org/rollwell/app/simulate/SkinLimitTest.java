package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/** The skin limit of DOMAIN.md §5 holds from the bed's own estimate, without the twin's truth. */
class SkinLimitTest {

    @Test
    void given_reduced_sensation_a_hot_roller_resting_on_one_spot_never_warms_the_skin_past_forty_degrees() {
        Body body = Body.TYPICAL;
        SpineMap map = SpineMap.normative(body.heightCm(), body.headOffsetMm());
        // CI_REDUCED_SENSATION: skin estimate ≤ 40 °C; the roller itself allowed up to 55 °C for this test
        SafetyEnvelope envelope = new SafetyEnvelope(new Bound(250, "BED"), new Bound(55, "PREFERENCE"),
                new Bound(40, "CI_REDUCED_SENSATION"), new Bound(1.0, "CEM43_CAP"), new Bound(60, "BED"), new Bound(10, "BED"),
                new Bound(40, "BED"), true, "BED", List.of(), List.of());
        SessionPlan plan = new SessionPlan(SessionPlan.Status.OK, List.of(), envelope, map, List.of(
                new PlanSegment(Technique.WARM, Level.L2, Level.L4, map.positionMm(Level.L2), map.positionMm(Level.L4), 80, 55, 1200,
                        new TechniqueParams.Warm(0), "rest on the lumbar spine")));

        SimulationResult r = Simulation.of(plan, body, 4).run();

        assertThat(r.status()).as("%s", r.faults()).isEqualTo("COMPLETED");
        assertThat(r.peaks().trueSkinTempC()).isLessThanOrEqualTo(40.0);
        assertThat(r.peaks().skinEstimateC()).isLessThanOrEqualTo(40.0).isGreaterThanOrEqualTo(r.peaks().trueSkinTempC());
        assertThat(r.detail().record().events()).as("the heaters were cut, and it was recorded")
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo("SKIN_TEMPERATURE"));
    }
}
