package org.rollwell.therapy.outcomes;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The difference of two means with Welch's confidence interval (unequal variances, Welch 1947,
 * Biometrika 34:28; degrees of freedom by the Welch–Satterthwaite equation). The t quantile comes
 * from Apache Commons Statistics, not from our own numerics.
 */
public final class WelchInterval {

    /** Two-sided 95 %, the level the n-of-1 verdict is stated at (DOMAIN.md §6, choice). */
    public static final double CONFIDENCE = 0.95;

    private WelchInterval() {
    }

    /**
     * mean(first) − mean(second) with its {@code confidence} interval. Each sample needs at
     * least two values. When neither sample varies the interval is the difference itself:
     * there is no spread to be uncertain about.
     */
    public static Effect of(double[] first, double[] second, double confidence) {
        if (first.length < 2 || second.length < 2) {
            throw new IllegalArgumentException("each sample needs at least 2 values, had " + first.length
                    + " and " + second.length);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        double diff = mean(first) - mean(second);
        double a = variance(first) / first.length;
        double b = variance(second) / second.length;
        double se = Math.sqrt(a + b);
        if (se == 0) {
            return new Effect(diff, diff, diff);
        }
        double df = (a + b) * (a + b) / (a * a / (first.length - 1) + b * b / (second.length - 1));
        double t = TDistribution.of(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Effect(diff, diff - t * se, diff + t * se);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The sample variance (n − 1 in the denominator). */
    static double variance(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
