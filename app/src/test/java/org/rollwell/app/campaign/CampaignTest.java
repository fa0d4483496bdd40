package org.rollwell.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollwell.app.bedspec.BedSpecFile;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.sim.FaultKind;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;

/**
 * Issue 8 item 6: a small fault campaign over the example profiles and beds runs in every build,
 * with a row per fault kind of the twin. Seed 8 is the scoring seed of this
 * test; nothing was tuned on it (the campaign was tried by hand on seeds 1 and 7).
 */
class CampaignTest {

    /** The scoring seed of the CI campaign (never used for tuning). */
    static final long CI_SEED = 8;
    static final int CI_RUNS = 40;

    static final Map<String, Profile> PROFILES = new LinkedHashMap<>();
    static final Map<String, BedSpec> BEDS = new LinkedHashMap<>();

    @BeforeAll
    static void examples() throws Exception {
        for (Path file : jsonFiles(Path.of("../examples/profiles"))) {
            ParseResult<Profile> parsed = ProfileParser.parse(Files.readString(file));
            PROFILES.put(file.getFileName().toString(), ((ParseResult.Parsed<Profile>) parsed).value());
        }
        for (Path file : jsonFiles(Path.of("../examples/beds"))) {
            BEDS.put(file.getFileName().toString(), BedSpecFile.read(file));
        }
    }

    private static java.util.List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /**
     * The safety promise under every single fault: each run ends in the safe state, the twin's true skin,
     * dose, roller surface and force stay under their limits, no command leaves the limits, and every fault
     * that struck is detected, each inside its bound: the verdict on the CI seed is SAFE (issue 8 "Done when").
     * The campaign's tuning seed is 2026 (bench/README); this scoring seed was never tuned on.
     */
    @Test
    void a_40_run_campaign_over_the_examples_ends_every_run_in_the_safe_state_under_the_truth_limits() {
        CampaignReport r = Campaign.of(PROFILES, BEDS, false).run(CI_RUNS, CI_SEED, 2, done -> { });
        java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
        CampaignText.print(r, out);

        for (RunOutcome run : r.runs()) {
            String which = "run " + run.index() + ": " + run.scenario() + " " + run.failures();
            assertThat(run.safeState()).as("safe state at the end, %s", which).isTrue();
            assertThat(run.commandViolations()).as("commands outside the limits, %s", which).isZero();
            assertThat(run.trueSkinC()).as("true skin °C, %s", which).isLessThanOrEqualTo(RunOutcome.MAX_TRUE_SKIN_C);
            assertThat(run.trueCem43Min()).as("true CEM43, %s", which).isLessThan(run.cem43CapMin());
            assertThat(run.trueRollerC()).as("true roller °C, %s", which).isLessThanOrEqualTo(RunOutcome.MAX_TRUE_ROLLER_C);
            assertThat(run.trueForceShare()).as("true force share, %s", which).isLessThanOrEqualTo(RunOutcome.MAX_FORCE_SHARE);
            if (run.struck()) {
                assertThat(run.detected()).as("detected, %s", which).isTrue();
            }
        }
        assertThat(r.runs().stream().filter(RunOutcome::struck).count()).as("runs whose fault struck")
                .isGreaterThanOrEqualTo(CI_RUNS * 9L / 10);
        assertThat(r.failures()).as("runs outside a bound").isEmpty();
        assertThat(r.verdict()).isEqualTo(CampaignReport.SAFE);
        assertThat(r.rows()).extracting(CampaignReport.KindRow::kind)
                .containsExactly(Stream.of(FaultKind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(r.rows().stream().mapToInt(CampaignReport.KindRow::runs).sum()).isEqualTo(CI_RUNS);
        assertThat(r.rows().stream().mapToInt(CampaignReport.KindRow::failed).sum()).isEqualTo(r.failures().size());
        // the red-flag example is blocked by the screening whatever the body: left out up front and named, not drawn again
        assertThat(r.leftOutProfiles()).singleElement().asString().startsWith("red-flag.json (").contains("RF_");
        assertThat(r.blockedByProfile()).doesNotContainKey("red-flag.json");
        assertThat(r.blockedByProfile().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.blockedDraws());
        // what still blocks is rare: far under one draw in ten runs (it was ≈ 0.55 per run with the red flag and oversize bodies drawn)
        assertThat(r.blockedDraws()).isLessThanOrEqualTo(CI_RUNS / 10);
        assertThat(r.simulatedS()).isPositive();
    }

    @Test
    void the_same_seed_gives_the_same_runs_whatever_the_number_of_threads() {
        Campaign campaign = Campaign.of(PROFILES, BEDS, false);

        CampaignReport one = campaign.run(6, 99, 1, done -> { });
        CampaignReport three = campaign.run(6, 99, 3, done -> { });

        assertThat(three.runs()).isEqualTo(one.runs());
        assertThat(three.rows()).isEqualTo(one.rows());
    }

    /** The safe-state bound: stop the carriage and lower 20 mm at full speed, or the depth the lift truly had to come down, + 1 mm. */
    @Test
    void the_safe_state_bound_grows_with_the_depth_the_lift_had_to_come_down_and_never_falls_below_20_mm() {
        FaultBounds.Bound press = FaultBounds.require(FaultKind.LOAD_CELL_DRIFT);
        BedSpec compact = BEDS.get("compact-800.json");
        double stopMs = 1000.0 * compact.maxCarriageSpeedMmPerS() / compact.maxCarriageAccelMmPerS2();
        double perMm = 1000.0 / compact.maxLiftSpeedMmPerS();

        assertThat(FaultBounds.safeWithinMs(press, compact)).isCloseTo(stopMs + 20 * perMm, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(FaultBounds.safeWithinMs(press, compact, 12)).isEqualTo(FaultBounds.safeWithinMs(press, compact));
        assertThat(FaultBounds.safeWithinMs(press, compact, 22)).isCloseTo(stopMs + 23 * perMm, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(FaultBounds.safeWithinMs(FaultBounds.require(FaultKind.LOOP_STALL), compact, 40)).isEqualTo(3500);
    }

    @Test
    void every_fault_kind_of_the_twin_has_its_bounds_in_the_one_table() {
        assertThat(FaultBounds.unbounded()).isEmpty();
        for (FaultKind kind : FaultKind.values()) {
            FaultBounds.Bound b = FaultBounds.require(kind);
            assertThat(b.detectMs()).as("%s detection bound", kind).isPositive();
            assertThat(FaultBounds.safeWithinMs(b, BedSpec.REFERENCE)).as("%s safe-state bound", kind).isPositive();
            assertThat(b.source()).as("%s source", kind).isNotBlank();
        }
        assertThat(FaultBounds.of("NO_SUCH_FAULT")).isEmpty();
    }
}
