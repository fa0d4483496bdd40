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
        return solve(a, b, beta, p, p);
    }

    /** As {@link #solve(double[], double[], double[], int)} for the first {@code p} columns of rows {@code w} long. */
    private static boolean solve(double[] a, double[] b, double[] beta, int p, int w) {
        for (int i = 0; i < p; i++) {
            a[i * w + i] += 1e-9 * (a[i * w + i] + 1.0);
        }
        return factor(a, p, w, 0) && substitute(a, b, beta, p, w);
    }

    /** Cholesky-factors {@code a} in place from column {@code from} on, the columns before it already factored. */
    private static boolean factor(double[] a, int p, int w, int from) {
        for (int j = from; j < p; j++) {
            double d = a[j * w + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * w + k] * a[j * w + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double root = Math.sqrt(d);
            a[j * w + j] = root;
            for (int i = j + 1; i < p; i++) {
                double s = a[i * w + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * w + k] * a[j * w + k];
                }
                a[i * w + j] = s / root;
            }
        }
        return true;
    }

    /** Solves with the factor {@code a}: forward, then back substitution. */
    private static boolean substitute(double[] a, double[] b, double[] beta, int p, int w) {
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * w + k] * beta[k];
            }
            beta[i] = s / a[i * w + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = beta[i];
            for (int k = i + 1; k < p; k++) {
                s -= a[k * w + i] * beta[k];
            }
            beta[i] = s / a[i * w + i];
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
        return solveNonNegative(a, b, beta, p, p, from, to, work);
    }

    /**
     * As {@link #solveNonNegative(double[], double[], double[], int, int, int, Work)} for the first {@code p}
     * columns of rows {@code w} long; the coefficients from {@code p} on are left as they were.
     */
    static boolean solveNonNegative(double[] a, double[] b, double[] beta, int p, int w, int from, int to, Work work) {
        System.arraycopy(a, 0, work.normal, 0, a.length);
        System.arraycopy(b, 0, work.rhs, 0, b.length);
        if (!solve(a, b, beta, p, w)) {
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
            ok = resolveWithout(a, b, beta, p, w, worst, work);
        }
        java.util.Arrays.fill(work.dropped, false);
        System.arraycopy(work.rhs, 0, b, 0, b.length);
        return ok;
    }

    /**
     * Solves again with column {@code dropped} (and those dropped before) held at 0, reusing the factor
     * {@code a} holds. Factoring the matrix with that column's row and column cleared afresh gives, in
     * every column before it, exactly the entries the factor already has (they are computed from the
     * rows and columns before it only), and 0 in the dropped row; so only the columns from it on are
     * factored again, from the ridged original, and the answer is bit for bit that of factoring all.
     */
    private static boolean resolveWithout(double[] a, double[] b, double[] beta, int p, int w, int dropped, Work work) {
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                if (j < dropped) {
                    if (i == dropped) {
                        a[i * w + j] = 0;
                    }
                } else if (work.dropped[i] || work.dropped[j]) {
                    a[i * w + j] = i == j ? 1 : 0;
                } else {
                    a[i * w + j] = work.normal[i * w + j];
                }
            }
        }
        for (int i = dropped; i < p; i++) {
            a[i * w + i] += 1e-9 * (a[i * w + i] + 1.0);
        }
        System.arraycopy(work.rhs, 0, b, 0, b.length);
        for (int k = 0; k < p; k++) {
            if (work.dropped[k]) {
                b[k] = 0;
            }
        }
        return factor(a, p, w, dropped) && substitute(a, b, beta, p, w);
    }
}
