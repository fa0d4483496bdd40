package org.rollwell.app.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.app.json.Json;
import org.rollwell.app.simulate.Simulation;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;
import org.rollwell.therapy.scan.ScanAnalyser;
import org.rollwell.therapy.scan.ScanResult;
import org.rollwell.therapy.scan.ScanTrace;

/**
 * Issue 10: what {@code rollwell scan analyze --json} prints is, as it is, a profile's
 * {@code spineMap}: one format, angles on the Cobb scale, the surface angles named as such.
 */
class ScanJsonAsSpineMapTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLARA = Path.of("..", "examples", "profiles", "clara.json");

    @Test
    void the_analysers_json_is_read_as_a_profiles_spine_map_with_every_level_and_the_cobb_angles() throws Exception {
        ScanTrace trace = Simulation.scan(new Body(182, 80, 38, 52, 120, 20), 1).runScan().trace();
        ScanResult scan = new ScanAnalyser().analyse(trace);
        assertThat(scan.ok()).as("%s", scan.reasons()).isTrue();

        ParseResult<Profile> read = ProfileParser.parse(claraWith(Json.write(ScanJson.result(scan))));

        assertThat(read.problems()).isEmpty();
        SpineMap map = ((ParseResult.Parsed<Profile>) read).value().spineMap().orElseThrow();
        SpineMap measured = scan.spineMap();
        assertThat(map.source()).isEqualTo(SpineMap.Source.MEASURED);
        for (Level level : Level.values()) {
            assertThat(map.positionMm(level)).as(level.name()).isCloseTo(measured.positionMm(level), within(0.051));
        }
        assertThat(map.t12l1Mm()).isCloseTo(measured.t12l1Mm(), within(0.051));
        assertThat(map.l5s1Mm()).isCloseTo(measured.l5s1Mm(), within(0.051));
        // the Cobb-scale angles, not the (smaller) surface angles the JSON also carries
        assertThat(map.kyphosisDeg()).isCloseTo(measured.kyphosisDeg(), within(0.051))
                .isNotCloseTo(scan.surfaceKyphosisDeg(), within(1.0));
        assertThat(map.lordosisDeg()).isCloseTo(measured.lordosisDeg(), within(0.051))
                .isNotCloseTo(scan.surfaceLordosisDeg(), within(1.0));
    }

    @Test
    void a_rejected_scan_is_refused_as_a_spine_map_naming_its_status() throws Exception {
        ObjectNode rejected = Json.object();
        rejected.put("status", "REJECTED");
        rejected.putArray("reasons").addObject().put("code", "PERSON_MOVED").put("message", "the person moved");
        rejected.putNull("landmarks");
        rejected.putNull("levels");

        List<Problem> problems = ProfileParser.parse(claraWith(Json.write(rejected))).problems();

        assertThat(problems).extracting(Problem::path).containsExactly("$.spineMap.status");
        assertThat(problems.get(0).reason()).contains("must be OK", "REJECTED");
    }

    @Test
    void a_scan_whose_c7_landmark_is_not_its_c7_level_is_refused() throws Exception {
        ScanResult scan = new ScanAnalyser().analyse(Simulation.scan(new Body(170, 70, 35, 50, 100, 0), 2).runScan().trace());
        ObjectNode json = ScanJson.result(scan);
        ((ObjectNode) json.get("landmarks")).put("C7", scan.spineMap().positionMm(Level.C7) + 12);

        List<Problem> problems = ProfileParser.parse(claraWith(Json.write(json))).problems();

        assertThat(problems).extracting(Problem::path).containsExactly("$.spineMap.landmarks.C7");
    }

    private static String claraWith(String spineMapJson) throws Exception {
        ObjectNode profile = (ObjectNode) JSON.readTree(Files.readString(CLARA));
        profile.set("spineMap", JSON.readTree(spineMapJson));
        return JSON.writeValueAsString(profile);
    }
}
