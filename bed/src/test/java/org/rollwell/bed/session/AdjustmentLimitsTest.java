package org.rollwell.bed.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Intensity;
import org.rollwell.therapy.technique.Technique;

/** DOMAIN.md §5 "Dose decisions": live adjustment obeys the force ceiling and every cap, one step at a time. */
class AdjustmentLimitsTest {
    private static final SpineMap MAP = SpineMap.normative(170, 100);

    static SessionPlan plan(double maxForceN, int maxIntensity, double maxRollerC, double forceN, double tempC) {
        SafetyEnvelope envelope = new SafetyEnvelope(new Bound(maxForceN, "CONDITION"), new Bound(maxRollerC, "PREFERENCE"),
                new Bound(43, "IEC_60601_1"), new Bound(1, "CEM43_CAP"), new Bound(40, "BED"), new Bound(maxIntensity, "PAIN_NOW"),
                new Bound(25, "BED"), true, "BED", List.of(), List.of());
        return new SessionPlan(SessionPlan.Status.OK, List.of(), envelope, MAP, List.of(
                new PlanSegment(Technique.ROLL, Level.T8, Level.L4, MAP.positionMm(Level.T8), MAP.positionMm(Level.L4), forceN, tempC,
                        300, new TechniqueParams.Roll(20), "test"),
                new PlanSegment(Technique.KNEAD, Level.L1, Level.L4, MAP.positionMm(Level.L1), MAP.positionMm(Level.L4),
                        forceN * 0.8, tempC, 300, new TechniqueParams.Knead(40, 0.5, 5), "test")));
    }

    @Provide
    Arbitrary<List<Double>> requests() {
        // scales a person's app might send, including nonsense: 0, negatives, NaN, 2 × and far beyond
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1, 4), Arbitraries.of(0.0, Double.NaN, 1.0, 2.0, 10.0,
                Double.POSITIVE_INFINITY)).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void no_sequence_of_requests_passes_ninety_percent_of_the_maximum_force_or_the_intensity_cap(
            @ForAll("requests") List<Double> scales,
            @ForAll("maxForces") double maxForceN,
            @ForAll("intensityCaps") int maxIntensity) {
        double planForceN = Math.min(0.9 * maxForceN, Intensity.forceN(maxIntensity)) * 0.6;
        SessionRunner runner = new SessionRunner(plan(maxForceN, maxIntensity, 50, planForceN, 40), BedSpec.REFERENCE);
        double ceilingN = Math.min(0.9 * Math.min(maxForceN, BedSpec.REFERENCE.maxForceN()), Intensity.forceN(maxIntensity));
        double before = runner.forceScale();
        for (double scale : scales) {
            Adjustment answer = runner.adjustForceScale(scale);
            double after = runner.forceScale();
            assertThat(planForceN * after).as("after asking %s", scale).isLessThanOrEqualTo(ceilingN + 1e-6);
            assertThat(planForceN * (after - before)).as("one step at most").isLessThanOrEqualTo(Intensity.STEP_N + 1e-6);
            assertThat(answer.accepted()).isEqualTo(answer.limit() == Adjustment.Limit.NONE);
            before = after;
        }
    }

    @Provide
    Arbitrary<Double> maxForces() {
        return Arbitraries.doubles().between(80, 350);
    }

    @Provide
    Arbitrary<Integer> intensityCaps() {
        return Arbitraries.integers().between(2, 10);
    }

    @Property(tries = 200)
    void no_sequence_of_roller_requests_passes_the_maximum_or_climbs_more_than_a_step(
            @ForAll("temps") List<Double> temps) {
        SessionRunner runner = new SessionRunner(plan(200, 10, 48, 100, 40), BedSpec.REFERENCE);
        double present = 40;
        for (double t : temps) {
            Adjustment answer = runner.adjustRollerTempC(t);
            if (answer.accepted()) {
                assertThat(t).isLessThanOrEqualTo(48).isGreaterThanOrEqualTo(BedSpec.REFERENCE.rollerTempMinC());
                assertThat(t - present).isLessThanOrEqualTo(AdjustmentLimits.ROLLER_STEP_C + 1e-9);
                present = t;
            } else {
                assertThat(answer.limit()).isNotEqualTo(Adjustment.Limit.NONE);
            }
        }
    }

    @Provide
    Arbitrary<List<Double>> temps() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 90), Arbitraries.of(Double.NaN, 65.0, 48.0))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    @Test
    void asking_for_double_the_plan_is_refused_as_more_than_one_step() {
        SessionRunner runner = new SessionRunner(plan(350, 10, 50, 100, 40), BedSpec.REFERENCE);
        Adjustment twice = runner.adjustForceScale(2.0);
        assertThat(twice.accepted()).isFalse();
        assertThat(twice.limit()).isEqualTo(Adjustment.Limit.STEP);
        assertThat(twice.reason()).contains("200").contains("one intensity step");
    }

    @Test
    void a_step_past_ninety_percent_of_the_maximum_names_the_ceiling_and_the_rule() {
        SessionRunner runner = new SessionRunner(plan(200, 10, 50, 170, 40), BedSpec.REFERENCE);
        Adjustment more = runner.adjustForceScale(1.1);
        assertThat(more.limit()).isEqualTo(Adjustment.Limit.FORCE_CEILING);
        assertThat(more.reason()).contains("187").contains("180").contains("CONDITION");
    }

    @Test
    void a_step_past_the_intensity_cap_names_the_cap_and_its_rule() {
        SessionRunner runner = new SessionRunner(plan(350, 4, 50, 130, 40), BedSpec.REFERENCE);
        Adjustment more = runner.adjustForceScale(1.2);
        assertThat(more.limit()).isEqualTo(Adjustment.Limit.INTENSITY_CAP);
        assertThat(more.reason()).contains("intensity 4").contains("140").contains("PAIN_NOW");
    }

    @Test
    void lighter_is_granted_at_once_and_the_way_back_up_goes_one_step_at_a_time() {
        SessionRunner runner = new SessionRunner(plan(350, 10, 50, 150, 40), BedSpec.REFERENCE);
        assertThat(runner.adjustForceScale(0.5).accepted()).isTrue();
        assertThat(runner.adjustForceScale(1.0).limit()).as("75 → 150 N").isEqualTo(Adjustment.Limit.STEP);
        assertThat(runner.adjustForceScale(0.7).accepted()).as("75 → 105 N").isTrue();
    }

    @Test
    void a_warmer_roller_more_than_a_step_above_the_present_target_is_refused() {
        SessionRunner runner = new SessionRunner(plan(200, 10, 60, 100, 40), BedSpec.REFERENCE);
        assertThat(runner.adjustRollerTempC(50).limit()).isEqualTo(Adjustment.Limit.STEP);
        assertThat(runner.adjustRollerTempC(45).accepted()).isTrue();
        assertThat(runner.adjustRollerTempC(50).accepted()).isTrue();
    }
}
