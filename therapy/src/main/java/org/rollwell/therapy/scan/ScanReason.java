package org.rollwell.therapy.scan;

import java.util.Objects;

/**
 * Why a scan trace cannot be trusted: a stable code for programs and a sentence for people.
 *
 * @param code    what went wrong
 * @param message what went wrong here, with the line, position or figure that shows it
 */
public record ScanReason(Code code, String message) {

    /** The reasons a trace is rejected (docs/scan-format.md lists them with their rules). */
    public enum Code {
        /** No rows after the header, or nothing at all. */
        EMPTY,
        /** The header is not {@code [t_s,]position_mm,lift_mm,force_n}, or a row has another number of fields. */
        WRONG_COLUMNS,
        /** A field is not a finite number; the message names the line. */
        NON_NUMERIC,
        /** Time runs backwards, or the carriage went back along the bed. */
        OUT_OF_ORDER,
        /** Rows are missing: a gap in time or in position larger than the trace's own rhythm allows. */
        SAMPLES_MISSING,
        /** The trace does not run from above C7 to beyond the sacrum. */
        DOES_NOT_COVER,
        /** The lift or force jitters more than a bed's sensors do. */
        TOO_NOISY,
        /** The force strayed far from the scan's light setpoint, so the lift no longer traces the surface. */
        FORCE_NOT_HELD,
        /** The surface jumps within a few millimetres of travel: the person moved during the scan. */
        PERSON_MOVED,
        /** No back shape fits the trace well enough to place the landmarks. */
        NO_BACK_SHAPE
    }

    public ScanReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
