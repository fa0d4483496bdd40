package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.rollwell.app.campaign.FaultBounds;
import org.rollwell.app.simulate.SessionProperties.FaultSpec;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.technique.Technique;

/**
 * What {@link SessionProperties}' main property holds every run to, shared with the regression tests of the samples
 * it found ({@link MultiFaultRegressionTest}): no command outside the envelope, no press near an excluded range, every
 * struck fault ends in the safe state (or, a force-signal fault the rollers never showed, harmless), detected inside
 * its bound, and the twin's true skin, dose, force and roller surface inside issue 8's lines.
 */
final class SessionChecks {

    private SessionChecks() {
    }

    /**
     * Runs {@code plan} for {@code body} with {@code faults} on a twin seeded {@code seed} and holds it to everything
     * the main property claims; the regression tests of samples it found (MultiFaultRegressionTest) call it too.
     */
    static SimulationResult runAndCheck(Body body, SessionPlan plan, List<FaultSpec> faults, long seed) {
        long[] pressedNearExcluded = {0};
        // when the first fault struck could first show itself (a lift drive running away while told to rise at full speed
        // does what it is told, until told otherwise), s on the twin's clock
        double[] firstVisibleS = {Double.NaN};
        // the most the rollers truly pressed from the first fault on, N
        double[] trueForceSinceFaultN = {0};
        Simulation sim = Simulation.of(plan, body, seed).watchTruth(twin -> {
            // before any fault strikes (a slipping encoder may misplace the rollers until it is caught)
            double x = twin.trueCarriagePositionMm();
            if (twin.injectedFaults().isEmpty() && twin.trueForceN() > SessionProperties.TRUE_CONTACT_N
                    && SessionProperties.withinReach(plan.envelope(), x, x)) {
                pressedNearExcluded[0]++;
            }
            if (!twin.injectedFaults().isEmpty()) {
                trueForceSinceFaultN[0] = Math.max(trueForceSinceFaultN[0], twin.trueForceN());
            }
            if (!twin.injectedFaults().isEmpty() && Double.isNaN(firstVisibleS[0]) && canShow(twin)) {
                firstVisibleS[0] = twin.simulatedS();
            }
        });
        boolean anyCanStrike = false;
        boolean hostHangs = false;
        for (FaultSpec f : faults) {
            if (!canStrike(f, plan) || (f.kind().stopsHost() && hostHangs)) {
                // the harness hangs the host once per run: a second hang of a host already hung (or one that struck a
                // session its first hang had ended) is no new fault
                continue;
            }
            anyCanStrike = true;
            hostHangs |= f.kind().stopsHost();
            sim.faultIn(plan.segments().get(Math.min(f.segment(), plan.segments().size() - 1)).technique().name(),
                    f.afterS(), f.kind(), f.zone());
        }
        SimulationResult r = sim.run();

        assertThat(r.detail().commandViolations()).as(r.detail().firstViolation()).isZero();
        assertThat(pressedNearExcluded[0]).as("ticks a roller truly pressed within reach of %s", plan.envelope().excluded())
                .isZero();
        if (anyCanStrike && r.status().equals("COMPLETED") && r.faults().stream().allMatch(SessionChecks::forceSignalFault)) {
            // A load cell that sticks or sags while the rollers barely press reads what a healthy one reads, within the
            // lift current's friction band (SessionProperties' exploration: a STRETCH on a 150 cm, 50 kg body pressing
            // ≤ 68 N of a 120 N envelope): undetectable, and harmless only if the rollers truly stayed inside the envelope
            assertThat(trueForceSinceFaultN[0]).as("true force after an unseen force-signal fault, faults %s", r.faults())
                    .isLessThanOrEqualTo(plan.envelope().maxForceN().value());
        } else if (anyCanStrike && r.status().equals("COMPLETED") && weakHeaterWelded(faults, r)) {
            // A weak element (30 % of its power) behind a welded switch heats at a steady 30 % whatever the duty: the
            // zone takes in no less heat than asked and, near its target, stops climbing when the duty drops to 0
            // (exploration: ROLL at 42 °C, the roller settled at 43.3 °C). Undetectable by the heat checks, and
            // harmless only if the roller truly stayed within the bed's overshoot margin of the plan's temperature
            // (the skin and dose lines below hold too)
            assertThat(r.peaks().trueRollerSurfaceC()).as("true roller with a weak heater welded on, faults %s", r.faults())
                    .isLessThanOrEqualTo(plannedTempC(plan) + SessionProperties.BED.rollerOvershootMarginC());
        } else if (anyCanStrike) {
            assertThat(r.status()).as("a fault struck: %s", r.faults()).isEqualTo("FAULTED");
        } else if (!r.status().equals("COMPLETED")) {
            // A clean run should complete. At 200 tries this finds nuisance OVER_FORCE trips when a ROLL at 100 % of a
            // low maximum follows one at 40 % on a light body (issue 8 note: body 150 cm / 48 kg, ROLL L2–L5 at 0.4 then
            // 1.0 × 160.5 N, twin seed -7085558, trip at 151.4 s). A false trip is safe, so here it must only be a
            // force trip that ends in the safe state (asserted below); the force loop's rework owns the trip itself.
            assertThat(r.faults()).as("clean run: %s", r.faults()).allSatisfy(f -> {
                assertThat(f.kind()).isNull();
                assertThat(f.code()).isEqualTo("OVER_FORCE");
            });
        }
        if (r.status().equals("FAULTED")) {
            assertThat(r.safeState()).as("safe state after %s", r.faults()).isTrue();
            assertThat(r.faults()).anySatisfy(f -> assertThat(f.code()).isNotNull());
        }
        assertDetectedInTime(r, firstVisibleS[0]);
        assertThat(r.safeState()).as("a finished session rests safe too: %s", r.faults()).isTrue();
        assertThat(r.peaks().trueSkinTempC()).as("true skin, faults %s", r.faults()).isLessThanOrEqualTo(44.0);
        assertThat(r.peaks().trueCem43MaxMin()).as("true CEM43, faults %s", r.faults()).isLessThan(1.0);
        // issue 8 "Done when": under every fault the true force stays ≤ 1.3 × the envelope's maximum and the true
        // roller surface ≤ 70 °C (the bimetal cut-off's line)
        assertThat(r.peaks().trueForceN()).as("true force, faults %s", r.faults())
                .isLessThanOrEqualTo(1.3 * plan.envelope().maxForceN().value());
        if (r.peaks().trueRollerSurfaceC() != null) {
            assertThat(r.peaks().trueRollerSurfaceC()).as("true roller surface, faults %s", r.faults()).isLessThanOrEqualTo(70.0);
        }
        return r;
    }

    /** Both HEATER_WEAK and HEATER_STUCK_ON struck one zone, and neither was detected. */
    private static boolean weakHeaterWelded(List<FaultSpec> faults, SimulationResult r) {
        boolean undetected = r.faults().stream().allMatch(f -> f.code() == null);
        for (FaultSpec a : faults) {
            for (FaultSpec b : faults) {
                if (a.kind() == FaultKind.HEATER_WEAK && b.kind() == FaultKind.HEATER_STUCK_ON && a.zone() == b.zone()) {
                    return undetected;
                }
            }
        }
        return false;
    }

    private static double plannedTempC(SessionPlan plan) {
        return plan.segments().stream().mapToDouble(PlanSegment::rollerTempC).max().orElse(0);
    }

    /** An injected fault of the load cell that shows only while the rollers press (FaultBounds: IN_CONTACT). */
    private static boolean forceSignalFault(SimulationResult.FaultReport f) {
        return f.kind() != null && f.code() == null
                && FaultBounds.require(FaultKind.valueOf(f.kind())).occurs() == FaultBounds.Occurs.IN_CONTACT;
    }

    /**
     * Whether the first fault struck can show on the twin now. A lift drive that runs away (full speed up) is timed from
     * when the powered lift, below its top, is first told to hold or come down: on a ramp whose force stays under its
     * target the force loop asks close to full speed up for seconds, and the drive that runs away then does about what
     * it is told (the bed's rule, 0.4 mm more rise than the commands allow in 0.1 s, cannot tell them apart), harmlessly,
     * until the force reaches its target.
     */
    private static boolean canShow(SimulatedBed twin) {
        if (twin.injectedFaults().get(0).kind() != FaultKind.LIFT_DRIVE_RUNAWAY) {
            return true;
        }
        return twin.motorPowerOn() && twin.commandedLiftVelocityMmPerS() <= 0
                && twin.trueLiftMm() < twin.spec().maxLiftMm() - 0.1;
    }

    /**
     * The first fault to strike is detected inside its bound (FaultBounds), whatever strikes after it: the trip may come
     * from a later fault, but not later than the first one's bound, timed from when it could first show. Kinds that show
     * only under load, only while the carriage is told to move or only while their zone is asked to heat are timed so by
     * the campaign, with truths a report does not carry: they are left to it here. When the host hangs, the board acts
     * instead of the host: the host-side kinds carry the board's own times.
     */
    private static void assertDetectedInTime(SimulationResult r, double firstVisibleS) {
        double tripS = Double.NaN;
        for (SimulationResult.FaultReport f : r.faults()) {
            if (f.code() != null && f.kind() == null) {
                tripS = f.atS();
            } else if (f.code() != null && f.detectedAfterMs() != null && !FaultKind.valueOf(f.kind()).stopsHost()) {
                tripS = f.atS() + f.detectedAfterMs() / 1000.0;
            }
        }
        SimulationResult.FaultReport first = null;
        boolean hostHung = false;
        for (SimulationResult.FaultReport f : r.faults()) {
            if (f.kind() == null) {
                continue;
            }
            FaultKind kind = FaultKind.valueOf(f.kind());
            FaultBounds.Bound bound = FaultBounds.require(kind);
            if (kind.stopsHost()) {
                assertThat(f.detectedAfterMs()).as("%s: the board's figure, faults %s", kind, r.faults()).isNotNull()
                        .isLessThanOrEqualTo(bound.detectMs());
                hostHung = true;
            } else if (first == null) {
                first = f;
            }
        }
        if (first == null || hostHung) {
            return;
        }
        FaultKind kind = FaultKind.valueOf(first.kind());
        FaultBounds.Bound bound = FaultBounds.require(kind);
        if (bound.occurs() == FaultBounds.Occurs.ANYWHERE && !FaultBounds.showsOnlyWhenHeating(kind)
                && !Double.isNaN(firstVisibleS)) {
            double fromS = Math.max(first.atS(), firstVisibleS);
            assertThat(Double.isNaN(tripS) ? Double.POSITIVE_INFINITY : 1000.0 * (tripS - fromS))
                    .as("%s detected after (ms) from when it could show, faults %s", kind, r.faults())
                    .isLessThanOrEqualTo(bound.detectMs() + 1.0);
        }
    }

    /**
     * Whether the fault can strike and be seen inside its segment: heater kinds need heat; a stall
     * needs the carriage to move (ROLL, KNEAD, WARM travel); every fault must strike before the
     * segment ends, and early enough for its detection bound to pass before the plan does. A
     * segment whose technique ran earlier in the plan is entered earlier.
     */
    static boolean canStrike(FaultSpec f, SessionPlan plan) {
        int index = Math.min(f.segment(), plan.segments().size() - 1);
        PlanSegment seg = plan.segments().get(index);
        int first = index;
        for (int i = 0; i < index; i++) {
            if (plan.segments().get(i).technique() == seg.technique()) {
                first = i;
                break;
            }
        }
        PlanSegment entered = plan.segments().get(first);
        if (f.afterS() + 1 > entered.seconds()) {
            return false;
        }
        // it must also strike early enough to be detected before the session ends on its own
        // (the cool-down opens the heater mains, which hides a welded heater switch)
        double remainingS = -f.afterS();
        for (int i = first; i < plan.segments().size(); i++) {
            remainingS += plan.segments().get(i).seconds();
        }
        if (remainingS < FaultBounds.require(f.kind()).detectMs() / 1000.0 + 2.0) {
            return false;
        }
        // where a kind can show comes from the one table the campaign uses too: a heater or sensor of a zone
        // shows only in a heated session (a detached sensor on an unheated roller still reads the truth), a
        // stall only while the carriage is told to move, a force signal only while the rollers press
        FaultBounds.Bound bound = FaultBounds.require(f.kind());
        if (bound.needsHeat() && !entered.heated()) {
            return false;
        }
        if (bound.occurs() == FaultBounds.Occurs.CARRIAGE_MOVING) {
            return entered.technique() == Technique.ROLL || entered.technique() == Technique.KNEAD
                    || entered.technique() == Technique.WARM;
        }
        return true;
    }
}
