package org.rollwell.app.scenario;

import java.util.List;

/**
 * A scenario file Rollwell refuses, with every problem found, each as
 * {@code PATH: reason} (e.g. {@code $.faults[1].kind: must be one of ..., was "FOO"}).
 */
public final class ScenarioException extends Exception {

    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refused scenario needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
