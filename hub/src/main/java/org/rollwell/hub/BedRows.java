package org.rollwell.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which beds' rows in {@code hub_bed} a batch must write: a bed whose availability, state or fault
 * changed, or whose stored "last heard" is {@link #REFRESH} old. Writing every bed's row for each of its
 * once-a-second messages would be 10,000 updates a second at 10,000 beds, as many as the telemetry rows
 * themselves (bench/README.md, the fleet run); the clinic page shows "last heard" to this precision.
 * Used by the hub's one writer thread only.
 */
final class BedRows {
    /** How stale a stored "last heard" may get while nothing else about the bed changes (choice: 2.5 page refreshes). */
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final Map<String, HubStore.Bed> written = new HashMap<>();

    /** The beds of this batch whose row needs writing. */
    List<HubStore.Bed> changed(Collection<HubStore.Bed> seen, Instant now) {
        List<HubStore.Bed> out = new ArrayList<>();
        for (HubStore.Bed bed : seen) {
            HubStore.Bed last = written.get(bed.bedId());
            if (last == null
                    || bed.availability() != null && !bed.availability().equals(last.availability())
                    || bed.state() != null && (!bed.state().equals(last.state()) || !Objects.equals(bed.faultCode(), last.faultCode()))
                    || !last.lastSeen().plus(REFRESH).isAfter(now)) {
                out.add(bed);
            }
        }
        return out;
    }

    /** Notes what the committed batch wrote (a null field keeps the row's value, as the upsert does). */
    void written(List<HubStore.Bed> beds) {
        for (HubStore.Bed bed : beds) {
            written.merge(bed.bedId(), bed, (old, b) -> new HubStore.Bed(b.bedId(),
                    b.availability() != null ? b.availability() : old.availability(),
                    b.state() != null ? b.state() : old.state(),
                    b.state() != null ? b.faultCode() : old.faultCode(), b.lastSeen()));
        }
    }
}
