package org.rollwell.therapy.scan;

/** Solves the normal equations of a small least-squares fit in place, without allocating. */
final class LeastSquares {

    private LeastSquares() {
    }

    /**
     * Solves {@code A β = b} for a symmetric positive semi-definite {@code A} given by its lower
     * triangle (row-major, {@code p × p}); {@code A} is overwritten by its Cholesky factor. A tiny
     * ridge keeps terms that the window does not reach (all-zero columns) at zero.
     */
    static boolean solve(double[] a, double[] b, double[] beta, int p) {
        for (int i = 0; i < p; i++) {
            a[i * p + i] += 1e-9 * (a[i * p + i] + 1.0);
        }
        for (int j = 0; j < p; j++) {
            double d = a[j * p + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * p + k] * a[j * p + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double root = Math.sqrt(d);
            a[j * p + j] = root;
            for (int i = j + 1; i < p; i++) {
                double s = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * p + k] * a[j * p + k];
                }
                a[i * p + j] = s / root;
            }
        }
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * p + k] * beta[k];
            }
            beta[i] = s / a[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = beta[i];
            for (int k = i + 1; k < p; k++) {
                s -= a[k * p + i] * beta[k];
            }
            beta[i] = s / a[i * p + i];
        }
        return true;
    }

    /** Work space for {@link #solveNonNegative}, allocated once per fit. */
    static final class Work {
        final double[] normal;
        final double[] rhs;
        final boolean[] dropped;

        Work(int p) {
            normal = new double[p * p];
            rhs = new double[p];
            dropped = new boolean[p];
        }
    }

    /**
     * As {@link #solve}, with the coefficients {@code from ≤ k < to} held at 0 or above: an active
     * set, dropping the most negative of them and solving again (Lawson &amp; Hanson's NNLS for a few
     * columns). {@code b} is left as given, so {@code β · b} is still the explained sum of squares.
     */
    static boolean solveNonNegative(double[] a, double[] b, double[] beta, int p, int from, int to, Work work) {
        System.arraycopy(a, 0, work.normal, 0, a.length);
        System.arraycopy(b, 0, work.rhs, 0, b.length);
        if (!solve(a, b, beta, p)) {
            return false;
        }
        boolean ok = true;
        for (int round = from; round < to && ok; round++) {
            int worst = -1;
            for (int k = from; k < to; k++) {
                if (beta[k] < 0 && (worst < 0 || beta[k] < beta[worst])) {
                    worst = k;
                }
            }
            if (worst < 0) {
                break;
            }
            work.dropped[worst] = true;
            System.arraycopy(work.normal, 0, a, 0, a.length);
            System.arraycopy(work.rhs, 0, b, 0, b.length);
            for (int k = from; k < to; k++) {
                if (work.dropped[k]) {
                    for (int j = 0; j < p; j++) {
                        a[k * p + j] = 0;
                        a[j * p + k] = 0;
                    }
                    a[k * p + k] = 1;
                    b[k] = 0;
                }
            }
            ok = solve(a, b, beta, p);
        }
        java.util.Arrays.fill(work.dropped, false);
        System.arraycopy(work.rhs, 0, b, 0, b.length);
        return ok;
    }
}
