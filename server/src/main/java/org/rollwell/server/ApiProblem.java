package org.rollwell.server;

import java.util.List;
import java.util.Objects;
import org.rollwell.therapy.input.Problem;

/**
 * A request the API refuses, answered as RFC 9457 {@code application/problem+json}: the status, a
 * short title, what went wrong, and the field it concerns ({@code $} for the whole body, or the
 * cookie, header or path parameter by name). {@code errors} lists every field when there are several.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final String field;
    private final transient List<Problem> errors;

    public ApiProblem(int status, String slug, String title, String field, String detail, List<Problem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = Objects.requireNonNull(slug, "slug");
        this.title = Objects.requireNonNull(title, "title");
        this.field = Objects.requireNonNull(field, "field");
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem badField(String field, String reason) {
        return new ApiProblem(400, "invalid-field", "A field is not valid", field, field + ": " + reason,
                List.of(new Problem(field, reason)));
    }

    public static ApiProblem notFound(String field, String detail) {
        return new ApiProblem(404, "not-found", "Not found", field, detail, List.of());
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "not-signed-in", "Not signed in", "cookie:" + Auth.COOKIE, detail, List.of());
    }

    public static ApiProblem forbidden(String slug, String field, String detail) {
        return new ApiProblem(403, slug, "Refused", field, detail, List.of());
    }

    public static ApiProblem conflict(String field, String detail) {
        return new ApiProblem(409, "conflict", "Conflict", field, detail, List.of());
    }

    public int status() {
        return status;
    }

    /** The problem's type URI: one per kind of refusal, so a client can branch on it. */
    public String type() {
        return "urn:rollwell:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }

    public List<Problem> errors() {
        return errors;
    }
}
