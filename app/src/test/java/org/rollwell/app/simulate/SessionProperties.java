package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rollwell.sim.FaultKind;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.sim.body.Body;
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
 * Issue 4 "Done when", third item, and issue 8: for random bodies, plans, technique bans,
 * excluded ranges and fault sequences, no actuator command leaves the envelope, the rollers
 * never press within reach of an excluded range, every fault ends in the safe state, a plan
 * that breaks a ban or crosses an excluded range is refused before anything moves, and the
 * same seed gives an identical record. Sessions are short (1–3 segments of 30–120 s) so many
 * fit: the main property runs 200 tries in every build (issue 8 asks for at least 200), on the pinned seed 2026 so a
 * failure in CI is reproducible. It must hold for any seed: explored with 3000 tries on random seeds (task "faults",
 * see {@link SessionChecks} for what each run is held to and {@link MultiFaultRegressionTest} for the samples it found,
 * each now a fixed case).
 *
 * <p>The seed is pinned ("2026") so every build tries the same 200 sessions and a failure in CI can
 * be rerun exactly. Exploring further is a matter of dropping the seed and raising the tries (with
 * {@code afterFailure = AfterFailureMode.RANDOM_SEED}); each case found that way becomes a named
 * regression test in this package (a random seed in CI once failed a build on a case nobody could
 * rerun).
 *
 * <p>Runs under its own name: the root pom's surefire set-up runs every test class, and
 * build/EveryTestClassRan.java fails the build when one does not.
 */
class SessionProperties {

    static final BedSpec BED = BedSpec.REFERENCE;
    /** How far a roller's contact patch reaches from the carriage centre, mm: the outer pair's offset plus half its patch. */
    static final double REACH_MM = BED.rollerPairOffsetMm() + BED.rollerContactLengthMm() / 2;
    /** The twin's true force above which a roller counts as touching the back, N (RollerRangeTest's choice). */
    static final double TRUE_CONTACT_N = 2.0;

    /** A technique banned on a span of levels (e.g. no PRESS on L4–S1 with sciatica). */
    record BanSpec(Technique technique, int fromLevel, int levels) {
        TechniqueBan build() {
            Level from = Level.values()[fromLevel];
            Level to = Level.values()[Math.min(Level.values().length - 1, fromLevel + levels)];
            return new TechniqueBan(technique, from, to, "PROPERTY_BAN");
        }
    }

    /** A stretch of the bed the rollers must not press on (an implant or lesion with its ±50 mm margin), in bed mm. */
    record RangeSpec(double fromMm, double widthMm) {
        ExcludedRange build() {
            return new ExcludedRange(fromMm, fromMm + widthMm, "PROPERTY_EXCLUDED");
        }
    }

    /** One segment of a random plan, independent of the body it will be placed on. */
    record SegmentSpec(Technique technique, int fromLevel, int levels, double forceFraction, int seconds) {
    }

    /** A random plan: segments, roller temperature (0 = unheated), the person's force limit, bans and excluded ranges. */
    record PlanSpec(List<SegmentSpec> segments, double tempC, double maxForceN, List<BanSpec> bans, List<RangeSpec> excluded) {

        PlanSpec(List<SegmentSpec> segments, double tempC, double maxForceN) {
            this(segments, tempC, maxForceN, List.of(), List.of());
        }

        SafetyEnvelope envelope() {
            return new SafetyEnvelope(new Bound(maxForceN, "PROPERTY"), new Bound(55, "BED"),
                    new Bound(43, "IEC_60601_1"), new Bound(1.0, "CEM43_CAP"), new Bound(60, "BED"), new Bound(10, "BED"),
                    new Bound(35, "BED"), true, "BED", bans.stream().map(BanSpec::build).toList(),
                    excluded.stream().map(RangeSpec::build).toList());
        }

        /** Every segment as drawn, whether the envelope allows it or not (what a faulty planner might hand the bed). */
        SessionPlan buildAsDrawn(Body body) {
            return new SessionPlan(SessionPlan.Status.OK, List.of(), envelope(), map(body), segments(body));
        }

        /**
         * The drawn segments the envelope allows, as a planner keeps them: no banned technique, no reach into an
         * excluded range; null when the envelope allows none of them.
         */
        SessionPlan build(Body body) {
            SafetyEnvelope envelope = envelope();
            List<PlanSegment> kept = new ArrayList<>();
            for (PlanSegment seg : segments(body)) {
                if (envelope.allows(seg.technique(), seg.from(), seg.to()) && !withinReach(envelope, seg.startMm(), seg.endMm())) {
                    kept.add(seg);
                }
            }
            return kept.isEmpty() ? null : new SessionPlan(SessionPlan.Status.OK, List.of(), envelope, map(body), kept);
        }

        private static SpineMap map(Body body) {
            return SpineMap.normative(body.heightCm(), body.headOffsetMm());
        }

        private List<PlanSegment> segments(Body body) {
            SpineMap map = map(body);
            List<PlanSegment> out = new ArrayList<>();
            for (SegmentSpec s : segments) {
                Level from = Level.values()[s.fromLevel()];
                Level to = s.technique() == Technique.PRESS ? from
                        : Level.values()[Math.min(Level.values().length - 1, s.fromLevel() + s.levels())];
                double force = Math.min(maxForceN, Math.round(Math.max(60, s.forceFraction() * maxForceN)));
                TechniqueParams params = switch (s.technique()) {
                    case ROLL -> new TechniqueParams.Roll(15 + 20 * s.forceFraction());
                    case KNEAD -> new TechniqueParams.Knead(20 + 20 * s.forceFraction(), 0.5, 4);
                    case PRESS -> new TechniqueParams.Press(4, 15, 1, 5);
                    case STRETCH -> new TechniqueParams.Stretch(20, 10, 1, 5);
                    case WARM -> new TechniqueParams.Warm(10);
                };
                out.add(new PlanSegment(s.technique(), from, to, map.positionMm(from), map.positionMm(to), force, tempC,
                        s.seconds(), params, "property"));
            }
            return out;
        }
    }

    /** Whether a roller patch over [aMm, bMm] of carriage positions could touch one of the envelope's excluded ranges. */
    static boolean withinReach(SafetyEnvelope envelope, double aMm, double bMm) {
        for (ExcludedRange range : envelope.excluded()) {
            if (range.overlaps(Math.min(aMm, bMm) - REACH_MM, Math.max(aMm, bMm) + REACH_MM)) {
                return true;
            }
        }
        return false;
    }

    /** A fault striking {@code afterS} into the first segment that uses {@code technique} (or homing). */
    record FaultSpec(FaultKind kind, int segment, double afterS, int zone) {
    }

    @Provide
    Arbitrary<Body> bodies() {
        return Combinators.combine(
                Arbitraries.doubles().between(150, 200), Arbitraries.doubles().between(48, 125),
                Arbitraries.doubles().between(20, 60), Arbitraries.doubles().between(30, 70),
                Arbitraries.doubles().between(0, 200), Arbitraries.doubles().between(-40, 40)).as(Body::new);
    }

    /**
     * Forces up to 100 % of the person's maximum: a segment at the maximum itself leaves the force
     * loop only the 10 % band below the over-force trip, which the controller holds (the
     * headroom-aware governor, the ramp that meets the back at a light touch, the over-force
     * reflex; FullForceTest holds the figures). Forces never exceed the maximum.
     */
    @Provide
    Arbitrary<PlanSpec> plans() {
        Arbitrary<SegmentSpec> segment = Combinators.combine(
                Arbitraries.of(Technique.values()), Arbitraries.integers().between(1, 14), Arbitraries.integers().between(2, 5),
                Arbitraries.doubles().between(0.4, 1.0), Arbitraries.integers().between(30, 120)).as(SegmentSpec::new);
        Arbitrary<BanSpec> ban = Combinators.combine(Arbitraries.of(Technique.values()), Arbitraries.integers().between(1, 17),
                Arbitraries.integers().between(0, 4)).as(BanSpec::new);
        // an implant or lesion ± 50 mm (DOMAIN.md §5): 100–160 mm wide, anywhere from the upper back to the sacrum
        Arbitrary<RangeSpec> range = Combinators.combine(Arbitraries.doubles().between(150, 900),
                Arbitraries.doubles().between(100, 160)).as(RangeSpec::new);
        return Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(0.0, 0.0, 42.0, 46.0), Arbitraries.doubles().between(120, 250),
                ban.list().ofMaxSize(1), range.list().ofMaxSize(1)).as(PlanSpec::new);
    }

    @Provide
    Arbitrary<List<FaultSpec>> faultSequences() {
        Arbitrary<FaultSpec> fault = Combinators.combine(Arbitraries.of(FaultKind.values()), Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(1, 25), Arbitraries.integers().between(0, 1)).as(FaultSpec::new);
        return fault.list().ofMinSize(0).ofMaxSize(2);
    }

    @Property(tries = 200, seed = "2026")
    void no_command_leaves_the_envelope_and_every_fault_ends_in_the_safe_state(
            @ForAll("bodies") Body body, @ForAll("plans") PlanSpec spec, @ForAll("faultSequences") List<FaultSpec> faults,
            @ForAll long seed) {
        SessionPlan plan = spec.build(body);
        // every drawn segment broke the envelope: nothing to run (the refusal is the next property's)
        net.jqwik.api.Assume.that(plan != null);
        SessionChecks.runAndCheck(body, plan, faults, seed);
    }


    /** The bed's own check (PlanAdmission): a segment that breaks a ban or crosses an excluded range is refused, named. */
    @Property(tries = 200, seed = "2026")
    void a_plan_breaking_a_ban_or_crossing_an_excluded_range_is_refused_before_anything_moves(
            @ForAll("bodies") Body body, @ForAll("plans") PlanSpec spec) {
        SessionPlan drawn = spec.buildAsDrawn(body);
        SafetyEnvelope envelope = drawn.envelope();
        int firstBreaking = -1;
        for (int i = 0; i < drawn.segments().size() && firstBreaking < 0; i++) {
            PlanSegment seg = drawn.segments().get(i);
            boolean crosses = envelope.excluded().stream().anyMatch(r -> r.overlaps(seg.startMm(), seg.endMm()));
            if (!envelope.allows(seg.technique(), seg.from(), seg.to()) || crosses) {
                firstBreaking = i;
            }
        }
        net.jqwik.api.Assume.that(firstBreaking >= 0);

        int breaking = firstBreaking;
        assertThatThrownBy(() -> Simulation.of(drawn, body, 1).run())
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    // the first refused segment: this one, or an earlier one under a stricter rule (the rollers' reach)
                    String message = e.getMessage();
                    assertThat(message).startsWith("plan.segments[");
                    int index = Integer.parseInt(message.substring("plan.segments[".length(), message.indexOf(']')));
                    assertThat(index).isLessThanOrEqualTo(breaking);
                });
    }

    @Property(tries = 6, seed = "2026")
    void the_same_seed_gives_an_identical_record(@ForAll("bodies") Body body, @ForAll("plans") PlanSpec spec,
                                                 @ForAll("faultSequences") List<FaultSpec> faults, @ForAll long seed) {
        SessionPlan plan = spec.build(body);
        net.jqwik.api.Assume.that(plan != null);
        SimulationResult a = withFaults(Simulation.of(plan, body, seed), faults, plan).run();
        SimulationResult b = withFaults(Simulation.of(plan, body, seed), faults, plan).run();
        assertThat(b.detail().record()).isEqualTo(a.detail().record());
        assertThat(b.faults()).isEqualTo(a.faults());
        assertThat(b.segments()).isEqualTo(a.segments());
        assertThat(b.peaks()).isEqualTo(a.peaks());
        assertThat(b.ticks()).isEqualTo(a.ticks());
    }

    private static Simulation withFaults(Simulation sim, List<FaultSpec> faults, SessionPlan plan) {
        for (FaultSpec f : faults) {
            sim.faultIn(plan.segments().get(Math.min(f.segment(), plan.segments().size() - 1)).technique().name(),
                    f.afterS(), f.kind(), f.zone());
        }
        return sim;
    }
}
