package org.rollwell.therapy.plan;

import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.technique.Technique;

/**
 * One step of a plan while it is being composed and fitted to the envelope: what a goal
 * or a program asks for, then (after {@link EnvelopeFitter}) what the envelope allows,
 * then (after {@link TimeBudget}) how long it runs. Mutable on purpose and never leaves
 * this package; the result is an immutable {@link PlanSegment}.
 */
final class Step {

    /** Where the step sits in the session; warm-up, build-up and cool-down frame the work. */
    enum Role { WARM_UP, BUILD_UP, MAIN, COOL_DOWN, FILLER }

    Role role;
    Technique technique;
    Level from;
    Level to;
    /** A {@code PRESS} works one point; everything else a span. */
    boolean point;
    double startMm = Double.NaN;
    double endMm = Double.NaN;
    /** Requested intensity 1–10, or 0 when the dose is given as {@link #forceN}. */
    int intensity;
    /** Requested force when {@code intensity} is 0; after fitting, the force to use. */
    double forceN;
    boolean heat;
    double rollerTempC;
    TechniqueParams params;
    /** PRESS and STRETCH last as long as their repetitions take; the rest share the remaining time. */
    boolean fixed;
    /** The share of the flexible time this step asks for (flexible steps only). */
    double weight;
    /** Seconds: the natural length of a fixed step, then the final length of every step. */
    int seconds;
    /** Steps of one group (a trigger point with its rolls, one painful area) are kept or dropped together. */
    int group;
    /** Lower is more important; when time is short the highest number goes first. */
    int priority;
    String why;
    /** Who asked for the step ("TRIGGER_POINTS", "Warm-up", "Program \"…\", step 3 of 7"): the start of a new lead. */
    String label = "";
    /** The first sentence of {@link #why}: what the step does; later sentences say what changed it. */
    String lead;
    /** The technique of another step that {@link #lead} refers to ("after the press"), or null. */
    Technique partner;
    /** Whether the partner is looked for only in this step's {@link #group} (a goal's point) or in the whole plan. */
    boolean partnerInGroup;
    /** The lead to use when the partner is not in the plan, or null to describe the step plainly. */
    String leadAlone;
    /** The lead to use when the rollers are not heated, or null to describe the step plainly. */
    String leadUnheated;
    /** The goal's own work: if it cannot be done as asked, the plan says so first. */
    boolean key;
    /** The goal asks for warmth here: if the rollers stay cold, the plan says so first. */
    boolean keyHeat;
    /** The rules whose thermal cooling has already been explained on this step. */
    String thermalRules = "";

    Step(Role role, Technique technique, Level from, Level to, TechniqueParams params, String why) {
        this.role = role;
        this.technique = technique;
        this.from = from;
        this.to = to;
        this.params = params;
        this.why = why;
        this.lead = why;
    }

    Step copy() {
        Step s = new Step(role, technique, from, to, params, why);
        s.point = point;
        s.startMm = startMm;
        s.endMm = endMm;
        s.intensity = intensity;
        s.forceN = forceN;
        s.heat = heat;
        s.rollerTempC = rollerTempC;
        s.fixed = fixed;
        s.weight = weight;
        s.seconds = seconds;
        s.group = group;
        s.priority = priority;
        s.why = why;
        s.label = label;
        s.lead = lead;
        s.partner = partner;
        s.partnerInGroup = partnerInGroup;
        s.leadAlone = leadAlone;
        s.leadUnheated = leadUnheated;
        s.key = key;
        s.keyHeat = keyHeat;
        s.thermalRules = thermalRules;
        return s;
    }

    /** Appends a sentence to the explanation. */
    void explain(String sentence) {
        why = why + " " + sentence;
    }

    /** Replaces the first sentence, keeping what was said after it. */
    void lead(String newLead) {
        why = why.startsWith(lead) ? newLead + why.substring(lead.length()) : newLead;
        lead = newLead;
    }

    String span() {
        return from == to ? from.name() : from + "–" + to;
    }
}
