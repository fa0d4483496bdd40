package org.rollwell.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.rollwell.companion.BedRefusal;
import org.rollwell.companion.Owner;
import org.rollwell.companion.ScanJob;
import org.rollwell.store.StoredProfile;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.scan.ScanResult;

/**
 * POST /api/scans and GET /api/scans/{id}: a spine scan on the bed, its progress and its spine map,
 * which the profile's next session plans on. Scans live in memory (a restart forgets them; the map
 * they measured is kept for the profile until then).
 */
final class ScanRoutes {
    private record Scan(String account, String profileId, ScanJob job) {
    }

    private final BedLink bed;
    private final ProfilesLookup profiles;
    private final SessionPlans plans;
    private final Auth auth;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Scan> scans = new ConcurrentHashMap<>();

    /** Finds a profile inside an account. */
    interface ProfilesLookup {
        java.util.Optional<StoredProfile> find(String account, String profileId);
    }

    ScanRoutes(BedLink bed, ProfilesLookup profiles, SessionPlans plans, Auth auth) {
        this.bed = bed;
        this.profiles = profiles;
        this.plans = plans;
        this.auth = auth;
    }

    /** {@code {"profileId"}}: 202 with the scan's id. */
    void start(Context ctx) {
        String account = auth.require(ctx);
        String profileId = JsonBodies.text(JsonBodies.object(ctx), "profileId");
        StoredProfile p = profiles.find(account, profileId)
                .orElseThrow(() -> ApiProblem.notFound("profileId", "this account has no profile " + Auth.clip(profileId)));
        ScanJob job;
        try {
            job = bed.require().startScan(new Owner(account, p.id(), p.name()));
        } catch (BedRefusal e) {
            throw BedLink.problem(e);
        }
        long id = ids.incrementAndGet();
        scans.put(id, new Scan(account, p.id(), job));
        ctx.header("Location", "/api/scans/" + id);
        JsonBodies.send(ctx, 202, Map.of("id", id, "state", "RUNNING"));
    }

    void read(Context ctx) {
        String account = auth.require(ctx);
        String raw = ctx.pathParam("id");
        Scan scan = null;
        if (raw.matches("\\d{1,18}")) {
            scan = scans.get(Long.parseLong(raw));
        }
        if (scan == null || !scan.account().equals(account)) {
            throw ApiProblem.notFound("path:id", "this account has no scan " + Auth.clip(raw));
        }
        ScanJob job = scan.job();
        ScanResult result = job.result();
        if (job.status() == ScanJob.Status.DONE && result != null && result.spineMap() != null) {
            plans.measured(scan.profileId(), result.spineMap());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.parseLong(raw));
        m.put("state", job.status().name());
        m.put("progress", Math.round(job.progress() * 1000) / 1000.0);
        m.put("result", result == null ? null : view(result));
        m.put("reason", job.reason());
        JsonBodies.send(ctx, 200, m);
    }

    /**
     * The spine map in the shape {@code rollwell scan analyze --json} writes (docs/scan-format.md): the
     * same keys, written here again because the server cannot reach the CLI's writer (DESIGN.md walls).
     */
    static Map<String, Object> view(ScanResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name());
        m.put("reasons", r.reasons().stream().map(x -> Map.of("code", x.code().name(), "message", x.message())).toList());
        SpineMap map = r.spineMap();
        if (map == null) {
            m.put("landmarks", null);
            m.put("levels", null);
            m.put("kyphosisDeg", null);
            m.put("lordosisDeg", null);
            m.put("quality", null);
            return m;
        }
        Map<String, Object> landmarks = new LinkedHashMap<>();
        landmarks.put("C7", tenths(map.positionMm(Level.C7)));
        landmarks.put("T12L1", tenths(map.t12l1Mm()));
        landmarks.put("L5S1", tenths(map.l5s1Mm()));
        m.put("landmarks", landmarks);
        Map<String, Object> levels = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            levels.put(level.name(), tenths(map.positionMm(level)));
        }
        m.put("levels", levels);
        m.put("kyphosisDeg", tenths(map.kyphosisDeg()));
        m.put("lordosisDeg", tenths(map.lordosisDeg()));
        m.put("quality", Math.round(map.quality() * 100) / 100.0);
        m.put("interpolated", r.interpolated().stream().map(Enum::name).toList());
        return m;
    }

    private static Double tenths(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : null;
    }

}
