package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollwell.bed.record.RecordedEvent;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.body.Body;

/**
 * Issue 4 "Done when", second item: every fault kind injected in each phase where it can
 * occur ends in the safe state, detected within its bound, with the skin safe. One scenario
 * per fault × phase, asserting on the record.
 *
 * <p>Where a fault "can occur": a carriage stall shows only while the carriage is told to
 * move, so in WARMING it strikes while the carriage travels to the first segment, in PRESS
 * and STRETCH while it approaches the point; while PAUSED the carriage stands still, so a
 * stall then is caught at the first move after resuming (its own test below). Every other kind can strike in
 * every phase: the plan is heated from homing on, so the heater kinds apply throughout.
 */
class FaultScenarioTest {

    enum Phase { HOMING, WARMING, ROLL, KNEAD, PRESS, STRETCH, WARM, PAUSED }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            for (Phase phase : Phase.values()) {
                if (canOccur(kind, phase)) {
                    cases.add(Arguments.of(kind, phase));
                }
            }
        }
        return cases.stream();
    }

    /**
     * Where a fault can show. A stall only while the carriage is told to move (not PAUSED). A load cell
     * fault only while the rollers touch the back: during HOMING, WARMING and PAUSED the lift rests on its
     * stop and a healthy cell reads its clipped 0 as a stuck or sagging one does. A thermistor that comes off
     * a roller still at room temperature (HOMING, the first seconds of heat) reads what an attached one reads.
     */
    static boolean canOccur(FaultKind kind, Phase phase) {
        boolean noContact = phase == Phase.HOMING || phase == Phase.WARMING || phase == Phase.PAUSED;
        return switch (kind) {
            case CARRIAGE_STALL -> phase != Phase.PAUSED;
            case LOAD_CELL_STUCK, LOAD_CELL_DRIFT -> !noContact;
            case THERMISTOR_DETACHED -> phase != Phase.HOMING;
            default -> true;
        };
    }

    @ParameterizedTest(name = "{0} while {1}")
    @MethodSource("matrix")
    void every_fault_ends_in_the_safe_state_within_its_bound(FaultKind kind, Phase phase) {
        Body body = Body.TYPICAL;
        int zone = phase.ordinal() % 2;
        Simulation sim = Simulation.of(Plans.everyTechnique(body, 45), body, 100 + phase.ordinal())
                .startAt(400)
                .faultIn(phase.name(), injectAfterS(kind, phase), kind, zone);
        if (phase == Phase.PAUSED) {
            sim.pause(100, 150);
        }
        SimulationResult r = sim.run();
        record(kind, phase, r);

        assertThat(r.status()).isEqualTo("FAULTED");
        assertThat(r.safeState()).as("the twin is safe: carriage still, no heater power, rollers off the back").isTrue();
        assertThat(r.faults()).hasSize(1);
        SimulationResult.FaultReport f = r.faults().get(0);
        assertThat(f.kind()).isEqualTo(kind.name());
        assertThat(f.code()).as("detected as").isIn(expectedCodes(kind));
        if (kind == FaultKind.LOOP_STALL) {
            // only the board acts: motors within 0.6 s, heaters within 3.5 s, the lift down (rollers off the back) within 3.5 s
            assertThat(r.detail().motorStopAfterMs()).as("motors stopped after, ms").isLessThanOrEqualTo(600.0);
            assertThat(r.detail().heaterCutAfterMs()).as("heaters cut after, ms").isLessThanOrEqualTo(3500.0);
            assertThat(r.detail().liftDownAfterMs()).as("lift down after, ms").isNotNull().isLessThanOrEqualTo(3500.0);
        } else if (kind == FaultKind.ESTOP_HOST_HUNG) {
            // the host is hung when the button is pressed: the board alone cuts heat and lowers the lift
            assertThat(f.detectedAfterMs()).as("heater power cut after the press, ms").isNotNull().isLessThanOrEqualTo(20.0);
            assertThat(f.safeWithinMs()).as("lift down after the press, ms").isNotNull().isLessThanOrEqualTo(2000.0);
        } else {
            assertThat(f.detectedAfterMs()).as("detected after, ms").isLessThanOrEqualTo(boundMs(kind));
            // from detection to the twin's truth being safe: carriage still, no heater power, rollers off the
            // back (force < 1 N). Measured 10–1040 ms over this matrix (slowest: lowering out of a deep PRESS at
            // 10 mm/s); heaters: no heat command is written from the trip's tick on (commandViolations below)
            assertThat(f.safeWithinMs()).as("safe within, ms").isNotNull().isLessThanOrEqualTo(SAFE_WITHIN_MS);
        }
        assertThat(r.detail().commandViolations()).as(r.detail().firstViolation()).isZero();
        assertThat(r.peaks().trueSkinTempC()).as("true skin °C").isLessThanOrEqualTo(44.0);
        assertThat(r.peaks().trueCem43MaxMin()).as("true CEM43 per band").isLessThan(1.0);
        assertThat(r.peaks().trueRollerSurfaceC()).as("true roller surface °C").isLessThanOrEqualTo(70.0);
        assertThat(r.peaks().trueForceN()).as("true force, N").isLessThanOrEqualTo(1.3 * r.envelope().maxForceN());
        List<RecordedEvent> events = r.detail().record().events();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("FAULT");
            assertThat(e.detail()).startsWith(f.code());
        });
        assertThat(r.detail().finalState()).isEqualTo("FAULTED");
    }

    /**
     * A stall while PAUSED cannot show (the carriage is told to stand still and does); it must be
     * caught once the resumed session moves the carriage, within the stall bound of that first move.
     */
    @Test
    void a_stall_while_paused_is_caught_within_500_ms_of_the_first_move_after_resuming() {
        Body body = Body.TYPICAL;
        SimulationResult r = Simulation.of(Plans.everyTechnique(body, 45), body, 107)
                .startAt(400)
                .pause(100, 150)
                .faultIn(Phase.PAUSED.name(), 20.0, FaultKind.CARRIAGE_STALL, 0)
                .run();

        assertThat(r.status()).isEqualTo("FAULTED");
        assertThat(r.safeState()).isTrue();
        SimulationResult.FaultReport f = r.faults().get(0);
        assertThat(f.code()).isEqualTo(FaultCode.CARRIAGE_STALL.name());
        long resumedNanos = r.detail().record().events().stream()
                .filter(e -> e.kind().equals("STATE") && e.detail().equals("PAUSED -> RUNNING"))
                .mapToLong(RecordedEvent::atNanos).findFirst().orElseThrow();
        double detectedAtMs = f.atS() * 1000 + f.detectedAfterMs();
        double afterResumeMs = detectedAtMs - resumedNanos / 1e6;
        record(FaultKind.CARRIAGE_STALL, Phase.PAUSED, r);
        MEASURED.get(FaultKind.CARRIAGE_STALL).put(Phase.PAUSED, "(" + ms(afterResumeMs) + " after resume)");
        assertThat(afterResumeMs).as("detected after the resume, ms").isBetween(0.0, boundMs(FaultKind.CARRIAGE_STALL));
        assertThat(r.detail().commandViolations()).isZero();
        assertThat(r.peaks().trueSkinTempC()).isLessThanOrEqualTo(44.0);
    }

    /** Measured detection time per fault kind and phase, ms (LOOP_STALL: the board's motor stop / heater cut). */
    private static final Map<FaultKind, Map<Phase, String>> MEASURED = new TreeMap<>();

    private static synchronized void record(FaultKind kind, Phase phase, SimulationResult r) {
        String cell;
        if (kind == FaultKind.LOOP_STALL) {
            cell = ms(r.detail().motorStopAfterMs()) + "/" + ms(r.detail().heaterCutAfterMs()) + "/" + ms(r.detail().liftDownAfterMs());
        } else if (kind == FaultKind.ESTOP_HOST_HUNG) {
            cell = r.faults().isEmpty() ? "—" : ms(r.faults().get(0).detectedAfterMs()) + "/" + ms(r.faults().get(0).safeWithinMs());
        } else {
            cell = r.faults().isEmpty() ? "—" : ms(r.faults().get(0).detectedAfterMs());
            if (!r.faults().isEmpty() && expectedCodes(kind).size() > 1) {
                // more than one rule may see it first: say which did
                cell += " " + r.faults().get(0).code();
            }
        }
        MEASURED.computeIfAbsent(kind, k -> new TreeMap<>()).put(phase, cell);
    }

    private static String ms(Double v) {
        return v == null ? "—" : String.format(java.util.Locale.ROOT, "%.0f", v);
    }

    /**
     * Prints the fault × phase table of measured detection times (ms) as Markdown, for docs/faults.md:
     * {@code ./mvnw -B -q -o -pl bed,app -am test -Dtest=FaultScenarioTest -Dsurefire.failIfNoSpecifiedTests=false}.
     */
    @AfterAll
    static void printDetectionTimes() {
        StringBuilder out = new StringBuilder("\nDetection time, ms, per fault kind and phase (FaultScenarioTest; LOOP_STALL: motors"
                + " stopped / heaters cut / lift down by the board; ESTOP_HOST_HUNG: heater power cut / lift down after the press)\n");
        out.append("| fault | bound |");
        for (Phase p : Phase.values()) {
            out.append(' ').append(p).append(" |");
        }
        out.append("\n|---|---|");
        out.append("---|".repeat(Phase.values().length)).append('\n');
        for (Map.Entry<FaultKind, Map<Phase, String>> row : MEASURED.entrySet()) {
            out.append("| ").append(row.getKey()).append(" | ")
                    .append(row.getKey() == FaultKind.LOOP_STALL ? "600/3500/3500"
                            : row.getKey() == FaultKind.ESTOP_HOST_HUNG ? "20/2000" : ms(boundMs(row.getKey()))).append(" |");
            for (Phase p : Phase.values()) {
                out.append(' ').append(row.getValue().getOrDefault(p, "n/a")).append(" |");
            }
            out.append('\n');
        }
        System.out.print(out);
    }

    /** Seconds after the phase starts: inside it, and while the carriage moves for a stall. */
    private static double injectAfterS(FaultKind kind, Phase phase) {
        boolean needsMotion = kind == FaultKind.CARRIAGE_STALL;
        return switch (phase) {
            case HOMING -> 2.0;
            case WARMING -> needsMotion ? 1.0 : 60.0;
            case PRESS, STRETCH -> needsMotion ? 0.3 : 20.0;
            default -> 20.0;
        };
    }

    /**
     * The codes a kind may be detected as. A stuck load cell shows as frozen (no noise while the lift moves) or
     * as disagreeing with the lift motor's current, whichever comes first; both lock the lift alike.
     */
    static List<String> expectedCodes(FaultKind kind) {
        if (kind == FaultKind.LOAD_CELL_STUCK) {
            return List.of(FaultCode.LOAD_CELL_STUCK.name(), FaultCode.FORCE_SENSOR_DISAGREE.name());
        }
        return List.of(expectedCode(kind).name());
    }

    static FaultCode expectedCode(FaultKind kind) {
        return switch (kind) {
            case HEATER_STUCK_ON -> FaultCode.HEATER_STUCK_ON;
            case HEATER_DEAD -> FaultCode.HEATER_NOT_HEATING;
            case THERMISTOR_OPEN -> FaultCode.THERMISTOR_OPEN;
            case THERMISTOR_SHORT -> FaultCode.THERMISTOR_SHORT;
            case THERMISTOR_STUCK -> FaultCode.THERMISTOR_STUCK;
            case CARRIAGE_STALL -> FaultCode.CARRIAGE_STALL;
            case ENCODER_SLIP -> FaultCode.ENCODER_SLIP;
            case LOAD_CELL_FAIL -> FaultCode.LOAD_CELL_FAILURE;
            case PRESENCE_LOST -> FaultCode.PRESENCE_LOST;
            case ESTOP -> FaultCode.ESTOP;
            case LOOP_STALL, ESTOP_HOST_HUNG -> FaultCode.LOOP_OVERRUN;
            case THERMISTOR_DETACHED, THERMISTOR_DRIFT -> FaultCode.ZONE_SENSOR_DISAGREE;
            case LOAD_CELL_STUCK -> FaultCode.LOAD_CELL_STUCK;
            case LOAD_CELL_DRIFT -> FaultCode.FORCE_SENSOR_DISAGREE;
            case LIFT_DRIVE_RUNAWAY -> FaultCode.LIFT_RUNAWAY;
            case CARRIAGE_RUNAWAY -> FaultCode.CARRIAGE_RUNAWAY;
            case HEATER_WEAK -> FaultCode.HEATER_NOT_HEATING;
        };
    }

    /**
     * From detection to the safe state, ms (choice: 1.5 s, about 45 % over the slowest measured, 1040 ms;
     * the lift needs ≈ 1 s at its 10 mm/s to come 10 mm out of a firm press, DOMAIN.md §2).
     */
    static final double SAFE_WITHIN_MS = 1500;

    /** Issue 4's and issue 8's detection bounds, ms. */
    static double boundMs(FaultKind kind) {
        return switch (kind) {
            case ESTOP -> 20;
            case LOAD_CELL_FAIL, THERMISTOR_OPEN, THERMISTOR_SHORT -> 100;
            case CARRIAGE_STALL, ENCODER_SLIP -> 500;
            case PRESENCE_LOST -> 1500;
            case HEATER_DEAD, HEATER_STUCK_ON, THERMISTOR_STUCK -> 90_000;
            case LOOP_STALL -> 600;
            // issue 8's bounds; ESTOP_HOST_HUNG's are the press's: 20 ms to the heater cut (2 s to the lift down)
            case THERMISTOR_DETACHED -> 15_000;
            case THERMISTOR_DRIFT -> 20_000;
            case LOAD_CELL_STUCK -> 1_000;
            case LOAD_CELL_DRIFT -> 10_000;
            case LIFT_DRIVE_RUNAWAY -> 200;
            case CARRIAGE_RUNAWAY -> 500;
            case HEATER_WEAK -> 90_000;
            case ESTOP_HOST_HUNG -> 20;
        };
    }
}
