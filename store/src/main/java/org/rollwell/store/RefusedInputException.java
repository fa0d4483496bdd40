package org.rollwell.store;

import java.util.List;
import org.rollwell.therapy.input.Problem;

/** The data offered for storage is not valid; each problem names its field (JSON path) and the reason. */
public final class RefusedInputException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public RefusedInputException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** One problem: {@code field} and why it is refused. */
    public static RefusedInputException of(String field, String reason) {
        return new RefusedInputException(List.of(new Problem(field, reason)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one problem");
        }
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(p.path()).append(": ").append(p.reason());
        }
        return b.toString();
    }
}
