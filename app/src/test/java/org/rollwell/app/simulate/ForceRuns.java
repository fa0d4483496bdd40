package org.rollwell.app.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured force of a simulate trace, split into runs of one state and one force target (a segment,
 * or a PRESS hold), for the force-ceiling checks of ForceCeilingTest and HeatDeliveredTest.
 */
final class ForceRuns {

    /** Runs shorter than this many samples (3 s at the trace's 100 Hz) are transitions, not steps. */
    private static final int MIN_SAMPLES = 300;

    private ForceRuns() {
    }

    /** Force samples of each run with a force target, keyed "index:STATE target N" in trace order. */
    static Map<String, double[]> of(String csv) {
        Map<String, double[]> out = new LinkedHashMap<>();
        String[] lines = csv.split("\n");
        List<String> header = Arrays.asList(lines[0].split(","));
        int state = header.indexOf("state");
        int force = header.indexOf("force_n");
        int target = header.indexOf("force_target_n");
        String current = null;
        List<Double> samples = new ArrayList<>();
        int n = 0;
        for (int i = 1; i <= lines.length; i++) {
            String[] f = i < lines.length ? lines[i].split(",", -1) : null;
            String s = f == null ? null : f[state] + " " + Math.round(Double.parseDouble(f[target])) + " N";
            if (current != null && !current.equals(s)) {
                if (samples.size() > MIN_SAMPLES) {
                    out.put(n++ + ":" + current, samples.stream().mapToDouble(Double::doubleValue).toArray());
                }
                samples.clear();
            }
            current = s;
            if (f != null && Double.parseDouble(f[target]) > 0) {
                samples.add(Double.parseDouble(f[force]));
            }
        }
        return out;
    }

    /** The {@code q} quantile (nearest rank) of {@code values}. */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
