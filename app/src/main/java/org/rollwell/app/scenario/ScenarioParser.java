package org.rollwell.app.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rollwell.app.bedspec.BedSpecException;
import org.rollwell.app.bedspec.BedSpecFile;
import org.rollwell.app.files.TextFiles;
import org.rollwell.app.json.Json;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.ProfileParser;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.profile.CheckInParser;
import org.rollwell.therapy.program.ProgramLibrary;

/**
 * Reads a {@code rollwell.scenario/1} file (docs/scenario-format.md) and refuses
 * anything it does not understand, reporting every problem at once with its JSON
 * path, the way program files are checked. The profile it holds, inline or in its
 * own file, is checked by the therapy core's {@link ProfileParser}; its problems carry
 * the path inside the scenario ({@code $.profile.painMap[0].nrs}) or the profile file's name.
 */
public final class ScenarioParser {

    public static final int MIN_MINUTES = SessionPlanner.MIN_MINUTES;
    public static final int MAX_MINUTES = SessionPlanner.MAX_MINUTES;
    /** The latest a fault may be injected: a 60-minute session plus scan, warm-up and cool-down, with room. */
    public static final double MAX_FAULT_AT_S = 7200;

    /** Heater zones of the reference bed (DOMAIN.md §2): 0 the upper roller pair, 1 the lower. */
    public static final int HEATER_ZONES = 2;

    private static final List<String> FIELDS = List.of(
            "format", "description", "seed", "body", "profile", "goal", "program", "minutes", "scan", "faults", "bed", "checkIn");
    private static final List<String> BODY_FIELDS = List.of(
            "heightCm", "weightKg", "kyphosisDeg", "lordosisDeg", "headOffsetMm", "lateralOffsetMm");
    private static final List<String> FAULT_FIELDS = List.of("atS", "during", "kind", "zone");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ScenarioParser() {
    }

    /** Reads and checks the scenario file at {@code file}; a profile path in it is resolved against the file's folder. */
    public static Scenario parse(Path file) throws ScenarioException {
        String text = readText(file, null);
        Path folder = file.toAbsolutePath().getParent();
        return parse(text, folder);
    }

    /** Checks scenario {@code text}; a profile path in it is resolved against {@code folder}. */
    public static Scenario parse(String text, Path folder) throws ScenarioException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ScenarioException(List.of("$: not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException(List.of("$: the file is empty; a scenario is a JSON object"));
        }
        if (!root.isObject()) {
            throw new ScenarioException(List.of("$: must be a JSON object, was " + Fields.describe(root)));
        }
        Fields f = new Fields();
        f.refuseUnknown(root, "$", FIELDS);

        String format = f.text(root, "$", "format", true);
        if (format != null && !Scenario.FORMAT.equals(format)) {
            f.problem("$.format", "must be \"" + Scenario.FORMAT + "\", was \"" + format + "\"");
        }
        String description = f.text(root, "$", "description", false);
        Long seed = f.integer(root, "$", "seed", true, Long.MIN_VALUE, Long.MAX_VALUE);
        Body body = body(root.get("body"), f);
        String[] profileText = profile(root.get("profile"), folder, f);
        Profile profile = profileText[0] == null ? null : checkProfile(profileText[0], profileText[1], f);

        Goal goal = null;
        String goalText = f.text(root, "$", "goal", false);
        String programId = f.text(root, "$", "program", false);
        if (goalText != null) {
            try {
                goal = Goal.valueOf(goalText);
            } catch (IllegalArgumentException e) {
                f.problem("$.goal", "must be one of " + names(Goal.values()) + ", was \"" + goalText + "\"");
            }
        }
        if (programId != null && ProgramLibrary.builtIn().find(programId).isEmpty()) {
            List<String> ids = new ArrayList<>();
            ProgramLibrary.builtIn().programs().forEach(p -> ids.add(p.id()));
            f.problem("$.program", "must be a built-in program (" + String.join(", ", ids) + "), was \"" + programId + "\"");
        }
        if (root.has("goal") && root.has("program")) {
            f.problem("$", "asks for both \"goal\" and \"program\"; give exactly one");
        } else if (!root.has("goal") && !root.has("program")) {
            f.problem("$", "needs \"goal\" or \"program\"");
        }
        Long minutes = f.integer(root, "$", "minutes", true, MIN_MINUTES, MAX_MINUTES);
        Boolean scan = f.bool(root, "$", "scan", false);
        List<ScenarioFault> faults = faults(root.get("faults"), f);
        BedSpec bed = bed(root.get("bed"), folder, f);
        Optional<CheckIn> checkIn = checkIn(root.get("checkIn"), f);
        if (bed != null) {
            for (int i = 0; i < faults.size(); i++) {
                if (faults.get(i).hasZone() && faults.get(i).zone() >= bed.heaterZones()) {
                    f.problem("$.faults", faults.get(i).kind() + " strikes heater zone " + faults.get(i).zone()
                            + ", but the bed has " + bed.heaterZones() + " zone(s) (0–" + (bed.heaterZones() - 1) + ")");
                }
            }
        }

        if (!f.problems().isEmpty()) {
            throw new ScenarioException(f.problems());
        }
        return new Scenario(description == null ? "" : description, seed, body, profile, profileText[1],
                goal, goal == null ? programId : null, minutes.intValue(), scan == null || scan, faults,
                bed == null ? BedSpec.REFERENCE : bed, checkIn);
    }

    /** The inline rollwell.checkin/1 object, checked by the therapy core's {@link CheckInParser}; empty when absent. */
    private static Optional<CheckIn> checkIn(JsonNode node, Fields f) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            f.problem("$.checkIn", "must be a rollwell.checkin/1 object (docs/checkin-format.md), was " + Fields.describe(node));
            return Optional.empty();
        }
        ParseResult<CheckIn> result = CheckInParser.parse(Json.write(node));
        if (result instanceof ParseResult.Parsed<CheckIn> parsed) {
            return Optional.of(parsed.value());
        }
        for (var problem : result.problems()) {
            f.problem("$.checkIn" + problem.path().substring(1), problem.reason());
        }
        return Optional.empty();
    }

    /** The bed file named by {@code "bed"}, resolved against the scenario's folder; the reference bed when absent; null after a problem. */
    private static BedSpec bed(JsonNode node, Path folder, Fields f) {
        if (node == null) {
            return BedSpec.REFERENCE;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            f.problem("$.bed", "must be the path of a rollwell.bedspec/1 file (docs/bed-spec-format.md), was " + Fields.describe(node));
            return null;
        }
        Path file = folder == null ? Path.of(node.asText()) : folder.resolve(node.asText());
        try {
            return BedSpecFile.read(file);
        } catch (BedSpecException e) {
            e.problems().forEach(p -> f.problem("$.bed: " + p));
            return null;
        }
    }

    private static Body body(JsonNode node, Fields f) {
        if (node == null) {
            f.problem("$.body", "is missing; describe the person on the twin: " + String.join(", ", BODY_FIELDS));
            return null;
        }
        if (!node.isObject()) {
            f.problem("$.body", "must be an object, was " + Fields.describe(node));
            return null;
        }
        f.refuseUnknown(node, "$.body", BODY_FIELDS);
        // The ranges of org.rollwell.sim.body.Body: any body the twin can model. Whether the bed
        // fits the person is the screening's call, made on the profile.
        Double height = f.number(node, "$.body", "heightCm", true, 100, 250);
        Double weight = f.number(node, "$.body", "weightKg", true, 20, 250);
        Double kyphosis = f.number(node, "$.body", "kyphosisDeg", true, 0, 100);
        Double lordosis = f.number(node, "$.body", "lordosisDeg", true, 0, 100);
        Double head = f.number(node, "$.body", "headOffsetMm", true, -100, 400);
        Double lateral = f.number(node, "$.body", "lateralOffsetMm", true, -150, 150);
        if (height == null || weight == null || kyphosis == null || lordosis == null || head == null || lateral == null) {
            return null;
        }
        return new Body(height, weight, kyphosis, lordosis, head, lateral);
    }

    /** The profile's text and where it came from, or nulls after recording the problem. */
    private static String[] profile(JsonNode node, Path folder, Fields f) {
        if (node == null) {
            f.problem("$.profile", "is missing; give a rollwell.profile/1 object or the path of a profile file");
            return new String[] {null, null};
        }
        if (node.isObject()) {
            return new String[] {Json.write(node), "$.profile"};
        }
        if (node.isTextual() && !node.asText().isBlank()) {
            Path file = folder == null ? Path.of(node.asText()) : folder.resolve(node.asText());
            try {
                return new String[] {readText(file, "$.profile"), file.normalize().toString()};
            } catch (ScenarioException e) {
                e.problems().forEach(p -> f.problem(p));
                return new String[] {null, null};
            }
        }
        f.problem("$.profile", "must be a profile object or a file path, was " + Fields.describe(node));
        return new String[] {null, null};
    }

    /** The profile, or null after recording each of its problems with its path inside the scenario or the file's name. */
    private static Profile checkProfile(String text, String origin, Fields f) {
        ParseResult<Profile> result = ProfileParser.parse(text);
        if (result instanceof ParseResult.Parsed<Profile> parsed) {
            return parsed.value();
        }
        for (var problem : ((ParseResult.Refused<Profile>) result).problems()) {
            if ("$.profile".equals(origin)) {
                f.problem("$.profile" + problem.path().substring(1), problem.reason());
            } else {
                f.problem("$.profile (" + origin + ") " + problem.path(), problem.reason());
            }
        }
        return null;
    }

    private static List<ScenarioFault> faults(JsonNode node, Fields f) {
        List<ScenarioFault> faults = new ArrayList<>();
        if (node == null) {
            return faults;
        }
        if (!node.isArray()) {
            f.problem("$.faults", "must be an array of {\"atS\", \"kind\", \"zone\"}, was " + Fields.describe(node));
            return faults;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "$.faults[" + i + "]";
            JsonNode fault = node.get(i);
            if (!fault.isObject()) {
                f.problem(path, "must be an object {\"atS\", \"kind\", \"zone\"}, was " + Fields.describe(fault));
                continue;
            }
            f.refuseUnknown(fault, path, FAULT_FIELDS);
            Double atS = f.number(fault, path, "atS", true, 0, MAX_FAULT_AT_S);
            String during = f.text(fault, path, "during", false);
            if (during != null && !ScenarioFault.PHASES.contains(during)) {
                f.problem(path + ".during", "must be one of " + String.join(", ", ScenarioFault.PHASES) + ", was \"" + during + "\"");
                continue;
            }
            String kindText = f.text(fault, path, "kind", true);
            FaultKind kind = null;
            if (kindText != null) {
                try {
                    kind = FaultKind.valueOf(kindText);
                } catch (IllegalArgumentException e) {
                    f.problem(path + ".kind", "must be one of " + names(FaultKind.values()) + ", was \"" + kindText + "\"");
                }
            }
            int zone = ScenarioFault.NO_ZONE;
            if (kind != null && kind.zoned()) {
                Long z = f.integer(fault, path, "zone", true, 0, HEATER_ZONES - 1);
                zone = z == null ? ScenarioFault.NO_ZONE : z.intValue();
            } else if (kind != null && fault.has("zone")) {
                f.problem(path + ".zone", kind + " does not strike a heater zone; remove \"zone\"");
            }
            if (atS != null && kind != null && (zone != ScenarioFault.NO_ZONE || !kind.zoned())) {
                faults.add(new ScenarioFault(atS, kind, zone, during));
            }
        }
        // Faults timed from the start first, in time order; then those timed from a phase, as written.
        faults.sort(Comparator.comparing((ScenarioFault fault) -> fault.during() != null)
                .thenComparingDouble(fault -> fault.during() == null ? fault.atS() : 0));
        return faults;
    }

    /** The file's text, or a problem naming where it was asked for ({@code path}; null for the scenario file itself) and why. */
    static String readText(Path file, String path) throws ScenarioException {
        try {
            return TextFiles.read(file);
        } catch (TextFiles.Unreadable e) {
            throw new ScenarioException(List.of(path == null
                    ? "rollwell: cannot read scenario " + file + ": " + e.getMessage()
                    : path + ": cannot read " + file + ": " + e.getMessage()));
        }
    }

    static String names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return String.join(", ", names);
    }
}
