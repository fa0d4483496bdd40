package org.rollwell.app.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rollwell.sim.body.Body;

/**
 * The seeded bodies the scan analyser's constants and model were TUNED on, kept here, named, so
 * that nobody scores the analyser on them: {@link ScanAccuracyTest} scores it on a disjoint,
 * held-out range of seeds and asserts that it is disjoint. Four sets:
 * <ul>
 *   <li>{@link #tuning()}, issue 5's acceptance set (seed 20261125): every "choice" figure in
 *       {@code therapy.scan} that cites "the twin's 200 backs" or "good scans of the twin" was read
 *       off these;</li>
 *   <li>{@link #corners()}, issue 10's (seed 424242): bodies at the corners of the range where the
 *       back model was weakest (tall or short, light or heavy, often strongly kyphotic); the
 *       model's signed bends and steps and the step at the sacrum's tip were checked on both;</li>
 *   <li>{@link #lateral()}, issue 10's last figure (seed 60606060): bodies whose spine lies 50–60 mm
 *       off the bed's centre line, where the spinous processes are faint and wide and C7 slipped a
 *       vertebra; where the scan places C7 (its own prominence, not the curves' junction) and when it
 *       refuses a C7 it cannot tell were read off these and the two sets above;</li>
 *   <li>{@link #firstHeldOut()}, issue 10's FIRST held-out set (body seed 7310433901, scan seeds from
 *       5000000000): scored once at 2.5 % rejected, its failures then printed in build logs, so it is no
 *       longer clean; a tuning set from 2026-11-30 23:30 UTC. The search's start from the sacral
 *       supports and the strongly kyphotic back's rule for a prominence below the curves' C7 were read
 *       off it and the three sets above. {@link ScanAccuracyTest} scores on a second, fresh set.</li>
 * </ul>
 *
 * <p>Every set draws its bodies the same way, uniformly over the whole range issue 5 names:
 * height 145–205 cm, weight 45–135 kg, kyphosis 15–70°, lordosis 20–75° (Cobb), head offset
 * 0–200 mm, lateral offset ±60 mm; body {@code i} of a set is scanned with seed
 * {@code firstScanSeed + i} (the twin's individual variation and sensor noise).
 */
final class ScanTuningSet {

    /** Seeds the body draws of the tuning set. */
    static final long BODY_SEED = 20261125L;
    /** The tuning set's scan seeds are {@code FIRST_SCAN_SEED} … {@code FIRST_SCAN_SEED + BODIES − 1}. */
    static final long FIRST_SCAN_SEED = BODY_SEED;
    static final int BODIES = 200;

    private ScanTuningSet() {
    }

    /** One body of a set and the seed it is scanned with. */
    record Case(Body body, long scanSeed) {
    }

    /** Seeds the body draws of the corners tuning set. */
    static final long CORNERS_BODY_SEED = 424_242L;
    /** The corners set's scan seeds are {@code CORNERS_FIRST_SCAN_SEED} … {@code CORNERS_FIRST_SCAN_SEED + BODIES − 1}. */
    static final long CORNERS_FIRST_SCAN_SEED = 3_000_000_000L;

    /** Seeds the body draws of the lateral tuning set. */
    static final long LATERAL_BODY_SEED = 60_606_060L;
    /** The lateral set's scan seeds are {@code LATERAL_FIRST_SCAN_SEED} … {@code LATERAL_FIRST_SCAN_SEED + BODIES − 1}. */
    static final long LATERAL_FIRST_SCAN_SEED = 6_000_000_000L;

    /** Seeds the body draws of issue 10's first held-out set, a tuning set since it was scored (see above). */
    static final long FIRST_HELD_OUT_BODY_SEED = 7_310_433_901L;
    /** Its scan seeds are {@code FIRST_HELD_OUT_FIRST_SCAN_SEED} … {@code FIRST_HELD_OUT_FIRST_SCAN_SEED + BODIES − 1}. */
    static final long FIRST_HELD_OUT_FIRST_SCAN_SEED = 5_000_000_000L;

    /** Issue 10's first held-out set, scored once at 2.5 % and tuned on since: for tuning only, never for scoring. */
    static List<Case> firstHeldOut() {
        return draw(FIRST_HELD_OUT_BODY_SEED, FIRST_HELD_OUT_FIRST_SCAN_SEED, BODIES);
    }

    /** Every named tuning set, by name, in the order they were made. */
    static java.util.Map<String, List<Case>> all() {
        java.util.Map<String, List<Case>> sets = new java.util.LinkedHashMap<>();
        sets.put("tuning (seed 20261125)", tuning());
        sets.put("corners (seed 424242)", corners());
        sets.put("lateral (seed 60606060)", lateral());
        sets.put("first held-out (seed 7310433901)", firstHeldOut());
        return sets;
    }

    /** The tuning set itself: for tuning only, never for scoring. */
    static List<Case> tuning() {
        return draw(BODY_SEED, FIRST_SCAN_SEED, BODIES);
    }

    /**
     * The corners tuning set: for tuning only, never for scoring. Each body is tall (190–205 cm) or
     * short (145–160 cm), light (45–65 kg) or heavy (115–135 kg), and half of them strongly kyphotic
     * (55–70°); lordosis, head and lateral offset over the whole range.
     */
    static List<Case> corners() {
        SplittableRandom random = new SplittableRandom(CORNERS_BODY_SEED);
        List<Case> cases = new ArrayList<>(BODIES);
        for (int i = 0; i < BODIES; i++) {
            double height = random.nextBoolean() ? 190 + 15 * random.nextDouble() : 145 + 15 * random.nextDouble();
            double weight = random.nextBoolean() ? 45 + 20 * random.nextDouble() : 115 + 20 * random.nextDouble();
            double kyphosis = random.nextBoolean() ? 55 + 15 * random.nextDouble() : 15 + 55 * random.nextDouble();
            Body body = new Body(height, weight, kyphosis, 20 + 55 * random.nextDouble(), 200 * random.nextDouble(),
                    -60 + 120 * random.nextDouble());
            cases.add(new Case(body, CORNERS_FIRST_SCAN_SEED + i));
        }
        return cases;
    }

    /**
     * The lateral tuning set: for tuning only, never for scoring. Each spine lies 50–60 mm off the
     * centre line, to either side; height, weight, both curves and head offset over the whole range.
     */
    static List<Case> lateral() {
        SplittableRandom random = new SplittableRandom(LATERAL_BODY_SEED);
        List<Case> cases = new ArrayList<>(BODIES);
        for (int i = 0; i < BODIES; i++) {
            double side = random.nextBoolean() ? 1 : -1;
            Body body = new Body(145 + 60 * random.nextDouble(), 45 + 90 * random.nextDouble(), 15 + 55 * random.nextDouble(),
                    20 + 55 * random.nextDouble(), 200 * random.nextDouble(), side * (50 + 10 * random.nextDouble()));
            cases.add(new Case(body, LATERAL_FIRST_SCAN_SEED + i));
        }
        return cases;
    }

    /** {@code count} bodies drawn from {@code bodySeed} over the whole range, scanned with seeds from {@code firstScanSeed}. */
    static List<Case> draw(long bodySeed, long firstScanSeed, int count) {
        SplittableRandom random = new SplittableRandom(bodySeed);
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Body body = new Body(
                    145 + 60 * random.nextDouble(),   // height 145–205 cm
                    45 + 90 * random.nextDouble(),    // weight 45–135 kg
                    15 + 55 * random.nextDouble(),    // kyphosis 15–70°
                    20 + 55 * random.nextDouble(),    // lordosis 20–75°
                    200 * random.nextDouble(),        // head offset 0–200 mm
                    -60 + 120 * random.nextDouble()); // lateral offset ±60 mm
            cases.add(new Case(body, firstScanSeed + i));
        }
        return cases;
    }
}
