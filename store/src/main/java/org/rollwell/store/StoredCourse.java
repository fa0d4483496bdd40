package org.rollwell.store;

import java.time.LocalDate;
import java.util.Objects;
import org.rollwell.therapy.course.Course;

/**
 * The course a profile follows, as stored.
 *
 * @param profileId the profile
 * @param course    its figures (already held to the course rules when chosen)
 * @param studied   whether it is the studied course ({@link Course#STUDIED}) rather than the person's own
 * @param start     its first day
 */
public record StoredCourse(String profileId, Course course, boolean studied, LocalDate start) {
    public StoredCourse {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(start, "start");
    }
}
