package org.rollwell.therapy.plan;

import java.util.Objects;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.technique.Technique;

/**
 * One step of a session plan, in anatomical terms and resolved into bed
 * coordinates: "knead L3–L5 (612–688 mm) at 175 N, rollers 45 °C, for 180 s".
 *
 * @param technique    what the rollers do
 * @param from         the span's level nearest the head ({@code from == to} for a point)
 * @param to           the span's level nearest the sacrum
 * @param startMm      where the span starts on the bed (head side)
 * @param endMm        where it ends (sacrum side); equal to {@code startMm} for a point
 * @param forceN       target roller force; for {@code STRETCH} the force is not controlled and this is the limit
 * @param rollerTempC  roller surface target, or {@link #HEAT_OFF}
 * @param seconds      how long the segment lasts
 * @param params       the technique's own parameters
 * @param why          what shaped this segment: the goal, pain-map entry, condition or restriction
 */
public record PlanSegment(
        Technique technique,
        Level from,
        Level to,
        double startMm,
        double endMm,
        double forceN,
        double rollerTempC,
        int seconds,
        TechniqueParams params,
        String why) {

    /** Roller temperature of a segment that does not heat. */
    public static final double HEAT_OFF = 0.0;

    public PlanSegment {
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(why, "why");
        if (to.isAbove(from)) {
            throw new IllegalArgumentException("segment span: " + to + " lies above " + from);
        }
        if (!(startMm <= endMm)) {
            throw new IllegalArgumentException("segment span: startMm " + startMm + " after endMm " + endMm);
        }
        if (!(forceN >= 0) || !(rollerTempC >= 0) || seconds <= 0) {
            throw new IllegalArgumentException("segment: force, temperature and seconds must be positive");
        }
    }

    /** Whether the rollers are heated during this segment. */
    public boolean heated() {
        return rollerTempC > HEAT_OFF;
    }
}
