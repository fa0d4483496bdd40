package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.PainEntry;
import org.rollwell.therapy.profile.Preferences;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.Side;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * The bed's skin estimate (bed.safety.SkinEstimator, on the shared therapy.heat.TissueHeat) against the
 * twin's true skin temperature, over random bodies and roller preferences of 45–65 °C (DOMAIN.md §5: the
 * estimate must never fall below the truth; its hot bias takes heat away, median ≤ 1.5 °C). Compares the
 * hottest band of each, once a simulated second, while the truth is at least 1 °C above rest.
 * Scoring seeds 8101–8106 (bodies from Random(8100)). The model's conductance was tuned on other seeds,
 * 7201–7206 (bodies from Random(7200)): run with {@code -Drollwell.skinBias.seeds=tuning} to see them.
 * Prints the bias figures.
 */
class SkinEstimateBiasTest {

    @Test
    void the_skin_estimate_never_falls_below_the_truth_and_its_hot_bias_is_reported() {
        boolean tuning = "tuning".equals(System.getProperty("rollwell.skinBias.seeds"));
        long first = tuning ? 7201 : 8101;
        Random random = new Random(first - 1);
        List<Double> bias = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (long seed = first; seed < first + 6; seed++) {
            Body body = new Body(155 + 40 * random.nextDouble(), 50 + 60 * random.nextDouble(),
                    25 + 30 * random.nextDouble(), 35 + 30 * random.nextDouble(), 60 + 100 * random.nextDouble(),
                    -20 + 40 * random.nextDouble());
            double prefC = 45 + 20 * random.nextDouble();
            SessionPlan plan = new SessionPlanner(BedLimits.REFERENCE).plan(person(body, prefC), Goal.RELIEVE_TENSION, 20,
                    SpineMap.normative(body.heightCm(), body.headOffsetMm()));
            StringWriter trace = new StringWriter();
            SimulationResult r = Simulation.of(plan, body, seed).trace(trace, 100).run();
            String[] lines = trace.toString().split("\n");
            List<String> header = Arrays.asList(lines[0].split(","));
            int est = header.indexOf("skin_estimate_max_c");
            int tru = header.indexOf("true_skin_max_c");
            double restC = Double.NaN;
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                double truth = Double.parseDouble(f[tru]);
                double estimate = Double.parseDouble(f[est]);
                restC = Double.isNaN(restC) ? truth : Math.min(restC, truth);
                if (truth >= restC + 1.0) {
                    assertThat(estimate).as("seed %d at %s s: estimate under the truth", seed, f[0])
                            .isGreaterThanOrEqualTo(truth);
                    bias.add(estimate - truth);
                }
            }
            outcomes.add(String.format("seed %d %.0f °C %s %s", seed, prefC, r.status(), r.faults()));
            // issue 9 item 3: a clean planner-made session completes, whatever the heat asked for
            assertThat(r.status()).as("seed %d at %.0f °C: %s", seed, prefC, r.faults()).isEqualTo("COMPLETED");
        }
        double[] b = bias.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertThat(b).isNotEmpty();
        double median = b[b.length / 2];
        System.out.printf("SkinEstimateBiasTest (%s seeds %d–%d): %d samples over 6 bodies, estimate − truth (hottest"
                        + " band): median %.2f °C, p95 %.2f °C, min %.2f °C, max %.2f °C%n", tuning ? "tuning" : "scoring",
                first, first + 5, b.length, median, b[(int) (0.95 * (b.length - 1))], b[0], b[b.length - 1]);
        outcomes.forEach(o -> System.out.println("SkinEstimateBiasTest: " + o));
        assertThat(median).as("median hot bias of the skin estimate, °C (DOMAIN.md §5: at most 1.5)").isLessThanOrEqualTo(1.5);
    }

    private static Profile person(Body body, double prefC) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        for (ScreeningId id : ScreeningId.values()) {
            answers.put(id, false);
        }
        return new Profile(body.heightCm(), body.weightKg(), 1970, answers, Set.of(),
                List.of(new PainEntry(Level.T6, Side.CENTER, 6), new PainEntry(Level.L4, Side.LEFT, 4)), List.of(),
                OptionalInt.of(3), new Preferences(5, Math.round(prefC), true), List.of(), Set.of(), body.headOffsetMm(),
                Optional.empty());
    }
}
