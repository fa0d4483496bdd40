package org.rollwell.app.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollwell.bed.record.RecordedEvent;
import org.rollwell.therapy.plan.Reason;

/**
 * What the bed changed during a session, in plain words, from its record: a heater cut or a force
 * held at a limit (the record's CLAMP events, one per episode), travel slowed or a stroke limited
 * (LIMITED), rollers lifted over an excluded range (LIFTED), a change asked for during the session
 * (ADJUSTED, REFUSED), a stop (FAULT, AUTO_OFF), and every step that ran shorter than planned.
 * Each becomes a {@link Reason} with a {@code SESSION_} code, said once per kind and step, so a
 * step table with a 15 °C temperature error never stands without its cause. The bed's record
 * numbers segments from 0; people read steps from 1, as the step table does.
 */
public final class SessionChanges {

    /** A step that ran at least this much shorter than planned is reported (choice: one control cycle's slack). */
    static final double SHORTENED_BY_S = 1.0;

    private static final Pattern SEGMENT = Pattern.compile("\\b([A-Z]+) segment (\\d+)");
    private static final Pattern STARTED = Pattern.compile("segment (\\d+) ([A-Z]+)");

    private SessionChanges() {
    }

    public static List<Reason> of(SimulationResult result) {
        Map<String, Reason> said = new LinkedHashMap<>();
        Map<String, List<String>> stepsOf = new LinkedHashMap<>();
        Map<String, Double> firstAt = new LinkedHashMap<>();
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        if (result.detail() != null && result.detail().record() != null) {
            String step = "";
            for (RecordedEvent e : result.detail().record().events()) {
                String at = String.format(Locale.ROOT, "At %.1f s", e.atS());
                switch (e.kind()) {
                    case "SEGMENT_START" -> {
                        Matcher m = STARTED.matcher(e.detail());
                        step = m.find() ? " (step " + (Integer.parseInt(m.group(1)) + 1) + ", " + m.group(2) + ")" : "";
                    }
                    case "CLAMP" -> {
                        String what = clamp(e.detail());
                        if (what != null) {
                            said.putIfAbsent(e.detail() + step, new Reason(code(e.detail()), at + step + " " + what));
                        }
                    }
                    case "LIMITED", "LIFTED" -> {
                        // the same change in several steps is said once, with the steps it touched
                        Matcher m = SEGMENT.matcher(e.detail());
                        String what = m.find() ? e.detail().substring(m.end()).replaceFirst("^: ", "") : e.detail();
                        String stepNo = m.find(0) ? Integer.toString(Integer.parseInt(m.group(2)) + 1) : "";
                        String key = e.kind() + what;
                        List<String> in = stepsOf.computeIfAbsent(key, k -> new ArrayList<>());
                        if (!stepNo.isEmpty() && !in.contains(stepNo)) {
                            in.add(stepNo);
                        }
                        firstAt.putIfAbsent(key, e.atS());
                        said.putIfAbsent(key, null);
                        codes.put(key, e.kind().equals("LIFTED") ? "SESSION_LIFTED" : "SESSION_LIMITED");
                        texts.put(key, what);
                    }
                    case "ADJUSTED" -> said.putIfAbsent(e.kind() + e.detail(),
                            new Reason("SESSION_ADJUSTED", at + " the session was adjusted as asked: " + e.detail() + "."));
                    case "REFUSED" -> said.putIfAbsent(e.kind() + e.detail(),
                            new Reason("SESSION_REFUSED", at + " a change was refused: " + e.detail() + "."));
                    case "FAULT" -> said.putIfAbsent(e.kind() + e.detail(), new Reason("SESSION_STOPPED", at + step
                            + " the bed stopped the session and went to its safe state: " + e.detail() + "."));
                    case "AUTO_OFF" -> said.putIfAbsent(e.kind(),
                            new Reason("SESSION_STOPPED", at + " the bed ended the session: " + e.detail() + "."));
                    default -> {
                    }
                }
            }
        }
        List<Reason> reasons = new ArrayList<>();
        for (var entry : said.entrySet()) {
            String key = entry.getKey();
            if (entry.getValue() != null) {
                reasons.add(entry.getValue());
                continue;
            }
            List<String> in = stepsOf.get(key);
            String where = in.isEmpty() ? "" : (in.size() == 1 ? "Step " : "Steps ") + String.join(", ", in) + ": ";
            String what = texts.get(key);
            what = where.isEmpty() ? Character.toUpperCase(what.charAt(0)) + what.substring(1) : what;
            reasons.add(new Reason(codes.get(key), String.format(Locale.ROOT, "%s%s (first at %.1f s).",
                    where, what, firstAt.get(key))));
        }
        List<String> notStarted = new ArrayList<>();
        for (int i = 0; i < result.segments().size(); i++) {
            SimulationResult.SegmentReport s = result.segments().get(i);
            if (s.deliveredS() == 0 && s.plannedS() > 0) {
                notStarted.add(Integer.toString(i + 1));
            } else if (s.deliveredS() < s.plannedS() - SHORTENED_BY_S) {
                reasons.add(new Reason("SESSION_STEP_SHORTENED", String.format(Locale.ROOT,
                        "Step %d (%s) ran %.1f s of the %.0f s planned.", i + 1, s.technique(), s.deliveredS(),
                        s.plannedS())));
            }
        }
        if (!notStarted.isEmpty()) {
            reasons.add(new Reason("SESSION_STEP_SHORTENED", (notStarted.size() == 1 ? "Step " : "Steps ")
                    + String.join(", ", notStarted) + " did not run: the session had stopped."));
        }
        return reasons;
    }

    private static String code(String clamp) {
        return switch (clamp) {
            case "HEAT_NOT_ALLOWED", "THERMAL_DOSE", "ROLLER_TEMPERATURE", "SKIN_TEMPERATURE", "ZONE_LOCKED" -> "SESSION_HEAT_CUT";
            case "FORCE_LIMIT" -> "SESSION_FORCE_CLAMPED";
            default -> "SESSION_CLAMPED";
        };
    }

    /** The clamp's effect in plain words (ClampLimit in bed/safety names them), or null for an unknown one. */
    private static String clamp(String limit) {
        return switch (limit) {
            case "HEAT_NOT_ALLOWED" -> "the bed kept the heaters off: heat is not allowed for you, so the rollers"
                    + " stayed cooler than the step's temperature.";
            case "THERMAL_DOSE" -> "the heat dose of a 10 mm band of your back reached half its CEM43 cap: the bed"
                    + " turned the heat off for the rest of the session, so later rollers run cooler than planned.";
            // the limit is also the step's target where the plan runs at the person's maximum: the heater then
            // switches off for the moments its reading overshoots, and the step's temperature error says by how much
            case "ROLLER_TEMPERATURE" -> "a roller read above its temperature limit (your maximum or the bed's): the"
                    + " bed switched that heater off until it read under the limit again; the step table's"
                    + " temperature error shows what that cost.";
            case "SKIN_TEMPERATURE" -> "the skin temperature estimate came within 0.5 °C of its limit: the bed cut the"
                    + " heaters and lifted the rollers off until it was 1 °C under.";
            case "ZONE_LOCKED" -> "a heating zone was locked after a fault: its heater stays off until a service"
                    + " reset, so the rollers there ran unheated.";
            case "FORCE_LIMIT" -> "the force reached your limit (plans aim at most 90 % of it): the bed stopped"
                    + " the lift from rising and held the force at the limit.";
            case "CARRIAGE_SPEED" -> "the carriage was held to the bed's top speed.";
            case "LIFT_SPEED" -> "the lift was held to its top speed.";
            case "LIFT_HEIGHT" -> "the lift was held at its height limit (the bed's travel or your stretch limit).";
            case "EXCLUDED_RANGE" -> "a roller pair came over an area the rollers must keep off: the bed lowered the"
                    + " lift there.";
            case "LIFT_LOCKED" -> "the lift is locked after a fault and was kept lowered until a service reset.";
            default -> null;
        };
    }

}
