package org.rollwell.therapy.technique;

/**
 * The intensity scale a person sees, 1 (lightest) to 10 (strongest), and the roller
 * force in newtons each step stands for. The scale is linear, {@value #STEP_N} N per
 * step, so that 10 is the reference bed's force limit of 350 N (DOMAIN.md §2) and
 * every step is the same felt change (choice).
 *
 * <p>For scale (DOMAIN.md §4): over the reference contact area of 2 rollers × 12 cm²,
 * 200 N is ≈ 0.85 kg/cm²; the pressure pain threshold over the lumbar muscles is
 * about 2.7 kg/cm² in chronic low-back pain (Phys Ther 2005;85:1085) and 3.6 kg/cm²
 * without pain, so even intensity 10 (350 N ≈ 1.5 kg/cm²) stays well under it, and
 * the low steps suit fibromyalgia, whose threshold is much lower.
 */
public final class Intensity {

    /** The lightest intensity. */
    public static final int MIN = 1;
    /** The strongest intensity: the reference bed's force limit. */
    public static final int MAX = 10;
    /** Newtons per intensity step (choice: 10 steps × 35 N = 350 N, DOMAIN.md §2). */
    public static final double STEP_N = 35.0;

    /** Standard gravity, to express pressure in the kg/cm² the pain literature uses. */
    private static final double STANDARD_GRAVITY_M_PER_S2 = 9.80665;

    private Intensity() {
    }

    /** The roller force for an intensity of 1–10; refuses anything else. */
    public static double forceN(int intensity) {
        if (intensity < MIN || intensity > MAX) {
            throw new IllegalArgumentException("intensity must be " + MIN + "–" + MAX + ", was " + intensity);
        }
        return intensity * STEP_N;
    }

    /**
     * The highest intensity whose force is at most {@code forceN}, capped at {@link #MAX};
     * 0 when not even intensity 1 fits (0 is not a valid intensity: the caller must refuse,
     * never round it up).
     */
    public static int atMost(double forceN) {
        if (!(forceN >= STEP_N)) {
            return 0;
        }
        // A tiny epsilon so that 105.0 N counts as intensity 3 despite floating point.
        int level = (int) Math.floor(forceN / STEP_N + 1e-9);
        return Math.min(level, MAX);
    }

    /**
     * The force of {@code intensity} 1–10 for {@code technique}: intensity scales linearly
     * inside the technique's own range (DOMAIN.md §5 "Dose decisions": each technique has its
     * own force range, §4 typical doses), 1 at its bottom and 10 at its top, never past it.
     */
    public static double forceN(Technique technique, int intensity) {
        if (intensity < MIN || intensity > MAX) {
            throw new IllegalArgumentException("intensity must be " + MIN + "–" + MAX + ", was " + intensity);
        }
        return technique.minForceN() + (technique.maxForceN() - technique.minForceN()) * (intensity - MIN) / (MAX - MIN);
    }

    /** Whether {@code intensity} is on the scale. */
    public static boolean isValid(int intensity) {
        return intensity >= MIN && intensity <= MAX;
    }

    /**
     * Mean pressure in kg/cm² that {@code forceN} puts on the back over
     * {@code contactAreaCm2} of roller contact (DOMAIN.md §4: 200 N over 24 cm² ≈ 0.85 kg/cm²).
     */
    public static double pressureKgPerCm2(double forceN, double contactAreaCm2) {
        if (!(contactAreaCm2 > 0)) {
            throw new IllegalArgumentException("contact area must be positive, was " + contactAreaCm2);
        }
        return forceN / STANDARD_GRAVITY_M_PER_S2 / contactAreaCm2;
    }
}
