package org.rollwell.reports.csv;

import java.util.List;

/**
 * CSV text as RFC 4180 writes it: records end in CRLF; a field holding a comma, a double quote,
 * CR or LF is enclosed in double quotes, and a double quote inside it is doubled.
 */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    /** Appends one record. */
    Csv row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields[i] == null ? "" : fields[i].toString()));
        }
        text.append("\r\n");
        return this;
    }

    Csv row(List<?> fields) {
        return row(fields.toArray());
    }

    /** {@code value} as one RFC 4180 field. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
