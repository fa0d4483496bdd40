package org.rollwell.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollwell.store.ConflictException;
import org.rollwell.store.NotFoundException;
import org.rollwell.store.RefusedInputException;
import org.rollwell.store.StoreException;
import org.rollwell.therapy.input.Problem;

/**
 * Turns every refusal and failure into RFC 9457 {@code application/problem+json}: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code field} and, when several fields are wrong,
 * {@code errors}. Never a stack trace: an unexpected exception is answered with a plain 500.
 */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";
    /** The store names the field before a colon ("login: … is taken"). */
    private static final Pattern LEADING_FIELD = Pattern.compile("^([A-Za-z$][\\w.$\\[\\]]*): ");

    private Problems() {
    }

    static void install(Javalin app) {
        app.exception(ApiProblem.class, (e, ctx) -> write(ctx, e));
        app.exception(RefusedInputException.class, (e, ctx) -> {
            Problem first = e.problems().get(0);
            write(ctx, new ApiProblem(400, "invalid-field", "A field is not valid", first.path(),
                    e.getMessage(), e.problems()));
        });
        app.exception(NotFoundException.class, (e, ctx) ->
                write(ctx, ApiProblem.notFound(fieldOf(e.getMessage(), "path:id"), e.getMessage())));
        app.exception(ConflictException.class, (e, ctx) ->
                write(ctx, ApiProblem.conflict(fieldOf(e.getMessage(), "$"), e.getMessage())));
        app.exception(StoreException.class, (e, ctx) ->
                write(ctx, new ApiProblem(503, "store-unavailable", "The database cannot be reached", "$",
                        "the database did not answer; try again", List.of())));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e.getStatus(), ctx)));
        app.exception(Exception.class, (e, ctx) -> write(ctx, new ApiProblem(500, "internal", "Internal error", "$",
                "the server failed to answer this request", List.of())));
        // whatever ends as 404/405 without a problem body (an unknown route) still gets one
        app.error(404, ctx -> ensureProblem(ctx));
        app.error(405, ctx -> ensureProblem(ctx));
        app.error(413, ctx -> ensureProblem(ctx));
    }

    static void write(Context ctx, ApiProblem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.type());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail());
        body.put("field", p.field());
        if (p.errors().size() > 1) {
            body.put("errors", p.errors().stream()
                    .map(x -> Map.of("field", x.path(), "reason", x.reason())).toList());
        }
        body.put("instance", Auth.clip(ctx.path()));
        try {
            // UTF-8 bytes (RFC 8259): as a String, Jetty would encode problem+json in ISO-8859-1 and turn
            // every "–" or "°" of a reason into "?"
            ctx.status(p.status()).contentType(MEDIA_TYPE).result(JsonBodies.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            ctx.status(500).contentType(MEDIA_TYPE).result("{\"type\":\"urn:rollwell:problem:internal\",\"status\":500}");
        }
    }

    private static void ensureProblem(Context ctx) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(MEDIA_TYPE)) {
            write(ctx, fromJavalin(ctx.statusCode(), ctx));
        }
    }

    private static ApiProblem fromJavalin(int status, Context ctx) {
        return switch (status) {
            case 404 -> ApiProblem.notFound("path", "no route " + ctx.method().name() + " " + Auth.clip(ctx.path())
                    + "; the routes are listed at /api/openapi.json");
            case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed", "method",
                    "this path does not answer " + ctx.method().name(), List.of());
            case 413 -> new ApiProblem(413, "too-large", "Body too large", "$", "the body is too large", List.of());
            default -> new ApiProblem(status, "http-" + status, "Refused", "$", "the request was refused (" + status + ")",
                    List.of());
        };
    }

    private static String fieldOf(String message, String otherwise) {
        Matcher m = LEADING_FIELD.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : otherwise;
    }
}
