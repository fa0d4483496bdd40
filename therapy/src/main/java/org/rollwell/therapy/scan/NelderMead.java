package org.rollwell.therapy.scan;

import java.util.function.ToDoubleFunction;

/** The Nelder–Mead simplex search (Nelder & Mead 1965, standard coefficients), for the few junction positions. */
final class NelderMead {

    private NelderMead() {
    }

    static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double stepMm, int maxEvaluations) {
        int d = start.length;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        for (int v = 0; v <= d; v++) {
            simplex[v] = start.clone();
            if (v > 0) {
                simplex[v][v - 1] += stepMm;
            }
            values[v] = f.applyAsDouble(simplex[v]);
        }
        int evaluations = d + 1;
        while (evaluations < maxEvaluations) {
            sort(simplex, values);
            if (spread(simplex) < 0.05) {
                break;
            }
            double[] centroid = new double[d];
            for (int v = 0; v < d; v++) {
                for (int k = 0; k < d; k++) {
                    centroid[k] += simplex[v][k] / d;
                }
            }
            double[] reflected = along(centroid, simplex[d], -1.0);
            double fr = f.applyAsDouble(reflected);
            evaluations++;
            if (fr < values[0]) {
                double[] expanded = along(centroid, simplex[d], -2.0);
                double fe = f.applyAsDouble(expanded);
                evaluations++;
                if (fe < fr) {
                    simplex[d] = expanded;
                    values[d] = fe;
                } else {
                    simplex[d] = reflected;
                    values[d] = fr;
                }
            } else if (fr < values[d - 1]) {
                simplex[d] = reflected;
                values[d] = fr;
            } else {
                double[] contracted = along(centroid, simplex[d], fr < values[d] ? -0.5 : 0.5);
                double fc = f.applyAsDouble(contracted);
                evaluations++;
                if (fc < Math.min(fr, values[d])) {
                    simplex[d] = contracted;
                    values[d] = fc;
                } else {
                    for (int v = 1; v <= d; v++) {
                        for (int k = 0; k < d; k++) {
                            simplex[v][k] = simplex[0][k] + 0.5 * (simplex[v][k] - simplex[0][k]);
                        }
                        values[v] = f.applyAsDouble(simplex[v]);
                        evaluations++;
                    }
                }
            }
        }
        sort(simplex, values);
        return simplex[0];
    }

    private static double[] along(double[] centroid, double[] worst, double factor) {
        double[] p = new double[centroid.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = centroid[k] + factor * (worst[k] - centroid[k]);
        }
        return p;
    }

    private static double spread(double[][] simplex) {
        double max = 0;
        for (int v = 1; v < simplex.length; v++) {
            for (int k = 0; k < simplex[0].length; k++) {
                max = Math.max(max, Math.abs(simplex[v][k] - simplex[0][k]));
            }
        }
        return max;
    }

    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            for (int j = i; j > 0 && values[j] < values[j - 1]; j--) {
                double tv = values[j];
                values[j] = values[j - 1];
                values[j - 1] = tv;
                double[] tp = simplex[j];
                simplex[j] = simplex[j - 1];
                simplex[j - 1] = tp;
            }
        }
    }
}
