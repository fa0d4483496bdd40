package org.rollwell.therapy.scan;

/**
 * The back-shape model's last evaluations, so that a search coming back to a place it has already
 * evaluated (a line search through its own start, a simplex starting at the point just found, the
 * final fit read again for its shape) gets the same error and coefficients without summing the
 * rows again. An evaluation is a pure function of its key (junctions, breathing rate, bump width,
 * C7 shift, processes in or out, window), and the key is compared bit for bit, so a recalled answer
 * is exactly the one computed. No allocation after construction.
 */
final class EvaluationMemo {

    /** How many evaluations are remembered (choice: a fit comes back within a few dozen). */
    static final int SLOTS = 64;
    private static final int DOUBLES = 6;

    private final int columns;
    private final long[] keys = new long[SLOTS * DOUBLES];
    private final int[] flags = new int[SLOTS * 3];
    private final double[] errors = new double[SLOTS];
    private final double[] betas;
    private int used;
    private int next;

    EvaluationMemo(int columns) {
        this.columns = columns;
        this.betas = new double[SLOTS * columns];
    }

    /** The slot holding this evaluation, or -1. */
    int find(double c, double t, double l, double breathHz, double bumpWidthMm, double c7ShiftMm, boolean withBumps,
             int windowFrom, int windowTo) {
        long kc = Double.doubleToRawLongBits(c);
        for (int s = 0; s < used; s++) {
            int k = s * DOUBLES;
            if (keys[k] == kc && keys[k + 1] == Double.doubleToRawLongBits(t)
                    && keys[k + 2] == Double.doubleToRawLongBits(l)
                    && keys[k + 3] == Double.doubleToRawLongBits(breathHz)
                    && keys[k + 4] == Double.doubleToRawLongBits(bumpWidthMm)
                    && keys[k + 5] == Double.doubleToRawLongBits(c7ShiftMm)
                    && flags[3 * s] == (withBumps ? 1 : 0) && flags[3 * s + 1] == windowFrom
                    && flags[3 * s + 2] == windowTo) {
                return s;
            }
        }
        return -1;
    }

    /** Puts the remembered coefficients into {@code beta} and returns the remembered error. */
    double recall(int slot, double[] beta) {
        System.arraycopy(betas, slot * columns, beta, 0, columns);
        return errors[slot];
    }

    /** Remembers an evaluation, replacing the oldest once every slot is taken. */
    void remember(double c, double t, double l, double breathHz, double bumpWidthMm, double c7ShiftMm,
                  boolean withBumps, int windowFrom, int windowTo, double error, double[] beta) {
        int s = next;
        next = (next + 1) % SLOTS;
        used = Math.max(used, s + 1);
        int k = s * DOUBLES;
        keys[k] = Double.doubleToRawLongBits(c);
        keys[k + 1] = Double.doubleToRawLongBits(t);
        keys[k + 2] = Double.doubleToRawLongBits(l);
        keys[k + 3] = Double.doubleToRawLongBits(breathHz);
        keys[k + 4] = Double.doubleToRawLongBits(bumpWidthMm);
        keys[k + 5] = Double.doubleToRawLongBits(c7ShiftMm);
        flags[3 * s] = withBumps ? 1 : 0;
        flags[3 * s + 1] = windowFrom;
        flags[3 * s + 2] = windowTo;
        errors[s] = error;
        System.arraycopy(beta, 0, betas, s * columns, columns);
    }
}
