package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.heat.Cem43;
import org.rollwell.therapy.heat.TissueHeat;

/**
 * {@link ThermalDose}'s forecast over a plan's spans, kept between the passes of {@link ThermalDose#limit}: it
 * remembers the skin's state at the start of every span, so a pass that cooled span {@code k} runs the model
 * again from {@code k} only (spans before it read nothing after them). The arithmetic is the same, in the same
 * order, as a forecast from the first span, so the result is the same to the last bit (issue 8, speed: the
 * forecast was a fifth of a fault campaign's time).
 */
final class ForecastRun {
    /** The dose rate of skin at rest, CEM43 min per min (added to every band no step has warmed). */
    private static final double REST_RATE_PER_MIN = Cem43.exactPerMin(TissueHeat.BASELINE_C);

    private final List<ThermalDose.Span> spans;
    private final double patch;
    private final double offset;
    private final double originMm;
    private final int bands;
    private final double[] excess;
    private final double[] dose;
    private final boolean[] warm;
    private final double[] peak;
    private final int[] first;
    private final int[] last;
    private final int[] carriedFrom;
    private final double[] g;
    private final double[] ripple;
    private final double[] scratch = new double[2 * TissueHeat.LAYERS];
    /** The state at the start of each span, once a run has reached it. */
    private final double[][] excessAt;
    private final double[][] doseAt;
    private final boolean[][] warmAt;
    private final double[] rollerAt;
    private final int[] setByAt;
    private int reached;

    ForecastRun(List<ThermalDose.Span> spans, BedLimits bed) {
        this.spans = new ArrayList<>(spans);
        this.patch = bed.rollerContactLengthMm();
        this.offset = bed.rollerPairOffsetMm();
        this.originMm = Math.floor((-offset - patch - ThermalDose.BAND_MM) / ThermalDose.BAND_MM) * ThermalDose.BAND_MM;
        this.bands = (int) Math.ceil((bed.travelMm() + offset + patch + ThermalDose.BAND_MM - originMm) / ThermalDose.BAND_MM) + 1;
        int n = spans.size();
        excess = new double[bands * TissueHeat.LAYERS];
        dose = new double[bands];
        warm = new boolean[bands];
        peak = new double[n];
        first = new int[n];
        last = new int[n];
        carriedFrom = new int[n];
        g = new double[bands];
        ripple = new double[bands];
        excessAt = new double[n][];
        doseAt = new double[n][];
        warmAt = new boolean[n][];
        rollerAt = new double[n];
        setByAt = new int[n];
    }

    /** Span {@code k} changed (a pass cooled it): the next {@link #from} must start at or before it. */
    void replace(int k, ThermalDose.Span span) {
        spans.set(k, span);
        reached = Math.min(reached, k);
    }

    /** The forecast, running the model from span {@code k} on (0: from the start; at most the first changed span). */
    ThermalDose.Forecast from(int k) {
        int start = Math.min(k, reached);
        double rollerC;
        int setBy;
        if (start == 0) {
            Arrays.fill(excess, 0.0);
            Arrays.fill(dose, 0.0);
            Arrays.fill(warm, false);
            rollerC = Double.NaN;
            setBy = -1;
        } else {
            System.arraycopy(excessAt[start], 0, excess, 0, excess.length);
            System.arraycopy(doseAt[start], 0, dose, 0, dose.length);
            System.arraycopy(warmAt[start], 0, warm, 0, warm.length);
            rollerC = rollerAt[start];
            setBy = setByAt[start];
        }
        for (int i = start; i < spans.size(); i++) {
            excessAt[i] = copy(excessAt[i], excess);
            doseAt[i] = copy(doseAt[i], dose);
            warmAt[i] = warmAt[i] == null ? warm.clone() : copyInto(warmAt[i], warm);
            rollerAt[i] = rollerC;
            setByAt[i] = setBy;
            reached = i;
            ThermalDose.Span s = spans.get(i);
            peak[i] = TissueHeat.BASELINE_C;
            first[i] = bands;
            last[i] = -1;
            carriedFrom[i] = -1;
            double targetC = s.heated() ? s.rollerTempC() : ThermalDose.ROOM_C;
            // a roller heats in a minute or two (taken as at once, which errs hot) but cools slowly: a hotter step's
            // heat carries into the next steps
            if (Double.isNaN(rollerC) || targetC >= rollerC) {
                rollerC = targetC;
                setBy = s.heated() ? i : -1;
            } else if (setBy >= 0 && rollerC > TissueHeat.BASELINE_C) {
                carriedFrom[i] = setBy;
            }
            Arrays.fill(g, 0.0);
            Arrays.fill(ripple, 0.0);
            if (rollerC > TissueHeat.BASELINE_C) {
                ThermalDose.contact(s, patch, offset, originMm, g);
                double[] window = ThermalDose.window(s, patch);
                boolean dwells = window[0] >= s.seconds();
                for (int b = 0; b < bands; b++) {
                    if (g[b] > 0 && dwells) {
                        // the local contact lasts the whole step: that is the band's contact, no ripple on top
                        g[b] = Math.max(g[b], window[1]);
                    }
                    if (g[b] > 0) {
                        first[i] = Math.min(first[i], b);
                        last[i] = Math.max(last[i], b);
                        warm[b] = true;
                        ripple[b] = ThermalDose.ripple(excess, b, g[b], window, rollerC, scratch);
                    }
                }
            }
            for (double t = 0; t < s.seconds(); t += ThermalDose.STEP_S) {
                double dtS = Math.min(ThermalDose.STEP_S, s.seconds() - t);
                rollerC = Math.max(targetC, rollerC - ThermalDose.ROLLER_COOL_C_PER_S * dtS);
                // worked out once per step, not per band: the same products, so the same bits
                double dtMin = dtS / 60.0;
                double restDoseMin = dtMin * REST_RATE_PER_MIN;
                boolean heating = rollerC > TissueHeat.BASELINE_C;
                for (int b = 0; b < bands; b++) {
                    if (!warm[b]) {
                        dose[b] += restDoseMin;
                        continue;
                    }
                    TissueHeat.step(excess, b * TissueHeat.LAYERS, heating ? g[b] : 0, rollerC, dtS);
                    double skinC = TissueHeat.surfaceC(excess, b * TissueHeat.LAYERS) + ripple[b];
                    dose[b] += dtMin * Cem43.exactPerMin(skinC);
                    if (g[b] > 0) {
                        peak[i] = Math.max(peak[i], skinC);
                    }
                }
            }
        }
        reached = spans.size();
        return new ThermalDose.Forecast(peak.clone(), first.clone(), last.clone(), dose.clone(), originMm, carriedFrom.clone());
    }

    private static double[] copy(double[] into, double[] from) {
        if (into == null) {
            return from.clone();
        }
        System.arraycopy(from, 0, into, 0, from.length);
        return into;
    }

    private static boolean[] copyInto(boolean[] into, boolean[] from) {
        System.arraycopy(from, 0, into, 0, from.length);
        return into;
    }
}
