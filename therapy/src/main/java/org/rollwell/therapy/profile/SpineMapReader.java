package org.rollwell.therapy.profile;

import static org.rollwell.therapy.input.FieldReader.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.Shown;

/**
 * Reads a measured {@code spineMap} out of a profile: every level's centre in bed
 * millimetres (increasing from C7 to S1), the two junctions between their neighbours,
 * the curve angles on the Cobb scale and the scan's confidence.
 *
 * <p>It takes the output of {@code rollwell scan analyze --json} as it is (issue 10: one
 * format): {@code status} (must be OK), {@code reasons}, {@code landmarks{C7,T12L1,L5S1}},
 * {@code levels{C7..S1}}, {@code kyphosisDeg}, {@code lordosisDeg} (Cobb scale),
 * {@code quality}, and, read but not planned on, {@code surfaceKyphosisDeg},
 * {@code surfaceLordosisDeg} (as measured on the skin) and {@code interpolated} (levels the
 * scan bridged over an excluded range) with {@code bridgedAngles}. A map written by hand may instead give the levels as
 * {@code levelsMm} with {@code t12l1Mm} and {@code l5s1Mm}, the earlier spelling of the same
 * facts.
 */
final class SpineMapReader {

    private static final Set<String> SCAN_FIELDS = new LinkedHashSet<>(List.of("status", "reasons", "landmarks",
            "levels", "kyphosisDeg", "lordosisDeg", "quality", "surfaceKyphosisDeg", "surfaceLordosisDeg", "interpolated", "bridgedAngles"));
    private static final Set<String> HAND_FIELDS = new LinkedHashSet<>(
            List.of("levelsMm", "t12l1Mm", "l5s1Mm", "kyphosisDeg", "lordosisDeg", "quality"));
    private static final Set<String> LANDMARKS = new LinkedHashSet<>(List.of("C7", "T12L1", "L5S1"));
    // Wide enough for any bed with a head-end home; a position outside it is a typo, not a body.
    private static final double MIN_MM = -500;
    private static final double MAX_MM = 2500;
    /** The scan writes positions to 0.1 mm; its C7 landmark and C7 level are the same point. */
    private static final double SAME_MM = 0.051;

    private SpineMapReader() {
    }

    static Optional<SpineMap> read(JsonNode node, String path, FieldReader fields) {
        if (!fields.object(node, path, "a spine map (the output of scan analyze --json)")) {
            return Optional.empty();
        }
        boolean scan = node.has("levels") || node.has("landmarks") || node.has("status");
        return Optional.ofNullable(scan ? readScan(node, path, fields) : readHandWritten(node, path, fields));
    }

    /** The analyser's JSON, as {@code scan analyze --json} writes it. */
    private static SpineMap readScan(JsonNode node, String path, FieldReader fields) {
        int before = fields.problemCount();
        fields.unknownFields(node, path, SCAN_FIELDS);
        String status = fields.text(node, path, "status", true);
        if (status != null && !status.equals("OK")) {
            fields.problem(child(path, "status"), "must be OK: a " + status
                    + " scan has no spine map (scan again, or leave spineMap out for the normative map)");
            return null;
        }
        EnumMap<Level, Double> levels = levels(node, path, "levels", fields);
        JsonNode landmarks = fields.field(node, path, "landmarks", true, "an object {C7, T12L1, L5S1}");
        String landmarksPath = child(path, "landmarks");
        Double t12l1 = null;
        Double l5s1 = null;
        if (landmarks != null && fields.object(landmarks, landmarksPath, "an object {C7, T12L1, L5S1}")) {
            fields.unknownFields(landmarks, landmarksPath, LANDMARKS);
            Double c7 = mm(landmarks, landmarksPath, "C7", fields);
            t12l1 = mm(landmarks, landmarksPath, "T12L1", fields);
            l5s1 = mm(landmarks, landmarksPath, "L5S1", fields);
            if (c7 != null && levels.containsKey(Level.C7) && Math.abs(c7 - levels.get(Level.C7)) > SAME_MM) {
                fields.problem(child(landmarksPath, "C7"), "must equal levels.C7 ("
                        + Shown.number(levels.get(Level.C7)) + " mm), was " + Shown.number(c7));
            }
            between(fields, landmarksPath, "T12L1", t12l1, levels, Level.T12, Level.L1);
            between(fields, landmarksPath, "L5S1", l5s1, levels, Level.L5, Level.S1);
        }
        Double kyphosis = cobb(node, path, "kyphosisDeg", true, fields);
        Double lordosis = cobb(node, path, "lordosisDeg", true, fields);
        cobb(node, path, "surfaceKyphosisDeg", false, fields);
        cobb(node, path, "surfaceLordosisDeg", false, fields);
        Double quality = fields.number(node, path, "quality", 0, 1, "", true);
        JsonNode interpolated = fields.array(node, path, "interpolated", false, "levels");
        for (int i = 0; interpolated != null && i < interpolated.size(); i++) {
            fields.levelValue(interpolated.get(i), FieldReader.index(child(path, "interpolated"), i));
        }
        if (fields.problemCount() > before) {
            return null;
        }
        return SpineMap.measured(levels, t12l1, l5s1, kyphosis, lordosis, quality);
    }

    /** The earlier, hand-written spelling: {@code levelsMm}, {@code t12l1Mm}, {@code l5s1Mm}. */
    private static SpineMap readHandWritten(JsonNode node, String path, FieldReader fields) {
        int before = fields.problemCount();
        fields.unknownFields(node, path, HAND_FIELDS);
        EnumMap<Level, Double> levels = levels(node, path, "levelsMm", fields);
        Double t12l1 = mm(node, path, "t12l1Mm", fields);
        Double l5s1 = mm(node, path, "l5s1Mm", fields);
        between(fields, path, "t12l1Mm", t12l1, levels, Level.T12, Level.L1);
        between(fields, path, "l5s1Mm", l5s1, levels, Level.L5, Level.S1);
        Double kyphosis = cobb(node, path, "kyphosisDeg", true, fields);
        Double lordosis = cobb(node, path, "lordosisDeg", true, fields);
        Double quality = fields.number(node, path, "quality", 0, 1, "", true);
        if (fields.problemCount() > before) {
            return null;
        }
        return SpineMap.measured(levels, t12l1, l5s1, kyphosis, lordosis, quality);
    }

    /** Every level C7…S1 in bed mm, each below the one before. */
    private static EnumMap<Level, Double> levels(JsonNode node, String path, String name, FieldReader fields) {
        EnumMap<Level, Double> levels = new EnumMap<>(Level.class);
        JsonNode levelsNode = fields.field(node, path, name, true, "an object of level → mm");
        String levelsPath = child(path, name);
        if (levelsNode != null && fields.object(levelsNode, levelsPath, "an object of level → mm")) {
            fields.unknownFields(levelsNode, levelsPath, levelNames());
            Level previous = null;
            for (Level level : Level.values()) {
                Double mm = mm(levelsNode, levelsPath, level.name(), fields);
                if (mm == null) {
                    previous = null;
                    continue;
                }
                if (previous != null && mm <= levels.get(previous)) {
                    fields.problem(child(levelsPath, level.name()), "must lie below " + previous
                            + " (more than " + Shown.number(levels.get(previous)) + " mm), was " + Shown.number(mm));
                }
                levels.put(level, mm);
                previous = level;
            }
        }
        return levels;
    }

    private static Double mm(JsonNode node, String path, String name, FieldReader fields) {
        return fields.number(node, path, name, MIN_MM, MAX_MM, "mm", true);
    }

    /** A curve angle: 0–90° holds every Cobb angle of issue 5's range (15–75°) and every surface angle. */
    private static Double cobb(JsonNode node, String path, String name, boolean required, FieldReader fields) {
        return fields.number(node, path, name, 0, 90, "°", required);
    }

    private static void between(FieldReader fields, String path, String name, Double mm,
                                EnumMap<Level, Double> levels, Level above, Level below) {
        if (mm == null || !levels.containsKey(above) || !levels.containsKey(below)) {
            return;
        }
        if (!(mm > levels.get(above) && mm < levels.get(below))) {
            fields.problem(child(path, name), "must lie between " + above + " ("
                    + Shown.number(levels.get(above)) + " mm) and " + below + " ("
                    + Shown.number(levels.get(below)) + " mm), was " + Shown.number(mm));
        }
    }

    private static Set<String> levelNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Level level : Level.values()) {
            names.add(level.name());
        }
        return names;
    }
}
