package org.rollwell.therapy.profile;

import java.util.List;
import java.util.Objects;

/** What {@link ProfileParser#parse} gives back: a profile, or every problem found. */
public sealed interface ProfileParseResult {

    /** The file was a valid {@code rollwell.profile/1} profile. */
    record Parsed(Profile profile) implements ProfileParseResult {
        public Parsed {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** The file was refused; {@code problems} holds every problem, in file order. */
    record Refused(List<Problem> problems) implements ProfileParseResult {
        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs at least one problem");
            }
        }
    }
}
