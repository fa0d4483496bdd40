package org.rollwell.app.cli;

import java.util.List;
import org.rollwell.therapy.input.Problem;

/**
 * Input Rollwell refuses: a missing file, malformed JSON, a bad option value, an
 * unknown id. Each line is printed on stderr after the one prefix {@code rollwell COMMAND: }
 * (one problem a line, {@code FILE: PATH: reason} where a file and path exist) and the command
 * exits with {@link Main#EXIT_BAD_INPUT}; the user never sees a stack trace. Lines carry no prefix
 * of their own: {@link Main} adds it, so every command's errors start alike.
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

    /** A refusal with one line per problem, {@code FILE: PATH: reason}. */
    public static BadInputException of(List<Problem> problems) {
        return new BadInputException(problems.stream().map(Problem::line).toList());
    }

    public List<String> lines() {
        return lines;
    }
}
