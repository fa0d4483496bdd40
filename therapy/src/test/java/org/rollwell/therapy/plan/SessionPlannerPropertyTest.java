package org.rollwell.therapy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.profile.MarkedRegion;
import org.rollwell.therapy.profile.PainEntry;
import org.rollwell.therapy.profile.Preferences;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.Side;
import org.rollwell.therapy.profile.TriggerPoint;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.screening.ScreeningId;
import org.rollwell.therapy.technique.Technique;

/**
 * For any person the bed fits who has no red flag and no blocking contraindication, any goal or
 * built-in program and any length of 10–60 min: the plan stays inside the envelope and the bed,
 * totals the minutes within ±30 s, and is the same every time.
 */
class SessionPlannerPropertyTest {

    private static final BedLimits BED = BedLimits.REFERENCE;
    /** The ids a person may answer "yes" to and still have a session: they restrict, not block. */
    private static final List<ScreeningId> RESTRICTING = List.of(ScreeningId.CI_OSTEOPOROSIS,
            ScreeningId.CI_ANTICOAGULANT, ScreeningId.CI_REDUCED_SENSATION, ScreeningId.CI_HEAT_INTOLERANCE,
            ScreeningId.CI_SKIN_LESION, ScreeningId.CI_IMPLANT, ScreeningId.NO_DIAGNOSIS);
    private static final List<String> LEGITIMATE_BLOCKS = List.of("NO_TRIGGER_POINTS", "NOTHING_LEFT");

    @Property(tries = 400)
    void a_goal_plan_stays_inside_the_envelope_and_fills_the_minutes(
            @ForAll("people") Profile person, @ForAll Goal goal, @ForAll @IntRange(min = 10, max = 60) int minutes) {
        SessionPlan plan = new SessionPlanner(BED).plan(person, goal, minutes);
        Statistics.collect(plan.status(), plan.status() == SessionPlan.Status.OK ? "" : plan.reasons().get(0).code());

        assertSafeAndTimed(plan, minutes);
        assertThat(new SessionPlanner(BED).plan(person, goal, minutes)).isEqualTo(plan);
    }

    @Property(tries = 300)
    void with_any_check_in_every_goal_segment_is_inside_its_techniques_range_and_ninety_percent_of_the_maximum(
            @ForAll("people") Profile person, @ForAll Goal goal, @ForAll @IntRange(min = 0, max = 10) int painNow,
            @ForAll @IntRange(min = 10, max = 60) int minutes) {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 30);
        Map<ScreeningId, Boolean> symptoms = new EnumMap<>(ScreeningId.class);
        symptoms.put(ScreeningId.RF_CAUDA_EQUINA, false);
        symptoms.put(ScreeningId.RF_PROGRESSIVE_DEFICIT, false);
        symptoms.put(ScreeningId.RF_FEVER_INFECTION, false);
        var checkIn = new org.rollwell.therapy.profile.CheckIn(today, symptoms, OptionalInt.of(painNow), Set.of(),
                org.rollwell.therapy.profile.CheckIn.Source.CHECK_IN);
        SessionPlan plan = new SessionPlanner(BED).plan(person, new org.rollwell.therapy.screening.Visit(today, checkIn),
                goal, minutes);

        assertSafeAndTimed(plan, minutes);
        for (PlanSegment s : plan.segments()) {
            assertThat(s.forceN()).as(s.technique() + " " + s.why())
                    .isLessThanOrEqualTo(0.9 * plan.envelope().maxForceN().value())
                    .isBetween(s.technique().minForceN(), s.technique().maxForceN());
        }
    }

    /**
     * Issue 9 "Done when": on the noisier, shorter compact-800 bed as well, for any profile the bed fits, any
     * check-in and goal, every segment stays at or under 90 % of the maximum and the bed's force headroom under
     * it, inside its technique's range, and the heat forecast never plans past the bed's cut lines
     * ({@link EnvelopeCheck}).
     */
    @Property(tries = 200)
    void on_the_compact_bed_forces_keep_its_headroom_and_the_heat_forecast_stays_under_its_cut_lines(
            @ForAll("people") Profile person, @ForAll Goal goal, @ForAll @IntRange(min = 0, max = 10) int painNow,
            @ForAll @IntRange(min = 10, max = 45) int minutes) {
        BedLimits bed = PropertyBeds.COMPACT_800;
        Assume.that(person.heightCm() <= bed.personHeightMaxCm() && person.weightKg() <= bed.personWeightMaxKg());
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 30);
        Map<ScreeningId, Boolean> symptoms = new EnumMap<>(ScreeningId.class);
        symptoms.put(ScreeningId.RF_CAUDA_EQUINA, false);
        symptoms.put(ScreeningId.RF_PROGRESSIVE_DEFICIT, false);
        symptoms.put(ScreeningId.RF_FEVER_INFECTION, false);
        var checkIn = new org.rollwell.therapy.profile.CheckIn(today, symptoms, OptionalInt.of(painNow), Set.of(),
                org.rollwell.therapy.profile.CheckIn.Source.CHECK_IN);
        SessionPlan plan = new SessionPlanner(bed).plan(person, new org.rollwell.therapy.screening.Visit(today, checkIn),
                goal, minutes);

        assertSafeAndTimed(plan, minutes, bed);
        for (PlanSegment s : plan.segments()) {
            assertThat(s.forceN()).as(s.technique() + " " + s.why())
                    .isLessThanOrEqualTo(plan.envelope().maxForceN().value() - bed.forceHeadroomN())
                    .isBetween(s.technique().minForceN(), s.technique().maxForceN());
        }
    }

    @Property(tries = 300)
    void a_program_plan_stays_inside_the_envelope_and_fills_the_minutes(
            @ForAll("people") Profile person, @ForAll("programs") Program program,
            @ForAll @IntRange(min = 10, max = 60) int minutes) {
        SessionPlan plan = new SessionPlanner(BED).plan(person, program, minutes);

        assertSafeAndTimed(plan, minutes);
        assertThat(new SessionPlanner(BED).plan(person, program, minutes)).isEqualTo(plan);
    }

    @Property(tries = 200)
    void any_red_flag_blocks_with_that_id(@ForAll("people") Profile person, @ForAll("redFlags") Set<ScreeningId> flags,
                                          @ForAll Goal goal) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(person.answers());
        flags.forEach(flag -> answers.put(flag, true));
        Profile flagged = withAnswers(person, answers);

        SessionPlan plan = new SessionPlanner(BED).plan(flagged, goal, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.BLOCKED);
        assertThat(plan.segments()).isEmpty();
        assertThat(plan.reasons()).extracting(Reason::code).containsAll(flags.stream().map(Enum::name).toList());
    }

    @Property(tries = 300)
    void any_single_contraindication_shows_its_restriction_in_the_envelope(
            @ForAll("people") Profile person, @ForAll ScreeningId id) {
        if (id.kind() == ScreeningId.Kind.RED_FLAG) {
            return;
        }
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        for (ScreeningId each : ScreeningId.values()) {
            answers.put(each, each == id);
        }
        List<MarkedRegion> regions = id.needsRegion() ? List.of(new MarkedRegion(id, Level.T10, Level.T12)) : List.of();
        Profile p = new Profile(person.heightCm(), person.weightKg(), person.birthYear(), answers, person.conditions(),
                person.painMap(), person.triggerPoints(), OptionalInt.empty(), person.preferences(), regions,
                Set.of(), person.headOffsetMm(), person.spineMap());

        SessionPlan plan = new SessionPlanner(BED).plan(p, Goal.RELIEVE_TENSION, 30);
        SafetyEnvelope e = plan.envelope();

        switch (id) {
            case CI_OSTEOPOROSIS -> {
                assertThat(e.maxForceN().value()).isEqualTo(120);
                assertThat(e.maxForceN().setBy()).isEqualTo(id.name());
                assertThat(e.bans()).anySatisfy(b -> assertThat(b.setBy() + b.technique()).isEqualTo(id + "PRESS"));
                assertThat(e.bans()).anySatisfy(b -> assertThat(b.setBy() + b.technique()).isEqualTo(id + "STRETCH"));
            }
            case CI_ANTICOAGULANT, NO_DIAGNOSIS -> {
                assertThat(e.maxForceN().value()).isEqualTo(150);
                assertThat(e.maxForceN().setBy()).isEqualTo(id.name());
                assertThat(e.bans()).anySatisfy(b -> assertThat(b.setBy() + b.technique()).isEqualTo(id + "PRESS"));
            }
            case CI_REDUCED_SENSATION -> {
                assertThat(e.maxSkinTempC().value()).isEqualTo(40);
                assertThat(e.maxSkinTempC().setBy()).isEqualTo(id.name());
                assertThat(e.maxRollerTempC().value()).isLessThanOrEqualTo(45);
            }
            case CI_HEAT_INTOLERANCE -> {
                assertThat(e.heatAllowed()).isFalse();
                assertThat(e.heatSetBy()).isEqualTo(id.name());
            }
            case CI_SKIN_LESION, CI_IMPLANT -> assertThat(e.excluded())
                    .anySatisfy(x -> assertThat(x.reason()).startsWith(id.name()));
            case CI_DVT, CI_PREGNANCY, CI_RECENT_SURGERY_OR_FRACTURE, CI_ACTIVE_CANCER -> {
                assertThat(plan.status()).isEqualTo(SessionPlan.Status.BLOCKED);
                assertThat(plan.reasons()).extracting(Reason::code).contains(id.name());
            }
            default -> throw new AssertionError("unhandled " + id);
        }
        if (plan.status() == SessionPlan.Status.OK) {
            assertThat(EnvelopeCheck.violations(plan, BED)).isEmpty();
        }
    }

    private static void assertSafeAndTimed(SessionPlan plan, int minutes) {
        assertSafeAndTimed(plan, minutes, BED);
    }

    private static void assertSafeAndTimed(SessionPlan plan, int minutes, BedLimits bed) {
        if (plan.status() == SessionPlan.Status.BLOCKED) {
            assertThat(plan.segments()).isEmpty();
            assertThat(plan.reasons()).isNotEmpty();
            assertThat(LEGITIMATE_BLOCKS).contains(plan.reasons().get(0).code());
            return;
        }
        assertThat(EnvelopeCheck.violations(plan, bed)).isEmpty();
        assertThat(plan.totalSeconds()).isBetween(minutes * 60 - 30, minutes * 60 + 30);
        for (PlanSegment s : plan.segments()) {
            if (s.technique() == Technique.PRESS) {
                assertThat(s.startMm()).isEqualTo(s.endMm());
            }
        }
    }

    private static Profile withAnswers(Profile p, Map<ScreeningId, Boolean> answers) {
        return new Profile(p.heightCm(), p.weightKg(), p.birthYear(), answers, p.conditions(), p.painMap(),
                p.triggerPoints(), p.painTodayNrs(), p.preferences(), p.regions(), p.clinicianApproved(),
                p.headOffsetMm(), p.spineMap());
    }

    @Provide
    Arbitrary<Program> programs() {
        return Arbitraries.of(ProgramLibrary.builtIn().programs());
    }

    @Provide
    Arbitrary<Set<ScreeningId>> redFlags() {
        return Arbitraries.of(ScreeningId.values()).filter(id -> id.kind() == ScreeningId.Kind.RED_FLAG)
                .set().ofMinSize(1).ofMaxSize(3);
    }

    record Body(double heightCm, double weightKg, double headOffsetMm, double mapShiftMm, boolean measured) {
    }

    record Marks(List<PainEntry> painMap, List<TriggerPoint> triggerPoints, Level lesionFrom, Level lesionTo,
                 Level implantFrom, Level implantTo) {
    }

    @Provide
    Arbitrary<Profile> people() {
        Arbitrary<Body> body = Combinators.combine(
                Arbitraries.integers().between(1450, 2050).map(mm -> mm / 10.0),
                Arbitraries.integers().between(40, 135).map(Integer::doubleValue),
                Arbitraries.integers().between(0, 400).map(Integer::doubleValue),
                Arbitraries.integers().between(-60, 60).map(Integer::doubleValue),
                Arbitraries.of(true, false)).as(Body::new);
        Arbitrary<Set<ScreeningId>> yes = Arbitraries.of(RESTRICTING).set().ofMaxSize(3);
        Arbitrary<Set<Condition>> conditions = Arbitraries.of(Condition.values()).set();
        Arbitrary<OptionalInt> painToday = Arbitraries.integers().between(-1, 10)
                .map(n -> n < 0 ? OptionalInt.empty() : OptionalInt.of(n));
        Arbitrary<Preferences> preferences = Combinators.combine(
                Arbitraries.integers().between(1, 10),
                Arbitraries.integers().between(30, 65).map(Integer::doubleValue),
                Arbitraries.of(true, true, false)).as(Preferences::new);
        Arbitrary<Level> level = Arbitraries.of(Level.values());
        Arbitrary<List<PainEntry>> painMap = Combinators.combine(level, Arbitraries.of(Side.values()),
                        Arbitraries.integers().between(1, 10)).as(PainEntry::new)
                .list().ofMaxSize(6).uniqueElements(e -> e.level() + "/" + e.side());
        Arbitrary<List<TriggerPoint>> triggerPoints = Combinators.combine(level, Arbitraries.of(Side.values()))
                .as(TriggerPoint::new).list().ofMaxSize(5).uniqueElements();
        Arbitrary<Marks> marks = Combinators.combine(painMap, triggerPoints, level, level, level, level).as(Marks::new);
        return Combinators.combine(body, yes, conditions, painToday, preferences, marks)
                .as(SessionPlannerPropertyTest::profile);
    }

    private static Profile profile(Body body, Set<ScreeningId> yes, Set<Condition> conditions, OptionalInt painToday,
                                   Preferences preferences, Marks marks) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        for (ScreeningId id : ScreeningId.values()) {
            answers.put(id, yes.contains(id));
        }
        List<MarkedRegion> regions = new ArrayList<>();
        if (yes.contains(ScreeningId.CI_SKIN_LESION)) {
            regions.add(region(ScreeningId.CI_SKIN_LESION, marks.lesionFrom(), marks.lesionTo()));
        }
        if (yes.contains(ScreeningId.CI_IMPLANT)) {
            regions.add(region(ScreeningId.CI_IMPLANT, marks.implantFrom(), marks.implantTo()));
        }
        Optional<SpineMap> map = Optional.empty();
        if (body.measured()) {
            // A scanned map: the normative one shifted and stretched a little, as a real back differs (±5 %, DOMAIN.md §3).
            SpineMap normative = SpineMap.normative(body.heightCm(), body.headOffsetMm());
            Map<Level, Double> levels = new EnumMap<>(Level.class);
            double c7 = normative.positionMm(Level.C7);
            double stretch = 1 + body.mapShiftMm() / 1200.0;
            normative.levelsMm().forEach((l, mm) -> levels.put(l, c7 + (mm - c7) * stretch + body.mapShiftMm()));
            map = Optional.of(SpineMap.measured(levels, c7 + (normative.t12l1Mm() - c7) * stretch + body.mapShiftMm(),
                    c7 + (normative.l5s1Mm() - c7) * stretch + body.mapShiftMm(), 40, 20, 0.9));
        }
        return new Profile(body.heightCm(), body.weightKg(), 1970, answers, conditions, marks.painMap(),
                marks.triggerPoints(), painToday, preferences, regions, Set.of(), body.headOffsetMm(), map);
    }

    private static MarkedRegion region(ScreeningId id, Level a, Level b) {
        return a.isAbove(b) ? new MarkedRegion(id, a, b) : new MarkedRegion(id, b, a);
    }
}
