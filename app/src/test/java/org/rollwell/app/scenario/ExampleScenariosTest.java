package org.rollwell.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.envelope.ExcludedRange;

/** The scenarios shipped in examples/scenarios/ are what the docs point people to: each must read clean and run as it promises. */
class ExampleScenariosTest {

    static final Path EXAMPLES = Path.of("..", "examples", "scenarios");
    /** The twin's true force above which a roller counts as touching the back, N (choice: well above nothing, below any target). */
    static final double TRUE_CONTACT_N = 2.0;

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_example_scenario_reads_clean_and_says_what_it_is_for(Path file) throws Exception {
        Scenario scenario = ScenarioParser.parse(file);

        assertThat(scenario.description()).isNotBlank();
    }

    /** What each example promises in its description: the outcome and, for a fault, the supervisor's code. */
    static final Map<String, String[]> PROMISES = Map.ofEntries(
            Map.entry("blocked-red-flag.json", new String[] {"BLOCKED", null}),
            Map.entry("ben-hot-upper-back.json", new String[] {"COMPLETED", null}),
            Map.entry("clean-40min.json", new String[] {"COMPLETED", null}),
            Map.entry("clean-40min-normative.json", new String[] {"COMPLETED", null}),
            Map.entry("restricted-clara.json", new String[] {"COMPLETED", null}),
            Map.entry("estop-while-kneading.json", new String[] {"FAULTED", "ESTOP"}),
            Map.entry("heater-stuck-on.json", new String[] {"FAULTED", "HEATER_STUCK_ON"}),
            Map.entry("loop-stall.json", new String[] {"FAULTED", "LOOP_OVERRUN"}),
            Map.entry("presence-lost.json", new String[] {"FAULTED", "PRESENCE_LOST"}),
            Map.entry("thermistor-open.json", new String[] {"FAULTED", "THERMISTOR_OPEN"}),
            Map.entry("thermistor-detached.json", new String[] {"FAULTED", "ZONE_SENSOR_DISAGREE"}),
            Map.entry("lift-runaway.json", new String[] {"FAULTED", "LIFT_RUNAWAY"}),
            Map.entry("load-cell-drift.json", new String[] {"FAULTED", "FORCE_SENSOR_DISAGREE"}),
            Map.entry("estop-host-hung.json", new String[] {"FAULTED", "LOOP_OVERRUN"}));

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_example_scenario_runs_to_the_outcome_it_promises(Path file) throws Exception {
        String name = file.getFileName().toString();
        assertThat(PROMISES).as("every example states its promised outcome here").containsKey(name);
        String status = PROMISES.get(name)[0];
        String code = PROMISES.get(name)[1];

        ScenarioOutcome outcome = ScenarioRunner.run(ScenarioParser.parse(file), ScenarioRunner.Options.NONE);

        assertThat(outcome.status()).as(name + " " + outcome.result().faults() + " " + outcome.reasons()).isEqualTo(status);
        assertThat(outcome.result().safeState()).as(name + " ends safe").isTrue();
        if (code == null) {
            assertThat(outcome.result().faults()).as(name).isEmpty();
        } else {
            assertThat(outcome.result().faults()).as(name).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.code()).isEqualTo(code));
        }
        if (status.equals("COMPLETED")) {
            assertThat(outcome.result().peaks().trueSkinTempC()).as(name).isLessThanOrEqualTo(outcome.plan().envelope()
                    .maxSkinTempC().value());
        }
    }

    @Test
    void clara_completes_and_no_roller_truly_touches_her_implant_margin_and_the_clamp_never_acts() throws Exception {
        Scenario scenario = ScenarioParser.parse(EXAMPLES.resolve("restricted-clara.json"));
        BedSpec bed = scenario.bed();
        // the twin's truth, tick by tick: where the carriage truly was whenever the rollers truly pressed
        double[][] contactAtMm = {new double[1 << 16]};
        int[] contacts = {0};
        ScenarioOutcome outcome = ScenarioRunner.run(scenario, ScenarioRunner.Options.NONE, twin -> {
            if (twin.trueForceN() > TRUE_CONTACT_N) {
                if (contacts[0] == contactAtMm[0].length) {
                    contactAtMm[0] = Arrays.copyOf(contactAtMm[0], contacts[0] * 2);
                }
                contactAtMm[0][contacts[0]++] = twin.trueCarriagePositionMm();
            }
        });

        assertThat(outcome.status()).as(outcome.result().faults().toString()).isEqualTo("COMPLETED");
        List<ExcludedRange> ranges = outcome.plan().envelope().excluded();
        assertThat(ranges).as("T11–T12 ± 50 mm on the map the session ran on").hasSize(1);
        // both roller pairs' contact patches (the bed's conservative 30 mm; the twin's are 20 mm) against the range
        double half = bed.rollerContactLengthMm() / 2;
        double nearestMm = Double.POSITIVE_INFINITY;
        long inside = 0;
        for (int i = 0; i < contacts[0]; i++) {
            for (double pair : new double[] {-bed.rollerPairOffsetMm(), bed.rollerPairOffsetMm()}) {
                double from = contactAtMm[0][i] + pair - half;
                double to = contactAtMm[0][i] + pair + half;
                for (ExcludedRange r : ranges) {
                    double gap = to < r.fromMm() ? r.fromMm() - to : from > r.toMm() ? from - r.toMm() : 0;
                    nearestMm = Math.min(nearestMm, gap);
                    inside += gap == 0 ? 1 : 0;
                }
            }
        }
        long clampTicks = outcome.result().detail().record().clampTicks().getOrDefault("EXCLUDED_RANGE", 0L);
        System.out.printf(Locale.ROOT, "clara: %d contact ticks; nearest true roller patch (30 mm) to %s: %.1f mm;"
                + " EXCLUDED_RANGE clamp ticks %d%n", contacts[0], ranges.get(0), nearestMm, clampTicks);
        assertThat(contacts[0]).as("the session truly rolled").isGreaterThan(1000);
        assertThat(inside).as("ticks a roller truly pressed inside T11–T12 ± 50 mm").isZero();
        assertThat(nearestMm).isPositive();
        assertThat(clampTicks).as("the supervisor never had to lift the rollers off the implant").isZero();
    }

    @Test
    void the_clean_40_minute_example_scans_plans_and_completes_without_harm() throws Exception {
        ScenarioOutcome outcome = ScenarioRunner.run(ScenarioParser.parse(EXAMPLES.resolve("clean-40min.json")),
                ScenarioRunner.Options.NONE);

        assertThat(outcome.scan().status()).isEqualTo("OK");
        assertThat(outcome.scan().landmarkErrorMaxMm()).isLessThanOrEqualTo(15.0);
        assertThat(outcome.status()).isEqualTo("COMPLETED");
        assertThat(outcome.result().safeState()).isTrue();
        assertThat(outcome.result().faults()).isEmpty();
        assertThat(outcome.result().peaks().trueSkinTempC()).isLessThanOrEqualTo(43.0);
        assertThat(outcome.result().peaks().trueCem43MaxMin()).isLessThanOrEqualTo(outcome.plan().envelope().cem43CapMin().value());
        assertThat(outcome.plan().totalSeconds()).isBetween(40 * 60 - 30, 40 * 60 + 30);
    }

    @Test
    void the_red_flag_example_is_blocked_before_the_bed_moves_or_scans() throws Exception {
        ScenarioOutcome outcome = ScenarioRunner.run(ScenarioParser.parse(EXAMPLES.resolve("blocked-red-flag.json")),
                ScenarioRunner.Options.NONE);

        assertThat(outcome.status()).isEqualTo("BLOCKED");
        assertThat(outcome.scan()).isNull();
        assertThat(outcome.result().ticks()).isZero();
        assertThat(outcome.reasons()).extracting(r -> r.code()).contains("RF_CAUDA_EQUINA");
    }

    @Test
    void the_examples_hold_a_clean_40_minute_session_and_sessions_with_faults() throws Exception {
        Scenario clean = ScenarioParser.parse(EXAMPLES.resolve("clean-40min.json"));
        assertThat(clean.minutes()).isEqualTo(40);
        assertThat(clean.faults()).isEmpty();
        assertThat(clean.scan()).isTrue();

        long withFaults = examples().stream().filter(f -> {
            try {
                return !ScenarioParser.parse(f).faults().isEmpty();
            } catch (ScenarioException e) {
                return false;
            }
        }).count();
        assertThat(withFaults).isGreaterThanOrEqualTo(3);
    }
}
