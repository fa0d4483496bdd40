package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rollwell.sim.FaultKind;

/** {@code rollwell campaign}: the table, the JSON, the exit codes (issue 8 item 6). */
class CampaignCommandTest {

    static final String[] EXAMPLES = {"--profiles", "../examples/profiles", "--beds", "../examples/beds"};

    private static Cli campaign(String... args) {
        String[] all = new String[args.length + EXAMPLES.length + 1];
        all[0] = "campaign";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(EXAMPLES, 0, all, 1 + args.length, EXAMPLES.length);
        return Cli.run(all);
    }

    @Test
    void a_small_campaign_prints_a_row_per_fault_kind_the_verdict_and_the_throughput() {
        Cli run = campaign("--runs", "4", "--seed", "3", "--jobs", "2", "-q");

        assertThat(run.err()).isEmpty();
        for (FaultKind kind : FaultKind.values()) {
            assertThat(run.out()).contains(kind.name());
        }
        assertThat(run.out()).containsPattern("Verdict: (SAFE|UNSAFE)").contains("× real time");
        assertThat(run.exit()).isEqualTo(run.out().contains("Verdict: SAFE") ? Main.EXIT_OK : Main.EXIT_BLOCKED);
    }

    @Test
    void the_json_names_every_kind_with_its_bound_and_the_verdict() throws Exception {
        Cli run = campaign("--runs", "3", "--seed", "5", "--json", "-q");

        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("verdict").asText()).isIn("SAFE", "UNSAFE");
        assertThat(root.get("runs").asInt()).isEqualTo(3);
        assertThat(root.get("kinds")).hasSize(FaultKind.values().length);
        assertThat(root.get("kinds").get(0).get("boundMs").isNumber()).isTrue();
        assertThat(root.get("throughput").isNumber()).isTrue();
    }

    @Test
    void progress_goes_to_stderr_unless_quiet() {
        Cli run = campaign("--runs", "2", "--seed", "3", "--jobs", "1");

        assertThat(run.err()).contains("2/2 runs");
    }

    @Test
    void bad_options_and_missing_folders_are_refused_with_exit_2() {
        assertThat(campaign("--runs", "0").refusedAsBadInput().err()).contains("--runs");
        assertThat(campaign("--runs", "2", "--jobs", "0").refusedAsBadInput().err()).contains("--jobs");
        Cli missing = Cli.run("campaign", "--runs", "2", "--profiles", "no/such/folder").refusedAsBadInput();
        assertThat(missing.err()).contains("--profiles").contains("no/such/folder");
    }
}
