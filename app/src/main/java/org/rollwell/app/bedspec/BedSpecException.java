package org.rollwell.app.bedspec;

import java.util.List;

/** A bed-spec file that cannot be used, with every problem as {@code $.path: reason}. */
public final class BedSpecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public BedSpecException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
