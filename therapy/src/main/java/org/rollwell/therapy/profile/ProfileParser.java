package org.rollwell.therapy.profile;

import static org.rollwell.therapy.input.FieldReader.child;
import static org.rollwell.therapy.input.FieldReader.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.JsonText;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * Reads a {@code rollwell.profile/1} or {@code /2} file (docs/profile-format.md). Never throws on bad
 * input: it returns the {@link Profile}, or every {@link Problem} with its file and JSON path
 * ({@code me.json: $.painMap[2].nrs: must be a whole number 1–10, was 12}). Unknown fields, wrong
 * types, unknown ids or levels and out-of-range values are all refused.
 *
 * <p>Missing screening answers are not a parse problem: the profile parses, and the
 * planner blocks with {@code SCREENING_INCOMPLETE} until they are answered.
 */
public final class ProfileParser {

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

    /** Parses one profile's text (from no file, or one named later). */
    public static ParseResult<Profile> parse(String json) {
        return parse("", json);
    }

    /** Parses the text of profile file {@code file}, named in every problem. */
    public static ParseResult<Profile> parse(String file, String json) {
        return JsonText.read(file, json, "a " + Profile.FORMAT + " or /2 object", ProfileParser::read);
    }

    private static Profile read(JsonNode root, FieldReader fields) {
        fields.unknownFields(root, "$", FIELDS);
        int version = Profile.FORMAT_2.equals(fields.format(root, Profile.FORMAT, Profile.FORMAT_2)) ? 2 : 1;
        if (version == 1) {
            for (String name : VERSION_2_FIELDS) {
                if (root.has(name)) {
                    fields.problem(child("$", name), "needs \"format\": \"" + Profile.FORMAT_2 + "\"");
                }
            }
        }
        // Plausible human ranges only; whether the bed fits the person is the screening's call.
        Double height = fields.number(root, "$", "heightCm", 100, 250, "cm", true);
        Double weight = fields.number(root, "$", "weightKg", 20, 300, "kg", true);
        Integer birthYear = fields.whole(root, "$", "birthYear", 1900, 2100, "", true);
        Map<ScreeningId, Boolean> answers = Answers.read(root, fields, "screening id → true/false",
                id -> true, "unknown screening id (see `rollwell screening questions`)");
        List<Condition> conditions = fields.constants(root, "$", "conditions", Condition.class, "condition", false);
        List<PainEntry> painMap = painMap(root, fields);
        List<TriggerPoint> triggerPoints = triggerPoints(root, fields);
        Integer painToday = fields.whole(root, "$", "painTodayNrs", 0, 10, "", false);
        Preferences preferences = preferences(root, fields);
        List<MarkedRegion> regions = regions(root, fields, answers);
        Set<ScreeningId> approved = clinicianApproved(root, fields);
        Double headOffset = fields.number(root, "$", "headOffsetMm", 0, 400, "mm", false);
        Optional<SpineMap> spineMap = Optional.empty();
        JsonNode spineNode = fields.field(root, "$", "spineMap", false, "a spine map");
        if (spineNode != null) {
            spineMap = SpineMapReader.read(spineNode, "$.spineMap", fields);
        }
        List<Clearance> clearances = version == 2 ? clearances(root, fields) : List.of();
        LocalDate painOnset = version == 2 ? fields.date(root, "$", "painOnset", false) : null;
        LocalDate surgeryDate = version == 2 ? fields.date(root, "$", "surgeryDate", false) : null;
        if (fields.problemCount() > 0) {
            return null;
        }
        Set<Condition> conditionSet = EnumSet.noneOf(Condition.class);
        conditionSet.addAll(conditions);
        Profile profile = new Profile(height, weight, birthYear, answers, conditionSet, painMap,
                triggerPoints, painToday == null ? OptionalInt.empty() : OptionalInt.of(painToday), preferences, regions,
                approved, headOffset == null ? Profile.DEFAULT_HEAD_OFFSET_MM : headOffset, spineMap);
        return version == 2 ? profile.withHistory(clearances, Optional.ofNullable(painOnset),
                Optional.ofNullable(surgeryDate)) : profile;
    }

    private static List<PainEntry> painMap(JsonNode root, FieldReader fields) {
        List<PainEntry> entries = new ArrayList<>();
        JsonNode node = fields.array(root, "$", "painMap", false, "marks {level, side, nrs}");
        if (node == null) {
            return entries;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = index("$.painMap", i);
            JsonNode item = node.get(i);
            if (!fields.object(item, path, "a mark {level, side, nrs}")) {
                continue;
            }
            fields.unknownFields(item, path, PAIN_FIELDS);
            Level level = fields.level(item, path, "level", true);
            Side side = fields.constant(item, path, "side", Side.class, "side", true);
            // 0 is "no pain": such places are simply not marked.
            Integer nrs = fields.whole(item, path, "nrs", 1, 10, "", true);
            if (level != null && side != null && nrs != null) {
                if (!seen.add(level + "/" + side)) {
                    fields.problem(path, "duplicate mark " + level + " " + side);
                } else {
                    entries.add(new PainEntry(level, side, nrs));
                }
            }
        }
        return entries;
    }

    private static List<TriggerPoint> triggerPoints(JsonNode root, FieldReader fields) {
        List<TriggerPoint> points = new ArrayList<>();
        JsonNode node = fields.array(root, "$", "triggerPoints", false, "points {level, side}");
        if (node == null) {
            return points;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = index("$.triggerPoints", i);
            JsonNode item = node.get(i);
            if (!fields.object(item, path, "a point {level, side}")) {
                continue;
            }
            fields.unknownFields(item, path, POINT_FIELDS);
            Level level = fields.level(item, path, "level", true);
            Side side = fields.constant(item, path, "side", Side.class, "side", true);
            if (level != null && side != null) {
                if (!seen.add(level + "/" + side)) {
                    fields.problem(path, "duplicate trigger point " + level + " " + side);
                } else {
                    points.add(new TriggerPoint(level, side));
                }
            }
        }
        return points;
    }

    private static Preferences preferences(JsonNode root, FieldReader fields) {
        JsonNode node = fields.field(root, "$", "preferences", false, "an object");
        Preferences d = Preferences.DEFAULT;
        if (node == null || !fields.object(node, "$.preferences", "an object {intensity, maxRollerTempC, heat}")) {
            return d;
        }
        fields.unknownFields(node, "$.preferences", PREFERENCE_FIELDS);
        Integer intensity = fields.whole(node, "$.preferences", "intensity", 1, 10, "", false);
        // DOMAIN.md §2: the roller surface target is settable 30–65 °C.
        Double maxRollerTempC = fields.number(node, "$.preferences", "maxRollerTempC", 30, 65, "°C", false);
        Boolean heat = fields.bool(node, "$.preferences", "heat", false);
        return new Preferences(intensity == null ? d.intensity() : intensity,
                maxRollerTempC == null ? d.maxRollerTempC() : maxRollerTempC, heat == null ? d.heat() : heat);
    }

    private static List<MarkedRegion> regions(JsonNode root, FieldReader fields, Map<ScreeningId, Boolean> answers) {
        List<MarkedRegion> regions = new ArrayList<>();
        JsonNode node = fields.array(root, "$", "regions", false, "regions {id, from, to}");
        if (node == null) {
            return regions;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = index("$.regions", i);
            JsonNode item = node.get(i);
            if (!fields.object(item, path, "a region {id, from, to}")) {
                continue;
            }
            fields.unknownFields(item, path, REGION_FIELDS);
            ScreeningId id = fields.constant(item, path, "id", ScreeningId.class, "screening id", true);
            if (id != null && !id.needsRegion()) {
                fields.problem(child(path, "id"), "only CI_SKIN_LESION and CI_IMPLANT take a region, was " + id);
                id = null;
            } else if (id != null && Boolean.FALSE.equals(answers.get(id))) {
                fields.problem(child(path, "id"), id + " is answered false in $.answers;"
                        + " answer it true or remove this region");
                id = null;
            }
            Level from = fields.level(item, path, "from", true);
            Level to = fields.level(item, path, "to", true);
            if (from != null && to != null && to.isAbove(from)) {
                fields.problem(child(path, "to"), to + " lies above from " + from
                        + "; give the level nearer the head as from");
                continue;
            }
            if (id != null && from != null && to != null) {
                regions.add(new MarkedRegion(id, from, to));
            }
        }
        return regions;
    }

    private static Set<ScreeningId> clinicianApproved(JsonNode root, FieldReader fields) {
        Set<ScreeningId> approved = EnumSet.noneOf(ScreeningId.class);
        List<ScreeningId> ids = fields.constants(root, "$", "clinicianApproved", ScreeningId.class, "screening id", false);
        for (int i = 0; ids != null && i < ids.size(); i++) {
            if (ids.get(i) != ScreeningId.CI_ACTIVE_CANCER) {
                fields.problem(index("$.clinicianApproved", i), "a clinician's approval lifts only CI_ACTIVE_CANCER, not "
                        + ids.get(i));
            } else {
                approved.add(ids.get(i));
            }
        }
        return approved;
    }

    private static List<Clearance> clearances(JsonNode root, FieldReader fields) {
        List<Clearance> clearances = new ArrayList<>();
        JsonNode node = fields.array(root, "$", "clearances", false, "clearances {id, clinician, date, note}");
        if (node == null) {
            return clearances;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = index("$.clearances", i);
            JsonNode item = node.get(i);
            if (!fields.object(item, path, "a clearance {id, clinician, date, note}")) {
                continue;
            }
            fields.unknownFields(item, path, CLEARANCE_FIELDS);
            ScreeningId id = fields.constant(item, path, "id", ScreeningId.class, "screening id", true);
            if (id != null && id.effect() != ScreeningId.Effect.BLOCK_UNLESS_CLEARED) {
                fields.problem(child(path, "id"), id + " cannot be cleared"
                        + (id.symptomNow() ? " (a symptom now: it is asked at every check-in)" : "")
                        + "; clearances lift the history red flags, CI_ACTIVE_CANCER and CI_DVT");
                id = null;
            }
            String clinician = fields.text(item, path, "clinician", true);
            if (clinician != null && clinician.isBlank()) {
                fields.problem(child(path, "clinician"), "must name the clinician");
                clinician = null;
            }
            LocalDate date = fields.date(item, path, "date", true);
            String note = fields.text(item, path, "note", false);
            if (id != null && clinician != null && date != null) {
                clearances.add(new Clearance(id, clinician, Optional.of(date), note == null ? "" : note));
            }
        }
        return clearances;
    }
}
