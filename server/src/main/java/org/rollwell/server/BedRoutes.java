package org.rollwell.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rollwell.companion.BedStatus;
import org.rollwell.companion.LoopScheduling;
import org.rollwell.companion.TickLateness;

/** GET /api/bed, and the simulator's PUT /api/sim/body and POST /api/sim/faults (only with --bed sim). */
final class BedRoutes {
    private final BedLink bed;
    private final Auth auth;

    BedRoutes(BedLink bed, Auth auth) {
        this.bed = bed;
        this.auth = auth;
    }

    /** The bed's state, presence, locks and control loop timing; who uses it only to that account. */
    void status(Context ctx) {
        String account = auth.require(ctx);
        BedStatus s = bed.require().status();
        boolean mine = s.owner() != null && s.owner().accountId().equals(account);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state());
        m.put("personOnBed", s.personOnBed());
        m.put("profileId", mine ? s.owner().profileId() : null);
        m.put("profileName", mine ? s.owner().profileName() : null);
        m.put("inUse", s.owner() != null);
        m.put("locks", s.locks().stream().map(l -> Map.of("kind", l.kind(), "reason", l.reason())).toList());
        m.put("simulated", s.simulated());
        m.put("loop", loop(bed.require().lateness(), bed.require().scheduling()));
        JsonBodies.send(ctx, 200, m);
    }

    /**
     * How late the control loop's periods started against their deadlines since the server started, µs
     * (the histogram's 50 µs bins, each quantile to its bin's upper edge), and the overruns: a period that
     * started a whole period late (issue 11: p99 ≤ 1 ms and no overrun under the bench's load); and the schedule the
     * operating system granted the loop's thread ({@code REAL_TIME}, {@code SHORT_SLICE} or {@code NORMAL}, with words).
     */
    static Map<String, Object> loop(TickLateness lateness, LoopScheduling.Granted scheduling) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheduling", scheduling.policy().name());
        m.put("schedulingDetail", scheduling.detail());
        m.put("periods", lateness.count());
        m.put("latenessP50Us", lateness.quantileNanos(0.50) / 1_000);
        m.put("latenessP99Us", lateness.quantileNanos(0.99) / 1_000);
        m.put("latenessMaxUs", lateness.worstNanos() / 1_000);
        m.put("overruns", lateness.overruns());
        return m;
    }

    /** {@code {"onBed": true|false}}: puts the twin's person on the bed or takes them off. */
    void body(Context ctx) {
        auth.require(ctx);
        SimulatorControls sim = bed.requireSimulator();
        ObjectNode body = JsonBodies.object(ctx);
        JsonNode on = body.get("onBed");
        if (on == null || !on.isBoolean()) {
            throw ApiProblem.badField("onBed", "must be true or false");
        }
        sim.bodyOnBed(on.asBoolean());
        JsonBodies.send(ctx, 200, Map.of("onBed", on.asBoolean()));
    }

    /** {@code {"kind": "HEATER_STUCK_ON", "zone": 0}}: the twin's fault strikes now; 202. */
    void fault(Context ctx) {
        auth.require(ctx);
        SimulatorControls sim = bed.requireSimulator();
        ObjectNode body = JsonBodies.object(ctx);
        String kind = JsonBodies.text(body, "kind");
        JsonNode zone = body.get("zone");
        if (zone != null && !zone.isNull() && !zone.isInt()) {
            throw ApiProblem.badField("zone", "must be a whole number (the heater zone)");
        }
        int z = zone == null || zone.isNull() ? 0 : zone.asInt();
        try {
            sim.injectFault(kind, z);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw ApiProblem.badField(message.startsWith("zone") ? "zone" : "kind", message);
        }
        JsonBodies.send(ctx, 202, Map.of("kind", kind, "zone", z));
    }
}
