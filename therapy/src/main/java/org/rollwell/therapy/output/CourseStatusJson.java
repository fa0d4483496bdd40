package org.rollwell.therapy.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rollwell.therapy.course.CourseStatus;
import org.rollwell.therapy.course.Due;

/**
 * Where a person is in a course, as JSON: the same fields for {@code rollwell course --json} and the
 * server's {@code GET /api/profiles/{id}/course} ({@code start}, {@code end}, {@code date}, {@code phase},
 * {@code week}, {@code sessions {deliveredSoFar, plannedSoFar, plannedTotal}}, {@code due [{kind, text}]},
 * and once the course has ended {@code progress} (as {@link ProgressJson}) with {@code reviewSuggested};
 * {@code progress} is null before).
 */
public final class CourseStatusJson {

    private CourseStatusJson() {
    }

    /** Adds the status's fields to {@code root} (which may already hold a front's own fields) and returns it. */
    public static ObjectNode into(ObjectNode root, CourseStatus s) {
        root.put("start", s.start().toString());
        root.put("end", s.end().toString());
        root.put("date", s.date().toString());
        root.put("phase", s.phase().name());
        root.put("week", s.week());
        ObjectNode sessions = root.putObject("sessions");
        sessions.put("deliveredSoFar", s.deliveredSoFar());
        sessions.put("plannedSoFar", s.plannedSoFar());
        sessions.put("plannedTotal", s.plannedTotal());
        ArrayNode due = root.putArray("due");
        for (Due d : s.due()) {
            due.addObject().put("kind", d.kind().name()).put("text", d.text());
        }
        if (s.progress().isPresent()) {
            root.set("progress", ProgressJson.of(s.progress().get()));
            root.put("reviewSuggested", s.progress().get().reviewSuggested());
        } else {
            root.putNull("progress");
        }
        return root;
    }
}
