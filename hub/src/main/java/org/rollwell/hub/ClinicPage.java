package org.rollwell.hub;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The clinic page: every bed with its live state, faults first (refreshed every 2 s), and each bed's
 * history (records, events and telemetry gaps). Plain server-written HTML, no external assets: a
 * clinic network may have no internet.
 */
public final class ClinicPage implements AutoCloseable {
    private static final Pattern BED_ID = Pattern.compile("[a-z0-9_-]{1,32}");
    private final Javalin app;
    private final HubStore store;

    private ClinicPage(Javalin app, HubStore store) {
        this.app = app;
        this.store = store;
    }

    public static ClinicPage start(HubStore store, String host, int port) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
        });
        ClinicPage page = new ClinicPage(app, store);
        app.get("/", page::beds);
        app.get("/beds/{id}", page::bed);
        app.start(host, port);
        return page;
    }

    public int port() {
        return app.port();
    }

    private void beds(Context ctx) {
        List<HubStore.Bed> beds = store.beds();
        StringBuilder html = head("Rollwell clinic", true);
        html.append("<h1>Beds</h1><p>").append(beds.size()).append(" beds; faults first. This page refreshes every 2 s.</p>")
                .append("<table><thead><tr><th scope=col>Bed</th><th scope=col>Connection</th><th scope=col>State</th>"
                        + "<th scope=col>Fault</th><th scope=col>Last heard</th></tr></thead><tbody>");
        for (HubStore.Bed b : beds) {
            html.append(b.faultCode() != null ? "<tr class=fault>" : "<tr>")
                    .append("<td><a href=\"/beds/").append(esc(b.bedId())).append("\">").append(esc(b.bedId())).append("</a></td>")
                    .append("<td>").append(esc(b.availability())).append("</td>")
                    .append("<td>").append(esc(b.state() == null ? "unknown" : b.state())).append("</td>")
                    .append("<td>").append(b.faultCode() == null ? "" : esc(b.faultCode())).append("</td>")
                    .append("<td>").append(esc(String.valueOf(b.lastSeen()))).append("</td></tr>");
        }
        ctx.contentType("text/html; charset=utf-8").result(html.append("</tbody></table></main></body></html>").toString());
    }

    private void bed(Context ctx) {
        String id = ctx.pathParam("id");
        if (!BED_ID.matcher(id).matches()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("No such bed: a bed id is 1–32 of a–z, 0–9, - and _.");
            return;
        }
        StringBuilder html = head("Bed " + id, false);
        html.append("<p><a href=\"/\">All beds</a></p><h1>Bed ").append(esc(id)).append("</h1>")
                .append("<p>Telemetry messages stored: ").append(store.telemetryCount(id)).append("</p>");
        section(html, "Session records", store.stored(id, "records"));
        section(html, "Events", store.stored(id, "events"));
        html.append("<h2>Telemetry gaps</h2>");
        List<HubStore.Gap> gaps = store.gaps(id);
        if (gaps.isEmpty()) {
            html.append("<p>None.</p>");
        } else {
            html.append("<ul>");
            for (HubStore.Gap g : gaps) {
                html.append("<li>start ").append(Instant.ofEpochMilli(g.boot())).append(": messages ").append(g.fromSeq())
                        .append("–").append(g.toSeq()).append(" never arrived</li>");
            }
            html.append("</ul>");
        }
        ctx.contentType("text/html; charset=utf-8").result(html.append("</main></body></html>").toString());
    }

    private static void section(StringBuilder html, String title, List<String> rows) {
        html.append("<h2>").append(title).append("</h2>");
        if (rows.isEmpty()) {
            html.append("<p>None yet.</p>");
            return;
        }
        html.append("<ol>");
        rows.forEach(r -> html.append("<li><code>").append(esc(r)).append("</code></li>"));
        html.append("</ol>");
    }

    private static StringBuilder head(String title, boolean refresh) {
        return new StringBuilder("<!doctype html><html lang=en><head><meta charset=utf-8>")
                .append("<meta name=viewport content=\"width=device-width, initial-scale=1\">")
                .append(refresh ? "<meta http-equiv=refresh content=2>" : "")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append("body{font:16px/1.5 system-ui,sans-serif;margin:1rem;color:#1a1a1a}")
                .append("table{border-collapse:collapse}th,td{padding:.3rem .8rem;border-bottom:1px solid #ccc;text-align:left}")
                .append("tr.fault{background:#fde8e8;font-weight:600}a{color:#0b57d0}")
                .append("</style></head><body><main>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Override
    public void close() {
        app.stop();
    }
}
