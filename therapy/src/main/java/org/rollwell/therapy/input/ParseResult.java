package org.rollwell.therapy.input;

import java.util.List;
import java.util.Objects;

/**
 * What reading a program or profile file (or a set of them) gave: either the value, or every
 * problem found. Reading never throws for bad input; it refuses with this.
 *
 * @param <T> what was read
 */
public sealed interface ParseResult<T> {

    /** Every problem found; empty when the input was accepted. */
    List<Problem> problems();

    /** Whether the input was accepted. */
    default boolean ok() {
        return problems().isEmpty();
    }

    /** The input was accepted. */
    record Parsed<T>(T value) implements ParseResult<T> {
        public Parsed {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public List<Problem> problems() {
            return List.of();
        }
    }

    /** The input was refused, with at least one problem. */
    record Refused<T>(List<Problem> problems) implements ParseResult<T> {
        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs at least one problem");
            }
        }
    }
}
