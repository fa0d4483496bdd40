package org.rollwell.therapy.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The scan trace file (docs/scan-format.md): CSV with the header
 * {@code position_mm,lift_mm,force_n}, optionally led by {@code t_s}, then one row of
 * numbers per control tick. Pure: callers hand it text or a {@link Reader}.
 *
 * <p>A file that is not a trace is refused with one {@link ScanReason}: {@code EMPTY},
 * {@code WRONG_COLUMNS} (naming the header or the line) or {@code NON_NUMERIC} (naming the
 * line and column). Blank lines are skipped.
 *
 * <p>Lines before the header that begin with {@code #} are comments, except
 * {@code # lifted_off_mm: FROM-TO}, which declares a stretch the rollers crossed lifted off
 * on purpose (an excluded range, {@link LiftedRange}); the trace has no rows inside it.
 */
public final class ScanTraceCsv {

    public static final String HEADER = "position_mm,lift_mm,force_n";
    public static final String TIMED_HEADER = "t_s," + HEADER;
    /** The declaration of a range crossed lifted off, before the header: {@code # lifted_off_mm: 412.0-655.5}. */
    public static final String LIFTED_OFF = "lifted_off_mm:";

    private ScanTraceCsv() {
    }

    /** What reading a trace file gave: a trace, or the reason it is not one. */
    public sealed interface Result permits Parsed, Refused {
    }

    public record Parsed(ScanTrace trace) implements Result {
    }

    public record Refused(ScanReason reason) implements Result {
    }

    public static Result parse(String text) {
        try {
            return parse(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** Reads a whole trace; the caller closes {@code reader}. */
    public static Result parse(Reader reader) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String header = null;
        int lineNumber = 0;
        String line;
        java.util.List<LiftedRange> lifted = new java.util.ArrayList<>();
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            String stripped = line.strip();
            if (lineNumber == 1 && stripped.startsWith("\uFEFF")) {
                stripped = stripped.substring(1).strip();
            }
            if (stripped.startsWith("#")) {
                ScanReason bad = declaration(stripped.substring(1).strip(), lineNumber, lifted);
                if (bad != null) {
                    return new Refused(bad);
                }
                continue;
            }
            if (!stripped.isEmpty()) {
                header = stripped;
                break;
            }
        }
        if (header == null) {
            return refused(ScanReason.Code.EMPTY, "the file is empty: expected the header " + HEADER);
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        String normalised = header.replace(" ", "").toLowerCase(Locale.ROOT);
        boolean timed;
        if (normalised.equals(HEADER)) {
            timed = false;
        } else if (normalised.equals(TIMED_HEADER)) {
            timed = true;
        } else {
            return refused(ScanReason.Code.WRONG_COLUMNS, "line " + lineNumber + ": header is '" + header
                    + "', expected '" + HEADER + "' or '" + TIMED_HEADER + "'");
        }
        int columns = timed ? 4 : 3;
        String[] names = (timed ? TIMED_HEADER : HEADER).split(",");
        Columns data = new Columns(columns);
        double[] row = new double[columns];
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != columns) {
                return refused(ScanReason.Code.WRONG_COLUMNS, "line " + lineNumber + ": " + fields.length
                        + " fields, expected " + columns + " (" + String.join(",", names) + ")");
            }
            for (int c = 0; c < columns; c++) {
                String field = fields[c].strip();
                double value;
                try {
                    value = Double.parseDouble(field);
                } catch (NumberFormatException e) {
                    value = Double.NaN;
                }
                if (!Double.isFinite(value)) {
                    return refused(ScanReason.Code.NON_NUMERIC, "line " + lineNumber + ", column " + names[c]
                            + ": '" + field + "' is not a number");
                }
                row[c] = value;
            }
            data.add(row);
        }
        if (data.size == 0) {
            return refused(ScanReason.Code.EMPTY, "the file has a header but no rows");
        }
        ScanTrace trace = data.toTrace(timed);
        try {
            return new Parsed(new ScanTrace(trace.timeS(), trace.positionMm(), trace.liftMm(), trace.forceN(), lifted));
        } catch (IllegalArgumentException e) {
            return refused(ScanReason.Code.WRONG_COLUMNS, "the " + LIFTED_OFF + " lines: " + e.getMessage());
        }
    }

    /** Reads a {@code # lifted_off_mm: FROM-TO} comment into {@code into}; other comments are skipped. */
    private static ScanReason declaration(String comment, int lineNumber, java.util.List<LiftedRange> into) {
        if (!comment.toLowerCase(Locale.ROOT).startsWith(LIFTED_OFF)) {
            return null;
        }
        String range = comment.substring(LIFTED_OFF.length()).strip();
        int dash = range.indexOf('-', 1);
        try {
            if (dash < 0) {
                throw new NumberFormatException();
            }
            into.add(new LiftedRange(Double.parseDouble(range.substring(0, dash).strip()),
                    Double.parseDouble(range.substring(dash + 1).strip())));
            return null;
        } catch (IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException: a range that is not FROM-TO, or not rising
            return new ScanReason(ScanReason.Code.NON_NUMERIC, "line " + lineNumber + ", " + LIFTED_OFF + " '" + range
                    + "' is not FROM-TO in mm with FROM below TO");
        }
    }

    /** Writes {@code trace} in the same format, with the time column when the trace has one. */
    public static void write(ScanTrace trace, Appendable out) throws IOException {
        for (LiftedRange lifted : trace.liftedOff()) {
            out.append(String.format(Locale.ROOT, "# %s %.2f-%.2f\n", LIFTED_OFF, lifted.fromMm(), lifted.toMm()));
        }
        out.append(trace.hasTime() ? TIMED_HEADER : HEADER).append('\n');
        for (int i = 0; i < trace.size(); i++) {
            if (trace.hasTime()) {
                out.append(String.format(Locale.ROOT, "%.3f,", trace.timeAtS(i)));
            }
            out.append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f", trace.position(i), trace.lift(i), trace.force(i))).append('\n');
        }
    }

    private static Result refused(ScanReason.Code code, String message) {
        return new Refused(new ScanReason(code, message));
    }

    /** Growable columns of doubles: a scan has a few thousand rows. */
    private static final class Columns {
        private double[][] values;
        private int size;

        Columns(int columns) {
            values = new double[columns][4096];
        }

        void add(double[] row) {
            if (size == values[0].length) {
                for (int c = 0; c < values.length; c++) {
                    values[c] = java.util.Arrays.copyOf(values[c], size * 2);
                }
            }
            for (int c = 0; c < values.length; c++) {
                values[c][size] = row[c];
            }
            size++;
        }

        ScanTrace toTrace(boolean timed) {
            int first = timed ? 1 : 0;
            double[] time = timed ? java.util.Arrays.copyOf(values[0], size) : null;
            return new ScanTrace(time, java.util.Arrays.copyOf(values[first], size),
                    java.util.Arrays.copyOf(values[first + 1], size), java.util.Arrays.copyOf(values[first + 2], size));
        }
    }
}
