package org.rollwell.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollwell.sim.body.Body;

/**
 * The scan's accuracy, scored on bodies the analyser was never tuned on (issue 10 item 1): a
 * held-out set of seeded synthetic bodies across the whole range issue 5 names, each scanned by
 * the real closed loop with noise and breathing on, analysed from the trace alone and compared
 * with the twin's truth ({@link ScanScore}). Prints the figures table and the worst bodies.
 *
 * <p>How the set stays honest. Issue 10's first held-out set (body seed 7310433901) was scored at
 * 2.5 % rejected and its failures were printed in build logs; from 2026-11-30 23:30 UTC it is a
 * TUNING set ({@link ScanTuningSet#firstHeldOut()}), studied with the other three. Only when that
 * tuning was done was this SECOND set drawn, from seeds never run before, and scored ONCE; its
 * figures went into the bench README as they came, and nothing was tuned after seeing them. The
 * next change to the analyser that is tuned on this set must move it into {@link ScanTuningSet}
 * and draw a new one the same way. The tuning sets' figures: {@link ScanTuningReport}.
 *
 * <p>Cost: one closed-loop scan is ≈ 0.2 s on one core; the 300 bodies are scanned in parallel.
 */
class ScanAccuracyTest {

    static final int BODIES = 300;
    /**
     * The second held-out set's seeds (choice: numbers never used by any set before, drawn 2026-11-30 after
     * the tuning on the four sets of {@link ScanTuningSet} ended; scan seeds 8000000000 … 8000000299).
     */
    static final long HELD_OUT_BODY_SEED = 9_184_270_553L;
    static final long HELD_OUT_FIRST_SCAN_SEED = 8_000_000_000L;

    private static ScanScore score;

    static List<ScanTuningSet.Case> heldOut() {
        return ScanTuningSet.draw(HELD_OUT_BODY_SEED, HELD_OUT_FIRST_SCAN_SEED, BODIES);
    }

    @BeforeAll
    static void scanEveryBody() {
        score = ScanScore.of(heldOut());
        score.print("HELD-OUT", System.out);
    }

    // Issue 10's figures on held-out bodies. A rejected scan counts as a miss in every "95 %" figure. The
    // "≤ 15 mm for all" figure is held over every scan the analyser ACCEPTS: a rejected scan places no
    // landmark (it is refused with its reason and the person is scanned again, never guessed), and
    // rejections are held to their own figure below.

    @Test
    void every_accepted_scan_places_each_landmark_within_15_mm() {
        double[] landmark = score.of(ScanScore.Errors::landmarkMm);
        long over = java.util.Arrays.stream(landmark).filter(v -> v > 15).count();
        System.out.printf(Locale.ROOT, "  accepted scans with a landmark over 15 mm: %d of %d, worst %.1f mm (issue: none)%n",
                over, landmark.length, java.util.Arrays.stream(landmark).max().orElse(0));
        assertThat(over).as("accepted scans with a landmark over 15 mm").isZero();
    }

    @Test
    void the_landmarks_lie_within_10_mm_for_95_percent_of_bodies() {
        double share = score.shareWithin(score.of(ScanScore.Errors::landmarkMm), 10);
        System.out.printf(Locale.ROOT, "  landmarks within 10 mm: %.1f %% of bodies (issue 10: 95 %%)%n", 100 * share);
        assertThat(share).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void every_level_lies_within_12_mm_for_95_percent_of_bodies() {
        double share = score.shareWithin(score.of(ScanScore.Errors::levelMm), 12);
        System.out.printf(Locale.ROOT, "  every level within 12 mm: %.1f %% of bodies (issue 5: 95 %%)%n", 100 * share);
        assertThat(share).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void both_curve_angles_lie_within_5_degrees_for_95_percent_of_bodies() {
        double kyphosis = score.shareWithin(score.of(ScanScore.Errors::kyphosisDeg), 5);
        double lordosis = score.shareWithin(score.of(ScanScore.Errors::lordosisDeg), 5);
        System.out.printf(Locale.ROOT, "  kyphosis within 5°: %.1f %%, lordosis within 5°: %.1f %% of bodies (issue: 95 %%)%n",
                100 * kyphosis, 100 * lordosis);
        assertThat(kyphosis).isGreaterThanOrEqualTo(0.95);
        assertThat(lordosis).isGreaterThanOrEqualTo(0.95);
    }

    /** Issue 10 allows 2 % of held-out bodies rejected: 6 of 300. */
    static final int REJECTED_ALLOWED = BODIES * 2 / 100;

    @Test
    void rejections_are_at_most_2_percent() {
        // every body here lies still and is scanned whole: a rejection is the analyser refusing a fit it
        // cannot trust (no C7 prominence, no lumbar processes, a C7 the trace places a vertebra or two
        // away, two readings of C7 that disagree)
        System.out.printf(Locale.ROOT, "  rejected: %d of %d, %.1f %% of bodies (issue: at most 2 %%)%n", score.rejected(),
                BODIES, 100.0 * score.rejected() / BODIES);
        assertThat(score.rejected()).isLessThanOrEqualTo(REJECTED_ALLOWED);
    }

    @Test
    void the_held_out_set_shares_no_seed_and_no_body_with_any_tuning_set() {
        Set<Long> tuningSeeds = new HashSet<>();
        Set<Body> tuningBodies = new HashSet<>();
        List<Long> bodySeeds = new ArrayList<>(List.of(ScanTuningSet.BODY_SEED, ScanTuningSet.CORNERS_BODY_SEED,
                ScanTuningSet.LATERAL_BODY_SEED, ScanTuningSet.FIRST_HELD_OUT_BODY_SEED));
        ScanTuningSet.all().values().forEach(set -> set.forEach(c -> {
            tuningSeeds.add(c.scanSeed());
            tuningBodies.add(c.body());
        }));
        List<ScanTuningSet.Case> held = heldOut();
        assertThat(tuningSeeds).hasSize(4 * ScanTuningSet.BODIES);
        assertThat(bodySeeds).doesNotContain(HELD_OUT_BODY_SEED);
        assertThat(held).hasSize(BODIES);
        assertThat(held).noneMatch(c -> tuningSeeds.contains(c.scanSeed()));
        assertThat(held).noneMatch(c -> tuningBodies.contains(c.body()));
    }
}
