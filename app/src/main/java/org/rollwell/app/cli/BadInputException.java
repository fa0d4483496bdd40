package org.rollwell.app.cli;

import java.util.List;

/**
 * Input Rollwell refuses: a missing file, malformed JSON, a bad option value, an
 * unknown id. Each line is printed on stderr as it stands (one problem a line,
 * {@code PATH: reason} where a path exists) and the command exits with
 * {@link Main#EXIT_BAD_INPUT}; the user never sees a stack trace.
 */
public final class BadInputException extends RuntimeException {

    private final List<String> lines;

    public BadInputException(String line) {
        this(List.of(line));
    }

    public BadInputException(List<String> lines) {
        super(String.join("\n", lines));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("refused input needs a reason");
        }
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
