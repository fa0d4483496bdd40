package org.rollwell.therapy.history;

import java.util.Locale;
import org.rollwell.therapy.diary.Pressure;

/**
 * Writes a {@link SessionHistory} as a {@code rollwell.history/1} file (docs/history-format.md):
 * one session a line, fields in a fixed order, so the same history gives the same bytes and
 * {@link HistoryParser} reads it back to an equal history. The server's export uses it, so a plan
 * made from the command line with that file agrees with one made by the server.
 */
public final class HistoryWriter {

    private HistoryWriter() {
    }

    /** The history as JSON text, ending in a line break. */
    public static String write(SessionHistory history) {
        StringBuilder out = new StringBuilder("{\"format\":\"").append(HistoryParser.FORMAT).append("\",\"sessions\":[");
        for (int i = 0; i < history.sessions().size(); i++) {
            PastSession s = history.sessions().get(i);
            out.append(i == 0 ? "\n" : ",\n");
            out.append("{\"start\":\"").append(s.start().toLocalDate()).append('T')
                    .append(String.format(Locale.ROOT, "%02d:%02d", s.start().getHour(), s.start().getMinute()))
                    .append("\",\"intensity\":").append(s.intensity())
                    .append(",\"cem43MaxBandMin\":").append(number(s.cem43MaxBandMin()));
            Pressure pressure = pressure(s.feedback());
            if (pressure != null) {
                out.append(",\"pressure\":\"").append(pressure).append('"');
            }
            s.heat().ifPresent(h -> out.append(",\"heat\":\"").append(h).append('"'));
            s.nrsBefore().ifPresent(n -> out.append(",\"nrsBefore\":").append(n));
            s.nrsAfter().ifPresent(n -> out.append(",\"nrsAfter\":").append(n));
            out.append('}');
        }
        return out.append("]}\n").toString();
    }

    private static Pressure pressure(Feedback feedback) {
        return switch (feedback) {
            case PRESSURE_RIGHT -> Pressure.RIGHT;
            case TOO_STRONG -> Pressure.TOO_STRONG;
            case TOO_LIGHT -> Pressure.TOO_GENTLE;
            case NONE -> null;
        };
    }

    /** Shortest text that reads back to the same double (Java's own), never exponent form for doses we write. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : new java.math.BigDecimal(Double.toString(v)).toPlainString();
    }
}
