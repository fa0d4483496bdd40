package org.rollwell.therapy.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The checks a trace must pass before its shape is read (docs/scan-format.md, "Rejections").
 * Each failing check adds one reason; none of them guesses around a fault.
 */
final class TraceChecks {

    /** The carriage may jitter back by an encoder count or two, never by a millimetre (DOMAIN.md §2: 0.1 mm encoder). */
    static final double BACKWARDS_TOLERANCE_MM = 1.0;
    /** A row gap: more than this many times the trace's own median step (in time, or in position when untimed). */
    static final double GAP_FACTOR = 2.5;
    static final double MIN_POSITION_GAP_MM = 2.0;
    /**
     * Force held: at most this share of rows further than {@link #FORCE_BAND_N} (half the setpoint)
     * from it (choice). Rows off the setpoint trace the force loop rather than the back, so the
     * shape fit leaves them out; a scan that loses a quarter of the rows placing its landmarks
     * that way is not trusted. (A bed's lift is rate-limited, 10 mm/s: on the steep upper back
     * a loop without feedforward overshoots briefly, which alone must not void a scan.)
     */
    static final double FORCE_BAND_N = 30.0;
    static final double FORCE_OUTSIDE_SHARE = 0.25;
    /** Over the whole trace, including the head and neck the rollers may not reach (choice). */
    static final double FORCE_OUTSIDE_SHARE_ANYWHERE = 0.40;
    /**
     * Too noisy: the row-to-row jitter of the surface estimate. Sensors give ≈ 0.1 mm (lift
     * resolution, 2 N load-cell noise over ~20 N/mm tissue; DOMAIN.md §2); 0.6 mm is six times that (choice).
     */
    static final double MAX_NOISE_MM = 0.6;
    /** Person moved: the surface changes by more than this within {@link #JUMP_SPAN_MM} of travel (choice; backs do not). */
    static final double JUMP_MM = 6.0;
    static final double JUMP_SPAN_MM = 5.0;

    private TraceChecks() {
    }

    static List<ScanReason> check(ScanTrace trace, double[] surfaceMm, double setpointN) {
        List<ScanReason> reasons = new ArrayList<>();
        int n = trace.size();
        if (n < 10) {
            reasons.add(new ScanReason(ScanReason.Code.DOES_NOT_COVER, "only " + n + " rows: a scan of the back has thousands"));
            return reasons;
        }
        order(trace, reasons);
        gaps(trace, reasons);
        // Everywhere, a loose test: a trace mostly off the setpoint is not a scan at all. Where the
        // landmarks lie, the analyser applies the strict one (forceHeld) once it knows where that is.
        ScanReason force = forceHeld(trace, setpointN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                FORCE_OUTSIDE_SHARE_ANYWHERE);
        if (force != null) {
            reasons.add(force);
        }
        double noiseMm = noiseMm(surfaceMm);
        if (noiseMm > MAX_NOISE_MM) {
            reasons.add(new ScanReason(ScanReason.Code.TOO_NOISY, String.format(Locale.ROOT,
                    "the surface jitters by %.2f mm from row to row (a bed's sensors give about 0.1 mm; limit %.1f mm)",
                    noiseMm, MAX_NOISE_MM)));
        } else {
            jump(trace, surfaceMm, reasons);
        }
        return reasons;
    }

    private static void order(ScanTrace trace, List<ScanReason> reasons) {
        double furthestMm = trace.position(0);
        for (int i = 1; i < trace.size(); i++) {
            if (trace.hasTime() && !(trace.timeAtS(i) > trace.timeAtS(i - 1))) {
                reasons.add(new ScanReason(ScanReason.Code.OUT_OF_ORDER, String.format(Locale.ROOT,
                        "row %d: time %.3f s does not follow %.3f s", i + 1, trace.timeAtS(i), trace.timeAtS(i - 1))));
                return;
            }
            if (trace.position(i) < furthestMm - BACKWARDS_TOLERANCE_MM) {
                reasons.add(new ScanReason(ScanReason.Code.OUT_OF_ORDER, String.format(Locale.ROOT,
                        "row %d: position %.1f mm lies behind %.1f mm already passed; a scan travels one way",
                        i + 1, trace.position(i), furthestMm)));
                return;
            }
            furthestMm = Math.max(furthestMm, trace.position(i));
        }
    }

    private static void gaps(ScanTrace trace, List<ScanReason> reasons) {
        int n = trace.size();
        double[] steps = new double[n - 1];
        if (trace.hasTime()) {
            for (int i = 1; i < n; i++) {
                steps[i - 1] = trace.timeAtS(i) - trace.timeAtS(i - 1);
            }
            double median = median(steps);
            for (int i = 1; i < n; i++) {
                // a declared crossing of an excluded range is a gap on purpose, bridged by the analyser
                if (steps[i - 1] > GAP_FACTOR * median && !trace.liftedBetween(i - 1)) {
                    reasons.add(new ScanReason(ScanReason.Code.SAMPLES_MISSING, String.format(Locale.ROOT,
                            "row %d: %.3f s after the row before, the trace's rhythm is %.3f s", i + 1, steps[i - 1], median)));
                    return;
                }
            }
            return;
        }
        for (int i = 1; i < n; i++) {
            steps[i - 1] = Math.abs(trace.position(i) - trace.position(i - 1));
        }
        double limitMm = Math.max(MIN_POSITION_GAP_MM, GAP_FACTOR * median(steps));
        for (int i = 1; i < n; i++) {
            if (steps[i - 1] > limitMm && !trace.liftedBetween(i - 1)) {
                reasons.add(new ScanReason(ScanReason.Code.SAMPLES_MISSING, String.format(Locale.ROOT,
                        "row %d: the carriage moved %.1f mm since the row before (at most %.1f mm between ticks here)",
                        i + 1, steps[i - 1], limitMm)));
                return;
            }
        }
    }

    /**
     * The force test over rows between {@code fromMm} and {@code toMm}: null when at most
     * {@code maxShare} of them lie further than {@link #FORCE_BAND_N} from the setpoint.
     */
    static ScanReason forceHeld(ScanTrace trace, double setpointN, double fromMm, double toMm, double maxShare) {
        int rows = 0;
        int outside = 0;
        int firstOutside = -1;
        for (int i = 0; i < trace.size(); i++) {
            double x = trace.position(i);
            if (x < fromMm || x > toMm) {
                continue;
            }
            rows++;
            if (Math.abs(trace.force(i) - setpointN) > FORCE_BAND_N) {
                outside++;
                if (firstOutside < 0) {
                    firstOutside = i;
                }
            }
        }
        double share = rows == 0 ? 0 : outside / (double) rows;
        if (share <= maxShare) {
            return null;
        }
        return new ScanReason(ScanReason.Code.FORCE_NOT_HELD, String.format(Locale.ROOT,
                "%.0f %% of rows%s lie more than %.0f N from the %.0f N setpoint (first at %.1f mm, %.1f N); at most %.0f %% may",
                100 * share, Double.isFinite(fromMm) ? String.format(Locale.ROOT, " from %.0f to %.0f mm", fromMm, toMm) : "",
                FORCE_BAND_N, setpointN, trace.position(firstOutside), trace.force(firstOutside), 100 * maxShare));
    }

    private static void jump(ScanTrace trace, double[] surfaceMm, List<ScanReason> reasons) {
        int n = trace.size();
        double[] smooth = median5(surfaceMm);
        int j = 0;
        for (int i = 0; i < n; i++) {
            // Compare each row with every row up to JUMP_SPAN_MM further along.
            if (j < i) {
                j = i;
            }
            // never across a declared crossing: the rows beyond it are a fresh contact, not a jump
            while (j + 1 < n && trace.position(j + 1) - trace.position(i) <= JUMP_SPAN_MM && !trace.liftedBetween(j)) {
                j++;
            }
            for (int k = i + 1; k <= j; k++) {
                double change = smooth[k] - smooth[i];
                if (Math.abs(change) > JUMP_MM) {
                    reasons.add(new ScanReason(ScanReason.Code.PERSON_MOVED, String.format(Locale.ROOT,
                            "at %.1f mm the surface jumps by %.1f mm within %.1f mm of travel; the person moved",
                            trace.position(i), change, trace.position(k) - trace.position(i))));
                    return;
                }
            }
        }
    }

    /** Robust row-to-row noise: the spread of second differences (MAD), scaled to one row's σ. */
    static double noiseMm(double[] surfaceMm) {
        int n = surfaceMm.length;
        if (n < 3) {
            return 0;
        }
        double[] second = new double[n - 2];
        for (int i = 1; i < n - 1; i++) {
            second[i - 1] = Math.abs(surfaceMm[i - 1] - 2 * surfaceMm[i] + surfaceMm[i + 1]);
        }
        // σ of a second difference of white noise is √6 σ; MAD × 1.4826 estimates σ.
        return 1.4826 * median(second) / Math.sqrt(6.0);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static double[] median5(double[] values) {
        int n = values.length;
        double[] out = new double[n];
        double[] window = new double[5];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - 2);
            int to = Math.min(n - 1, i + 2);
            int m = 0;
            for (int k = from; k <= to; k++) {
                window[m++] = values[k];
            }
            Arrays.sort(window, 0, m);
            out[i] = window[m / 2];
        }
        return out;
    }
}
