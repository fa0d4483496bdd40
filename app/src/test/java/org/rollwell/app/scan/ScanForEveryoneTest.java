package org.rollwell.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.app.scenario.ScenarioOutcome;
import org.rollwell.app.scenario.ScenarioParser;
import org.rollwell.app.scenario.ScenarioRunner;
import org.rollwell.app.simulate.Simulation;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.scan.LiftedRange;
import org.rollwell.therapy.scan.ScanAnalyser;
import org.rollwell.therapy.scan.ScanResult;
import org.rollwell.therapy.scan.ScanTrace;

/**
 * Issue 10 item 1, "scan for everyone": a person with an implant or skin lesion is scanned.
 * The bed crosses the excluded range (± 50 mm) with the rollers lifted off, as far as either
 * roller pair's contact patch could reach it; the analyser bridges the declared gap and names
 * the levels it placed there; the plan then puts the exclusion on the measured map.
 */
class ScanForEveryoneTest {

    /** The twin's roller truly touches the back above this force (as ExampleScenariosTest). */
    private static final double TRUE_CONTACT_N = 2.0;
    private static final Path EXAMPLES = Path.of("..", "examples", "scenarios");

    /** Clara's body (examples/scenarios/restricted-clara.json). */
    private static final Body CLARA = new Body(157, 58, 52, 38, 100, 5);
    private static final long CLARA_SEED = 1952;

    @Test
    void a_scan_crosses_an_implant_range_lifted_off_and_no_roller_truly_presses_inside_it() {
        SpineMap normative = SpineMap.normative(CLARA.heightCm(), CLARA.headOffsetMm());
        ExcludedRange implant = new ExcludedRange(normative.upperEdgeMm(Level.T11) - SafetyEnvelopes.REGION_MARGIN_MM,
                normative.lowerEdgeMm(Level.T12) + SafetyEnvelopes.REGION_MARGIN_MM, "CI_IMPLANT");
        BedSpec bed = BedSpec.REFERENCE;
        List<double[]> touches = new ArrayList<>();
        Simulation.ScanRun run = Simulation.scan(CLARA, CLARA_SEED).scanEnvelope(withExcluded(implant))
                .watchTruth(twin -> {
                    if (twin.trueForceN() > TRUE_CONTACT_N) {
                        touches.add(new double[] {twin.trueCarriagePositionMm()});
                    }
                }).runScan();

        assertThat(run.result().status()).isEqualTo("COMPLETED");
        double half = bed.rollerContactLengthMm() / 2;
        for (double[] at : touches) {
            for (double pair : new double[] {-bed.rollerPairOffsetMm(), bed.rollerPairOffsetMm()}) {
                assertThat(implant.overlaps(at[0] + pair - half, at[0] + pair + half))
                        .as("a roller patch truly pressing at carriage %.1f mm", at[0]).isFalse();
            }
        }
        ScanTrace trace = run.trace();
        assertThat(trace.liftedOff()).hasSize(1);
        LiftedRange lifted = trace.liftedOff().get(0);
        double reach = bed.rollerPairOffsetMm() + half;
        assertThat(lifted.fromMm()).isLessThanOrEqualTo(implant.fromMm() - reach);
        assertThat(lifted.toMm()).isGreaterThanOrEqualTo(implant.toMm() + reach);
        for (double x : trace.positionMm()) {
            assertThat(lifted.contains(x)).as("a row recorded at %.1f mm, inside the crossing", x).isFalse();
        }

        ScanResult result = new ScanAnalyser().analyse(trace);
        assertThat(result.ok()).as("%s", result.reasons()).isTrue();
        ModelledBack truth = new ModelledBack(CLARA, CLARA_SEED);
        SpineMap map = result.spineMap();
        assertThat(map.positionMm(Level.C7)).isCloseTo(truth.c7Mm(), org.assertj.core.data.Offset.offset(15.0));
        assertThat(map.t12l1Mm()).isCloseTo(truth.t12l1Mm(), org.assertj.core.data.Offset.offset(15.0));
        assertThat(map.l5s1Mm()).isCloseTo(truth.l5s1Mm(), org.assertj.core.data.Offset.offset(15.0));
        // exactly the levels the map places inside the crossing are named as interpolated
        List<Level> inside = new ArrayList<>();
        for (Level level : Level.values()) {
            if (lifted.contains(map.positionMm(level))) {
                inside.add(level);
            }
        }
        assertThat(result.interpolated()).isNotEmpty().containsExactlyElementsOf(inside)
                .contains(Level.T11, Level.T12);
        // T12/L1 lies under the implant: both curves are measured at it, so both angles are the fit's estimate
        assertThat(result.bridgedAngles()).containsExactly("kyphosisDeg", "lordosisDeg");
    }

    @Test
    void the_scan_of_a_person_with_nothing_excluded_interpolates_nothing() {
        ScanResult result = new ScanAnalyser().analyse(Simulation.scan(CLARA, CLARA_SEED).runScan().trace());

        assertThat(result.ok()).as("%s", result.reasons()).isTrue();
        assertThat(result.interpolated()).isEmpty();
        assertThat(result.bridgedAngles()).isEmpty();
    }

    @Test
    void claras_scenario_scans_ok_and_her_exclusion_sits_on_the_measured_map() throws Exception {
        ScenarioOutcome outcome = ScenarioRunner.run(ScenarioParser.parse(EXAMPLES.resolve("restricted-clara.json")),
                ScenarioRunner.Options.NONE);

        assertThat(outcome.scan()).as("the scenario scans").isNotNull();
        assertThat(outcome.scan().status()).as("%s", outcome.scan().reasons()).isEqualTo("OK");
        assertThat(outcome.scan().landmarkErrorMaxMm()).isLessThanOrEqualTo(15.0);
        assertThat(outcome.status()).isEqualTo("COMPLETED");
        SpineMap map = outcome.plan().spineMap();
        assertThat(map.source()).isEqualTo(SpineMap.Source.MEASURED);
        List<ExcludedRange> excluded = outcome.plan().envelope().excluded();
        assertThat(excluded).hasSize(1);
        assertThat(excluded.get(0).fromMm())
                .isCloseTo(map.upperEdgeMm(Level.T11) - SafetyEnvelopes.REGION_MARGIN_MM, org.assertj.core.data.Offset.offset(0.11));
        assertThat(excluded.get(0).toMm())
                .isCloseTo(map.lowerEdgeMm(Level.T12) + SafetyEnvelopes.REGION_MARGIN_MM, org.assertj.core.data.Offset.offset(0.11));
    }

    private static SafetyEnvelope withExcluded(ExcludedRange range) {
        SafetyEnvelope bed = SafetySupervisor.bedEnvelope(BedSpec.REFERENCE);
        return new SafetyEnvelope(bed.maxForceN(), bed.maxRollerTempC(), bed.maxSkinTempC(), bed.cem43CapMin(),
                bed.maxMinutes(), bed.maxIntensity(), bed.maxStretchLiftMm(), bed.heatAllowed(), bed.heatSetBy(),
                bed.bans(), List.of(range));
    }
}
