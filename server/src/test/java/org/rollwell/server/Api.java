package org.rollwell.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One client of the API over java.net.http, as a browser would be: it keeps the session cookie it
 * is given and sends the CSRF token it got at sign-in on every state-changing request.
 */
final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final String base;
    String cookie;
    String csrf;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response: status, content type, body and every header's first value. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer send(String method, String path, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        if (csrf != null && !method.equals("GET")) {
            headers.put(Auth.CSRF_HEADER, csrf);
        }
        return raw(method, path, json, headers);
    }

    /** Exactly these headers and body, nothing the client keeps. */
    Answer raw(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates the account and signs in; keeps the cookie and the CSRF token. */
    Api signUpAndIn(String login, String password) {
        Answer made = post("/api/accounts", credentials(login, password));
        if (made.status() != 201) {
            throw new IllegalStateException("account not made: " + made);
        }
        return signIn(login, password);
    }

    Api signIn(String login, String password) {
        Answer in = post("/api/session", credentials(login, password));
        if (in.status() != 200) {
            throw new IllegalStateException("not signed in: " + in);
        }
        cookie = in.header("Set-Cookie").orElseThrow().split(";", 2)[0];
        csrf = Json.field(in.body(), "csrfToken");
        return this;
    }

    static String credentials(String login, String password) {
        return "{\"login\":" + Json.quote(login) + ",\"password\":" + Json.quote(password) + "}";
    }
}
