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
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.rollwell.store.Database;

/**
 * The companion server's HTTP API over a {@link Database}: accounts, sign-in and profiles (issue 11,
 * with the bed: its status, scans, sessions and the live socket over a companion {@link org.rollwell.companion.BedService}). Every refusal
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

    /**
     * Request threads at most (choice, bench/README.md "Companion server under load"): Jetty's default pool grows
     * to 250 threads when answers slow down for a moment (a collection, a burst), and each thread keeps its own
     * JSON buffers (Jackson's per-thread recycler, ≈ 110 KB measured with jmap -histo:live: 15.8 MB of char[] over
     * 141 threads) and stack; under the bench's 200 req/s that filled the 96 MB heap into back-to-back full
     * collections of 0.4–1.2 s. Two cores gain nothing from more threads than this; requests beyond it wait in
     * Jetty's queue, which costs a few bytes each. Two of them are Jetty's acceptor and selector.
     */
    static final int MAX_REQUEST_THREADS = 16;
    static final int MIN_REQUEST_THREADS = 4;
    /** An idle thread above the minimum ends after this long (Jetty's default, 60 s). */
    static final int THREAD_IDLE_MS = 60_000;

    private final Javalin app;
    private final List<Route> routes;
    private final BedLink bed;
    private final LiveSocket live;

    private CompanionServer(Javalin app, List<Route> routes, BedLink bed, LiveSocket live) {
        this.app = app;
        this.routes = routes;
        this.bed = bed;
        this.live = live;
    }

    /**
     * Starts serving {@code db}. The caller owns the database (and has run its startup recovery);
     * {@link #close()} stops the server but leaves the database open.
     */
    public static CompanionServer start(Database db, Options options, Clock clock) {
        return start(db, options, clock, BedLink.none());
    }

    /**
     * Starts serving {@code db} and driving {@code bed}'s sessions, scans and live frames. The server owns
     * the bed from now on: {@link #close()} stops a running session in the safe state and records it.
     */
    public static CompanionServer start(Database db, Options options, Clock clock, BedLink bed) {
        return start(db, options, clock, bed, null);
    }

    /**
     * As {@link #start(Database, Options, Clock, BedLink)}, rendering the report and exports through
     * {@code reports} (null: those routes answer 501).
     */
    public static CompanionServer start(Database db, Options options, Clock clock, BedLink bed, ReportRenderer reports) {
        Objects.requireNonNull(bed, "bed");
        List<Route> routes = Collections.synchronizedList(new ArrayList<>());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            QueuedThreadPool threads = new QueuedThreadPool(MAX_REQUEST_THREADS, MIN_REQUEST_THREADS, THREAD_IDLE_MS);
            threads.setName("rollwell-http");
            config.jetty.threadPool = threads;
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
                new LoginLimiter(clock), new SignUpLimiter(clock), clock);
        ProfileRoutes profiles = new ProfileRoutes(db.profiles(), auth);
        PersonInForce persons = new PersonInForce(db.profiles(), db.screening(), clock);
        DailyLimits dailyLimits = new DailyLimits(db.sessions(), clock);
        ScreeningRoutes screening = new ScreeningRoutes(persons, db.screening(), db.checkIns(), dailyLimits, auth);
        ProfilePartRoutes parts = new ProfilePartRoutes(db.profiles(), persons, auth);
        ProgramRoutes programs = new ProgramRoutes(db.programs(), auth);
        PlanRoutes plans = new PlanRoutes(persons, db.checkIns(), db.sessions(), db.programs(), clock, auth);
        DiaryRoutes diary = new DiaryRoutes(db.diary(), persons, auth);
        CourseRoutes course = new CourseRoutes(db, persons, clock, auth);
        ReportRoutes report = new ReportRoutes(db, persons, reports, clock, auth);
        String openApi = resource("openapi.json");
        SessionPlans sessionPlans = new SessionPlans(db, clock,
                bed.service() != null ? bed.service().spec() : org.rollwell.bed.io.BedSpec.REFERENCE);
        SessionRoutes sessions = new SessionRoutes(bed, sessionPlans, db.sessions(), auth);
        ScanRoutes scans = new ScanRoutes(bed, db.profiles()::find, sessionPlans, auth);
        BedRoutes beds = new BedRoutes(bed, auth);
        LiveSocket live = new LiveSocket(bed, auth);

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
        // therapy without the bed ("routes"): screening, clearances, check-in, profile parts, programs,
        // plan preview, pain diary and progress, daily limits
        app.get("/api/profiles/{id}/screening", screening::readScreening);
        app.put("/api/profiles/{id}/screening", screening::answer);
        app.get("/api/profiles/{id}/clearances", screening::readClearances);
        app.put("/api/profiles/{id}/clearances", screening::replaceClearances);
        app.post("/api/profiles/{id}/checkin", screening::checkIn);
        app.get("/api/profiles/{id}/daily-limits", screening::dailyLimits);
        app.get("/api/profiles/{id}/conditions", ctx -> parts.read(ctx, ProfilePartRoutes.Part.CONDITIONS));
        app.put("/api/profiles/{id}/conditions", ctx -> parts.replace(ctx, ProfilePartRoutes.Part.CONDITIONS));
        app.get("/api/profiles/{id}/painmap", ctx -> parts.read(ctx, ProfilePartRoutes.Part.PAIN_MAP));
        app.put("/api/profiles/{id}/painmap", ctx -> parts.replace(ctx, ProfilePartRoutes.Part.PAIN_MAP));
        app.get("/api/profiles/{id}/preferences", ctx -> parts.read(ctx, ProfilePartRoutes.Part.PREFERENCES));
        app.put("/api/profiles/{id}/preferences", ctx -> parts.replace(ctx, ProfilePartRoutes.Part.PREFERENCES));
        app.get("/api/programs", programs::list);
        app.post("/api/programs", programs::importFile);
        app.delete("/api/programs/{name}", programs::delete);
        app.post("/api/profiles/{id}/plan-preview", plans::preview);
        app.get("/api/profiles/{id}/pain", diary::list);
        app.post("/api/profiles/{id}/pain", diary::add);
        app.get("/api/profiles/{id}/progress", diary::progress);
        // the course a person follows (issue 13 item 4)
        app.get("/api/profiles/{id}/course", course::read);
        app.put("/api/profiles/{id}/course", course::choose);
        app.delete("/api/profiles/{id}/course", course::leave);
        // the report and exports ("outcomes", issue 13), rendered through the port the app wires
        app.get("/api/profiles/{id}/report.pdf", ctx -> report.send(ctx, ReportRenderer.Kind.PDF));
        app.get("/api/profiles/{id}/export.zip", ctx -> report.send(ctx, ReportRenderer.Kind.CSV_ZIP));
        app.get("/api/profiles/{id}/export.fhir.json", ctx -> report.send(ctx, ReportRenderer.Kind.FHIR_JSON));
        app.get("/api/profiles/{id}/adaptations", report::adaptations);
        app.get("/api/profiles/{id}/history.json", report::history);
        // the bed: status, scans, sessions, the live socket and the simulator's controls ("live", issue 11)
        app.get("/api/bed", beds::status);
        app.post("/api/scans", scans::start);
        app.get("/api/scans/{id}", scans::read);
        app.post("/api/sessions", sessions::start);
        app.get("/api/sessions", sessions::list);
        app.get("/api/sessions/{id}", sessions::read);
        app.post("/api/sessions/current/pause", sessions::pause);
        app.post("/api/sessions/current/resume", sessions::resume);
        app.post("/api/sessions/current/stop", sessions::stop);
        app.post("/api/sessions/current/acknowledge", sessions::acknowledge);
        app.post("/api/sessions/current/adjust", sessions::adjust);
        app.put("/api/sim/body", beds::body);
        app.post("/api/sim/faults", beds::fault);
        app.ws("/api/bed/live", ws -> {
            ws.onConnect(live::connect);
            ws.onClose(live::disconnect);
            ws.onError(live::disconnect);
        });

        Problems.install(app);
        app.start(options.host(), options.port());
        return new CompanionServer(app, List.copyOf(routes), bed, live);
    }

    /** The port it listens on (the one picked when 0 was asked). */
    public int port() {
        return app.port();
    }

    /** Every route it answers, in the order registered. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * Stops serving. A running session is first stopped into the safe state (heaters off, lift lowered)
     * and recorded STOPPED, a scan is cut short; the database stays open for the caller to close.
     */
    @Override
    public void close() {
        if (bed.service() != null) {
            bed.service().close();
        }
        live.close();
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
