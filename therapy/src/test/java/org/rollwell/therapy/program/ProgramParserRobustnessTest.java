package org.rollwell.therapy.program;

import org.rollwell.therapy.input.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.rollwell.therapy.envelope.BedLimits;

/**
 * Whatever a person (or a broken editor) hands the parser, it answers with a
 * program or with problems; it never throws, and what it accepts is within the bed.
 */
class ProgramParserRobustnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BUILT_IN = List.copyOf(ProgramLibrary.builtInSources().values());
    private static final List<String> WORDS = List.of("format", "id", "segments", "technique", "from", "to", "at",
            "focus", "intensity", "forceN", "rollerTempC", "seconds", "holdS", "liftMm", "speedMmPerS", "PAIN",
            "TRIGGER_POINTS", "T8", "L5", "S1", "C7", "T13", "PRESS", "STRETCH", "SCIATICA", "FIBROMYALGIA");

    @Property(tries = 300)
    void any_text_at_all_is_answered_without_throwing(@ForAll("texts") String text) {
        assertAnswered(ProgramParser.parse(text));
    }

    @Property(tries = 300)
    void a_built_in_program_with_characters_cut_or_inserted_is_answered_without_throwing(
            @ForAll @IntRange(min = 0, max = 1000) int program, @ForAll long seed) {
        String json = BUILT_IN.get(program % BUILT_IN.size());
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(json);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            if (random.nextBoolean()) {
                text.deleteCharAt(at);
            } else {
                text.insert(at, "{}[],:\"0-.eE9x ".charAt(random.nextInt(15)));
            }
        }
        assertAnswered(ProgramParser.parse(text.toString()));
    }

    @Property(tries = 600)
    void a_built_in_program_with_values_swapped_removed_or_added_is_answered_and_what_it_accepts_fits_the_bed(
            @ForAll @IntRange(min = 0, max = 1000) int program, @ForAll long seed) throws Exception {
        JsonNode tree = JSON.readTree(BUILT_IN.get(program % BUILT_IN.size()));
        Random random = new Random(seed);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutate(tree, random);
        }

        ParseResult<Program> result = ProgramParser.parse(JSON.writeValueAsString(tree));

        assertAnswered(result);
        Statistics.label("accepted").collect(result.ok());
        if (result instanceof ParseResult.Parsed<Program> parsed) {
            fitsTheBed(parsed.value());
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-eEtrufalsn \n")
                .ofMaxLength(120);
        Arbitrary<String> keyed = Arbitraries.of(WORDS).list().ofMaxSize(8).map(words -> {
            StringBuilder json = new StringBuilder("{\"format\":\"rollwell.program/1\"");
            for (int i = 0; i + 1 < words.size(); i += 2) {
                json.append(",\"").append(words.get(i)).append("\":\"").append(words.get(i + 1)).append('"');
            }
            return json.append('}').toString();
        });
        return Arbitraries.oneOf(noise, jsonish, keyed);
    }

    private static void assertAnswered(ParseResult<Program> result) {
        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Refused<Program>) {
            assertThat(result.problems()).isNotEmpty()
                    .allSatisfy(problem -> {
                        assertThat(problem.path()).startsWith("$");
                        assertThat(problem.reason()).isNotBlank();
                    });
        }
    }

    private static void fitsTheBed(Program program) {
        BedLimits bed = BedLimits.REFERENCE;
        assertThat(program.segments()).isNotEmpty();
        assertThat(program.minutes()).isLessThanOrEqualTo(bed.maxSessionMinutes());
        for (ProgramSegment segment : program.segments()) {
            assertThat(segment.targetForceN()).isBetween(1.0, bed.maxForceN());
            assertThat(segment.seconds()).isPositive();
            if (segment.heat()) {
                assertThat(segment.rollerTempC()).isBetween(bed.rollerTempMinC(), bed.rollerTempMaxC());
            }
        }
    }

    /** One random change somewhere in the tree: drop, replace or add a value. */
    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomValue(random));
                default -> object.set(WORDS.get(random.nextInt(WORDS.size())), randomValue(random));
            }
        } else if (target instanceof ArrayNode array && array.size() > 0) {
            int index = random.nextInt(array.size());
            if (random.nextBoolean()) {
                array.remove(index);
            } else {
                array.set(index, randomValue(random));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.elements().forEachRemaining(child -> collect(child, into));
        }
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (random.nextInt(9)) {
            case 0: return nodes.nullNode();
            case 1: return nodes.booleanNode(random.nextBoolean());
            case 2: return nodes.numberNode(random.nextInt(2000) - 500);
            case 3: return nodes.numberNode(random.nextDouble() * 100);
            case 4: return nodes.numberNode(new java.math.BigDecimal("1e400"));
            case 5: return nodes.textNode(WORDS.get(random.nextInt(WORDS.size())));
            case 6: return nodes.arrayNode().add(WORDS.get(random.nextInt(WORDS.size())));
            case 7: return nodes.objectNode();
            default: return nodes.numberNode(Long.MAX_VALUE);
        }
    }
}
