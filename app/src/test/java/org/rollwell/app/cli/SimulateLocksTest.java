package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} runs a fresh twin: its locks are reported and die with the run. */
class SimulateLocksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path scenario(String faults) {
        String text = """
                {
                  "format": "rollwell.scenario/1",
                  "description": "a short stress session",
                  "seed": 42,
                  "body": {"heightCm": 175, "weightKg": 72, "kyphosisDeg": 35, "lordosisDeg": 50,
                           "headOffsetMm": 100, "lateralOffsetMm": 0},
                  "profile": "anna.json",
                  "goal": "STRESS",
                  "minutes": 10,
                  "scan": false,
                  "faults": FAULTS
                }
                """.replace("FAULTS", faults);
        Profiles.write(dir, "anna.json", Profiles.ANNA);
        return Profiles.write(dir, "scenario.json", text);
    }

    @Test
    void an_open_thermistor_is_reported_as_a_zone_lock_of_the_run_and_nothing_is_stored() throws Exception {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            Cli run = Cli.run("simulate", "--scenario",
                    scenario("[{\"atS\": 200, \"kind\": \"THERMISTOR_OPEN\", \"zone\": 1}]").toString(), "--json", "--quiet");
            JsonNode locks = JSON.readTree(run.out()).get("locks");
            assertThat(locks).hasSize(1);
            assertThat(locks.get(0).get("target").asText()).isEqualTo("ZONE_HEAT");
            assertThat(locks.get(0).get("zone").asInt()).isEqualTo(1);
            assertThat(locks.get(0).get("cause").asText()).isEqualTo("THERMISTOR_OPEN");
        } finally {
            System.setProperty("user.home", home);
        }
        assertThat(Files.exists(dir.resolve(".rollwell"))).as("the stored locks are never touched").isFalse();
    }

    @Test
    void an_estop_locks_nothing() throws Exception {
        Cli run = Cli.run("simulate", "--scenario", scenario("[{\"atS\": 200, \"kind\": \"ESTOP\"}]").toString(),
                "--json", "--quiet");
        assertThat(JSON.readTree(run.out()).get("locks")).isEmpty();
    }
}
