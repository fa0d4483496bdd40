package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.List;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.TechniqueBan;
import org.rollwell.therapy.technique.Intensity;
import org.rollwell.therapy.technique.Technique;

/**
 * Fits requested steps into a person's envelope, saying what it changed and why:
 * a banned technique is replaced (PRESS and STRETCH by a slow roll over the same place)
 * or its span loses the banned levels; heat the envelope forbids is turned off (a WARM
 * becomes a slow roll); doses above a limit are lowered to it; spans are clipped to the
 * carriage's travel and excluded ranges, widened by the rollers' reach from the carriage
 * centre, are cut out of them; a PRESS whose rollers would touch an excluded range, or on an
 * unreachable point, is dropped. Nothing is clamped silently: every change adds a reason
 * to the plan and a sentence to the step's {@code why}.
 */
final class EnvelopeFitter {

    /** A span shorter than this after clipping or cutting is not worth rolling (choice: about one vertebra). */
    static final double MIN_SPAN_MM = 20;
    /**
     * Beyond the rollers' reach, pieces stop this much further from an excluded range: the carriage may
     * lag its command by up to 5 mm before the position-mismatch trip (DOMAIN.md §5), so a roller patch
     * planned to end 5 mm short of a range still cannot touch it.
     */
    static final double EXCLUSION_GAP_MM = 5;

    /** DOMAIN.md §5 "Dose decisions": plans target at most 90 % of the envelope's maximum force. */
    static final double PLAN_SHARE_OF_MAX_FORCE = 0.9;

    private final SafetyEnvelope envelope;
    private final SpineMap map;
    private final BedLimits bed;
    private final Bound intensityCap;
    private final Notes notes;

    EnvelopeFitter(SafetyEnvelope envelope, SpineMap map, BedLimits bed, Bound intensityCap, Notes notes) {
        this.envelope = envelope;
        this.map = map;
        this.bed = bed;
        this.intensityCap = intensityCap;
        this.notes = notes;
    }

    List<Step> fit(List<Step> requested) {
        List<Step> fitted = new ArrayList<>();
        for (Step step : requested) {
            Step s = step.copy();
            for (Step allowed : techniques(s)) {
                heat(allowed);
                dose(allowed);
                lift(allowed);
                fitted.addAll(place(allowed));
            }
        }
        withoutMissingPartners(fitted);
        return fitted;
    }

    /**
     * A step whose text refers to another ("after the press", "before stretching") says it plainly when
     * that other step is not in the plan (its group's, for a goal's point or area; anywhere, for a program).
     */
    private static void withoutMissingPartners(List<Step> fitted) {
        for (Step s : fitted) {
            if (s.partner == null) {
                continue;
            }
            boolean found = false;
            for (Step other : fitted) {
                found |= other.technique == s.partner && (!s.partnerInGroup || other.group == s.group);
            }
            if (!found) {
                s.lead(s.leadAlone != null ? s.leadAlone : StepText.plain(s));
                s.partner = null;
            }
        }
    }

    /** Bans: PRESS and STRETCH give way to a slow roll; other techniques lose the banned levels. */
    private List<Step> techniques(Step s) {
        TechniqueBan ban = banOn(s.technique, s.from, s.to);
        if (ban == null) {
            return List.of(s);
        }
        if (s.technique == Technique.PRESS || s.technique == Technique.STRETCH) {
            String verb = s.technique == Technique.PRESS ? "pressing" : "stretching";
            String asked = s.span();
            if (s.technique == Technique.PRESS) {
                s.from = PainFocus.step(s.from, -1);
                s.to = PainFocus.step(s.to, +1);
            }
            s.weight = s.seconds > 0 ? s.seconds : TimeBudget.naturalSeconds(s.params);
            s.seconds = 0;
            s.technique = Technique.ROLL;
            s.params = new TechniqueParams.Roll(GoalComposer.SLOW_MM_PER_S);
            s.point = false;
            s.fixed = false;
            // The replacement leads: the text says what the bed does, then what it does not do and why.
            s.lead((s.label.isEmpty() ? "A" : s.label + ": a") + " slow roll over " + s.span() + " instead of " + verb
                    + " " + (asked.equals(s.span()) ? "it" : asked) + " (" + ban.setBy() + " allows no " + verb + " here).");
            s.partner = null;
            if (s.key) {
                notes.lead("GOAL_NOT_AS_ASKED", s.label + " cannot be done as asked: no " + verb + " on " + asked
                        + " (" + ban.setBy() + "), so a slow roll over " + s.span() + " takes its place.");
            }
            notes.add("TECHNIQUE_REPLACED", "No " + verb + " on " + span(ban.from(), ban.to()) + " (" + ban.setBy()
                    + "): slow rolling instead.");
            ban = banOn(s.technique, s.from, s.to);
            if (ban == null) {
                return List.of(s);
            }
        }
        List<Step> pieces = new ArrayList<>();
        Level runFrom = null;
        for (int i = s.from.ordinal(); i <= s.to.ordinal() + 1; i++) {
            Level level = i <= s.to.ordinal() ? Level.values()[i] : null;
            boolean ok = level != null && banOn(s.technique, level, level) == null;
            if (ok && runFrom == null) {
                runFrom = level;
            } else if (!ok && runFrom != null) {
                Step piece = s.copy();
                piece.from = runFrom;
                piece.to = Level.values()[i - 1];
                piece.weight = s.weight * (piece.to.ordinal() - piece.from.ordinal() + 1)
                        / (s.to.ordinal() - s.from.ordinal() + 1);
                piece.explain(s.technique + " left out on " + span(ban.from(), ban.to()) + " (" + ban.setBy() + ").");
                pieces.add(piece);
                runFrom = null;
            }
        }
        notes.add("TECHNIQUE_DROPPED", "No " + s.technique + " on " + span(ban.from(), ban.to()) + " (" + ban.setBy() + ").");
        return pieces;
    }

    private void heat(Step s) {
        if (s.heat && !envelope.heatAllowed()) {
            s.heat = false;
            s.explain("Rollers not heated (" + envelope.heatSetBy() + ").");
            if (s.leadUnheated != null) {
                s.lead(s.leadUnheated);
            } else if (s.technique != Technique.WARM && StepText.namesHeat(s.lead)) {
                s.lead(StepText.plain(s));
                s.leadAlone = null;
            }
            if (s.keyHeat) {
                notes.lead("GOAL_NOT_AS_ASKED", s.label + " cannot be done as asked: it works with heated rollers,"
                        + " and yours stay unheated (" + envelope.heatSetBy() + "); the plan rolls slowly instead.");
            }
            notes.add("HEAT_OFF", "The rollers are not heated (" + envelope.heatSetBy() + ").");
        }
        if (!s.heat) {
            s.rollerTempC = 0;
            if (s.technique == Technique.WARM) {
                // WARM is "slow travel with low force and hot rollers" (DOMAIN.md §4): without heat it is a slow roll.
                double speed = ((TechniqueParams.Warm) s.params).speedMmPerS();
                s.technique = Technique.ROLL;
                s.params = new TechniqueParams.Roll(Math.max(10, speed));
                if (s.leadUnheated == null) {
                    s.lead(StepText.plain(s));
                    s.leadAlone = null;
                }
                notes.add("TECHNIQUE_REPLACED", "Without heat, warm passes become slow light rolls.");
            }
            return;
        }
        Bound max = envelope.maxRollerTempC();
        if (s.rollerTempC > max.value()) {
            s.explain("Rollers " + whole(max.value()) + " °C instead of " + whole(s.rollerTempC) + " °C (" + max.setBy() + ").");
            notes.add("SCALED_DOWN", "Roller temperature held at or below " + whole(max.value()) + " °C (" + max.setBy() + ").");
            s.rollerTempC = max.value();
        }
        if (s.rollerTempC < bed.rollerTempMinC()) {
            s.rollerTempC = bed.rollerTempMinC();
        }
    }

    private void dose(Step s) {
        Bound maxForce = envelope.maxForceN();
        int cap = (int) intensityCap.value();
        double asked;
        double force;
        String rule = null;
        if (s.intensity > 0) {
            asked = Intensity.forceN(s.technique, s.intensity);
            force = asked;
            if (s.intensity > cap) {
                s.explain("Intensity " + cap + " instead of " + s.intensity + " (" + intensityCap.setBy() + ").");
                notes.add("SCALED_DOWN", "Intensity held at or below " + cap + " (" + intensityCap.setBy() + ").");
                force = Intensity.forceN(s.technique, cap);
                rule = intensityCap.setBy();
            }
        } else {
            asked = s.forceN;
            force = asked;
            if (force > Intensity.forceN(s.technique, cap)) {
                force = Intensity.forceN(s.technique, cap);
                rule = intensityCap.setBy();
            }
        }
        if (force > s.technique.maxForceN()) {
            force = s.technique.maxForceN();
            rule = "the top of " + s.technique + "'s " + whole(s.technique.minForceN()) + "–"
                    + whole(s.technique.maxForceN()) + " N";
        }
        // DOMAIN.md §5 "Dose decisions": the envelope's maximum is a ceiling on what is delivered, so a plan
        // targets at most 90 % of it, and no closer to it than the bed's force headroom (its load cell's noise
        // and its lift's lag: 10 % of a 120 N limit is less than a noisy bed needs to keep its force under it)
        double ceiling = Math.floor(PLAN_SHARE_OF_MAX_FORCE * maxForce.value() * 10) / 10;
        String ceilingRule = "90 % of the " + whole(maxForce.value()) + " N limit, " + maxForce.setBy();
        double headroomCeiling = Math.floor((maxForce.value() - bed.forceHeadroomN()) * 10) / 10;
        if (headroomCeiling < ceiling) {
            ceiling = headroomCeiling;
            ceilingRule = whole(bed.forceHeadroomN()) + " N under the " + whole(maxForce.value()) + " N limit ("
                    + maxForce.setBy() + "), the room this bed needs to keep its force under the limit";
        }
        if (force > ceiling) {
            force = ceiling;
            rule = ceilingRule;
        }
        if (rule != null && force < asked) {
            s.explain("Force " + whole(force) + " N instead of " + whole(asked) + " N (" + rule + ").");
            notes.add("SCALED_DOWN", "Force held at or below " + whole(force) + " N (" + rule + ").");
        }
        s.forceN = force;
    }

    private void lift(Step s) {
        if (s.params instanceof TechniqueParams.Stretch st && st.liftMm() > envelope.maxStretchLiftMm().value()) {
            Bound max = envelope.maxStretchLiftMm();
            s.params = new TechniqueParams.Stretch(max.value(), st.holdS(), st.repetitions(), st.restS());
            s.explain("Stretch lift " + whole(max.value()) + " mm instead of " + whole(st.liftMm()) + " mm ("
                    + max.setBy() + ").");
            notes.add("SCALED_DOWN", "Stretch lift held at or below " + whole(max.value()) + " mm (" + max.setBy() + ").");
        }
    }

    /** Resolves the step on the bed: clips to the travel, cuts out excluded ranges, drops an unreachable point. */
    private List<Step> place(Step s) {
        if (s.point) {
            double mm = tenth(map.positionMm(s.from));
            if (mm < 0 || mm > bed.travelMm()) {
                notes.add("POINT_DROPPED", s.from + " lies outside the carriage's travel: its press is left out.");
                return List.of();
            }
            double keepOff = keepOffMm(s);
            for (ExcludedRange range : envelope.excluded()) {
                if (range.overlaps(mm - keepOff, mm + keepOff)) {
                    // the rollers sit ±offset from the carriage centre: a press beside a range still touches it
                    notes.add("POINT_DROPPED", "No press at " + s.from + ": its rollers would touch an excluded area ("
                            + range.reason() + ").");
                    return List.of();
                }
            }
            s.startMm = mm;
            s.endMm = mm;
            return List.of(s);
        }
        double start = map.upperEdgeMm(s.from);
        double end = map.lowerEdgeMm(s.to);
        double length = end - start;
        if (start < 0 || end > bed.travelMm()) {
            start = Math.max(0, start);
            end = Math.min(bed.travelMm(), end);
            s.explain("Span clipped to the carriage's travel (0–" + whole(bed.travelMm()) + " mm).");
            notes.add("CLIPPED_TO_TRAVEL", "Parts of the back beyond the carriage's travel (0–" + whole(bed.travelMm())
                    + " mm) are left out.");
        }
        List<double[]> pieces = new ArrayList<>();
        if (end - start >= MIN_SPAN_MM) {
            pieces.add(new double[] {start, end});
        }
        double keepOff = keepOffMm(s);
        for (ExcludedRange range : envelope.excluded()) {
            List<double[]> next = new ArrayList<>();
            for (double[] p : pieces) {
                // spans are carriage-centre positions: cut so no roller patch comes near the range
                if (!range.overlaps(p[0] - keepOff, p[1] + keepOff)) {
                    next.add(p);
                    continue;
                }
                notes.add("EXCLUDED_CUT", "The rollers stay off " + range.reason() + ".");
                double[] above = {p[0], Math.min(p[1], range.fromMm() - keepOff)};
                double[] below = {Math.max(p[0], range.toMm() + keepOff), p[1]};
                for (double[] q : List.of(above, below)) {
                    if (q[1] - q[0] >= MIN_SPAN_MM) {
                        next.add(q);
                    }
                }
                s.explain("Keeps off " + range.reason() + ".");
            }
            pieces = next;
        }
        if (pieces.isEmpty()) {
            notes.add("TECHNIQUE_DROPPED", s.technique + " on " + s.span() + " left out: nothing of it is reachable.");
            return List.of();
        }
        if (s.technique == Technique.STRETCH && pieces.size() > 1) {
            // A stretch lifts one stretch of the back: keep its longest piece.
            double[] longest = pieces.get(0);
            for (double[] p : pieces) {
                if (p[1] - p[0] > longest[1] - longest[0]) {
                    longest = p;
                }
            }
            pieces = List.of(longest);
        }
        List<Step> placed = new ArrayList<>();
        for (double[] p : pieces) {
            Step piece = pieces.size() == 1 ? s : s.copy();
            Level from = s.from;
            Level to = s.to;
            piece.startMm = tenth(p[0]);
            piece.endMm = tenth(p[1]);
            piece.from = clamp(map.levelAt(p[0]), from, to);
            piece.to = clamp(map.levelAt(Math.max(p[0], p[1] - 0.5)), from, to);
            piece.weight = s.weight * (p[1] - p[0]) / length;
            placed.add(piece);
        }
        return placed;
    }

    /**
     * How far a step's carriage-centre positions must stay from an excluded range: the rollers' reach
     * (pair offset + half a contact patch, {@link BedLimits#rollerReachMm()}), {@link #EXCLUSION_GAP_MM},
     * and for KNEAD half a stroke (belt and braces: the bed keeps strokes inside the span, but a plan
     * must stay safe even where a stroke is centred on the span's end).
     */
    private double keepOffMm(Step s) {
        double mm = bed.rollerReachMm() + EXCLUSION_GAP_MM;
        if (s.params instanceof TechniqueParams.Knead k) {
            mm += k.strokeMm() / 2;
        }
        return mm;
    }

    /**
     * Bed positions to the encoder's 0.1 mm (DOMAIN.md §2). Pieces end at least {@link #EXCLUSION_GAP_MM}
     * short of an excluded range and the ranges are rounded outwards, so rounding never reaches one.
     */
    static double tenth(double mm) {
        return Math.round(mm * 10.0) / 10.0;
    }

    private TechniqueBan banOn(Technique technique, Level from, Level to) {
        for (TechniqueBan ban : envelope.bans()) {
            if (ban.forbids(technique, from, to)) {
                return ban;
            }
        }
        return null;
    }

    private static Level clamp(Level level, Level from, Level to) {
        if (level.isAbove(from)) {
            return from;
        }
        return to.isAbove(level) ? to : level;
    }

    static String span(Level from, Level to) {
        return from == to ? from.name() : from + "–" + to;
    }

    static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
