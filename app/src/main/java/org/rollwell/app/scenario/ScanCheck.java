package org.rollwell.app.scenario;

import java.util.List;
import java.util.Objects;

/**
 * How the scan before a simulated session went, against the twin's truth (issue 5 item 5).
 *
 * @param status              {@code OK}, {@code REJECTED} (the analyser would not trust the trace) or
 *                            {@code FAULTED} (the scan routine itself stopped)
 * @param landmarkErrorMaxMm  the largest error of C7, T12/L1 and L5/S1 against the twin's truth, mm; NaN unless OK
 * @param kyphosisErrorDeg    |measured − true| thoracic kyphosis (Cobb scale), degrees; NaN unless OK
 * @param lordosisErrorDeg    |measured − true| lumbar lordosis (Cobb scale), degrees; NaN unless OK
 * @param reasons             why it was rejected or stopped, one sentence each; empty when OK
 */
public record ScanCheck(String status, double landmarkErrorMaxMm, double kyphosisErrorDeg, double lordosisErrorDeg,
                        List<String> reasons) {
    public ScanCheck {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
    }

    public boolean ok() {
        return "OK".equals(status);
    }
}
