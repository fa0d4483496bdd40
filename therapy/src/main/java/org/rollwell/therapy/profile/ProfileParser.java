package org.rollwell.therapy.profile;

import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.input.ParseResult;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * Reads a {@code rollwell.profile/1} or {@code /2} file (docs/profile-format.md). Never throws on bad
 * input: it returns the {@link Profile}, or every {@link Problem} with its JSON path
 * ({@code $.painMap[2].nrs: must be 1–10, was 12}). Unknown fields, wrong types, unknown
 * ids or levels and out-of-range values are all refused.
 *
 * <p>Missing screening answers are not a parse problem: the profile parses, and the
 * planner blocks with {@code SCREENING_INCOMPLETE} until they are answered.
 */
public final class ProfileParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("format", "heightCm", "weightKg",
            "birthYear", "answers", "conditions", "painMap", "triggerPoints", "painTodayNrs", "preferences",
            "regions", "clinicianApproved", "headOffsetMm", "spineMap", "clearances", "painOnset", "surgeryDate"));
    /** Fields only {@code rollwell.profile/2} may carry. */
    private static final Set<String> VERSION_2_FIELDS = new LinkedHashSet<>(List.of("clearances", "painOnset",
            "surgeryDate"));
    private static final Set<String> CLEARANCE_FIELDS = new LinkedHashSet<>(List.of("id", "clinician", "date", "note"));
    private static final Set<String> PAIN_FIELDS = new LinkedHashSet<>(List.of("level", "side", "nrs"));
    private static final Set<String> POINT_FIELDS = new LinkedHashSet<>(List.of("level", "side"));
    private static final Set<String> PREFERENCE_FIELDS = new LinkedHashSet<>(List.of("intensity", "maxRollerTempC", "heat"));
    private static final Set<String> REGION_FIELDS = new LinkedHashSet<>(List.of("id", "from", "to"));

    private ProfileParser() {
    }

    /** Parses one profile file's text. */
    public static ParseResult<Profile> parse(String json) {
        JsonChecks checks = new JsonChecks();
        JsonNode root = tree(json, checks, "a rollwell.profile/1 or /2 object");
        Optional<Profile> profile = root == null ? Optional.empty() : read(root, checks);
        if (!checks.problems().isEmpty() || profile.isEmpty()) {
            return new ParseResult.Refused<>(checks.problems());
        }
        return new ParseResult.Parsed<>(profile.get());
    }

    /** The JSON tree of {@code json}, or null after recording why it is not JSON. Shared by the people's files. */
    static JsonNode tree(String json, JsonChecks checks, String expected) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            checks.problem("$", "not valid JSON" + where + ": " + e.getOriginalMessage());
            return null;
        }
        if (root == null || root.isMissingNode()) {
            checks.problem("$", "empty file; expected " + expected);
            return null;
        }
        return root;
    }

    private static Optional<Profile> read(JsonNode root, JsonChecks checks) {
        if (!checks.object(root, "$", FIELDS)) {
            return Optional.empty();
        }
        Optional<String> format = checks.text(root, "$", "format", true);
        int version = 1;
        if (format.isPresent() && format.get().equals(Profile.FORMAT_2)) {
            version = 2;
        } else if (format.isPresent() && !format.get().equals(Profile.FORMAT)) {
            checks.problem("$.format", "must be \"" + Profile.FORMAT + "\" or \"" + Profile.FORMAT_2 + "\", was \""
                    + format.get() + "\"");
        }
        if (version == 1) {
            for (String name : VERSION_2_FIELDS) {
                if (root.has(name)) {
                    checks.problem(JsonChecks.child("$", name), "needs \"format\": \"" + Profile.FORMAT_2 + "\"");
                }
            }
        }
        // Plausible human ranges only; whether the bed fits the person is the screening's call.
        Optional<Double> height = checks.number(root, "$", "heightCm", true, 100, 250, " cm");
        Optional<Double> weight = checks.number(root, "$", "weightKg", true, 20, 300, " kg");
        Optional<Integer> birthYear = checks.whole(root, "$", "birthYear", true, 1900, 2100);
        Map<ScreeningId, Boolean> answers = answers(root, checks);
        Set<Condition> conditions = conditions(root, checks);
        List<PainEntry> painMap = painMap(root, checks);
        List<TriggerPoint> triggerPoints = triggerPoints(root, checks);
        Optional<Integer> painToday = checks.whole(root, "$", "painTodayNrs", false, 0, 10);
        Preferences preferences = preferences(root, checks);
        List<MarkedRegion> regions = regions(root, checks, answers);
        Set<ScreeningId> approved = clinicianApproved(root, checks);
        Optional<Double> headOffset = checks.number(root, "$", "headOffsetMm", false, 0, 400, " mm");
        Optional<SpineMap> spineMap = Optional.empty();
        JsonNode spineNode = checks.field(root, "$", "spineMap", false);
        if (spineNode != null) {
            spineMap = SpineMapReader.read(spineNode, "$.spineMap", checks);
        }
        List<Clearance> clearances = version == 2 ? clearances(root, checks) : List.of();
        Optional<LocalDate> painOnset = version == 2 ? checks.date(root, "$", "painOnset", false) : Optional.empty();
        Optional<LocalDate> surgeryDate = version == 2 ? checks.date(root, "$", "surgeryDate", false) : Optional.empty();
        if (!checks.problems().isEmpty()) {
            return Optional.empty();
        }
        Profile profile = new Profile(height.get(), weight.get(), birthYear.get(), answers, conditions, painMap,
                triggerPoints, painToday.map(OptionalInt::of).orElse(OptionalInt.empty()), preferences, regions,
                approved, headOffset.orElse(Profile.DEFAULT_HEAD_OFFSET_MM), spineMap);
        return Optional.of(version == 2 ? profile.withHistory(clearances, painOnset, surgeryDate) : profile);
    }

    private static Map<ScreeningId, Boolean> answers(JsonNode root, JsonChecks checks) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        JsonNode node = checks.field(root, "$", "answers", true);
        if (node == null) {
            return answers;
        }
        if (!node.isObject()) {
            checks.problem("$.answers", "must be an object of screening id → true/false, was " + JsonChecks.shown(node));
            return answers;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = JsonChecks.child("$.answers", field.getKey());
            Optional<ScreeningId> id = ScreeningId.parse(field.getKey());
            if (id.isEmpty()) {
                checks.problem(path, "unknown screening id (see `rollwell screening questions`)");
                continue;
            }
            checks.boolValue(field.getValue(), path).ifPresent(answer -> answers.put(id.get(), answer));
        }
        return answers;
    }

    private static Set<Condition> conditions(JsonNode root, JsonChecks checks) {
        Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        JsonNode node = checks.array(root, "$", "conditions");
        if (node == null) {
            return conditions;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = JsonChecks.index("$.conditions", i);
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                checks.problem(path, "must be a string, was " + JsonChecks.shown(item));
                continue;
            }
            Optional<Condition> condition = checks.constantValue(item.textValue(), path, Condition.class);
            if (condition.isPresent() && !conditions.add(condition.get())) {
                checks.problem(path, "duplicate condition " + condition.get());
            }
        }
        return conditions;
    }

    private static List<PainEntry> painMap(JsonNode root, JsonChecks checks) {
        List<PainEntry> entries = new ArrayList<>();
        JsonNode node = checks.array(root, "$", "painMap");
        if (node == null) {
            return entries;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = JsonChecks.index("$.painMap", i);
            JsonNode item = node.get(i);
            if (!checks.object(item, path, PAIN_FIELDS)) {
                continue;
            }
            Optional<Level> level = checks.level(item, path, "level");
            Optional<Side> side = checks.constant(item, path, "side", Side.class);
            // 0 is "no pain": such places are simply not marked.
            Optional<Integer> nrs = checks.whole(item, path, "nrs", true, 1, 10);
            if (level.isPresent() && side.isPresent() && nrs.isPresent()) {
                if (!seen.add(level.get() + "/" + side.get())) {
                    checks.problem(path, "duplicate mark " + level.get() + " " + side.get());
                } else {
                    entries.add(new PainEntry(level.get(), side.get(), nrs.get()));
                }
            }
        }
        return entries;
    }

    private static List<TriggerPoint> triggerPoints(JsonNode root, JsonChecks checks) {
        List<TriggerPoint> points = new ArrayList<>();
        JsonNode node = checks.array(root, "$", "triggerPoints");
        if (node == null) {
            return points;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = JsonChecks.index("$.triggerPoints", i);
            JsonNode item = node.get(i);
            if (!checks.object(item, path, POINT_FIELDS)) {
                continue;
            }
            Optional<Level> level = checks.level(item, path, "level");
            Optional<Side> side = checks.constant(item, path, "side", Side.class);
            if (level.isPresent() && side.isPresent()) {
                if (!seen.add(level.get() + "/" + side.get())) {
                    checks.problem(path, "duplicate trigger point " + level.get() + " " + side.get());
                } else {
                    points.add(new TriggerPoint(level.get(), side.get()));
                }
            }
        }
        return points;
    }

    private static Preferences preferences(JsonNode root, JsonChecks checks) {
        JsonNode node = checks.field(root, "$", "preferences", false);
        if (node == null || !checks.object(node, "$.preferences", PREFERENCE_FIELDS)) {
            return Preferences.DEFAULT;
        }
        Preferences d = Preferences.DEFAULT;
        int intensity = checks.whole(node, "$.preferences", "intensity", false, 1, 10).orElse(d.intensity());
        // DOMAIN.md §2: the roller surface target is settable 30–65 °C.
        double maxRollerTempC = checks.number(node, "$.preferences", "maxRollerTempC", false, 30, 65, " °C")
                .orElse(d.maxRollerTempC());
        boolean heat = checks.bool(node, "$.preferences", "heat", false).orElse(d.heat());
        return new Preferences(intensity, maxRollerTempC, heat);
    }

    private static List<MarkedRegion> regions(JsonNode root, JsonChecks checks, Map<ScreeningId, Boolean> answers) {
        List<MarkedRegion> regions = new ArrayList<>();
        JsonNode node = checks.array(root, "$", "regions");
        if (node == null) {
            return regions;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = JsonChecks.index("$.regions", i);
            JsonNode item = node.get(i);
            if (!checks.object(item, path, REGION_FIELDS)) {
                continue;
            }
            Optional<ScreeningId> id = checks.constant(item, path, "id", ScreeningId.class);
            if (id.isPresent() && !id.get().needsRegion()) {
                checks.problem(JsonChecks.child(path, "id"), "only CI_SKIN_LESION and CI_IMPLANT take a region, was "
                        + id.get());
                id = Optional.empty();
            } else if (id.isPresent() && Boolean.FALSE.equals(answers.get(id.get()))) {
                checks.problem(JsonChecks.child(path, "id"), id.get() + " is answered false in $.answers;"
                        + " answer it true or remove this region");
                id = Optional.empty();
            }
            Optional<Level> from = checks.level(item, path, "from");
            Optional<Level> to = checks.level(item, path, "to");
            if (from.isPresent() && to.isPresent() && to.get().isAbove(from.get())) {
                checks.problem(JsonChecks.child(path, "to"), to.get() + " lies above from " + from.get()
                        + "; give the level nearer the head as from");
                continue;
            }
            if (id.isPresent() && from.isPresent() && to.isPresent()) {
                regions.add(new MarkedRegion(id.get(), from.get(), to.get()));
            }
        }
        return regions;
    }

    private static Set<ScreeningId> clinicianApproved(JsonNode root, JsonChecks checks) {
        Set<ScreeningId> approved = EnumSet.noneOf(ScreeningId.class);
        JsonNode node = checks.array(root, "$", "clinicianApproved");
        if (node == null) {
            return approved;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = JsonChecks.index("$.clinicianApproved", i);
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                checks.problem(path, "must be a string, was " + JsonChecks.shown(item));
                continue;
            }
            Optional<ScreeningId> id = checks.constantValue(item.textValue(), path, ScreeningId.class);
            if (id.isEmpty()) {
                continue;
            }
            if (id.get() != ScreeningId.CI_ACTIVE_CANCER) {
                checks.problem(path, "a clinician's approval lifts only CI_ACTIVE_CANCER, not " + id.get());
            } else if (!approved.add(id.get())) {
                checks.problem(path, "duplicate " + id.get());
            }
        }
        return approved;
    }

    private static List<Clearance> clearances(JsonNode root, JsonChecks checks) {
        List<Clearance> clearances = new ArrayList<>();
        JsonNode node = checks.array(root, "$", "clearances");
        if (node == null) {
            return clearances;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = JsonChecks.index("$.clearances", i);
            JsonNode item = node.get(i);
            if (!checks.object(item, path, CLEARANCE_FIELDS)) {
                continue;
            }
            Optional<ScreeningId> id = checks.constant(item, path, "id", ScreeningId.class);
            if (id.isPresent() && id.get().effect() != ScreeningId.Effect.BLOCK_UNLESS_CLEARED) {
                checks.problem(JsonChecks.child(path, "id"), id.get() + " cannot be cleared"
                        + (id.get().symptomNow() ? " (a symptom now: it is asked at every check-in)" : "")
                        + "; clearances lift the history red flags, CI_ACTIVE_CANCER and CI_DVT");
                id = Optional.empty();
            }
            Optional<String> clinician = checks.text(item, path, "clinician", true);
            if (clinician.isPresent() && clinician.get().isBlank()) {
                checks.problem(JsonChecks.child(path, "clinician"), "must name the clinician");
                clinician = Optional.empty();
            }
            Optional<LocalDate> date = checks.date(item, path, "date", true);
            String note = checks.text(item, path, "note", false).orElse("");
            if (id.isPresent() && clinician.isPresent() && date.isPresent()) {
                clearances.add(new Clearance(id.get(), clinician.get(), date, note));
            }
        }
        return clearances;
    }
}
