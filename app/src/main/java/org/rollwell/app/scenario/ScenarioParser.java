package org.rollwell.app.scenario;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.JsonText;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.input.Shown;
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

    private ScenarioParser() {
    }

    /** Reads and checks the scenario file at {@code file}; a profile path in it is resolved against the file's folder. */
    public static Scenario parse(Path file) throws ScenarioException {
        String text;
        try {
            text = TextFiles.read(file);
        } catch (TextFiles.Unreadable e) {
            throw new ScenarioException(List.of(new Problem("", "", "cannot read scenario " + file + ": " + e.getMessage())));
        }
        return parse(file.toString(), text, file.toAbsolutePath().getParent());
    }

    /** Checks scenario {@code text}; a profile path in it is resolved against {@code folder}. */
    public static Scenario parse(String text, Path folder) throws ScenarioException {
        return parse("", text, folder);
    }

    /** Checks the text of scenario file {@code file} (named in every problem; empty: none). */
    public static Scenario parse(String file, String text, Path folder) throws ScenarioException {
        FieldReader f = new FieldReader(file);
        JsonNode root = JsonText.object(text, f, "a " + Scenario.FORMAT + " object");
        if (root == null) {
            throw new ScenarioException(f.problems());
        }
        f.unknownFields(root, "$", FIELDS);
        f.format(root, Scenario.FORMAT);
        String description = f.text(root, "$", "description", false);
        Long seed = f.integer(root, "$", "seed", true);
        Body body = body(root.get("body"), f);
        String[] profileText = profile(root.get("profile"), folder, f);
        Profile profile = profileText[0] == null ? null : checkProfile(profileText[0], profileText[1], f);

        Goal goal = f.constant(root, "$", "goal", Goal.class, "goal", false);
        String programId = f.text(root, "$", "program", false);
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
        Integer minutes = f.whole(root, "$", "minutes", MIN_MINUTES, MAX_MINUTES, "min", true);
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
    private static Optional<CheckIn> checkIn(JsonNode node, FieldReader f) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            f.problem("$.checkIn", "must be a rollwell.checkin/1 object (docs/checkin-format.md), was " + Shown.value(node));
            return Optional.empty();
        }
        ParseResult<CheckIn> result = CheckInParser.parse("", Json.write(node));
        if (result instanceof ParseResult.Parsed<CheckIn> parsed) {
            return Optional.of(parsed.value());
        }
        result.problems().forEach(problem -> f.add(problem.under("$.checkIn")));
        return Optional.empty();
    }

    /** The bed file named by {@code "bed"}, resolved against the scenario's folder; the reference bed when absent; null after a problem. */
    private static BedSpec bed(JsonNode node, Path folder, FieldReader f) {
        if (node == null) {
            return BedSpec.REFERENCE;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            f.problem("$.bed", "must be the path of a rollwell.bedspec/1 file (docs/bed-spec-format.md), was " + Shown.value(node));
            return null;
        }
        Path file = folder == null ? Path.of(node.asText()) : folder.resolve(node.asText());
        String text = readText(file, "$.bed", f);
        if (text == null) {
            return null;
        }
        try {
            return BedSpecFile.parse(file.normalize().toString(), text);
        } catch (BedSpecException e) {
            e.problems().forEach(f::add);
            return null;
        }
    }

    private static Body body(JsonNode node, FieldReader f) {
        String what = "the person on the twin {" + String.join(", ", BODY_FIELDS) + "}";
        if (node == null) {
            f.problem("$.body", "missing; must be " + what);
            return null;
        }
        if (!f.object(node, "$.body", what)) {
            return null;
        }
        f.unknownFields(node, "$.body", BODY_FIELDS);
        // The ranges of org.rollwell.sim.body.Body: any body the twin can model. Whether the bed
        // fits the person is the screening's call, made on the profile.
        Double height = f.number(node, "$.body", "heightCm", 100, 250, "cm", true);
        Double weight = f.number(node, "$.body", "weightKg", 20, 250, "kg", true);
        Double kyphosis = f.number(node, "$.body", "kyphosisDeg", 0, 100, "°", true);
        Double lordosis = f.number(node, "$.body", "lordosisDeg", 0, 100, "°", true);
        Double head = f.number(node, "$.body", "headOffsetMm", -100, 400, "mm", true);
        Double lateral = f.number(node, "$.body", "lateralOffsetMm", -150, 150, "mm", true);
        if (height == null || weight == null || kyphosis == null || lordosis == null || head == null || lateral == null) {
            return null;
        }
        return new Body(height, weight, kyphosis, lordosis, head, lateral);
    }

    /** The profile's text and where it came from, or nulls after recording the problem. */
    private static String[] profile(JsonNode node, Path folder, FieldReader f) {
        if (node == null) {
            f.problem("$.profile", "missing; must be a rollwell.profile/1 object or the path of a profile file");
            return new String[] {null, null};
        }
        if (node.isObject()) {
            return new String[] {Json.write(node), "$.profile"};
        }
        if (node.isTextual() && !node.asText().isBlank()) {
            Path file = folder == null ? Path.of(node.asText()) : folder.resolve(node.asText());
            String text = readText(file, "$.profile", f);
            return text == null ? new String[] {null, null} : new String[] {text, file.normalize().toString()};
        }
        f.problem("$.profile", "must be a profile object or a file path, was " + Shown.value(node));
        return new String[] {null, null};
    }

    /** The profile, or null after recording each of its problems with its path inside the scenario or the file's name. */
    private static Profile checkProfile(String text, String origin, FieldReader f) {
        boolean inline = "$.profile".equals(origin);
        ParseResult<Profile> result = ProfileParser.parse(inline ? "" : origin, text);
        if (result instanceof ParseResult.Parsed<Profile> parsed) {
            return parsed.value();
        }
        // an inline profile's problems sit inside the scenario; a profile file's name that file
        result.problems().forEach(problem -> f.add(inline ? problem.under("$.profile") : problem));
        return null;
    }

    private static List<ScenarioFault> faults(JsonNode node, FieldReader f) {
        List<ScenarioFault> faults = new ArrayList<>();
        if (node == null) {
            return faults;
        }
        if (!node.isArray()) {
            f.problem("$.faults", "must be a list of faults {atS, kind, zone}, was " + Shown.value(node));
            return faults;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "$.faults[" + i + "]";
            JsonNode fault = node.get(i);
            if (!f.object(fault, path, "a fault {atS, kind, zone}")) {
                continue;
            }
            f.unknownFields(fault, path, FAULT_FIELDS);
            Double atS = f.number(fault, path, "atS", 0, MAX_FAULT_AT_S, "s", true);
            String during = f.text(fault, path, "during", false);
            if (during != null && !ScenarioFault.PHASES.contains(during)) {
                f.problem(path + ".during", "unknown phase " + Shown.quote(during) + "; must be one of "
                        + String.join(", ", ScenarioFault.PHASES));
                continue;
            }
            FaultKind kind = f.constant(fault, path, "kind", FaultKind.class, "fault kind", true);
            int zone = ScenarioFault.NO_ZONE;
            if (kind != null && kind.zoned()) {
                Integer z = f.whole(fault, path, "zone", 0, HEATER_ZONES - 1, "", true);
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

    /** The text of {@code file}, named at {@code path} of the scenario; null after recording why it cannot be read. */
    private static String readText(Path file, String path, FieldReader f) {
        try {
            return TextFiles.read(file);
        } catch (TextFiles.Unreadable e) {
            f.problem(path, "cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }
}
