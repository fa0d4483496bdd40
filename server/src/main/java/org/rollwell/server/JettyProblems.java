package org.rollwell.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own refusals, before a request reaches Javalin (a path Jetty finds ambiguous, a header too
 * large): answered as problem+json like every other error, never Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {
    /** A request Jetty could not parse (a NUL in the path, a broken header): Jetty writes these bytes itself. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        int code = status >= 400 && status < 500 ? status : 400;
        fields.put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        try {
            return ByteBuffer.wrap(JsonBodies.MAPPER.writeValueAsBytes(body(code)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        int status = response.getStatus() >= 400 ? response.getStatus() : 400;
        byte[] bytes = JsonBodies.MAPPER.writeValueAsBytes(body(status));
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static Map<String, Object> body(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:rollwell:problem:http-" + status);
        body.put("title", "Refused");
        body.put("status", status);
        body.put("detail", "the request could not be read (" + status + "): check the path and the headers");
        body.put("field", "path");
        return body;
    }
}
