package org.rollwell.app.bedspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollwell.bed.io.BedSpec;

/** Issue 4 item 1: a bed's geometry and limits "loadable from a file", refusing bad files field by field. */
class BedSpecFileTest {
    static final Path DOC = Path.of("..", "docs", "bed-spec-format.md");
    static final Path BEDS = Path.of("..", "examples", "beds");

    @Test
    void the_complete_example_in_the_format_doc_is_the_reference_bed() throws Exception {
        String doc = Files.readString(DOC);
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("a ```json block in %s", DOC).isTrue();
        assertThat(BedSpecFile.parse(m.group(1))).isEqualTo(BedSpec.REFERENCE);
    }

    @Test
    void the_example_files_load_the_reference_bed_and_a_shorter_single_zone_bed() throws Exception {
        assertThat(BedSpecFile.read(BEDS.resolve("reference.json"))).isEqualTo(BedSpec.REFERENCE);
        BedSpec compact = BedSpecFile.read(BEDS.resolve("compact-800.json"));
        assertThat(compact.travelMm()).isEqualTo(800);
        assertThat(compact.heaterZones()).isEqualTo(1);
        assertThat(compact.maxForceN()).isEqualTo(300);
        assertThat(compact.rollerTempMaxC()).isEqualTo(60);
        // left out, so the reference bed's
        assertThat(compact.loopHz()).isEqualTo(BedSpec.REFERENCE.loopHz());
        assertThat(compact.rollerPairOffsetMm()).isEqualTo(BedSpec.REFERENCE.rollerPairOffsetMm());
    }

    @Test
    void a_file_with_only_the_format_is_the_reference_bed() throws Exception {
        assertThat(BedSpecFile.parse("{\"format\": \"rollwell.bedspec/1\"}")).isEqualTo(BedSpec.REFERENCE);
    }

    @Test
    void writing_a_bed_and_reading_it_back_gives_the_same_bed() throws Exception {
        BedSpec compact = BedSpecFile.read(BEDS.resolve("compact-800.json"));
        assertThat(BedSpecFile.parse(BedSpecFile.write(compact, "round trip"))).isEqualTo(compact);
        assertThat(BedSpecFile.parse(BedSpecFile.write(BedSpec.REFERENCE, null))).isEqualTo(BedSpec.REFERENCE);
    }

    @Test
    void fields_changed_together_are_judged_together() throws Exception {
        // a hotter roller needs a later fuse: alone either would break the temperature order, together they are fine
        BedSpec hot = BedSpecFile.parse("{\"format\": \"rollwell.bedspec/1\", \"rollerTempMaxC\": 75, \"thermalFuseC\": 95}");
        assertThat(hot.rollerTempMaxC()).isEqualTo(75);
        assertThat(hot.thermalFuseC()).isEqualTo(95);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not JSON at all", "{\"format\": \"rollwell.bedspec/1\", travelMm: 950", List.of("$: not valid JSON")),
                Arguments.of("an array, not an object", "[950, 80]", List.of("$: must be a rollwell.bedspec/1 object, was a list")),
                Arguments.of("the wrong format", "{\"format\": \"rollwell.bed/2\"}", List.of("$.format: must be \"rollwell.bedspec/1\"")),
                Arguments.of("no format", "{\"travelMm\": 950}", List.of("$.format: missing; must be \"rollwell.bedspec/1\"")),
                Arguments.of("an unknown field (a unit typo)", "{\"format\": \"rollwell.bedspec/1\", \"travelCm\": 95}",
                        List.of("$.travelCm: unknown field")),
                Arguments.of("a number as text", "{\"format\": \"rollwell.bedspec/1\", \"maxForceN\": \"350\"}",
                        List.of("$.maxForceN: must be a number, was the text \"350\"")),
                Arguments.of("a fractional zone count", "{\"format\": \"rollwell.bedspec/1\", \"heaterZones\": 1.5}",
                        List.of("$.heaterZones: must be a whole number")),
                Arguments.of("a negative travel and a zero lift speed, both reported",
                        "{\"format\": \"rollwell.bedspec/1\", \"travelMm\": -950, \"maxLiftSpeedMmPerS\": 0}",
                        List.of("$.travelMm: must be positive, was -950.0", "$.maxLiftSpeedMmPerS: must be positive, was 0.0")),
                Arguments.of("a force limit beyond the load cell", "{\"format\": \"rollwell.bedspec/1\", \"maxForceN\": 700}",
                        List.of("$.maxForceN: 700.0 exceeds what the load cell measures, 600.0")),
                Arguments.of("a roller allowed hotter than its fuse", "{\"format\": \"rollwell.bedspec/1\", \"rollerTempMaxC\": 82}",
                        List.of("$.rollerTempMaxC: temperatures must satisfy")),
                Arguments.of("a fuse above what the thermistor reads and a settable range upside down",
                        "{\"format\": \"rollwell.bedspec/1\", \"thermalFuseC\": 130, \"rollerTempMinC\": 70}",
                        List.of("$.rollerTempMinC: temperatures must satisfy", "$.thermalFuseC: temperatures must satisfy")),
                Arguments.of("a loop rate out of range", "{\"format\": \"rollwell.bedspec/1\", \"loopHz\": 5}",
                        List.of("$.loopHz: must be 10–1000, was 5")),
                Arguments.of("a person height range upside down", "{\"format\": \"rollwell.bedspec/1\", \"personHeightMinCm\": 210}",
                        List.of("$.personHeightMinCm: must be below personHeightMaxCm")),
                Arguments.of("a duplicated field", "{\"format\": \"rollwell.bedspec/1\", \"travelMm\": 950, \"travelMm\": 800}",
                        List.of("$: not valid JSON")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_malformed_bed_file_is_refused_with_the_path_of_every_problem(String what, String json, List<String> expected) {
        assertThatThrownBy(() -> BedSpecFile.parse(json))
                .isInstanceOfSatisfying(BedSpecException.class, e -> {
                    assertThat(e.lines()).hasSize(expected.size());
                    for (int i = 0; i < expected.size(); i++) {
                        assertThat(e.lines().get(i)).startsWith(expected.get(i));
                    }
                });
    }

    @Test
    void a_missing_file_is_refused_with_its_name() {
        assertThatThrownBy(() -> BedSpecFile.read(BEDS.resolve("no-such-bed.json")))
                .isInstanceOfSatisfying(BedSpecException.class,
                        e -> assertThat(e.lines()).singleElement().asString().contains("no-such-bed.json").contains("no such file"));
    }
}
