package org.rollwell.sim.body;

import java.util.Random;

/**
 * Where one person's vertebrae lie on the bed, drawn from the normative proportions of
 * DOMAIN.md §3 with individual variation. The constants restate those of therapy's
 * {@code SpineMap} (sim may not import therapy; an app test checks they agree):
 * crown of the head at bed {@code headOffsetMm − 150}; C7 at 0.135 × height below the
 * crown; the thoracic spine (half of C7 and T1–T12) 0.160 × height, the lumbar spine
 * 0.105 × height, the sacrum 0.065 × height. Each of these four lengths varies between
 * people by a normal factor (σ 2.5 %, cut at ±5 %, DOMAIN.md §3 "±5 % between people");
 * vertebrae within a region are near equal (each σ 3 %, cut at ±6 %, then rescaled so the
 * region keeps its length). S1's centre lies a fifth of the sacrum below L5/S1.
 */
final class SpineLayout {

    static final double HOME_FROM_HEAD_END_MM = 150.0;
    static final double VERTEX_TO_C7_PER_HEIGHT = 0.135;
    static final double THORACIC_PER_HEIGHT = 0.160;
    static final double LUMBAR_PER_HEIGHT = 0.105;
    static final double SACRUM_PER_HEIGHT = 0.065;
    /** The occiput (back of the head, where it rests) lies about 0.06 × height below the crown (choice). */
    static final double VERTEX_TO_OCCIPUT_PER_HEIGHT = 0.06;

    final double heightMm;
    final double crownMm;
    final double occiputMm;
    final double c7t1Mm;
    final double t12l1Mm;
    final double l5s1Mm;
    final double sacrumTipMm;
    /** C7, T1–T12, L1–L5, S1: 19 centres. */
    final double[] levelsMm;

    private SpineLayout(double heightMm, double crownMm, double occiputMm, double c7t1Mm, double t12l1Mm,
                        double l5s1Mm, double sacrumTipMm, double[] levelsMm) {
        this.heightMm = heightMm;
        this.crownMm = crownMm;
        this.occiputMm = occiputMm;
        this.c7t1Mm = c7t1Mm;
        this.t12l1Mm = t12l1Mm;
        this.l5s1Mm = l5s1Mm;
        this.sacrumTipMm = sacrumTipMm;
        this.levelsMm = levelsMm;
    }

    static SpineLayout draw(Body body, Random random) {
        double heightMm = body.heightCm() * 10.0;
        double crownMm = body.headOffsetMm() - HOME_FROM_HEAD_END_MM;
        double c7Mm = crownMm + VERTEX_TO_C7_PER_HEIGHT * heightMm * person(random);
        double thoracicMm = THORACIC_PER_HEIGHT * heightMm * person(random);
        double lumbarMm = LUMBAR_PER_HEIGHT * heightMm * person(random);
        double sacrumMm = SACRUM_PER_HEIGHT * heightMm * person(random);
        double occiputMm = crownMm + VERTEX_TO_OCCIPUT_PER_HEIGHT * heightMm * person(random);

        double[] levels = new double[19];
        // Thoracic: the lower half of C7 and T1–T12 share the 0.160 × height (as SpineMap.normative).
        double[] thoracic = vertebrae(random, 13, 0.5);
        double[] lumbar = vertebrae(random, 5, 1.0);
        double c7t1Mm = c7Mm + thoracic[0] * thoracicMm;
        levels[0] = c7Mm;
        double edge = c7t1Mm;
        for (int i = 1; i <= 12; i++) {
            double length = thoracic[i] * thoracicMm;
            levels[i] = edge + length / 2;
            edge += length;
        }
        double t12l1Mm = edge;
        for (int i = 0; i < 5; i++) {
            double length = lumbar[i] * lumbarMm;
            levels[13 + i] = edge + length / 2;
            edge += length;
        }
        double l5s1Mm = edge;
        levels[18] = l5s1Mm + 0.2 * sacrumMm;
        return new SpineLayout(heightMm, crownMm, occiputMm, c7t1Mm, t12l1Mm, l5s1Mm, l5s1Mm + sacrumMm, levels);
    }

    /** One person's factor on a normative length: normal, σ 2.5 %, cut at ±5 %. */
    private static double person(Random random) {
        return 1.0 + Math.max(-0.05, Math.min(0.05, 0.025 * random.nextGaussian()));
    }

    /** Fractions of a region's length, near equal; the first may be a half vertebra. */
    private static double[] vertebrae(Random random, int count, double firstWeight) {
        double[] fractions = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double variation = 1.0 + Math.max(-0.06, Math.min(0.06, 0.03 * random.nextGaussian()));
            fractions[i] = (i == 0 ? firstWeight : 1.0) * variation;
            sum += fractions[i];
        }
        for (int i = 0; i < count; i++) {
            fractions[i] /= sum;
        }
        return fractions;
    }
}
