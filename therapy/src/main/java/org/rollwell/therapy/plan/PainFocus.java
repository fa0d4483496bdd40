package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.profile.PainEntry;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.TriggerPoint;

/**
 * Turns a person's marks into places to work: painful areas (each mark and one level
 * either side, overlapping marks merged) ordered by their worst pain, and trigger points
 * ordered by the pain at their level. Orders are total (pain, then level, then side), so
 * the same profile always gives the same plan.
 */
final class PainFocus {

    private PainFocus() {
    }

    /** A stretch of the back holding one or more pain marks. */
    record Area(Level from, Level to, int maxNrs, List<PainEntry> entries) {
        String marks() {
            List<String> parts = new ArrayList<>();
            for (PainEntry entry : entries) {
                parts.add(entry.level() + " " + entry.side().name().toLowerCase(java.util.Locale.ROOT)
                        + " (NRS " + entry.nrs() + ")");
            }
            return String.join(", ", parts);
        }

        String span() {
            return from == to ? from.name() : from + "–" + to;
        }
    }

    /** A level to press, with the sides marked there (empty when taken from the pain map). */
    record Point(Level level, String sides, int nrsHere) {
        String describe() {
            return level + (sides.isEmpty() ? "" : " " + sides) + (nrsHere > 0 ? " (pain NRS " + nrsHere + " there)" : "");
        }
    }

    /** The painful areas, worst first (ties: nearer the head first). */
    static List<Area> areas(List<PainEntry> painMap) {
        List<PainEntry> byLevel = new ArrayList<>(painMap);
        byLevel.sort(Comparator.comparing(PainEntry::level).thenComparing(PainEntry::side));
        List<Area> areas = new ArrayList<>();
        Level from = null;
        Level to = null;
        List<PainEntry> entries = new ArrayList<>();
        for (PainEntry entry : byLevel) {
            Level lo = step(entry.level(), -1);
            Level hi = step(entry.level(), +1);
            if (from != null && lo.ordinal() <= to.ordinal()) {
                to = hi.ordinal() > to.ordinal() ? hi : to;
                entries.add(entry);
                continue;
            }
            if (from != null) {
                areas.add(area(from, to, entries));
            }
            from = lo;
            to = hi;
            entries = new ArrayList<>(List.of(entry));
        }
        if (from != null) {
            areas.add(area(from, to, entries));
        }
        areas.sort(Comparator.comparingInt((Area a) -> -a.maxNrs()).thenComparing(Area::from));
        return areas;
    }

    /** The marked trigger points, one per level, the most painful level first. */
    static List<Point> triggerPoints(Profile profile) {
        List<Point> points = new ArrayList<>();
        for (Level level : Level.values()) {
            List<String> sides = new ArrayList<>();
            for (TriggerPoint tp : profile.triggerPoints()) {
                if (tp.level() == level) {
                    sides.add(tp.side().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            if (!sides.isEmpty()) {
                sides.sort(Comparator.naturalOrder());
                points.add(new Point(level, String.join(" and ", sides), nrsAt(profile.painMap(), level)));
            }
        }
        points.sort(Comparator.comparingInt((Point p) -> -p.nrsHere()).thenComparing(Point::level));
        return points;
    }

    /** The most painful marked levels as points, for when no trigger point is marked. */
    static List<Point> painfulLevels(Profile profile, int atMost) {
        List<Point> points = new ArrayList<>();
        for (Level level : Level.values()) {
            int nrs = nrsAt(profile.painMap(), level);
            if (nrs > 0) {
                points.add(new Point(level, "", nrs));
            }
        }
        points.sort(Comparator.comparingInt((Point p) -> -p.nrsHere()).thenComparing(Point::level));
        return points.size() > atMost ? new ArrayList<>(points.subList(0, atMost)) : points;
    }

    static int nrsAt(List<PainEntry> painMap, Level level) {
        int max = 0;
        for (PainEntry entry : painMap) {
            if (entry.level() == level) {
                max = Math.max(max, entry.nrs());
            }
        }
        return max;
    }

    /** The level {@code delta} steps along the spine, kept on C7–S1. */
    static Level step(Level level, int delta) {
        int i = Math.max(0, Math.min(Level.values().length - 1, level.ordinal() + delta));
        return Level.values()[i];
    }

    private static Area area(Level from, Level to, List<PainEntry> entries) {
        int max = 0;
        for (PainEntry entry : entries) {
            max = Math.max(max, entry.nrs());
        }
        List<PainEntry> worstFirst = new ArrayList<>(entries);
        worstFirst.sort(Comparator.comparingInt((PainEntry e) -> -e.nrs())
                .thenComparing(PainEntry::level).thenComparing(PainEntry::side));
        return new Area(from, to, max, worstFirst);
    }
}
