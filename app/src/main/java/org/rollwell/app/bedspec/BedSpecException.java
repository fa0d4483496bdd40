package org.rollwell.app.bedspec;

import java.util.List;
import org.rollwell.therapy.input.Problem;

/** A bed-spec file that cannot be used, with every problem as {@code FILE: PATH: reason}. */
public final class BedSpecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public BedSpecException(List<Problem> problems) {
        super(String.join("\n", lines(problems)));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refused bed spec needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Each problem as the line a person reads. */
    public List<String> lines() {
        return lines(problems);
    }

    private static List<String> lines(List<Problem> problems) {
        return problems.stream().map(Problem::line).toList();
    }
}
