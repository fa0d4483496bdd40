package org.rollwell.therapy.input;

import java.util.Objects;

/**
 * One thing wrong with a file a person wrote (a program, a profile, a scenario, a bed spec):
 * which file (empty when the text came from no file), where in it (a JSON path such as
 * {@code $.segments[2].holdS}) and why, in words a person can act on. Every reader and every
 * command prints it the one way {@link #line()} does: {@code FILE: PATH: reason}.
 */
public record Problem(String file, String path, String reason) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** A problem in text that came from no file (or whose file is named later, by {@link #inFile}). */
    public Problem(String path, String reason) {
        this("", path, reason);
    }

    /** The same problem, said of {@code file}; a problem that already names its own file keeps it. */
    public Problem inFile(String file) {
        return this.file.isEmpty() ? new Problem(file, path, reason) : this;
    }

    /** The same problem inside a larger document, at {@code prefix} ({@code $.profile}) instead of its root {@code $}. */
    public Problem under(String prefix) {
        return file.isEmpty() ? new Problem(file, prefix + path.substring(1), reason) : this;
    }

    /**
     * The problem as one line: {@code FILE: PATH: reason}, or {@code PATH: reason} when there is no file
     * ({@code FILE: reason} for a file that cannot be read at all, which has no path).
     */
    public String line() {
        return (file.isEmpty() ? "" : file + ": ") + (path.isEmpty() ? "" : path + ": ") + reason;
    }

    @Override
    public String toString() {
        return line();
    }
}
