package org.rollwell.therapy.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;

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

    static Optional<SpineMap> read(JsonNode node, String path, JsonChecks checks) {
        boolean scan = node.isObject() && (node.has("levels") || node.has("landmarks") || node.has("status"));
        return scan ? readScan(node, path, checks) : readHandWritten(node, path, checks);
    }

    /** The analyser's JSON, as {@code scan analyze --json} writes it. */
    private static Optional<SpineMap> readScan(JsonNode node, String path, JsonChecks checks) {
        int before = checks.problems().size();
        checks.object(node, path, SCAN_FIELDS);
        Optional<String> status = checks.text(node, path, "status", true);
        if (status.isPresent() && !status.get().equals("OK")) {
            checks.problem(JsonChecks.child(path, "status"), "must be OK: a " + status.get()
                    + " scan has no spine map (scan again, or leave spineMap out for the normative map)");
            return Optional.empty();
        }
        EnumMap<Level, Double> levels = levels(node, path, "levels", checks);
        JsonNode landmarks = checks.field(node, path, "landmarks", true);
        String landmarksPath = JsonChecks.child(path, "landmarks");
        Optional<Double> t12l1 = Optional.empty();
        Optional<Double> l5s1 = Optional.empty();
        if (landmarks != null && checks.object(landmarks, landmarksPath, LANDMARKS)) {
            Optional<Double> c7 = checks.number(landmarks, landmarksPath, "C7", true, MIN_MM, MAX_MM, " mm");
            t12l1 = checks.number(landmarks, landmarksPath, "T12L1", true, MIN_MM, MAX_MM, " mm");
            l5s1 = checks.number(landmarks, landmarksPath, "L5S1", true, MIN_MM, MAX_MM, " mm");
            if (c7.isPresent() && levels.containsKey(Level.C7) && Math.abs(c7.get() - levels.get(Level.C7)) > SAME_MM) {
                checks.problem(JsonChecks.child(landmarksPath, "C7"), "must equal levels.C7 ("
                        + JsonChecks.plain(levels.get(Level.C7)) + " mm), was " + JsonChecks.plain(c7.get()));
            }
            between(checks, landmarksPath, "T12L1", t12l1, levels, Level.T12, Level.L1);
            between(checks, landmarksPath, "L5S1", l5s1, levels, Level.L5, Level.S1);
        }
        Optional<Double> kyphosis = cobb(node, path, "kyphosisDeg", true, checks);
        Optional<Double> lordosis = cobb(node, path, "lordosisDeg", true, checks);
        cobb(node, path, "surfaceKyphosisDeg", false, checks);
        cobb(node, path, "surfaceLordosisDeg", false, checks);
        Optional<Double> quality = checks.number(node, path, "quality", true, 0, 1, "");
        JsonNode interpolated = node.get("interpolated");
        if (interpolated != null && !interpolated.isNull()) {
            String at = JsonChecks.child(path, "interpolated");
            if (!interpolated.isArray()) {
                checks.problem(at, "must be a list of levels, was " + JsonChecks.shown(interpolated));
            } else {
                for (int i = 0; i < interpolated.size(); i++) {
                    JsonNode level = interpolated.get(i);
                    if (!level.isTextual() || !levelNames().contains(level.asText())) {
                        checks.problem(JsonChecks.index(at, i), "must be a level C7…S1, was " + JsonChecks.shown(level));
                    }
                }
            }
        }
        if (checks.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(SpineMap.measured(levels, t12l1.get(), l5s1.get(), kyphosis.get(), lordosis.get(),
                quality.get()));
    }

    /** The earlier, hand-written spelling: {@code levelsMm}, {@code t12l1Mm}, {@code l5s1Mm}. */
    private static Optional<SpineMap> readHandWritten(JsonNode node, String path, JsonChecks checks) {
        int before = checks.problems().size();
        if (!checks.object(node, path, HAND_FIELDS)) {
            return Optional.empty();
        }
        EnumMap<Level, Double> levels = levels(node, path, "levelsMm", checks);
        Optional<Double> t12l1 = checks.number(node, path, "t12l1Mm", true, MIN_MM, MAX_MM, " mm");
        Optional<Double> l5s1 = checks.number(node, path, "l5s1Mm", true, MIN_MM, MAX_MM, " mm");
        between(checks, path, "t12l1Mm", t12l1, levels, Level.T12, Level.L1);
        between(checks, path, "l5s1Mm", l5s1, levels, Level.L5, Level.S1);
        Optional<Double> kyphosis = cobb(node, path, "kyphosisDeg", true, checks);
        Optional<Double> lordosis = cobb(node, path, "lordosisDeg", true, checks);
        Optional<Double> quality = checks.number(node, path, "quality", true, 0, 1, "");
        if (checks.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(SpineMap.measured(levels, t12l1.get(), l5s1.get(),
                kyphosis.get(), lordosis.get(), quality.get()));
    }

    /** Every level C7…S1 in bed mm, each below the one before. */
    private static EnumMap<Level, Double> levels(JsonNode node, String path, String name, JsonChecks checks) {
        EnumMap<Level, Double> levels = new EnumMap<>(Level.class);
        JsonNode levelsNode = checks.field(node, path, name, true);
        String levelsPath = JsonChecks.child(path, name);
        if (levelsNode != null && checks.object(levelsNode, levelsPath, levelNames())) {
            Level previous = null;
            for (Level level : Level.values()) {
                Optional<Double> mm = checks.number(levelsNode, levelsPath, level.name(), true, MIN_MM, MAX_MM, " mm");
                if (mm.isEmpty()) {
                    previous = null;
                    continue;
                }
                if (previous != null && mm.get() <= levels.get(previous)) {
                    checks.problem(JsonChecks.child(levelsPath, level.name()), "must lie below " + previous
                            + " (more than " + JsonChecks.plain(levels.get(previous)) + " mm), was "
                            + JsonChecks.plain(mm.get()));
                }
                levels.put(level, mm.get());
                previous = level;
            }
        }
        return levels;
    }

    /** A curve angle: 0–90° holds every Cobb angle of issue 5's range (15–75°) and every surface angle. */
    private static Optional<Double> cobb(JsonNode node, String path, String name, boolean required, JsonChecks checks) {
        return checks.number(node, path, name, required, 0, 90, "°");
    }

    private static void between(JsonChecks checks, String path, String name, Optional<Double> mm,
                                EnumMap<Level, Double> levels, Level above, Level below) {
        if (mm.isEmpty() || !levels.containsKey(above) || !levels.containsKey(below)) {
            return;
        }
        if (!(mm.get() > levels.get(above) && mm.get() < levels.get(below))) {
            checks.problem(JsonChecks.child(path, name), "must lie between " + above + " ("
                    + JsonChecks.plain(levels.get(above)) + " mm) and " + below + " ("
                    + JsonChecks.plain(levels.get(below)) + " mm), was " + JsonChecks.plain(mm.get()));
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
