package org.rollwell.therapy.program;

import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.input.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/** The programs that ship with Rollwell: clean, within the bed's limits, and covering what people ask for. */
class ProgramLibraryTest {

    private static final ProgramLibrary LIBRARY = ProgramLibrary.builtIn();

    static List<String> builtInFiles() {
        return List.copyOf(ProgramLibrary.builtInSources().keySet());
    }

    static List<Program> builtInPrograms() {
        return LIBRARY.programs();
    }

    @ParameterizedTest(name = "{0} reads clean")
    @MethodSource("builtInFiles")
    void every_built_in_program_file_reads_without_a_single_problem(String file) {
        ParseResult<Program> result = ProgramParser.parse(ProgramLibrary.builtInSources().get(file));

        assertThat(result.problems()).isEmpty();
        assertThat(((ParseResult.Parsed<Program>) result).value().id() + ".json").isEqualTo(file);
    }

    @Test
    void the_library_has_at_least_ten_programs_in_a_stable_order() {
        assertThat(LIBRARY.programs()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(ids(ProgramLibrary.builtIn().programs())).isEqualTo(ids(LIBRARY.programs()));
        assertThat(ids(LIBRARY.programs())).first().isEqualTo("lumbar-tension");
    }

    @Test
    void together_the_programs_serve_every_goal_and_every_condition() {
        Set<Goal> goals = EnumSet.noneOf(Goal.class);
        Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        for (Program program : LIBRARY.programs()) {
            goals.addAll(program.goals());
            conditions.addAll(program.suits());
        }
        assertThat(goals).containsExactlyInAnyOrder(Goal.values());
        assertThat(conditions).containsExactlyInAnyOrder(Condition.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInPrograms")
    void every_program_stays_within_the_reference_beds_limits(Program program) {
        BedLimits bed = BedLimits.REFERENCE;
        for (ProgramSegment segment : program.segments()) {
            assertThat(segment.targetForceN()).isLessThanOrEqualTo(bed.maxForceN());
            if (segment.heat()) {
                assertThat(segment.rollerTempC()).isBetween(bed.rollerTempMinC(), bed.rollerTempMaxC());
            }
            if (segment.params() instanceof TechniqueParams.Stretch stretch) {
                assertThat(stretch.liftMm()).isLessThanOrEqualTo(bed.maxLiftMm());
            }
        }
        assertThat(program.minutes()).isLessThanOrEqualTo(bed.maxSessionMinutes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInPrograms")
    void every_program_lasts_a_typical_session_of_20_to_40_minutes(Program program) {
        // Commercial sessions are 40 min (DOMAIN.md §2); the Kim et al. 2023 trial used 40 min.
        assertThat(program.minutes()).isBetween(20.0, 40.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInPrograms")
    void every_program_explains_itself_and_cites_its_figures(Program program) {
        assertThat(program.description()).hasSizeGreaterThan(60);
        assertThat(program.sources()).isNotEmpty();
        assertThat(program.name()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInPrograms")
    void every_program_warms_up_gently_and_ends_with_a_cool_down(Program program) {
        ProgramSegment first = program.segments().get(0);
        ProgramSegment last = program.segments().get(program.segments().size() - 1);
        assertThat(first.technique()).isEqualTo(Technique.WARM);
        assertThat(first.intensity()).isLessThanOrEqualTo(3);
        assertThat(last.technique()).isEqualTo(Technique.ROLL);
        assertThat(last.targetForceN()).isLessThanOrEqualTo(maxForceN(program));
    }

    @Test
    void a_program_for_sciatica_never_presses_the_low_back_and_stretches_at_half_height() {
        for (Program program : suiting(Condition.SCIATICA)) {
            for (ProgramSegment segment : program.segments()) {
                if (segment.location() instanceof Location.Point point) {
                    assertThat(point.at().isAbove(Level.L4)).as("%s presses %s", program.id(), point.at()).isTrue();
                }
                if (segment.params() instanceof TechniqueParams.Stretch stretch) {
                    assertThat(stretch.liftMm()).as(program.id()).isLessThanOrEqualTo(20);
                }
            }
        }
    }

    @Test
    void a_program_for_fibromyalgia_starts_at_intensity_2_and_never_passes_150_N() {
        for (Program program : suiting(Condition.FIBROMYALGIA)) {
            assertThat(program.segments().get(0).targetForceN()).as(program.id()).isLessThanOrEqualTo(70);
            assertThat(maxForceN(program)).as(program.id()).isLessThanOrEqualTo(150);
        }
    }

    @Test
    void a_program_for_degeneration_stays_at_or_below_200_N_and_warms() {
        for (Program program : suiting(Condition.DEGENERATION)) {
            assertThat(maxForceN(program)).as(program.id()).isLessThanOrEqualTo(200);
            assertThat(program.segments()).as(program.id()).anyMatch(ProgramSegment::heat);
        }
    }

    @Test
    void each_goal_is_served_by_the_techniques_it_maps_to() {
        // DOMAIN.md §4: trigger points → PRESS on the marked points with ROLL before and after.
        for (Program program : LIBRARY.programs()) {
            List<Technique> techniques = program.segments().stream().map(ProgramSegment::technique)
                    .collect(Collectors.toList());
            if (program.goals().contains(Goal.TRIGGER_POINTS)) {
                int press = techniques.indexOf(Technique.PRESS);
                assertThat(techniques.subList(0, press)).as(program.id()).contains(Technique.ROLL);
                assertThat(techniques.subList(press, techniques.size())).as(program.id())
                        .contains(Technique.ROLL);
            }
            if (program.goals().contains(Goal.STRESS)) {
                assertThat(program.segments()).as(program.id()).anyMatch(segment ->
                        segment.technique() == Technique.ROLL && segment.heat()
                                && segment.location().equals(new Location.Span(Level.C7, Level.S1)));
            }
        }
    }

    @Test
    void find_gives_a_program_by_its_id_and_nothing_for_an_unknown_one() {
        assertThat(LIBRARY.find("sciatica-gentle")).get().extracting(Program::suits)
                .satisfies(suits -> assertThat(suits).contains(Condition.SCIATICA));
        assertThat(LIBRARY.find("no-such-program")).isEmpty();
    }

    @Test
    void two_files_with_the_same_program_id_are_refused_naming_both() {
        String lumbar = ProgramLibrary.builtInSources().get("lumbar-tension.json");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("mine.json", lumbar);
        files.put("copy.json", lumbar);

        ParseResult<ProgramLibrary> result = ProgramLibrary.of(files);

        assertThat(result.problems()).extracting(Problem::line).containsExactly(
                "copy.json: $.id: duplicate program id \"lumbar-tension\", already used by mine.json");
    }

    @Test
    void problems_in_several_files_are_reported_per_file() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.json", "{");
        files.put("b.json", "[]");

        assertThat(ProgramLibrary.of(files).problems()).extracting(Problem::line)
                .satisfiesExactly(a -> assertThat(a).startsWith("a.json: $: not valid JSON"),
                        b -> assertThat(b).isEqualTo("b.json: $: must be a rollwell.program/1 object, was a list"));
    }

    private static List<Program> suiting(Condition condition) {
        List<Program> programs = LIBRARY.programs().stream().filter(p -> p.suits().contains(condition))
                .collect(Collectors.toList());
        assertThat(programs).as("programs that suit %s", condition).isNotEmpty();
        return programs;
    }

    private static double maxForceN(Program program) {
        return program.segments().stream().mapToDouble(ProgramSegment::targetForceN).max().orElseThrow();
    }

    private static List<String> ids(List<Program> programs) {
        return programs.stream().map(Program::id).collect(Collectors.toList());
    }
}
