package org.rollwell.therapy.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.history.Feedback;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.profile.Profile;

/**
 * The dose of the next session from the person's earlier ones (DOMAIN.md §6 "Adaptation", §5
 * FIBROMYALGIA start rule). Pure and deterministic; every change comes with a sentence saying
 * why, for the plan's reasons and for the report's adaptation log.
 *
 * <p>Intensity starts from what the last session worked at (what the person felt and spoke
 * about) and moves one step at most: down after "too strong" or when the pain rose by 2 points
 * or more over the session; up after three comfortable sessions in a row at that intensity
 * without less pain after them; otherwise it stays. FIBROMYALGIA: intensity 2 for the first 3
 * sessions, then one step up only on "pressure right". Roller temperature: the person's limit,
 * 2 °C lower for each "too hot", 2 °C back up for each "too cool" (never past the limit).
 * These are targets: the planner then holds them inside the envelope and every cap, and the
 * bed's own limits win over both.
 */
public final class DoseAdaptation {

    /** DOMAIN.md §6: intensity goes down when the pain rose by this many points or more over a session. */
    public static final int PAIN_RISE_DOWN = 2;
    /** DOMAIN.md §6: up after this many comfortable sessions without improvement. */
    public static final int COMFORTABLE_SESSIONS_UP = 3;
    /** DOMAIN.md §6: roller temperature down 2 °C on "too hot". */
    public static final double TOO_HOT_STEP_C = 2;
    /** Back up by the same step on "too cool", never past the person's limit (choice: the mirror of "too hot"). */
    public static final double TOO_COOL_STEP_C = 2;

    /** The rule name the plan shows for an intensity or temperature set by adaptation. */
    public static final String RULE = "ADAPTATION";
    private static final String FIBRO = "FIBROMYALGIA";

    /**
     * One change of dose, for the adaptation log.
     *
     * @param after the day of the session whose feedback caused it; the change applies from the next one
     * @param what  what changed, e.g. "intensity 5 → 4" or "rollers 45 → 43 °C"
     * @param why   the rule and what the person said or rated
     */
    public record Change(LocalDate after, String what, String why) {
        public Change {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * The next session's targets.
     *
     * @param intensity    the highest intensity the next session may work at, and the rule behind it
     *                     ({@code ADAPTATION} or {@code FIBROMYALGIA}); empty-handed ({@code value 10,
     *                     "SCALE"}) when there is nothing to adapt from
     * @param rollerTempC  the hottest roller target the next session may use, when feedback lowered it
     * @param changes      what changed after the last session, with why (empty when nothing did)
     */
    public record Next(Bound intensity, OptionalDouble rollerTempC, List<Change> changes) {
        public Next {
            Objects.requireNonNull(intensity, "intensity");
            Objects.requireNonNull(rollerTempC, "rollerTempC");
            changes = List.copyOf(changes);
        }
    }

    private DoseAdaptation() {
    }

    /** The targets of the session after {@code history}, for {@code profile} within {@code standing}. */
    public static Next next(Profile profile, SafetyEnvelope standing, BedLimits bed, SessionHistory history) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(bed, "bed");
        List<PastSession> sessions = history.sessions();
        boolean fibro = profile.has(Condition.FIBROMYALGIA);
        List<Change> changes = new ArrayList<>();
        Bound intensity = new Bound(10, "SCALE");
        if (!sessions.isEmpty()) {
            Step step = intensityAfter(fibro, sessions);
            intensity = new Bound(step.value, fibro ? FIBRO : RULE);
            PastSession last = sessions.get(sessions.size() - 1);
            if (step.value != last.intensity()) {
                changes.add(new Change(day(last), "intensity " + last.intensity() + " → " + step.value, step.why));
            }
        } else if (fibro) {
            intensity = new Bound(SessionPlanner.FIBROMYALGIA_START_INTENSITY, FIBRO);
        }
        OptionalDouble temp = OptionalDouble.empty();
        if (standing.heatAllowed()) {
            List<Change> tempChanges = new ArrayList<>();
            double t = rollerTemps(standing, bed, sessions, tempChanges);
            double top = standing.maxRollerTempC().value();
            boolean lastChanged = !sessions.isEmpty()
                    && tempChanges.size() > rollerTempChangesOf(standing, bed, sessions.subList(0, sessions.size() - 1));
            if (t < top) {
                // The plan states where the rollers stand against the person's own limit, and why.
                long hot = sessions.stream().filter(x -> x.heat().isPresent() && x.heat().get() == Heat.TOO_HOT).count();
                Change lastChange = tempChanges.get(tempChanges.size() - 1);
                changes.add(new Change(lastChange.after(), "rollers " + whole(top) + " → " + whole(t) + " °C",
                        whole(TOO_HOT_STEP_C) + " °C cooler for each \"too hot\": " + hot + " so far, the last on "
                                + lastHot(sessions) + (lastChanged ? "" : "; it stays there until the heat feels \"too cool\"")));
                temp = OptionalDouble.of(t);
            } else if (lastChanged) {
                changes.add(tempChanges.get(tempChanges.size() - 1));
            }
        }
        return new Next(intensity, temp, changes);
    }

    /**
     * Every change of dose the rules made over {@code history}, oldest first: what the planner
     * decided after each session (the report's adaptation log).
     */
    public static List<Change> log(Profile profile, SafetyEnvelope standing, BedLimits bed, SessionHistory history) {
        List<PastSession> sessions = history.sessions();
        boolean fibro = profile.has(Condition.FIBROMYALGIA);
        List<Change> intensityChanges = new ArrayList<>();
        for (int k = 1; k <= sessions.size(); k++) {
            List<PastSession> upTo = sessions.subList(0, k);
            PastSession last = upTo.get(k - 1);
            Step step = intensityAfter(fibro, upTo);
            if (step.value != last.intensity()) {
                intensityChanges.add(new Change(day(last), "intensity " + last.intensity() + " → " + step.value, step.why));
            }
        }
        List<Change> tempChanges = new ArrayList<>();
        if (standing.heatAllowed()) {
            rollerTemps(standing, bed, sessions, tempChanges);
        }
        List<Change> all = new ArrayList<>(intensityChanges);
        all.addAll(tempChanges);
        all.sort(java.util.Comparator.comparing(Change::after)); // stable: intensity before temperature on a day
        return all;
    }

    private record Step(int value, String why) {
    }

    /** The intensity rule after the last of {@code sessions} (not empty). */
    private static Step intensityAfter(boolean fibro, List<PastSession> sessions) {
        PastSession last = sessions.get(sessions.size() - 1);
        int at = last.intensity();
        String down = downReason(last);
        if (fibro && sessions.size() < SessionPlanner.FIBROMYALGIA_START_SESSIONS) {
            int start = SessionPlanner.FIBROMYALGIA_START_INTENSITY;
            if (down != null && at - 1 < start) {
                return new Step(Math.max(1, at - 1), "one step down: " + down);
            }
            return new Step(start, "fibromyalgia: intensity " + start + " for the first "
                    + SessionPlanner.FIBROMYALGIA_START_SESSIONS + " sessions");
        }
        if (down != null) {
            return new Step(Math.max(1, at - 1), "one step down: " + down);
        }
        if (fibro) {
            if (last.feedback() == Feedback.PRESSURE_RIGHT) {
                return new Step(Math.min(10, at + 1), "fibromyalgia: one step up after \"pressure right\" on " + day(last));
            }
            return new Step(at, "");
        }
        if (comfortableWithoutImprovement(sessions)) {
            List<PastSession> run = sessions.subList(sessions.size() - COMFORTABLE_SESSIONS_UP, sessions.size());
            return new Step(Math.min(10, at + 1), "one step up: " + COMFORTABLE_SESSIONS_UP
                    + " comfortable sessions in a row at intensity " + at + " (" + day(run.get(0)) + " to " + day(last)
                    + ") without less pain after them");
        }
        return new Step(at, "");
    }

    /** Why the pressure must come down after {@code s}, or null. */
    private static String downReason(PastSession s) {
        OptionalInt rise = s.painRise();
        if (rise.isPresent() && rise.getAsInt() >= PAIN_RISE_DOWN) {
            return "the pain rose from " + s.nrsBefore().getAsInt() + " to " + s.nrsAfter().getAsInt()
                    + " over the session on " + day(s);
        }
        if (s.feedback() == Feedback.TOO_STRONG) {
            return "the pressure was \"too strong\" on " + day(s);
        }
        return null;
    }

    /**
     * The last {@value #COMFORTABLE_SESSIONS_UP} sessions were at the last one's intensity, none was too
     * strong or raised the pain by 2 or more, the person called the pressure right or too gentle each time
     * (no word is not "comfortable"), and the pain after was never lower than before (both rated: without
     * the ratings no one can say there was no improvement).
     */
    private static boolean comfortableWithoutImprovement(List<PastSession> sessions) {
        if (sessions.size() < COMFORTABLE_SESSIONS_UP) {
            return false;
        }
        int at = sessions.get(sessions.size() - 1).intensity();
        for (int i = sessions.size() - COMFORTABLE_SESSIONS_UP; i < sessions.size(); i++) {
            PastSession s = sessions.get(i);
            boolean comfortable = s.feedback() == Feedback.PRESSURE_RIGHT || s.feedback() == Feedback.TOO_LIGHT;
            OptionalInt rise = s.painRise();
            if (s.intensity() != at || !comfortable || rise.isEmpty() || rise.getAsInt() < 0
                    || rise.getAsInt() >= PAIN_RISE_DOWN) {
                return false;
            }
        }
        return true;
    }

    /** The roller limit after every session's word on the heat, each change added to {@code changes}. */
    private static double rollerTemps(SafetyEnvelope standing, BedLimits bed, List<PastSession> sessions,
                                      List<Change> changes) {
        double top = standing.maxRollerTempC().value();
        double floor = Math.min(top, bed.rollerTempMinC());
        double t = top;
        for (PastSession s : sessions) {
            if (s.heat().isEmpty()) {
                continue;
            }
            double before = t;
            if (s.heat().get() == Heat.TOO_HOT) {
                t = Math.max(floor, t - TOO_HOT_STEP_C);
                changes.add(new Change(day(s), before == t ? "rollers stay at " + whole(t) + " °C"
                        : "rollers " + whole(before) + " → " + whole(t) + " °C",
                        before == t ? "\"too hot\" on " + day(s) + ", and " + whole(t) + " °C is the lowest the bed"
                                + " sets: consider turning the heat off" : "2 °C cooler: the heat was \"too hot\" on " + day(s)));
            } else if (s.heat().get() == Heat.TOO_COOL && t < top) {
                t = Math.min(top, t + TOO_COOL_STEP_C);
                changes.add(new Change(day(s), "rollers " + whole(before) + " → " + whole(t) + " °C",
                        "2 °C warmer again, never past your limit of " + whole(top) + " °C: the heat was \"too cool\" on "
                                + day(s)));
            }
        }
        return t;
    }

    private static LocalDate lastHot(List<PastSession> sessions) {
        LocalDate last = null;
        for (PastSession s : sessions) {
            if (s.heat().isPresent() && s.heat().get() == Heat.TOO_HOT) {
                last = day(s);
            }
        }
        return last;
    }

    private static int rollerTempChangesOf(SafetyEnvelope standing, BedLimits bed, List<PastSession> sessions) {
        List<Change> changes = new ArrayList<>();
        rollerTemps(standing, bed, sessions, changes);
        return changes.size();
    }

    private static LocalDate day(PastSession s) {
        return s.start().toLocalDate();
    }

    private static String whole(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
