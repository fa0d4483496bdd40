package org.rollwell.therapy.scan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;

/**
 * What a scan found, or why it was rejected.
 *
 * @param status              OK or REJECTED
 * @param reasons             why it was rejected; empty when OK
 * @param spineMap            the measured map (levels, junctions, Cobb-scale angles, quality); null when rejected
 * @param surfaceKyphosisDeg  the thoracic angle as measured on the surface; NaN when rejected
 * @param surfaceLordosisDeg  the lumbar angle as measured on the surface; NaN when rejected
 * @param profile             the surface the scan saw, for a chart; null when the trace had no usable rows
 * @param interpolated        the levels that lie where the rollers crossed lifted off (an excluded range):
 *                            placed by the fit across the gap, not seen; empty when nothing was crossed
 * @param bridgedAngles       the curve angles ({@code kyphosisDeg}, {@code lordosisDeg}) with a junction
 *                            they are measured at inside such a gap: the fit's estimate, not a measurement
 */
public record ScanResult(Status status, List<ScanReason> reasons, SpineMap spineMap,
                         double surfaceKyphosisDeg, double surfaceLordosisDeg, BackProfile profile,
                         List<Level> interpolated, List<String> bridgedAngles) {

    public enum Status { OK, REJECTED }

    public ScanResult {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        interpolated = List.copyOf(interpolated);
        bridgedAngles = List.copyOf(bridgedAngles);
        if (status == Status.OK && (spineMap == null || !reasons.isEmpty())) {
            throw new IllegalArgumentException("an OK scan has a spine map and no reasons");
        }
        if (status == Status.REJECTED && (spineMap != null || reasons.isEmpty())) {
            throw new IllegalArgumentException("a rejected scan has reasons and no spine map");
        }
    }

    static ScanResult rejected(List<ScanReason> reasons, BackProfile profile) {
        return new ScanResult(Status.REJECTED, reasons, null, Double.NaN, Double.NaN, profile, List.of(), List.of());
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public Optional<SpineMap> map() {
        return Optional.ofNullable(spineMap);
    }

    /** The reason codes, in the order found. */
    public List<ScanReason.Code> codes() {
        return reasons.stream().map(ScanReason::code).toList();
    }
}
