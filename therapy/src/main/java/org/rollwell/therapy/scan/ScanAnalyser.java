package org.rollwell.therapy.scan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;

/**
 * Reads a spine scan (DOMAIN.md §3): from a trace alone, where this person's vertebrae lie
 * on the bed and how their back curves, or the reasons the trace cannot be trusted.
 * Pure and deterministic: the same trace gives the same answer.
 *
 * <p>Method. The surface is the lift minus the tissue's give at the measured force. After
 * the checks of {@link TraceChecks}, {@link BackShapeFit} fits the back's regional curves
 * and breathing. Its junctions are the landmarks: C7/T1 where the cervical hollow turns
 * into the thoracic convexity, T12/L1 where that convexity turns into the lumbar hollow,
 * L5/S1 where the hollow meets the sacrum. C7 lies half a thoracic vertebra above C7/T1 and
 * must show as a prominence (the vertebra prominens), else the scan is rejected rather than
 * C7 placed by proportion; C7 is then read a second time, where its prominence alone stands out
 * ({@link BackShapeModel.Shape#c7ProcessMm}), and where the two readings lie more than a third of a
 * vertebra apart the prominence places C7, except under a strongly kyphotic back, where a prominence
 * above the curves' C7 (perhaps the edge of the neck's plateau) is refused and one a vertebra or more
 * below is T1's (the curves' C7 stands); two readings that
 * agree let a fit stand whose curves a neighbouring vertebra explains nearly as well;
 * T1–T12 are spread evenly between C7/T1 and T12/L1 and L1–L5 between T12/L1 and L5/S1
 * (vertebrae within a region are near equal, DOMAIN.md §3); S1 lies a fifth of the
 * sacrum (0.065 × the height the thoracic length implies) below L5/S1, as in
 * {@link SpineMap#normative}. The surface angles (the turn of the tangent between the
 * junctions) become Cobb-scale angles through {@link SurfaceAngleRelation}.
 *
 * <p>Stretches crossed lifted off (an excluded range, {@link ScanTrace#liftedOff()}) have no rows:
 * the checks do not count them as missing samples or a jump, and the back-shape model, whose
 * regional curves are continuous, bridges them from the surface either side. The levels that fall
 * inside one are named in {@link ScanResult#interpolated()}.
 */
public final class ScanAnalyser {

    /** The scan's light constant force (DOMAIN.md §3: ≈ 60 N). */
    public static final double SETPOINT_N = 60.0;
    /**
     * A typical back's stiffness under the rollers, to turn force error into millimetres (choice:
     * soft tissue over the back gives ≈ 10–40 N/mm); it only corrects what the force loop missed.
     */
    public static final double NOMINAL_STIFFNESS_N_PER_MM = 20.0;
    /** A fit worse than this (RMS, mm) is not a back (choice; a good scan leaves ≈ 0.5–1 mm: the spinous processes). */
    static final double MAX_RESIDUAL_MM = 3.0;
    /**
     * The spine lengths a fit may imply (height by the normative proportions, mm): the bed's bodies
     * 145–205 cm (issue 5) with the thoracic length's ±5 % between people (DOMAIN.md §3), and the range
     * the fit searches. A fit outside it has scaled the spine wrong and is not trusted.
     */
    static final double MIN_HEIGHT_MM = 1350;
    static final double MAX_HEIGHT_MM = 2200;
    /** Lumbar processes show at least this much on a back (choice; good scans of the twin: 0.8–4.8 mm, median 1.9). */
    static final double MIN_LUMBAR_PROMINENCE_MM = 0.5;
    /**
     * C7 must show as a prominence at least this high (choice: on the twin's good scans it shows
     * 0.55 mm and more even 60 mm off the centre line; a fit that finds none placed C7 by proportion).
     */
    static final double MIN_C7_PROMINENCE_MM = 0.1;
    /**
     * The fitted C7/T1 must explain the trace at least as well as any placement one or two vertebrae
     * away (the ratio of their errors, {@code Shape#c7RivalRatio}). Below 1 the trace prefers another
     * vertebra and C7 would rest on proportions and the prominence search alone (choice: 1, where the
     * trace's own evidence turns; on the tuning sets, 397 accepted scans, the three below it had C7
     * 17–26 mm off and the lowest above it was 1.05 with C7 2 mm off).
     */
    static final double MIN_C7_RIVAL_RATIO = 1.0;
    /**
     * The rival floor where C7's two readings agree (within {@link #C7_AGREEMENT_VERTEBRAE}): the
     * prominence, found with the curves held, stands where the curves put C7, so a neighbour that fits
     * the curves a little better does not overturn it (choice, from the tuning sets: five scans were
     * refused at a ratio of 0.91–0.98 with the readings 0–0.11 vertebra apart, C7 within 2.2 mm of the
     * truth every time; every refused scan with C7 over 15 mm off had them 0.25 vertebra apart or more,
     * and its ratio at 0.50–0.87).
     */
    static final double MIN_C7_RIVAL_RATIO_AGREED = 0.9;
    /** C7's two readings agree within this share of a thoracic vertebra (choice: 1.5 σ of good scans, see below). */
    static final double C7_AGREEMENT_VERTEBRAE = 0.15;
    /**
     * C7 is found twice, and the two must agree within this share of a thoracic vertebra: where the
     * fit's curves and junctions put it, and where its own prominence stands out when the C7 template
     * alone is moved ({@code Shape#c7ProcessMm}). Apart by more, the trace shows the vertebra
     * prominens somewhere the curves do not (a spine far off the centre line, its processes faint
     * and wide; a strongly kyphotic neck beyond the rollers' reach) and C7 is not trusted (choice:
     * on good scans of the tuning sets the two agree within 0.1 vertebra (σ); every accepted tuning
     * scan with C7 over 10 mm off had them 0.3–1 vertebra apart).
     */
    static final double MAX_C7_DISAGREEMENT_VERTEBRAE = 0.3;
    /**
     * Where the two readings of C7 disagree and the prominence lies ABOVE the curves' C7 (towards the
     * head), a back this kyphotic (Cobb, as measured) is refused and any other takes the prominence's C7
     * (choice, from the tuning sets: every accepted scan whose readings disagreed and whose prominence
     * was the wrong vertebra had kyphosis of 66° or more; below 55°, the corners set's "strongly
     * kyphotic", the prominence was right every time). Only a prominence above can be the edge of the
     * neck's plateau, which lies above C7 (the neck levels off at the top of the rollers' reach); below
     * the curves' C7 there is only the thorax, whose processes are smaller than C7's: on the four tuning
     * sets every strongly kyphotic scan whose prominence lay 0.2–1 vertebra below the curves' C7 had the
     * prominence within 4.3 mm of C7 and the curves' C7 3–18 mm towards the head (2026-11-30 23:40 UTC, six scans).
     */
    static final double STRONG_KYPHOSIS_DEG = 55.0;
    /**
     * Under a strongly kyphotic back, a prominence this many thoracic vertebrae or more BELOW the curves'
     * C7 is T1's, not C7's: the upper thoracic processes ride the convexity's top into the rollers, and the
     * C7-with-T1 template slid a vertebra down lies on T1 and T2 as well as it lies on C7 and T1, so the
     * curves' C7 stands (choice, from the tuning sets: the two such scans, 1.20 and 1.23 vertebrae apart,
     * had the curves' C7 within 2 mm and the prominence 30 mm low; every strongly kyphotic scan whose
     * prominence was right had it 0.3–0.95 vertebra away, above the curves' C7 in two of the three).
     */
    static final double T1_PROMINENCE_VERTEBRAE = 1.1;
    /** Twice a good scan's unexplained residual (choice; good scans of the twin: median 0.22 mm, max 0.49). */
    static final double DOUBTFUL_RESIDUAL_MM = 0.5;
    /** The trace must begin this far above C7 and end this far beyond S1 (choice). */
    static final double HEAD_MARGIN_MM = 15.0;
    static final double SACRUM_MARGIN_MM = 20.0;

    private final double setpointN;

    public ScanAnalyser() {
        this(SETPOINT_N);
    }

    public ScanAnalyser(double setpointN) {
        if (!(setpointN > 0)) {
            throw new IllegalArgumentException("setpointN must be positive, was " + setpointN);
        }
        this.setpointN = setpointN;
    }

    /** Analyses a parsed file; a file that was not a trace is rejected with its reason. */
    public ScanResult analyse(ScanTraceCsv.Result file) {
        if (file instanceof ScanTraceCsv.Refused refused) {
            return ScanResult.rejected(List.of(refused.reason()), null);
        }
        return analyse(((ScanTraceCsv.Parsed) file).trace());
    }

    public ScanResult analyse(ScanTrace trace) {
        if (trace.size() == 0) {
            return ScanResult.rejected(List.of(new ScanReason(ScanReason.Code.EMPTY, "the trace has no rows")), null);
        }
        double[] surface = new double[trace.size()];
        for (int i = 0; i < surface.length; i++) {
            surface[i] = trace.lift(i) - (trace.force(i) - setpointN) / NOMINAL_STIFFNESS_N_PER_MM;
        }
        List<ScanReason> reasons = new ArrayList<>(TraceChecks.check(trace, surface, setpointN));
        BackShapeFit fit = BackShapeFit.of(trace, surface);
        BackProfile profile = new BackProfile(fit.positionsMm(), fit.surfaceMm());
        if (!reasons.isEmpty()) {
            return ScanResult.rejected(reasons, profile);
        }
        double firstMm = profile.positionMm()[0];
        double lastMm = firstMm;
        for (int i = 0; i < trace.size(); i++) {
            lastMm = Math.max(lastMm, trace.position(i));
        }
        BackShapeModel.Shape shape = fit.fit();
        if (shape == null) {
            return ScanResult.rejected(List.of(new ScanReason(ScanReason.Code.DOES_NOT_COVER, String.format(Locale.ROOT,
                    "from %.0f to %.0f mm the trace shows no thoracic convexity, lumbar hollow and sacrum in a row",
                    firstMm, lastMm))), profile);
        }
        SpineMap map = map(shape, shape.c7t1Mm() - (shape.t12l1Mm() - shape.c7t1Mm()) / 24.0);
        double c7Mm = map.positionMm(Level.C7);
        double s1Mm = map.positionMm(Level.S1);
        if (c7Mm - firstMm < HEAD_MARGIN_MM || lastMm - s1Mm < SACRUM_MARGIN_MM) {
            return ScanResult.rejected(List.of(new ScanReason(ScanReason.Code.DOES_NOT_COVER, String.format(Locale.ROOT,
                    "the trace runs %.0f–%.0f mm but must run from %.0f mm above C7 (%.0f) to %.0f mm beyond S1 (%.0f)",
                    firstMm, lastMm, HEAD_MARGIN_MM, c7Mm, SACRUM_MARGIN_MM, s1Mm))), profile);
        }
        ScanReason force = TraceChecks.forceHeld(trace, setpointN, c7Mm - HEAD_MARGIN_MM, s1Mm + SACRUM_MARGIN_MM,
                TraceChecks.FORCE_OUTSIDE_SHARE);
        if (force != null) {
            return ScanResult.rejected(List.of(force), profile);
        }
        List<String> bridged = bridgedAngles(shape, trace.liftedOff());
        boolean kyphosisFelt = !bridged.contains("kyphosisDeg");
        boolean lordosisFelt = !bridged.contains("lordosisDeg");
        if (kyphosisFelt && !(shape.surfaceKyphosisDeg() > 0) || lordosisFelt && !(shape.surfaceLordosisDeg() > 0)) {
            // A back is convex over the thorax and hollow over the lumbar spine, and the model holds each
            // bend to that sign: a fit left with no curve at all has latched onto something else (the
            // neck, the cushion) and is not guessed on. An angle whose junction lies where the rollers
            // crossed lifted off is not felt, only bridged, and is named as such rather than refused.
            return ScanResult.rejected(List.of(new ScanReason(ScanReason.Code.NO_BACK_SHAPE, String.format(Locale.ROOT,
                    "the best fit has a thoracic curve of %.1f° and a lumbar curve of %.1f°; a back has both above 0",
                    shape.surfaceKyphosisDeg(), shape.surfaceLordosisDeg()))), profile);
        }
        if (shape.residualMm() > DOUBTFUL_RESIDUAL_MM && shape.lumbarProminenceMm() < MIN_LUMBAR_PROMINENCE_MM) {
            // Every back shows its lumbar spinous processes to rollers at 60 N; a fit that finds none and
            // leaves twice a good scan's residual has placed the junctions on something else.
            return ScanResult.rejected(List.of(new ScanReason(ScanReason.Code.NO_BACK_SHAPE, String.format(Locale.ROOT,
                    "the best back shape finds no lumbar spinous processes (%.2f mm, at least %.1f expected) and leaves "
                            + "%.2f mm unexplained (a good scan ≈ 0.25): its landmarks are not trusted",
                    shape.lumbarProminenceMm(), MIN_LUMBAR_PROMINENCE_MM, shape.residualMm()))), profile);
        }
        if (shape.c7ProminenceMm() < MIN_C7_PROMINENCE_MM) {
            // C7 is found as the vertebra prominens (DOMAIN.md §3); where the trace shows no prominence
            // anywhere near it, its place would come from proportions alone: a guess, which issue 5 forbids.
            return ScanResult.rejected(List.of(new ScanReason(ScanReason.Code.NO_BACK_SHAPE, String.format(Locale.ROOT,
                    "no prominence of C7 shows near %.0f mm (%.2f mm, at least %.1f expected; lumbar processes %.2f mm): "
                            + "C7 would be guessed from the body's proportions, scan again",
                    c7Mm, shape.c7ProminenceMm(), MIN_C7_PROMINENCE_MM, shape.lumbarProminenceMm()))), profile);
        }
        double vertebraMm = (shape.t12l1Mm() - shape.c7t1Mm()) / 12.0;
        double apartMm = Math.abs(shape.c7ProcessMm() - c7Mm);
        boolean readingsAgree = apartMm <= C7_AGREEMENT_VERTEBRAE * vertebraMm;
        if (shape.c7RivalRatio() < (readingsAgree ? MIN_C7_RIVAL_RATIO_AGREED : MIN_C7_RIVAL_RATIO)) {
            // A planner handed the wrong C7 treats the wrong vertebrae: a scan that cannot tell which
            // process is C7 says so and asks for another, rather than guess (issue 10).
            return ScanResult.rejected(List.of(new ScanReason(ScanReason.Code.NO_BACK_SHAPE, String.format(Locale.ROOT,
                    "the neck's landmarks are unclear (C7 a vertebra or two from %.0f mm fits the trace as well: "
                            + "%.2f of the error); lie centred and scan again",
                    c7Mm, shape.c7RivalRatio()))), profile);
        }
        if (apartMm > MAX_C7_DISAGREEMENT_VERTEBRAE * vertebraMm) {
            boolean strongKyphosis = map.kyphosisDeg() >= STRONG_KYPHOSIS_DEG;
            if (strongKyphosis && shape.c7ProcessMm() - c7Mm >= T1_PROMINENCE_VERTEBRAE * vertebraMm) {
                // the prominence is T1's, a vertebra below (see T1_PROMINENCE_VERTEBRAE): the curves' C7 stands
                return accepted(shape, map, trace, bridged, profile);
            }
            if (strongKyphosis && shape.c7ProcessMm() < c7Mm) {
                // Under a strongly kyphotic back the neck lies high, levels off at the top of the rollers'
                // reach, and the plateau's edge, ABOVE C7, can pass for a process: a prominence above the
                // curves' C7 is not trusted, nor are the curves (issue 10: never guessed). A prominence
                // below them cannot be that edge (see STRONG_KYPHOSIS_DEG) and places C7 as on any back.
                return ScanResult.rejected(List.of(new ScanReason(ScanReason.Code.NO_BACK_SHAPE, String.format(Locale.ROOT,
                        "C7 is unclear: the back's curves put it at %.0f mm, its prominence at %.0f mm (%.0f mm apart, "
                                + "more than a third of a vertebra) under a strongly curved upper back (%.0f°); "
                                + "lie centred and scan again",
                        c7Mm, shape.c7ProcessMm(), apartMm, map.kyphosisDeg()))), profile);
            }
            // Elsewhere the curves' junction is smooth and can drift, while the prominence is the vertebra
            // prominens itself (DOMAIN.md §3): C7 is placed where it stands out.
            map = map(shape, shape.c7ProcessMm());
        }
        return accepted(shape, map, trace, bridged, profile);
    }

    /** The result for a back whose C7 is settled: OK, unless the fit leaves too much unexplained or scales the spine wrong. */
    private static ScanResult accepted(BackShapeModel.Shape shape, SpineMap map, ScanTrace trace, List<String> bridged,
                                       BackProfile profile) {
        if (shape.residualMm() > MAX_RESIDUAL_MM || shape.heightMm() < MIN_HEIGHT_MM || shape.heightMm() > MAX_HEIGHT_MM) {
            return ScanResult.rejected(List.of(new ScanReason(ScanReason.Code.NO_BACK_SHAPE, String.format(Locale.ROOT,
                    "the best back shape leaves %.1f mm unexplained (limit %.1f) for a spine of a person %.0f cm tall",
                    shape.residualMm(), MAX_RESIDUAL_MM, shape.heightMm() / 10))), profile);
        }
        return new ScanResult(ScanResult.Status.OK, List.of(), map, shape.surfaceKyphosisDeg(),
                shape.surfaceLordosisDeg(), profile, interpolated(map, trace.liftedOff()), bridged);
    }

    /**
     * The angles measured at a junction that lies where the rollers crossed lifted off: kyphosis
     * between C7/T1 and T12/L1, lordosis between T12/L1 and L5/S1. The fit still gives them (its
     * curves are continuous), but they were not felt.
     */
    static List<String> bridgedAngles(BackShapeModel.Shape shape, List<LiftedRange> liftedOff) {
        boolean c7t1 = false;
        boolean t12l1 = false;
        boolean l5s1 = false;
        for (LiftedRange range : liftedOff) {
            c7t1 |= range.contains(shape.c7t1Mm());
            t12l1 |= range.contains(shape.t12l1Mm());
            l5s1 |= range.contains(shape.l5s1Mm());
        }
        List<String> angles = new ArrayList<>();
        if (c7t1 || t12l1) {
            angles.add("kyphosisDeg");
        }
        if (t12l1 || l5s1) {
            angles.add("lordosisDeg");
        }
        return angles;
    }

    /** The levels the map places inside a stretch crossed lifted off: bridged by the fit, not seen. */
    static List<Level> interpolated(SpineMap map, List<LiftedRange> liftedOff) {
        List<Level> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            for (LiftedRange range : liftedOff) {
                if (range.contains(map.positionMm(level))) {
                    levels.add(level);
                    break;
                }
            }
        }
        return levels;
    }

    /** The levels with C7 at {@code c7Mm} and the rest of the thorax spread evenly from it to T12/L1. */
    private static SpineMap map(BackShapeModel.Shape shape, double c7Mm) {
        double t12l1 = shape.t12l1Mm();
        double l5s1 = shape.l5s1Mm();
        // C7 is half a vertebra above C7/T1, and a vertebra is a twelfth of C7/T1 to T12/L1
        double c7t1 = (24 * c7Mm + t12l1) / 25;
        double thoracicVertebraMm = (t12l1 - c7t1) / 12.0;
        double lumbarVertebraMm = (l5s1 - t12l1) / 5.0;
        Map<Level, Double> levels = new EnumMap<>(Level.class);
        levels.put(Level.C7, c7t1 - thoracicVertebraMm / 2);
        for (int i = 1; i <= 12; i++) {
            levels.put(Level.valueOf("T" + i), c7t1 + (i - 0.5) * thoracicVertebraMm);
        }
        for (int i = 1; i <= 5; i++) {
            levels.put(Level.valueOf("L" + i), t12l1 + (i - 0.5) * lumbarVertebraMm);
        }
        levels.put(Level.S1, l5s1 + 0.2 * SpineMap.SACRUM_PER_HEIGHT * shape.heightMm());
        double quality = Math.max(0, Math.min(1, 1 - Math.max(0, shape.residualMm() - 0.5) / (MAX_RESIDUAL_MM - 0.5)));
        return SpineMap.measured(levels, t12l1, l5s1,
                SurfaceAngleRelation.cobbKyphosisDeg(shape.surfaceKyphosisDeg()),
                SurfaceAngleRelation.cobbLordosisDeg(shape.surfaceLordosisDeg()), quality);
    }
}
