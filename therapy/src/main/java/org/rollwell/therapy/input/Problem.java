package org.rollwell.therapy.input;

import java.util.Objects;

/**
 * One thing wrong with a file a person wrote (a program, a profile): where (a JSON
 * path such as {@code $.segments[2].holdS}, prefixed by the file name when several
 * files are checked together) and why, in words a person can act on.
 */
public record Problem(String path, String reason) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** The problem as one line, {@code PATH: reason}, as {@code rollwell program check} and {@code rollwell plan} print it. */
    public String line() {
        return path + ": " + reason;
    }

    @Override
    public String toString() {
        return line();
    }
}
