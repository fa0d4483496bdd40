package org.rollwell.app.bedspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.app.cli.Main;
import org.rollwell.app.scenario.Scenario;
import org.rollwell.app.scenario.ScenarioException;
import org.rollwell.app.scenario.ScenarioParser;
import org.rollwell.bed.io.BedSpec;
import picocli.CommandLine;

/** A scenario names its bed with {@code "bed"}; {@code rollwell simulate --bed FILE} wins over it. */
class BedWiringTest {
    private static final Path BEDS = Path.of("..", "examples", "beds").toAbsolutePath().normalize();
    private static final Path PROFILES = Path.of("..", "examples", "profiles").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path scenario(String bedLine, String faults) throws Exception {
        Files.copy(PROFILES.resolve("anna.json"), dir.resolve("anna.json"));
        Files.createDirectories(dir.resolve("beds"));
        Files.copy(BEDS.resolve("compact-800.json"), dir.resolve("beds/compact-800.json"));
        String text = """
                {
                  "format": "rollwell.scenario/1",
                  "seed": 5,
                  "body": {"heightCm": 165, "weightKg": 60, "kyphosisDeg": 35, "lordosisDeg": 50,
                           "headOffsetMm": 100, "lateralOffsetMm": 0},
                  "profile": "anna.json",
                  "goal": "STRESS",
                  "minutes": 10,
                  "scan": false,BED
                  "faults": FAULTS
                }
                """.replace("BED", bedLine).replace("FAULTS", faults);
        Path file = dir.resolve("scenario.json");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void a_scenario_without_a_bed_runs_on_the_reference_bed() throws Exception {
        assertThat(ScenarioParser.parse(scenario("", "[]")).bed()).isEqualTo(BedSpec.REFERENCE);
    }

    @Test
    void a_scenario_names_its_bed_relative_to_itself() throws Exception {
        Scenario s = ScenarioParser.parse(scenario("\n  \"bed\": \"beds/compact-800.json\",", "[]"));
        assertThat(s.bed().travelMm()).isEqualTo(800);
        assertThat(s.bed().heaterZones()).isEqualTo(1);
    }

    @Test
    void a_broken_bed_file_is_refused_with_the_scenario_path_and_the_bed_field() throws Exception {
        Files.createDirectories(dir.resolve("beds"));
        Files.writeString(dir.resolve("beds/broken.json"), "{\"format\": \"rollwell.bedspec/1\", \"maxForceN\": \"lots\"}");
        Path file = scenario("\n  \"bed\": \"beds/broken.json\",", "[]");
        assertThatThrownBy(() -> ScenarioParser.parse(file)).isInstanceOfSatisfying(ScenarioException.class,
                e -> assertThat(e.lines()).singleElement().asString()
                        .endsWith("broken.json: $.maxForceN: must be a number, was the text \"lots\""));
    }

    @Test
    void a_heater_fault_on_a_zone_the_bed_does_not_have_is_refused() throws Exception {
        Path file = scenario("\n  \"bed\": \"beds/compact-800.json\",", "[{\"atS\": 60, \"kind\": \"HEATER_DEAD\", \"zone\": 1}]");
        assertThatThrownBy(() -> ScenarioParser.parse(file)).isInstanceOfSatisfying(ScenarioException.class,
                e -> assertThat(e.lines()).singleElement().asString().contains("zone 1").contains("1 zone(s)"));
    }

    @Test
    void simulate_runs_the_session_on_the_bed_given_with_the_option() throws Exception {
        Path file = scenario("", "[]");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("simulate", "--scenario", file.toString(), "--bed", dir.resolve("beds/compact-800.json").toString(),
                "--json", "--quiet");

        assertThat(exit).as(err.toString()).isEqualTo(Main.EXIT_OK);
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("status").asText()).isEqualTo("COMPLETED");
        // the compact bed's 60 °C roller maximum and 300 N force limit bound what ran
        assertThat(result.get("peaks").get("forceN").asDouble()).isLessThan(300 * 1.1);
    }

    @Test
    void simulate_refuses_a_bad_bed_file_with_exit_2_and_its_path() throws Exception {
        Path file = scenario("", "[]");
        Files.writeString(dir.resolve("bad.json"), "{\"format\": \"rollwell.bedspec/1\", \"loopHz\": 5}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("simulate", "--scenario", file.toString(), "--bed", dir.resolve("bad.json").toString(), "--quiet");

        assertThat(exit).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("rollwell simulate: " + dir.resolve("bad.json") + ": $.loopHz: must be 10–1000, was 5").doesNotContain("Exception");
    }
}
