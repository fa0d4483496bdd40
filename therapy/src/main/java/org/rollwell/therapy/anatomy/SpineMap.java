package org.rollwell.therapy.anatomy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where one person's vertebrae lie on the bed, in bed millimetres from the
 * carriage's home at the head end. Level positions are the centres of the
 * vertebrae (where a roller sits on the spinous process); the junction landmarks
 * {@link Landmark#T12L1} and {@link Landmark#L5S1} lie between two levels.
 *
 * <p>A map is either {@link Source#NORMATIVE} (from height and where the person
 * lies, {@link #normative}) or {@link Source#MEASURED} by a spine scan. The
 * planner accepts either; a measured map also carries the curve angles and the
 * scan's confidence.
 *
 * @param source        how the map was obtained
 * @param levelsMm      the centre of every level, increasing from C7 to S1
 * @param t12l1Mm       the thoracolumbar junction
 * @param l5s1Mm        the lumbosacral junction
 * @param kyphosisDeg   thoracic kyphosis T1–T12 on the radiographic (Cobb) scale, estimated by the scan
 *                      from the surface angle it measured (therapy.scan states the relation); NaN when normative
 * @param lordosisDeg   lumbar lordosis L1–S1 on the Cobb scale, estimated the same way; NaN when normative
 * @param quality       the scan's confidence 0–1; NaN when normative
 */
public record SpineMap(
        Source source,
        Map<Level, Double> levelsMm,
        double t12l1Mm,
        double l5s1Mm,
        double kyphosisDeg,
        double lordosisDeg,
        double quality) {

    /** How a spine map was obtained. */
    public enum Source { NORMATIVE, MEASURED }

    /**
     * The carriage's home lies this far along the mattress from its head end,
     * under the pillow section the rollers never reach (choice, modelled on
     * commercial thermal roller beds; see DOMAIN.md §2). A person's
     * {@code headOffsetMm} is measured from the head end, so the crown of the head
     * lies at bed position {@code headOffsetMm - 150}.
     */
    public static final double HOME_FROM_HEAD_END_MM = 150.0;

    // Normative proportions along the back of an adult lying supine (DOMAIN.md §3, choice rounded
    // from anthropometric tables): thoracic T1–T12 ≈ 0.160 × height from C7, lumbar L1–L5 ≈ 0.105 ×
    // height, sacrum ≈ 0.065 × height.
    public static final double THORACIC_PER_HEIGHT = 0.160;
    public static final double LUMBAR_PER_HEIGHT = 0.105;
    public static final double SACRUM_PER_HEIGHT = 0.065;
    // Crown of the head to the C7 spinous process ≈ 0.135 × height: stature minus cervicale height
    // in the ANSUR II survey (1756 mm and 1519 mm for men), rounded (choice).
    public static final double VERTEX_TO_C7_PER_HEIGHT = 0.135;

    public SpineMap {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(levelsMm, "levelsMm");
        EnumMap<Level, Double> copy = new EnumMap<>(Level.class);
        copy.putAll(levelsMm);
        for (Level level : Level.values()) {
            Double mm = copy.get(level);
            if (mm == null || !Double.isFinite(mm)) {
                throw new IllegalArgumentException("spine map: level " + level + " has no position");
            }
            if (level.ordinal() > 0) {
                Level above = Level.values()[level.ordinal() - 1];
                if (mm <= copy.get(above)) {
                    throw new IllegalArgumentException("spine map: " + level + " at " + mm
                            + " mm does not lie below " + above + " at " + copy.get(above) + " mm");
                }
            }
        }
        if (!(t12l1Mm > copy.get(Level.T12) && t12l1Mm < copy.get(Level.L1))) {
            throw new IllegalArgumentException("spine map: T12L1 must lie between T12 and L1, was " + t12l1Mm);
        }
        if (!(l5s1Mm > copy.get(Level.L5) && l5s1Mm < copy.get(Level.S1))) {
            throw new IllegalArgumentException("spine map: L5S1 must lie between L5 and S1, was " + l5s1Mm);
        }
        levelsMm = Collections.unmodifiableMap(copy);
    }

    /**
     * The normative map for a person of {@code heightCm} whose crown of the head lies
     * {@code headOffsetMm} from the mattress's head end.
     */
    public static SpineMap normative(double heightCm, double headOffsetMm) {
        if (!(heightCm >= 100 && heightCm <= 250)) {
            throw new IllegalArgumentException("heightCm must be 100–250, was " + heightCm);
        }
        double heightMm = heightCm * 10.0;
        double c7Mm = headOffsetMm - HOME_FROM_HEAD_END_MM + VERTEX_TO_C7_PER_HEIGHT * heightMm;
        double thoracicMm = THORACIC_PER_HEIGHT * heightMm;
        double lumbarMm = LUMBAR_PER_HEIGHT * heightMm;
        double sacrumMm = SACRUM_PER_HEIGHT * heightMm;
        // The 0.160 × height from C7 holds half of C7 and the twelve thoracic vertebrae,
        // which are near equal in length (DOMAIN.md §3).
        double thoracicVertebraMm = thoracicMm / 12.5;
        double lumbarVertebraMm = lumbarMm / 5.0;
        double t12l1 = c7Mm + thoracicMm;
        double l5s1 = t12l1 + lumbarMm;

        EnumMap<Level, Double> levels = new EnumMap<>(Level.class);
        levels.put(Level.C7, c7Mm);
        for (int i = 1; i <= 12; i++) {
            levels.put(Level.valueOf("T" + i), c7Mm + i * thoracicVertebraMm);
        }
        for (int i = 1; i <= 5; i++) {
            levels.put(Level.valueOf("L" + i), t12l1 + (i - 0.5) * lumbarVertebraMm);
        }
        // S1 is the largest of the five fused sacral segments; its centre lies about a fifth
        // of the sacrum below L5/S1 (choice).
        levels.put(Level.S1, l5s1 + 0.2 * sacrumMm);
        return new SpineMap(Source.NORMATIVE, levels, t12l1, l5s1, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A map measured by a scan. */
    public static SpineMap measured(Map<Level, Double> levelsMm, double t12l1Mm, double l5s1Mm,
                                    double kyphosisDeg, double lordosisDeg, double quality) {
        return new SpineMap(Source.MEASURED, levelsMm, t12l1Mm, l5s1Mm, kyphosisDeg, lordosisDeg, quality);
    }

    /** The centre of {@code level} in bed millimetres. */
    public double positionMm(Level level) {
        return levelsMm.get(level);
    }

    /** A landmark's position in bed millimetres. */
    public double positionMm(Landmark landmark) {
        return switch (landmark) {
            case C7 -> positionMm(Level.C7);
            case T12L1 -> t12l1Mm;
            case L5S1 -> l5s1Mm;
        };
    }

    /**
     * Where {@code level}'s vertebra begins, towards the head: halfway to the level above
     * (for C7, as far above its centre as T1's upper edge lies below it).
     */
    public double upperEdgeMm(Level level) {
        int i = level.ordinal();
        if (i == 0) {
            return positionMm(Level.C7) - (positionMm(Level.T1) - positionMm(Level.C7)) / 2.0;
        }
        return (positionMm(Level.values()[i - 1]) + positionMm(level)) / 2.0;
    }

    /**
     * Where {@code level}'s vertebra ends, towards the sacrum: halfway to the level below
     * (for S1, as far below its centre as L5/S1 lies above it).
     */
    public double lowerEdgeMm(Level level) {
        Level[] all = Level.values();
        int i = level.ordinal();
        if (i == all.length - 1) {
            return positionMm(Level.S1) + (positionMm(Level.S1) - l5s1Mm);
        }
        return (positionMm(level) + positionMm(all[i + 1])) / 2.0;
    }

    /** The level whose vertebra holds {@code positionMm}, or the nearest end level outside the spine. */
    public Level levelAt(double positionMm) {
        Level[] all = Level.values();
        for (Level level : all) {
            if (positionMm < lowerEdgeMm(level)) {
                return level;
            }
        }
        return all[all.length - 1];
    }
}
