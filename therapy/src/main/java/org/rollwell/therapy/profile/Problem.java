package org.rollwell.therapy.profile;

import java.util.Objects;

/** One thing wrong with a profile file: the JSON path of the offending field and why. */
public record Problem(String path, String reason) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code "$.painMap[0].nrs: must be 1–10, was 12"}, as the CLI prints it. */
    public String line() {
        return path + ": " + reason;
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
