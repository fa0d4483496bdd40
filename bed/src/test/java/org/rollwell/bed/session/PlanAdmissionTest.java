package org.rollwell.bed.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.TechniqueBan;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/**
 * DESIGN.md "Safety in layers", layer 2: the bed refuses a plan outside the person's envelope
 * before it runs, naming the segment and the rule, whatever the planner did.
 */
class PlanAdmissionTest {
    private static final SpineMap MAP = SpineMap.normative(175, 100);

    /**
     * A person with sciatica (no PRESS on L4–S1, STRETCH at half height: 25 mm; DOMAIN.md §5), a skin
     * lesion at T8 excluded ± 50 mm, a 40-minute session, heat on or off.
     */
    static SafetyEnvelope sciatica(boolean heat) {
        double t8 = MAP.positionMm(Level.T8);
        return new SafetyEnvelope(new Bound(200, "BED"), new Bound(60, "BED"), new Bound(43, "IEC_60601_1"),
                new Bound(1, "CEM43_CAP"), new Bound(40, "PREFERENCE"), new Bound(10, "BED"), new Bound(25, "SCIATICA"),
                heat, heat ? "BED" : "CI_HEAT_INTOLERANCE",
                List.of(new TechniqueBan(Technique.PRESS, Level.L4, Level.S1, "SCIATICA")),
                List.of(new ExcludedRange(t8 - 50, t8 + 50, "CI_SKIN_LESION at T8")));
    }

    static PlanSegment roll(Level from, Level to, double tempC, int seconds) {
        return new PlanSegment(Technique.ROLL, from, to, MAP.positionMm(from), MAP.positionMm(to), 120, tempC, seconds,
                new TechniqueParams.Roll(20), "test");
    }

    static PlanSegment press(Level at) {
        double x = MAP.positionMm(at);
        return new PlanSegment(Technique.PRESS, at, at, x, x, 120, 0, 60, new TechniqueParams.Press(4, 10, 2, 5), "test");
    }

    static PlanSegment stretch(Level at, double liftMm) {
        double x = MAP.positionMm(at);
        return new PlanSegment(Technique.STRETCH, at, at, x, x, 100, 0, 60, new TechniqueParams.Stretch(liftMm, 10, 2, 5), "test");
    }

    static SessionPlan plan(SafetyEnvelope envelope, PlanSegment... segments) {
        return new SessionPlan(SessionPlan.Status.OK, List.of(), envelope, MAP, List.of(segments));
    }

    @Test
    void a_plan_that_keeps_to_the_envelope_runs() {
        SessionRunner runner = new SessionRunner(plan(sciatica(true), roll(Level.L1, Level.L5, 45, 600), press(Level.L3),
                stretch(Level.L2, 20)), BedSpec.REFERENCE);
        assertThat(runner.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void a_press_on_l4_to_l5_is_refused_for_a_person_with_sciatica_naming_the_segment_and_the_rule() {
        assertThatThrownBy(() -> new SessionRunner(plan(sciatica(true), roll(Level.L1, Level.L3, 45, 300), press(Level.L2),
                roll(Level.L1, Level.L3, 45, 300), press(Level.L5)), BedSpec.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments[3]").hasMessageContaining("PRESS on L5").hasMessageContaining("banned by SCIATICA");
    }

    @Test
    void a_segment_whose_span_crosses_an_excluded_range_is_refused() {
        assertThatThrownBy(() -> new SessionRunner(plan(sciatica(true), roll(Level.L1, Level.L3, 45, 300),
                roll(Level.T8, Level.T12, 45, 300)), BedSpec.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments[1]").hasMessageContaining("excluded range").hasMessageContaining("CI_SKIN_LESION");
    }

    @Test
    void a_stretch_higher_than_the_envelope_allows_is_refused() {
        assertThatThrownBy(() -> new SessionRunner(plan(sciatica(true), stretch(Level.L2, 30)), BedSpec.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments[0]").hasMessageContaining("30.0 mm").hasMessageContaining("25.0 mm set by SCIATICA");
    }

    @Test
    void a_plan_longer_than_the_envelopes_minutes_is_refused() {
        List<PlanSegment> segments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            segments.add(roll(Level.L1, Level.L5, 45, 500));
        }
        assertThat(segments.stream().mapToInt(PlanSegment::seconds).sum()).isEqualTo(2500);
        assertThatThrownBy(() -> new SessionRunner(plan(sciatica(true), segments.toArray(new PlanSegment[0])), BedSpec.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2500 s").hasMessageContaining("40.0 min").hasMessageContaining("PREFERENCE");
    }

    @Test
    void a_heated_segment_for_a_person_who_must_not_be_heated_is_refused_not_quietly_cooled() {
        assertThatThrownBy(() -> new SessionRunner(plan(sciatica(false), roll(Level.L1, Level.L3, 0, 300),
                roll(Level.L1, Level.L5, 45, 300)), BedSpec.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments[1]").hasMessageContaining("heat is off").hasMessageContaining("CI_HEAT_INTOLERANCE");
        assertThat(new SessionRunner(plan(sciatica(false), roll(Level.L1, Level.L5, 0, 300)), BedSpec.REFERENCE).state())
                .isEqualTo(SessionState.IDLE);
    }

    @Test
    void a_roller_temperature_that_is_not_a_number_is_refused() {
        SessionRunner runner = new SessionRunner(plan(sciatica(true), roll(Level.L1, Level.L5, 45, 300)), BedSpec.REFERENCE);
        Adjustment nan = runner.adjustRollerTempC(Double.NaN);
        assertThat(nan.accepted()).isFalse();
        assertThat(nan.reason()).contains("NaN");
        assertThat(runner.adjustRollerTempC(50).accepted()).isTrue();
    }

    /** A ROLL over a span given in bed millimetres. */
    static PlanSegment rollMm(double startMm, double endMm) {
        return new PlanSegment(Technique.ROLL, Level.T10, Level.T12, startMm, endMm, 120, 45, 300, new TechniqueParams.Roll(20), "test");
    }

    @Test
    void a_span_that_stops_short_of_an_excluded_range_is_still_refused_when_a_roller_would_reach_it() {
        double rangeTo = MAP.positionMm(Level.T8) + 50;
        double reach = BedSpec.REFERENCE.limits().rollerReachMm();
        // the carriage centre stays 20 mm below the range, but the head-side roller pair reaches 55 mm
        assertThatThrownBy(() -> new SessionRunner(plan(sciatica(true), rollMm(rangeTo + reach - 20, rangeTo + 200)),
                BedSpec.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments[0]").hasMessageContaining("roller").hasMessageContaining("CI_SKIN_LESION");
        assertThat(new SessionRunner(plan(sciatica(true), rollMm(rangeTo + reach + 1, rangeTo + 200)), BedSpec.REFERENCE)
                .state()).as("a span a full reach away runs").isEqualTo(SessionState.IDLE);
    }
}
