package org.rollwell.bed.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

class SessionRunnerTest {

    /** A person with osteoporosis (force ≤ 120 N) and reduced sensation (roller ≤ 45 °C), DOMAIN.md §5. */
    static SessionPlan restrictedPlan(double forceN, double tempC) {
        SpineMap map = SpineMap.normative(170, 100);
        SafetyEnvelope envelope = new SafetyEnvelope(new Bound(120, "CI_OSTEOPOROSIS"), new Bound(45, "CI_REDUCED_SENSATION"),
                new Bound(40, "CI_REDUCED_SENSATION"), new Bound(1, "CEM43_CAP"), new Bound(40, "BED"), new Bound(4, "CI_OSTEOPOROSIS"),
                new Bound(0, "CI_OSTEOPOROSIS"), true, "BED", List.of(), List.of());
        return new SessionPlan(SessionPlan.Status.OK, List.of(), envelope, map, List.of(
                new PlanSegment(Technique.ROLL, Level.T8, Level.L4, map.positionMm(Level.T8), map.positionMm(Level.L4), forceN, tempC,
                        300, new TechniqueParams.Roll(20), "test")));
    }

    @Test
    void stronger_pressure_beyond_the_persons_limit_is_refused_with_the_rule_that_sets_it() {
        SessionRunner runner = new SessionRunner(restrictedPlan(100, 42), BedSpec.REFERENCE);
        Adjustment more = runner.adjustForceScale(1.3);
        assertThat(more.accepted()).isFalse();
        assertThat(more.reason()).contains("130").contains("120").contains("CI_OSTEOPOROSIS");
        assertThat(runner.adjustForceScale(1.05).accepted()).as("105 N: under the 108 N ceiling, 90 %% of 120 N").isTrue();
    }

    @Test
    void on_a_noisier_bed_stronger_pressure_keeps_the_bed_s_force_headroom_under_the_limit() {
        BedSpec r = BedSpec.REFERENCE;
        // compact-800's σ 4 N load cell: 4 σ + 4 N = 20 N of headroom, more than 10 % of 120 N
        BedSpec noisy = new BedSpec(r.travelMm(), r.maxCarriageSpeedMmPerS(), r.maxCarriageAccelMmPerS2(), r.encoderResolutionMm(),
                r.maxLiftMm(), r.maxLiftSpeedMmPerS(), r.liftResolutionMm(), r.forceFullScaleN(), r.maxForceN(),
                4.0, r.heaterZones(), r.heaterPowerW(), r.rollerPairOffsetMm(), r.thermistorMinC(),
                r.thermistorMaxC(), r.rollerTempMinC(), r.rollerTempMaxC(), r.rollerOvershootMarginC(), r.thermalFuseC(),
                r.maxSessionMinutes(), r.loopHz(), r.motorDeadmanS(), r.heaterDeadmanS(), r.rollerContactAreaCm2(),
                r.personHeightMinCm(), r.personHeightMaxCm(), r.personWeightMaxKg(), r.bimetalCutoffC(),
                r.liftFrictionBandN(), r.liftCurrentAPerN(), r.boardLiftLowerFraction(), r.rollerHeatCapacityJPerK(),
                r.rollerLossWPerK());
        assertThat(noisy.forceHeadroomN()).isEqualTo(20);
        SessionRunner runner = new SessionRunner(restrictedPlan(90, 42), noisy);

        Adjustment more = runner.adjustForceScale(1.15);
        assertThat(more.accepted()).as("103.5 N: over the 100 N ceiling").isFalse();
        assertThat(more.reason()).contains("ceiling 100").contains("20.0 N under the maximum 120").contains("CI_OSTEOPOROSIS");
        assertThat(runner.adjustForceScale(1.1).accepted()).as("99 N: under the 100 N ceiling").isTrue();
    }

    @Test
    void a_hotter_roller_than_the_envelope_allows_is_refused_and_a_cooler_one_accepted() {
        SessionRunner runner = new SessionRunner(restrictedPlan(100, 42), BedSpec.REFERENCE);
        Adjustment hot = runner.adjustRollerTempC(50);
        assertThat(hot.accepted()).isFalse();
        assertThat(hot.reason()).contains("45").contains("CI_REDUCED_SENSATION");
        assertThat(runner.adjustRollerTempC(40).accepted()).isTrue();
    }

    @Test
    void a_plan_pressing_harder_than_its_envelope_is_refused_before_it_runs_naming_the_field() {
        assertThatThrownBy(() -> new SessionRunner(restrictedPlan(150, 42), BedSpec.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plan.segments[0].forceN").hasMessageContaining("CI_OSTEOPOROSIS");
    }
}
