package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.app.bedspec.BedSpecFile;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/**
 * Issue 8: every fault code is provoked in the twin by a fault, a bed file or a plan that makes its
 * rule the first to fire, and ends in the safe state. These are the rules no single twin fault reaches
 * first (the other rules' checks are faster): the far limit switch, the heater runaway band, the
 * roller over-temperature and the thermal dose. (SKIN_OVER_TEMPERATURE has none yet: the skin derate lifts the
 * rollers off half a degree before the limit, and no single twin fault keeps them pressed without tripping first.)
 */
class RuleProvocationTest {
    private static final Body BODY = Body.TYPICAL;

    private static SafetyEnvelope envelope(double maxRollerC, double maxSkinC, double cem43CapMin) {
        return new SafetyEnvelope(new Bound(250, "BED"), new Bound(maxRollerC, "BED"), new Bound(maxSkinC, "TEST"),
                new Bound(cem43CapMin, "TEST"), new Bound(60, "BED"), new Bound(10, "BED"), new Bound(40, "BED"),
                true, "BED", List.of(), List.of());
    }

    /** Rolls the thoracolumbar back at 120 N with rollers at {@code tempC} for {@code seconds}, under {@code env}. */
    private static SessionPlan roll(SafetyEnvelope env, double tempC, int seconds) {
        SpineMap m = Plans.map(BODY);
        return new SessionPlan(SessionPlan.Status.OK, List.of(), env, m,
                List.of(Plans.seg(m, Technique.ROLL, Level.T6, Level.L3, 120, tempC, seconds, new TechniqueParams.Roll(25))));
    }

    /** Presses L4 at 150 N with rollers at {@code tempC}, under {@code env}. */
    private static SessionPlan press(SafetyEnvelope env, double tempC, int seconds) {
        SpineMap m = Plans.map(BODY);
        return new SessionPlan(SessionPlan.Status.OK, List.of(), env, m,
                List.of(Plans.seg(m, Technique.PRESS, Level.L4, Level.L4, 150, tempC, seconds,
                        new TechniqueParams.Press(10, 60, 2, 5))));
    }

    private static void assertSafeTrip(SimulationResult r, FaultCode code) {
        assertThat(r.status()).isEqualTo("FAULTED");
        assertThat(r.faults()).isNotEmpty();
        assertThat(r.faults().get(0).code()).as("the first rule to fire").isEqualTo(code.name());
        assertThat(r.safeState()).isTrue();
        assertThat(r.detail().commandViolations()).as(r.detail().firstViolation()).isZero();
        assertThat(r.peaks().trueSkinTempC()).isLessThanOrEqualTo(44.0);
        assertThat(r.peaks().trueRollerSurfaceC()).isLessThanOrEqualTo(70.0);
    }

    @Test
    void a_carriage_left_on_the_far_limit_switch_trips_limit_switch_before_anything_moves() {
        SimulationResult r = Simulation.of(Plans.everyTechnique(BODY, 45), BODY, 301)
                .startAt(BedSpec.REFERENCE.travelMm())
                .run();
        assertSafeTrip(r, FaultCode.LIMIT_SWITCH);
        assertThat(r.faults().get(0).atS()).as("on the first ticks").isLessThan(0.1);
    }

    @Test
    void rollers_held_at_30_degrees_in_a_40_degree_room_sit_outside_the_band_and_trip_heater_runaway() {
        // the room keeps the rollers 10 °C over their target with the heaters off: Klipper's runaway band
        SimulationResult r = Simulation.of(roll(Plans.open(), 30, 300), BODY, 302)
                .ambient(40)
                .startAt(400)
                .run();
        assertSafeTrip(r, FaultCode.HEATER_RUNAWAY);
    }

    @Test
    void a_bed_with_a_small_overshoot_margin_trips_roller_over_temperature_when_a_welded_switch_pushes_past_it()
            throws Exception {
        BedSpec tight = BedSpecFile.parse("""
                {"format": "rollwell.bedspec/1", "description": "0.3 °C over its hottest target", "rollerOvershootMarginC": 0.3}
                """);
        SimulationResult r = Simulation.of(roll(envelope(65, 43, 1.0), 65, 600), BODY, 303)
                .spec(tight)
                .startAt(400)
                .faultIn("ROLL", 60, FaultKind.HEATER_STUCK_ON, 0)
                .run();
        assertSafeTrip(r, FaultCode.ROLLER_OVER_TEMPERATURE);
    }

    @Test
    void a_plan_with_a_tiny_dose_cap_trips_thermal_dose() {
        SimulationResult r = Simulation.of(press(envelope(60, 43, 0.0005), 60, 600), BODY, 305)
                .startAt(400)
                .run();
        assertSafeTrip(r, FaultCode.THERMAL_DOSE);
    }
}
