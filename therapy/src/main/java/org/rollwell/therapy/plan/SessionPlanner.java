package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.profile.Preferences;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.screening.Screening;
import org.rollwell.therapy.screening.Visit;
import org.rollwell.therapy.technique.Technique;

/**
 * Composes a person's session plan from a goal or a program: deterministic (the same input
 * gives an equal plan; no hashing order, no randomness, no clock) and explained (every
 * segment's {@code why}, and the plan's {@link Reason}s).
 *
 * <p>Steps: screening ({@link Screening}: red flags, blocking contraindications, incomplete
 * answers, a body the bed does not fit) may block; the envelope is built
 * ({@link SafetyEnvelopes}); the goal (DOMAIN.md §4: warm-up, the goal's work on the painful
 * areas worst first, cool-down) or the program (its segments, personalised) is composed at
 * the person's preferred intensity and temperature; every step is fitted into the envelope
 * (lowered, replaced, cut, clipped or dropped, each with a reason); the requested minutes
 * are shared so the total is exact (within the ±30 s the issue allows); and rollers are cooled
 * where the estimated skin temperature or CEM43 dose of a 10 mm band would pass its limit
 * ({@link ThermalDose}).
 *
 * <p>Reason codes. Blocking: {@code SCREENING_INCOMPLETE}; a red-flag id ({@code RF_*});
 * {@code CI_DVT}, {@code CI_PREGNANCY}, {@code CI_RECENT_SURGERY_OR_FRACTURE}, {@code CI_ACTIVE_CANCER}
 * (without a clinician's approval); {@code REGION_MISSING} (a skin lesion or implant not located);
 * {@code HEIGHT_OUT_OF_RANGE}, {@code WEIGHT_OUT_OF_RANGE}; {@code NO_TRIGGER_POINTS} (goal
 * TRIGGER_POINTS with no trigger point or pain marked); {@code NOTHING_LEFT} (the envelope left
 * nothing of the goal's or program's work). Notices on an allowed plan (a blocked plan lists
 * those gathered so far after its blocks): {@code GOAL_NOT_AS_ASKED} (first: the goal's own press,
 * stretch or warmth is not allowed, and what takes its place), {@code NO_DIAGNOSIS}, {@code PAIN_TODAY},
 * {@code CLINICIAN_APPROVED}, {@code SCALED_DOWN} (force, intensity, roller temperature, stretch lift
 * or minutes lowered to a limit; the message names the limit and its rule), {@code HEAT_OFF},
 * {@code TECHNIQUE_REPLACED}, {@code TECHNIQUE_DROPPED}, {@code EXCLUDED_CUT}, {@code POINT_DROPPED},
 * {@code CLIPPED_TO_TRAVEL}, {@code TIME_LIMITED}, {@code TIME_SCALED}, {@code NO_PAIN_MAP},
 * {@code TRIGGER_POINTS_FROM_PAIN_MAP}, {@code PROGRAM_NOT_FOR_CONDITION}, {@code FILLED}.
 */
public final class SessionPlanner {

    /** Shortest and longest session a person may ask for (DOMAIN.md §2: sessions ≤ 60 min). */
    public static final int MIN_MINUTES = 10;
    public static final int MAX_MINUTES = 60;
    /** DOMAIN.md §5: FIBROMYALGIA starts at intensity 2. */
    public static final int FIBROMYALGIA_START_INTENSITY = 2;
    /** DOMAIN.md §5: ... for the first 3 sessions. */
    public static final int FIBROMYALGIA_START_SESSIONS = 3;

    private final BedLimits bed;

    public SessionPlanner(BedLimits bed) {
        this.bed = Objects.requireNonNull(bed, "bed");
    }

    /** The plan for {@code goal}, screened undated ({@link Screening#screen(Profile, BedLimits)}). */
    public SessionPlan plan(Profile profile, Goal goal, int minutes) {
        return plan(profile, null, goal, minutes, profile.spineMapOrNormative());
    }

    /** The plan for {@code program}, screened undated. */
    public SessionPlan plan(Profile profile, Program program, int minutes) {
        return plan(profile, null, program, minutes, profile.spineMapOrNormative());
    }

    public SessionPlan plan(Profile profile, Goal goal, int minutes, SpineMap map) {
        return plan(profile, null, goal, minutes, map);
    }

    public SessionPlan plan(Profile profile, Program program, int minutes, SpineMap map) {
        return plan(profile, null, program, minutes, map);
    }

    /**
     * The plan for {@code goal} on {@code visit}'s day with its check-in, on the profile's measured
     * spine map or else its normative one.
     */
    public SessionPlan plan(Profile profile, Visit visit, Goal goal, int minutes) {
        return plan(profile, visit, goal, minutes, profile.spineMapOrNormative());
    }

    /** The plan for {@code program} on {@code visit}'s day with its check-in. */
    public SessionPlan plan(Profile profile, Visit visit, Program program, int minutes) {
        return plan(profile, visit, program, minutes, profile.spineMapOrNormative());
    }

    /** The plan for {@code goal}; {@code visit} null screens the profile undated. */
    public SessionPlan plan(Profile profile, Visit visit, Goal goal, int minutes, SpineMap map) {
        Objects.requireNonNull(goal, "goal");
        return plan(profile, visit, minutes, map, true, (person, seconds, notes) ->
                GoalComposer.compose(person, goal, seconds, notes));
    }

    /** The plan for {@code program}; {@code visit} null screens the profile undated. */
    public SessionPlan plan(Profile profile, Visit visit, Program program, int minutes, SpineMap map) {
        Objects.requireNonNull(program, "program");
        return plan(profile, visit, minutes, map, false, (person, seconds, notes) ->
                new GoalComposer.Composition(ProgramComposer.compose(person, program, seconds, notes), null));
    }

    private interface Composer {
        GoalComposer.Composition compose(Profile person, int seconds, Notes notes);
    }

    private SessionPlan plan(Profile profile, Visit visit, int minutes, SpineMap map, boolean needsMainWork,
            Composer composer) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(map, "map");
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be " + MIN_MINUTES + "–" + MAX_MINUTES + ", was " + minutes);
        }
        Notes notes = new Notes();
        Screening.Outcome screening = Screening.screen(profile, visit, bed);
        Profile person = visit == null ? profile : visit.personToday(profile);
        SessionHistory history = visit == null ? SessionHistory.NONE : visit.history();
        SafetyEnvelope envelope = SafetyEnvelopes.forProfile(person, map, bed);
        if (visit != null) {
            envelope = envelope.afterEarlierDose(history.doseWithin24h(visit.today(), visit.startTime()));
        }
        if (screening.blocked()) {
            notes.addAll(screening.blocks());
            notes.addAll(screening.notices());
            return SessionPlan.blocked(notes.list(), envelope);
        }
        notes.addAll(screening.notices());
        int seconds = minutes * 60;
        Bound maxMinutes = envelope.maxMinutes();
        if (minutes > maxMinutes.value()) {
            seconds = (int) Math.floor(maxMinutes.value() * 60);
            notes.add("SCALED_DOWN", "Session shortened to " + EnvelopeFitter.whole(maxMinutes.value()) + " min ("
                    + maxMinutes.setBy() + ").");
        }
        // DOMAIN.md §6 "Adaptation", §5 FIBROMYALGIA: the dose follows the earlier sessions, one step at a time,
        // and stays inside this envelope (the adapted roller limit only ever tightens it).
        DoseAdaptation.Next adapted = DoseAdaptation.next(person, envelope, bed, history);
        if (adapted.rollerTempC().isPresent()) {
            envelope = withRollerLimit(envelope, adapted.rollerTempC().getAsDouble());
        }
        Bound intensityCap = envelope.maxIntensity().tighten(adapted.intensity().value(), adapted.intensity().setBy());
        for (DoseAdaptation.Change change : adapted.changes()) {
            notes.add("ADAPTED", "Adapted from your earlier sessions: " + change.what() + " (" + change.why() + ")"
                    + held(change, intensityCap, adapted.intensity()) + ".");
        }
        // With earlier sessions the goal is composed at the adapted dose, so its words ("working intensity 4")
        // stay true; without any, exactly as before.
        Profile dosed = history.sessions().isEmpty() ? person : atDose(person, intensityCap, envelope);
        GoalComposer.Composition composition = composer.compose(dosed, seconds, notes);
        if (composition.block() != null) {
            List<Reason> reasons = new ArrayList<>(List.of(composition.block()));
            reasons.addAll(notes.list());
            return SessionPlan.blocked(reasons, envelope);
        }
        EnvelopeFitter fitter = new EnvelopeFitter(envelope, map, bed, intensityCap, notes);
        List<Step> steps = new ArrayList<>(fitter.fit(composition.steps()));
        boolean useful = false;
        boolean flexible = false;
        for (Step s : steps) {
            useful |= !needsMainWork || s.role == Step.Role.MAIN;
            flexible |= !s.fixed;
        }
        if (useful && !flexible) {
            steps.addAll(fitter.fit(List.of(filler(dosed))));
            notes.add("FILLED", "A light roll over the whole back fills the rest of the requested time.");
        }
        if (!useful || !TimeBudget.allocate(steps, seconds, notes)) {
            return nothingLeft(notes, envelope);
        }
        boolean heatLimited = ThermalDose.limit(steps, envelope, bed, notes);
        List<PlanSegment> segments = new ArrayList<>();
        for (Step s : steps) {
            segments.add(new PlanSegment(s.technique, s.from, s.to, s.startMm, s.endMm, s.forceN,
                    s.heat ? s.rollerTempC : PlanSegment.HEAT_OFF, s.seconds, s.params, s.why));
        }
        List<Reason> reasons = new ArrayList<>(notes.list());
        if (heatLimited) {
            // DOMAIN.md §5 "Dose decisions": where the plan must plan less heat than asked, it says so up front.
            reasons.add(notes.leadingCount(), new Reason("HEAT_LIMITED", String.format(java.util.Locale.ROOT, "Less heat than asked: the"
                    + " rollers are planned cooler where they dwell, so that the forecast skin temperature stays at or"
                    + " under %.1f °C and the heat dose at or under %.2f CEM43 min per band, below the points where the"
                    + " bed would turn the heat off. The heat planned is the heat you get.",
                    ThermalDose.plannedSkinLimitC(envelope), ThermalDose.plannedDoseLimitMin(envelope))));
        }
        return new SessionPlan(SessionPlan.Status.OK, reasons, envelope, map, segments);
    }

    /** {@code envelope} with its roller limit lowered to {@code tempC} by adaptation. */
    private static SafetyEnvelope withRollerLimit(SafetyEnvelope e, double tempC) {
        return new SafetyEnvelope(e.maxForceN(), e.maxRollerTempC().tighten(tempC, DoseAdaptation.RULE), e.maxSkinTempC(),
                e.cem43CapMin(), e.maxMinutes(), e.maxIntensity(), e.maxStretchLiftMm(), e.heatAllowed(), e.heatSetBy(),
                e.bans(), e.excluded());
    }

    /** {@code p} preferring at most the adapted intensity and roller temperature (never more than they asked). */
    private static Profile atDose(Profile p, Bound intensityCap, SafetyEnvelope envelope) {
        Preferences asked = p.preferences();
        int intensity = Math.max(1, Math.min(asked.intensity(), (int) intensityCap.value()));
        double rollerC = Math.min(asked.maxRollerTempC(), Math.max(30, envelope.maxRollerTempC().value()));
        if (intensity == asked.intensity() && rollerC == asked.maxRollerTempC()) {
            return p;
        }
        return new Profile(p.heightCm(), p.weightKg(), p.birthYear(), p.answers(), p.conditions(), p.painMap(),
                p.triggerPoints(), p.painTodayNrs(), new Preferences(intensity, rollerC, asked.heat()), p.regions(),
                p.clinicianApproved(), p.headOffsetMm(), p.spineMap(), p.version(), p.clearances(), p.painOnset(),
                p.surgeryDate());
    }

    /** When a cap holds an adapted intensity lower than the rules asked, the reason says which. */
    private static String held(DoseAdaptation.Change change, Bound intensityCap, Bound asked) {
        if (change.what().startsWith("intensity") && intensityCap.value() < asked.value()) {
            return "; held at " + (int) intensityCap.value() + " by " + intensityCap.setBy();
        }
        return "";
    }

    private static Step filler(Profile profile) {
        Step s = new Step(Step.Role.FILLER, Technique.ROLL, Level.C7, Level.S1,
                new TechniqueParams.Roll(GoalComposer.COOL_DOWN_MM_PER_S),
                "A light roll over the whole back to fill the requested time.");
        s.intensity = GoalComposer.LIGHT_INTENSITY;
        s.heat = true;
        s.rollerTempC = profile.preferences().maxRollerTempC();
        s.weight = 1;
        return s;
    }

    private static SessionPlan nothingLeft(Notes notes, SafetyEnvelope envelope) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason("NOTHING_LEFT", "Within your safety limits nothing useful is left of this session"
                + " (see the other reasons); choose another goal or program, or ask a clinician."));
        reasons.addAll(notes.list());
        return SessionPlan.blocked(reasons, envelope);
    }
}
