package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollwell.app.bedspec.BedSpecFile;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.PainEntry;
import org.rollwell.therapy.profile.Preferences;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.Side;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * DOMAIN.md §5 "Dose decisions": the envelope's maximum force is a ceiling on what is delivered.
 * Planner-made plans for every goal, at the strongest intensity, for people with each kind of force
 * limit (osteoporosis 120 N, anticoagulant 150 N, degeneration 200 N, none: the bed's own) run in the
 * twin on every bed of examples/beds, each on a random body: the session completes, and in every
 * technique run of the trace the measured force's 99th percentile stays at or under the envelope's
 * maximum.
 *
 * <p>Scoring seeds: per case the body from {@code Random(7400 + case)}, the twin seeded 7401. The lift
 * controller, the governor and the bed's force headroom ({@code BedSpec.forceHeadroomN()}) were tuned on
 * other seeds, the tuning seeds: bodies from {@code Random(7000 + case)}, twins 7001 and 7002; run with
 * {@code -Drollwell.forceCeiling.seeds=tuning} to see them. Prints the force p99 per bed.
 */
class ForceCeilingTest {
    private static final boolean TUNING = "tuning".equals(System.getProperty("rollwell.forceCeiling.seeds"));
    private static final long BASE = TUNING ? 7000 : 7400;
    private static final int BODIES = TUNING ? 2 : 1;
    /** The force limits a person may have (DOMAIN.md §5), NONE for the bed's own; fibromyalgia starts at intensity 2. */
    private static final List<String> RESTRICTIONS = List.of("CI_OSTEOPOROSIS", "CI_ANTICOAGULANT", "DEGENERATION", "NONE");
    private static final List<String> FIGURES = new ArrayList<>();
    private static final Map<String, double[]> WORST_PER_BED = new java.util.TreeMap<>();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> beds = Files.list(Path.of("..", "examples", "beds"))) {
            for (Path bed : beds.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (String restriction : RESTRICTIONS) {
                    for (Goal goal : Goal.values()) {
                        out.add(Arguments.of(restriction, goal, bed.getFileName().toString().replace(".json", "")));
                    }
                }
            }
        }
        assertThat(out).as("beds in examples/beds").isNotEmpty();
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("cases")
    void the_force_s_99th_percentile_stays_at_or_under_the_maximum(String restriction, Goal goal, String bedName)
            throws Exception {
        BedSpec bed = BedSpecFile.read(Path.of("..", "examples", "beds", bedName + ".json"));
        Random random = new Random(BASE + restriction.hashCode() % 100 + goal.ordinal());
        for (long seed = BASE + 1; seed <= BASE + BODIES; seed++) {
            Body body = new Body(155 + 40 * random.nextDouble(), 50 + 60 * random.nextDouble(), 25 + 30 * random.nextDouble(),
                    35 + 30 * random.nextDouble(), 60 + 100 * random.nextDouble(), -20 + 40 * random.nextDouble());
            Profile person = person(body, restriction);
            SessionPlan plan = new SessionPlanner(bed.limits()).plan(person, goal, 15,
                    SpineMap.normative(body.heightCm(), body.headOffsetMm()));
            assertThat(plan.status()).as(plan.reasons().toString()).isEqualTo(SessionPlan.Status.OK);
            double maxN = plan.envelope().maxForceN().value();
            StringWriter trace = new StringWriter();
            SimulationResult r = Simulation.of(plan, body, seed).spec(bed).trace(trace, 1).run();

            assertThat(r.status()).as("%s seed %d %s: %s", body, seed, goal, r.faults()).isEqualTo("COMPLETED");
            double worst = 0;
            for (Map.Entry<String, double[]> run : ForceRuns.of(trace.toString()).entrySet()) {
                double p99 = ForceRuns.percentile(run.getValue(), 0.99);
                worst = Math.max(worst, p99 / maxN);
                assertThat(p99).as("%s seed %d %s: force p99, N", body, seed, run.getKey()).isLessThanOrEqualTo(maxN);
            }
            FIGURES.add(String.format("%-16s %-15s %-11s seed %d max %5.1f N  worst p99 %5.1f N (%5.1f %%)", restriction,
                    goal, bedName, seed, maxN, worst * maxN, 100 * worst));
            WORST_PER_BED.merge(bedName, new double[] {worst, 1}, (a, b) -> new double[] {Math.max(a[0], b[0]), a[1] + b[1]});
        }
    }

    private static Profile person(Body body, String restriction) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        for (ScreeningId id : ScreeningId.values()) {
            answers.put(id, id.name().equals(restriction));
        }
        Set<Condition> conditions = restriction.equals("NONE") || restriction.startsWith("CI_") ? Set.of()
                : Set.of(Condition.valueOf(restriction));
        return new Profile(body.heightCm(), body.weightKg(), 1970, answers, conditions,
                List.of(new PainEntry(Level.L4, Side.CENTER, 6), new PainEntry(Level.T7, Side.LEFT, 4)), List.of(),
                OptionalInt.of(3), new Preferences(10, 45, true), List.of(), Set.of(), body.headOffsetMm(), Optional.empty());
    }

    @AfterAll
    static void printFigures() {
        System.out.printf("Measured force against the envelope maximum, worst technique run per session (ForceCeilingTest, %s"
                + " seeds):%n", TUNING ? "tuning" : "scoring");
        FIGURES.forEach(System.out::println);
        WORST_PER_BED.forEach((bed, w) -> System.out.printf("ForceCeilingTest: %s, %d sessions, worst force p99 %.1f %% of"
                + " the maximum%n", bed, (int) w[1], 100 * w[0]));
    }
}
