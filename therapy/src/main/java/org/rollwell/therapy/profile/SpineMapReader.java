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
 * the surface curve angles and the scan's confidence.
 */
final class SpineMapReader {

    private static final Set<String> FIELDS = new LinkedHashSet<>(
            List.of("levelsMm", "t12l1Mm", "l5s1Mm", "kyphosisDeg", "lordosisDeg", "quality"));
    // Wide enough for any bed with a head-end home; a position outside it is a typo, not a body.
    private static final double MIN_MM = -500;
    private static final double MAX_MM = 2500;

    private SpineMapReader() {
    }

    static Optional<SpineMap> read(JsonNode node, String path, JsonChecks checks) {
        int before = checks.problems().size();
        if (!checks.object(node, path, FIELDS)) {
            return Optional.empty();
        }
        EnumMap<Level, Double> levels = new EnumMap<>(Level.class);
        JsonNode levelsNode = checks.field(node, path, "levelsMm", true);
        String levelsPath = JsonChecks.child(path, "levelsMm");
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
        Optional<Double> t12l1 = checks.number(node, path, "t12l1Mm", true, MIN_MM, MAX_MM, " mm");
        Optional<Double> l5s1 = checks.number(node, path, "l5s1Mm", true, MIN_MM, MAX_MM, " mm");
        between(checks, path, "t12l1Mm", t12l1, levels, Level.T12, Level.L1);
        between(checks, path, "l5s1Mm", l5s1, levels, Level.L5, Level.S1);
        // Surface angles lying supine are smaller than standing ones (DOMAIN.md §3); 0–90° holds them all.
        Optional<Double> kyphosis = checks.number(node, path, "kyphosisDeg", true, 0, 90, "°");
        Optional<Double> lordosis = checks.number(node, path, "lordosisDeg", true, 0, 90, "°");
        Optional<Double> quality = checks.number(node, path, "quality", true, 0, 1, "");
        if (checks.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(SpineMap.measured(levels, t12l1.get(), l5s1.get(),
                kyphosis.get(), lordosis.get(), quality.get()));
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
