package org.rollwell.app.scenario;

import java.util.List;
import org.rollwell.therapy.input.Problem;

/**
 * A scenario file Rollwell refuses, with every problem found, each as {@code FILE: PATH: reason}
 * (e.g. {@code s.json: $.faults[1].kind: unknown fault kind "FOO"; must be one of ...}).
 */
public final class ScenarioException extends Exception {

    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(String.join("\n", lines(problems)));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refused scenario needs at least one problem");
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
