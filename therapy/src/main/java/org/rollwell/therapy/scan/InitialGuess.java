package org.rollwell.therapy.scan;

/**
 * A first placement of the junctions from the two places the back rests on: the thoracic
 * apex (about the middle of the thoracic spine) and the sacrum, with the lumbar hollow
 * rising between them (DOMAIN.md §3). Their distance sets the spine's scale.
 */
final class InitialGuess {

    /** Thoracic apex to sacral support ≈ half the thoracic, all the lumbar and a little of the sacrum (× height). */
    static final double APEX_TO_SACRUM_PER_HEIGHT = 0.21;
    static final double SMOOTHING_MM = 20.0;
    static final double SUPPORT_BAND_MM = 10.0;
    /** Two placements differ when their sacral supports lie this far apart (choice: about two lumbar vertebrae). */
    static final double DISTINCT_MM = 60.0;

    private InitialGuess() {
    }

    /** {C7/T1, T12/L1, L5/S1} in bed mm, or null when no apex–hollow–sacrum sequence shows. */
    static double[] find(double[] x, double[] y) {
        java.util.List<double[]> all = candidates(x, y, 1);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Up to {@code max} first placements, the deepest hollow between two supports first; each next one
     * rests on a sacral support at least {@link #DISTINCT_MM} from those before.
     */
    static java.util.List<double[]> candidates(double[] x, double[] y, int max) {
        java.util.List<double[]> found = new java.util.ArrayList<>(max);
        java.util.List<Double> sacra = new java.util.ArrayList<>(max);
        while (found.size() < max) {
            double[] next = find(x, y, sacra);
            if (next == null) {
                break;
            }
            found.add(next);
            sacra.add(next[3]);
        }
        for (int k = 0; k < found.size(); k++) {
            found.set(k, java.util.Arrays.copyOf(found.get(k), 3));
        }
        return found;
    }

    private static double[] find(double[] x, double[] y, java.util.List<Double> takenSacraMm) {
        int n = x.length;
        if (n < 50) {
            return null;
        }
        double stepMm = (x[n - 1] - x[0]) / (n - 1);
        double[] s = smooth(y, SMOOTHING_MM / stepMm);
        int margin = (int) Math.ceil(10 / stepMm);
        // Both supports rest on the mattress: each lies near the lowest the surface gets (choice: 10 mm),
        // which tells them from the cushion under the head or a fold at the thighs.
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = margin; i < n - margin; i++) {
            lowest = Math.min(lowest, s[i]);
        }
        double bestScore = 1.0; // a hollow at least 1 mm deep
        int bestApex = -1;
        int bestSacrum = -1;
        for (int i = margin; i < n - margin; i++) {
            if (!isLocalMin(s, i, margin) || s[i] > lowest + SUPPORT_BAND_MM) {
                continue;
            }
            double highest = s[i];
            for (int j = i + 1; j < n - margin; j++) {
                highest = Math.max(highest, s[j]);
                double separationMm = x[j] - x[i];
                if (separationMm > 540) {
                    break;
                }
                if (separationMm < 230 || !isLocalMin(s, j, margin) || s[j] > lowest + SUPPORT_BAND_MM
                        || taken(takenSacraMm, x[j])) {
                    continue;
                }
                double score = highest - Math.max(s[i], s[j]);
                if (score > bestScore) {
                    bestScore = score;
                    bestApex = i;
                    bestSacrum = j;
                }
            }
        }
        if (bestApex < 0) {
            return null;
        }
        double heightMm = (x[bestSacrum] - x[bestApex]) / APEX_TO_SACRUM_PER_HEIGHT;
        double half = 0.5 * BackShapeFit.C7T1_TO_T12L1_PER_HEIGHT * heightMm;
        double c7t1 = x[bestApex] - half;
        double t12l1 = x[bestApex] + half;
        double l5s1 = t12l1 + org.rollwell.therapy.anatomy.SpineMap.LUMBAR_PER_HEIGHT * heightMm;
        return new double[] {c7t1, t12l1, l5s1, x[bestSacrum]};
    }

    /**
     * First placements from the sacral support alone, for a trace with a stretch crossed lifted off:
     * there the thoracic apex may lie in the gap, and the apex–hollow–sacrum sequence with it. Every
     * low point the rollers felt (within {@link #SUPPORT_BAND_MM} of the lowest) may be the sacral
     * support; L5/S1 lies about 0.028 × height above it (the normative proportions, as in
     * {@link #find}), and the fit's search tries every spine length from there. Up to {@code max},
     * the lowest first, each {@link #DISTINCT_MM} from the others.
     */
    static java.util.List<double[]> fromSacralSupports(double[] gx, double[] gy, double[] measuredX, int max) {
        java.util.List<double[]> found = new java.util.ArrayList<>(max);
        int n = gx.length;
        if (n < 50) {
            return found;
        }
        double stepMm = (gx[n - 1] - gx[0]) / (n - 1);
        double[] s = smooth(gy, SMOOTHING_MM / stepMm);
        int margin = (int) Math.ceil(10 / stepMm);
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = margin; i < n - margin; i++) {
            if (felt(measuredX, gx[i], stepMm)) {
                lowest = Math.min(lowest, s[i]);
            }
        }
        java.util.List<Integer> supports = new java.util.ArrayList<>();
        for (int i = margin; i < n - margin; i++) {
            if (felt(measuredX, gx[i], stepMm) && isLocalMin(s, i, margin) && s[i] <= lowest + SUPPORT_BAND_MM) {
                supports.add(i);
            }
        }
        supports.sort(java.util.Comparator.comparingDouble(i -> s[i]));
        double heightMm = 1750; // the middle of the bed's 145–205 cm; the fit searches the length
        java.util.List<Double> taken = new java.util.ArrayList<>();
        for (int i : supports) {
            if (found.size() == max || taken(taken, gx[i])) {
                continue;
            }
            taken.add(gx[i]);
            double l5s1 = gx[i] - (APEX_TO_SACRUM_PER_HEIGHT - 0.5 * BackShapeFit.C7T1_TO_T12L1_PER_HEIGHT
                    - org.rollwell.therapy.anatomy.SpineMap.LUMBAR_PER_HEIGHT) * heightMm;
            double t12l1 = l5s1 - org.rollwell.therapy.anatomy.SpineMap.LUMBAR_PER_HEIGHT * heightMm;
            found.add(new double[] {t12l1 - BackShapeFit.C7T1_TO_T12L1_PER_HEIGHT * heightMm, t12l1, l5s1});
        }
        return found;
    }

    /** True when a row was recorded within a grid step of {@code xMm} (not bridged across a gap). */
    private static boolean felt(double[] measuredX, double xMm, double stepMm) {
        int k = java.util.Arrays.binarySearch(measuredX, xMm);
        int at = k >= 0 ? k : -k - 1;
        return (at < measuredX.length && Math.abs(measuredX[at] - xMm) <= stepMm)
                || (at > 0 && Math.abs(measuredX[at - 1] - xMm) <= stepMm);
    }

    private static boolean taken(java.util.List<Double> takenSacraMm, double sacrumMm) {
        for (double taken : takenSacraMm) {
            if (Math.abs(taken - sacrumMm) < DISTINCT_MM) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLocalMin(double[] s, int i, int halfWidth) {
        for (int k = Math.max(0, i - halfWidth); k <= Math.min(s.length - 1, i + halfWidth); k++) {
            if (s[k] < s[i]) {
                return false;
            }
        }
        return true;
    }

    private static double[] smooth(double[] y, double sigmaSamples) {
        int n = y.length;
        int half = (int) Math.ceil(3 * sigmaSamples);
        double[] kernel = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            kernel[k + half] = Math.exp(-0.5 * k * k / (sigmaSamples * sigmaSamples));
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double weight = 0;
            for (int k = -half; k <= half; k++) {
                int j = i + k;
                if (j >= 0 && j < n) {
                    sum += kernel[k + half] * y[j];
                    weight += kernel[k + half];
                }
            }
            out[i] = sum / weight;
        }
        return out;
    }
}
