package org.rollwell.sim;

import org.rollwell.sim.body.Back;
import org.rollwell.sim.body.Body;

/**
 * A plain back for the twin's own tests: a gently curved surface touching the rollers
 * at {@code baseLiftMm} ± 5 mm, of uniform stiffness, without breathing, so that what a
 * test sees is the twin's physics and not the body's detail.
 */
record SmoothBack(double baseLiftMm, double stiffnessNPerMm) implements Back {

    /** Touches at ≈ 20 mm of lift, 10 N/mm: 200 N at 20 mm of compression. */
    static final SmoothBack TYPICAL = new SmoothBack(20, 10);

    @Override
    public double contactLiftMm(double positionMm, double timeS) {
        return baseLiftMm + 5 * Math.sin(positionMm / 950 * Math.PI);
    }

    @Override
    public double stiffnessNPerMm(double positionMm) {
        return stiffnessNPerMm;
    }

    @Override
    public double[] levelsMm() {
        double[] levels = new double[19];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = 200 + i * 27.0;
        }
        return levels;
    }

    @Override
    public double t12l1Mm() {
        return levelsMm()[12];
    }

    @Override
    public double l5s1Mm() {
        return levelsMm()[18] - 13;
    }

    @Override
    public Body body() {
        return Body.TYPICAL;
    }
}
