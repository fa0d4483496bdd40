package org.rollwell.sim.body;

/**
 * The twin's ground truth of one back, as the rollers meet it. Positions are bed
 * millimetres from the carriage's home; heights are lift millimetres: the lift at
 * which the rollers first touch the skin at that position.
 *
 * <p>Nothing here may reach the bed runtime or therapy: they see only sensor frames.
 */
public interface Back {

    /** Lift (mm) at which the rollers touch the skin at {@code positionMm}, at breathing phase time {@code timeS}. */
    double contactLiftMm(double positionMm, double timeS);

    /** Tissue stiffness under the rollers at {@code positionMm}, N per mm of compression. */
    double stiffnessNPerMm(double positionMm);

    /** Roller force at {@code positionMm} with the lift at {@code liftMm}, time {@code timeS}: 0 when not touching. */
    default double forceN(double positionMm, double liftMm, double timeS) {
        double compressionMm = liftMm - contactLiftMm(positionMm, timeS);
        return compressionMm <= 0 ? 0.0 : stiffnessNPerMm(positionMm) * compressionMm;
    }

    /** The true centre of each level C7, T1–T12, L1–L5, S1 in bed mm, head to sacrum (19 values). */
    double[] levelsMm();

    /** The true thoracolumbar junction, bed mm. */
    double t12l1Mm();

    /** The true lumbosacral junction, bed mm. */
    double l5s1Mm();

    /** The body this back belongs to. */
    Body body();
}
