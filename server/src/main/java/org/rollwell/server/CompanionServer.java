package org.rollwell.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.rollwell.store.Database;

/**
 * The companion server's HTTP API over a {@link Database}: accounts, sign-in and profiles (issue 11,
 * first slice; sessions, scans and the live socket come with the companion module). Every refusal
 * is an RFC 9457 problem ({@link Problems}); the routes are listed in /api/openapi.json.
 */
public final class CompanionServer implements AutoCloseable {
    /** A route the server answers: the HTTP method and the path as Javalin and OpenAPI write it. */
    public record Route(String method, String path) {
    }

    /** Where and how to serve. {@code port} 0 picks a free port. */
    public record Options(String host, int port, int bcryptCost) {
        public Options {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port: must be 0..65535, was " + port);
            }
        }
    }

    private final Javalin app;
    private final List<Route> routes;

    private CompanionServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    /**
     * Starts serving {@code db}. The caller owns the database (and has run its startup recovery);
     * {@link #close()} stops the server but leaves the database open.
     */
    public static CompanionServer start(Database db, Options options, Clock clock) {
        List<Route> routes = Collections.synchronizedList(new ArrayList<>());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            // The web app (issue 12): plain files from the classpath, no build step; pages route by #hash
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyProblems()));
            config.events.handlerAdded(meta -> {
                if (meta.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(meta.getHttpMethod().name(), meta.getPath()));
                }
            });
        });
        Auth auth = new Auth(clock);
        AccountRoutes accounts = new AccountRoutes(db.accounts(), new Passwords(options.bcryptCost()), auth,
                new LoginLimiter(clock));
        ProfileRoutes profiles = new ProfileRoutes(db.profiles(), auth);
        String openApi = resource("openapi.json");

        app.before(Auth::checkOrigin);
        app.before(ctx -> ctx.header("Cache-Control", "no-store"));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.post("/api/accounts", accounts::create);
        app.post("/api/session", accounts::signIn);
        app.delete("/api/session", accounts::signOut);
        app.get("/api/me", accounts::me);
        app.get("/api/profiles", profiles::list);
        app.post("/api/profiles", profiles::create);
        app.get("/api/profiles/{id}", profiles::read);
        app.put("/api/profiles/{id}", profiles::update);
        app.delete("/api/profiles/{id}", profiles::delete);

        Problems.install(app);
        app.start(options.host(), options.port());
        return new CompanionServer(app, List.copyOf(routes));
    }

    /** The port it listens on (the one picked when 0 was asked). */
    public int port() {
        return app.port();
    }

    /** Every route it answers, in the order registered. */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String resource(String name) {
        try (InputStream in = CompanionServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
