package org.rollwell.therapy.plan;

import java.util.List;
import java.util.Objects;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/**
 * A person's session: the segments to run, the envelope they were validated
 * against, and the reasons (for a blocked plan, why; for an allowed one, notices
 * about how it was shaped). A blocked plan has no segments and may have no envelope.
 */
public record SessionPlan(
        Status status,
        List<Reason> reasons,
        SafetyEnvelope envelope,
        SpineMap spineMap,
        List<PlanSegment> segments) {

    public enum Status { OK, BLOCKED }

    public SessionPlan {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        segments = List.copyOf(segments);
        if (status == Status.OK) {
            Objects.requireNonNull(envelope, "an allowed plan needs its envelope");
            Objects.requireNonNull(spineMap, "an allowed plan needs its spine map");
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("an allowed plan needs segments");
            }
        } else if (!segments.isEmpty()) {
            throw new IllegalArgumentException("a blocked plan has no segments");
        }
    }

    public static SessionPlan blocked(List<Reason> reasons, SafetyEnvelope envelopeOrNull) {
        return new SessionPlan(Status.BLOCKED, reasons, envelopeOrNull, null, List.of());
    }

    public int totalSeconds() {
        int total = 0;
        for (PlanSegment segment : segments) {
            total += segment.seconds();
        }
        return total;
    }
}
