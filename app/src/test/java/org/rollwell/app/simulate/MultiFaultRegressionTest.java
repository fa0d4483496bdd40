package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.app.simulate.SessionProperties.FaultSpec;
import org.rollwell.app.simulate.SessionProperties.PlanSpec;
import org.rollwell.app.simulate.SessionProperties.RangeSpec;
import org.rollwell.app.simulate.SessionProperties.SegmentSpec;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.technique.Technique;

/**
 * Samples that {@link SessionProperties}' main property failed on before the fixes they name, kept as fixed cases
 * (issue 8, task "faults"): each builds the drawn body, plan, faults and twin seed exactly, holds the run to all the
 * property claims ({@link SessionChecks.runAndCheck}) and asserts the outcome that was wrong. They come from a
 * 3000-try exploration with random jqwik seeds and the lead's CI failure; the property itself runs on the pinned
 * seed 2026, so these seeds stay apart from it.
 */
class MultiFaultRegressionTest {

    private static SimulationResult run(Body body, PlanSpec spec, long seed, FaultSpec... faults) {
        SessionPlan plan = spec.build(body);
        assertThat(plan).as("the drawn plan keeps a segment").isNotNull();
        return SessionChecks.runAndCheck(body, plan, List.of(faults), seed);
    }

    private static double maxForceN(PlanSpec spec) {
        return spec.maxForceN();
    }

    /**
     * The lead's exploration, try 406: the lift drive runs away on the ROLL's ramp and is caught, then the stop button
     * is pressed. The board used to power the drives again to lower the lift, and the runaway drive pushed on: the
     * end state was not safe. The board now never gives back power a live host has cut.
     */
    @Test
    void a_stop_pressed_after_a_lift_runaway_trip_leaves_the_runaway_drive_unpowered() {
        Body body = new Body(150.36, 48.06, 21.25, 33.38, 6.97, 0.64);
        PlanSpec spec = new PlanSpec(List.of(new SegmentSpec(Technique.WARM, 9, 2, 0.77, 36),
                new SegmentSpec(Technique.ROLL, 13, 4, 1.0, 120)), 46.0, 120.38, List.of(),
                List.of(new RangeSpec(150.55, 100.81)));
        SimulationResult r = run(body, spec, 1768, new FaultSpec(FaultKind.ESTOP, 1, 1.64, 1),
                new FaultSpec(FaultKind.LIFT_DRIVE_RUNAWAY, 2, 1.05, 0));

        assertThat(r.faults()).anySatisfy(f -> assertThat(f.code()).isEqualTo("LIFT_RUNAWAY"));
        assertThat(r.safeState()).isTrue();
        assertThat(r.peaks().trueForceN()).isLessThanOrEqualTo(maxForceN(spec));
    }

    /**
     * A lift drive that runs away after a lift runaway trip: the host hangs, the dead-man takes over and must not
     * power the drive the host had cut: the drive pushed on and the end state was not safe.
     */
    @Test
    void a_host_that_hangs_after_a_lift_runaway_trip_does_not_get_the_drive_powered_again_by_the_board() {
        Body body = new Body(165.97, 66.01, 31.58, 30.1, 132.65, 0.12);
        PlanSpec spec = new PlanSpec(List.of(new SegmentSpec(Technique.WARM, 11, 3, 0.53, 30),
                new SegmentSpec(Technique.PRESS, 7, 2, 0.45, 34), new SegmentSpec(Technique.WARM, 11, 3, 0.99, 110)),
                46.0, 131.76, List.of(), List.of(new RangeSpec(171.04, 112.79)));
        SimulationResult r = run(body, spec, 32537, new FaultSpec(FaultKind.LIFT_DRIVE_RUNAWAY, 0, 1.03, 0),
                new FaultSpec(FaultKind.ESTOP_HOST_HUNG, 0, 1.26, 1));

        assertThat(r.faults().get(0).code()).isEqualTo("LIFT_RUNAWAY");
        assertThat(r.safeState()).as("motor power stays off, the self-locking lift holds").isTrue();
    }

    /**
     * The host hangs while the lift rises to meet a light, kyphotic upper back, and the stop button is pressed 1 s
     * later. The board followed the stale command up for the 0.5 s motor dead-man and pressed 341 N into a back whose
     * envelope allows 120 N; it now lowers the lift 50 ms after the host's last write.
     */
    @Test
    void a_host_hung_while_the_lift_rises_does_not_drive_the_rollers_into_the_back() {
        Body body = new Body(181.91, 48.24, 20.69, 30.04, 0.25, 10.99);
        PlanSpec spec = new PlanSpec(List.of(new SegmentSpec(Technique.ROLL, 1, 5, 1.0, 120)), 46.0, 120.0);
        SimulationResult r = run(body, spec, -4, new FaultSpec(FaultKind.ESTOP_HOST_HUNG, 2, 1.02, 1));

        assertThat(r.detail().liftDownAfterMs()).isNotNull();
        assertThat(r.peaks().trueForceN()).isLessThanOrEqualTo(maxForceN(spec));
    }

    /**
     * The host hangs in a KNEAD stroke with the carriage running on towards a kyphotic upper back at 16 mm/s: over the
     * 0.5 s until the motor dead-man the back rose under a lift left where it was, to 176 N of a 120 N envelope.
     */
    @Test
    void a_host_hung_while_the_carriage_climbs_the_back_has_the_board_lower_the_lift_before_the_dead_man() {
        Body body = new Body(151.03, 48.04, 50.33, 31.19, 5.6, -0.16);
        PlanSpec spec = new PlanSpec(List.of(new SegmentSpec(Technique.KNEAD, 4, 5, 0.87, 64)), 0.0, 120.33);
        SimulationResult r = run(body, spec, -1264, new FaultSpec(FaultKind.ESTOP_HOST_HUNG, 1, 25.0, 1));

        assertThat(r.peaks().trueForceN()).isLessThanOrEqualTo(1.3 * maxForceN(spec));
    }

    /**
     * The CI failure the lead pinned the seed for: a load cell sagging during a light STRETCH on a 150 cm, 50 kg body
     * never shows (the rollers press ≤ 68 N of a 120 N envelope; the load cell and the motor current stay within the
     * lift's friction band), and the session completes. Undetectable, so the property asks it to be harmless instead.
     */
    @Test
    void a_load_cell_sagging_under_a_light_stretch_goes_unseen_but_the_rollers_stay_inside_the_envelope() {
        Body body = new Body(150.23, 50.49, 20.04, 32.19, 2.94, 2.95);
        PlanSpec spec = new PlanSpec(List.of(new SegmentSpec(Technique.PRESS, 3, 2, 0.87, 32),
                new SegmentSpec(Technique.STRETCH, 3, 4, 0.67, 53), new SegmentSpec(Technique.STRETCH, 14, 3, 0.49, 44)),
                42.0, 120.0, List.of(), List.of(new RangeSpec(150.03, 105.89)));
        SimulationResult r = run(body, spec, -2496, new FaultSpec(FaultKind.LOAD_CELL_DRIFT, 1, 8.97, 0));

        assertThat(r.status()).isEqualTo("COMPLETED");
        assertThat(r.peaks().trueForceN()).isLessThanOrEqualTo(maxForceN(spec));
    }

    /**
     * A lift drive that runs away on a ramp whose force stays under its target does what the force loop asks (close to
     * full speed up) until the rollers reach the back, harmlessly, and is caught within its 200 ms bound once the lift
     * is told to hold (caught 280 ms after it struck: the property now times it from there).
     */
    @Test
    void a_lift_runaway_hidden_by_a_full_speed_ramp_is_caught_once_the_lift_is_told_to_hold() {
        Body body = new Body(153.32, 48.3, 20.36, 48.41, 0.08, -13.32);
        PlanSpec spec = new PlanSpec(List.of(new SegmentSpec(Technique.WARM, 13, 2, 0.4, 30)), 0.0, 120.0);
        SimulationResult r = run(body, spec, 877258, new FaultSpec(FaultKind.LIFT_DRIVE_RUNAWAY, 2, 1.13, 1));

        assertThat(r.faults().get(0).code()).isEqualTo("LIFT_RUNAWAY");
        assertThat(r.peaks().trueForceN()).isLessThanOrEqualTo(maxForceN(spec));
    }

    /**
     * The stop button pressed, then the host hangs: the button was already latched, so the hang's own press changes
     * nothing. The harness timed the board's heat cut from the first press (180 ms, "over" its 20 ms bound); it now
     * times it from the hang.
     */
    @Test
    void a_host_hanging_after_the_stop_button_was_pressed_finds_the_heat_already_cut() {
        Body body = new Body(171.2, 64.72, 22.15, 36.98, 0.0, -12.58);
        PlanSpec spec = new PlanSpec(List.of(new SegmentSpec(Technique.PRESS, 9, 5, 0.72, 42)), 0.0, 124.61,
                List.of(new SessionProperties.BanSpec(Technique.WARM, 9, 1)), List.of());
        SimulationResult r = run(body, spec, -98734, new FaultSpec(FaultKind.ESTOP_HOST_HUNG, 1, 2.52, 1),
                new FaultSpec(FaultKind.ESTOP, 1, 2.35, 0));

        assertThat(r.faults().get(0).code()).isEqualTo("ESTOP");
        assertThat(r.faults().get(1).detectedAfterMs()).isZero();
    }

    /**
     * The second exploration's one failure: a weak element behind a welded switch heats at a steady 30 % whatever the
     * duty, a ROLL at 42 °C settles at 43.3 °C and the session completes with neither fault seen. Undetectable by the
     * heat checks (the zone takes in no less heat than asked); the property asks it to be harmless instead.
     */
    @Test
    void a_weak_heater_welded_on_goes_unseen_but_its_roller_stays_within_the_overshoot_margin() {
        Body body = new Body(167.53, 64.81, 20.21, 41.56, 0.52, 1.09);
        PlanSpec spec = new PlanSpec(List.of(new SegmentSpec(Technique.ROLL, 14, 2, 1.0, 120)), 42.0, 149.86);
        SimulationResult r = run(body, spec, 1050013, new FaultSpec(FaultKind.HEATER_WEAK, 1, 22.92, 1),
                new FaultSpec(FaultKind.HEATER_STUCK_ON, 2, 25.0, 1));

        assertThat(r.status()).isEqualTo("COMPLETED");
        assertThat(r.peaks().trueRollerSurfaceC()).isLessThanOrEqualTo(42.0 + SessionProperties.BED.rollerOvershootMarginC());
        assertThat(r.peaks().trueSkinTempC()).isLessThanOrEqualTo(43.0);
    }
}
