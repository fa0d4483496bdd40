package org.rollwell.app.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rollwell.app.scenario.Scenario;
import org.rollwell.app.scenario.ScenarioFault;
import org.rollwell.app.scenario.ScenarioRunner;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.technique.Technique;

/**
 * Draws one random single-fault scenario per run from its own seed, so run {@code i} of a
 * campaign is the same whatever the number of threads: a body over issue 5's range, a profile
 * from the examples told in that body's height and weight, a goal or a program, a bed, a fault
 * kind, and a phase and time where that kind can show. A plan the screening blocks, or an
 * unheated plan for a heater fault, is drawn again and counted.
 *
 * <p>Blocked draws are kept rare, so the campaign spends its runs on sessions: a profile the
 * screening blocks whatever the body, bed or plan (a red flag or a contraindication that blocks)
 * is left out once, up front, and named in the report; and each body is drawn inside the drawn
 * bed's own range of people (the compact bed takes up to 200 cm and 120 kg), not refused after.
 * What still blocks (a plan with nothing left once excluded ranges are cut) is drawn again and
 * counted per profile.
 */
final class RandomScenarios {

    /** Issue 5's range of people the bed fits: 145–205 cm, 45–135 kg, kyphosis 15–70°, lordosis 20–75°. */
    static final double MIN_HEIGHT_CM = 145, MAX_HEIGHT_CM = 205;
    static final double MIN_WEIGHT_KG = 45, MAX_WEIGHT_KG = 135;
    static final double MIN_KYPHOSIS_DEG = 15, MAX_KYPHOSIS_DEG = 70;
    static final double MIN_LORDOSIS_DEG = 20, MAX_LORDOSIS_DEG = 75;
    /** Where the head lies from the mattress's head end, and how far off centre, mm (issue 5). */
    static final double MAX_HEAD_OFFSET_MM = 200, MAX_LATERAL_MM = 60;
    /** Session lengths drawn, minutes (choice: the planner's 10 up to a common 40). */
    static final int MIN_MINUTES = 10, MAX_MINUTES = 40;
    /** Draws before a run gives up finding a plan (choice; with the screening's own blocks left out, few draws block). */
    static final int MAX_DRAWS = 50;
    /** A fault strikes at least this long before the plan ends beyond its detection bound, s (choice: the cool-down hides heat faults). */
    static final double MARGIN_S = 10;

    /** One named input: a profile or bed and the file it came from. */
    record Named<T>(String name, T value) {
    }

    /**
     * A drawn run: the scenario, the fault's phase and time, and how many draws were refused first.
     *
     * @param blockedDraws  plans the screening blocked before this one
     * @param unfitDraws   plans drawn again because the fault could not show in them (no heat for a heater fault, no phase long enough)
     * @param plan         the scenario's plan on the profile's or the normative map, as {@code ScenarioRunner.plan(scenario, null)} makes it
     */
    record Draw(Scenario scenario, FaultKind kind, String phase, double afterS, String profileName, String bedName,
                int blockedDraws, int unfitDraws, List<String> blockedProfiles, SessionPlan plan) {
        Draw {
            blockedProfiles = List.copyOf(blockedProfiles);
        }
    }

    /** A profile left out of the draw: the screening blocks it whatever the body, bed or plan, with its reason codes. */
    record LeftOut(String profile, List<String> reasons) {
        LeftOut {
            reasons = List.copyOf(reasons);
        }
    }

    /** A body of issue 5's middle to screen the profiles with (choice: 175 cm, 75 kg, mid curves). */
    private static final Body NOMINAL = new Body(175, 75, 40, 45, 100, 0);

    private final List<Named<Profile>> profiles;
    private final List<LeftOut> leftOut;
    private final List<Named<BedSpec>> beds;
    private final List<Program> programs;
    private final boolean scan;

    RandomScenarios(List<Named<Profile>> profiles, List<Named<BedSpec>> beds, boolean scan) {
        if (profiles.isEmpty() || beds.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one profile and one bed");
        }
        this.beds = List.copyOf(beds);
        this.programs = ProgramLibrary.builtIn().programs();
        this.scan = scan;
        List<Named<Profile>> drawn = new ArrayList<>();
        List<LeftOut> out = new ArrayList<>();
        for (Named<Profile> p : profiles) {
            List<String> screening = screeningBlocks(p);
            if (screening.isEmpty()) {
                drawn.add(p);
            } else {
                out.add(new LeftOut(p.name(), screening));
            }
        }
        if (drawn.isEmpty()) {
            throw new IllegalArgumentException("the screening blocks every profile " + out + ": a campaign needs one it can plan for");
        }
        this.profiles = List.copyOf(drawn);
        this.leftOut = List.copyOf(out);
    }

    /**
     * The screening's own codes (red flags {@code RF_}, contraindications {@code CI_}) that block {@code p} on every bed
     * for a middle body; empty when some bed plans for it (then body, bed or plan decide, and the draw counts it).
     */
    private List<String> screeningBlocks(Named<Profile> p) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (Named<BedSpec> bed : beds) {
            Scenario s = new Scenario("screening", 0, NOMINAL, toldBy(p.value(), NOMINAL), p.name(), null,
                    programs.get(0).id(), MIN_MINUTES, false, List.of(), bed.value(), Optional.empty());
            SessionPlan plan = ScenarioRunner.plan(s, null);
            List<String> screening = plan.reasons().stream().map(org.rollwell.therapy.plan.Reason::code)
                    .filter(c -> c.startsWith("RF_") || c.startsWith("CI_")).toList();
            if (plan.status() != SessionPlan.Status.BLOCKED || screening.isEmpty()) {
                return List.of();
            }
            codes.addAll(screening);
        }
        return List.copyOf(codes);
    }

    /** The profiles left out of the draw, in the order given. */
    List<LeftOut> leftOut() {
        return leftOut;
    }

    /** The seed of run {@code index} of a campaign seeded {@code seed} (SplitMix64's finaliser: neighbours differ in every bit). */
    static long runSeed(long seed, int index) {
        long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    Draw draw(long runSeed) {
        SplittableRandom r = new SplittableRandom(runSeed);
        FaultKind kind = FaultKind.values()[r.nextInt(FaultKind.values().length)];
        FaultBounds.Bound bound = FaultBounds.require(kind);
        int blocked = 0;
        int unfit = 0;
        List<String> blockedProfiles = new ArrayList<>();
        for (int attempt = 0; attempt < MAX_DRAWS; attempt++) {
            Named<BedSpec> bed = beds.get(r.nextInt(beds.size()));
            // inside issue 5's range and the bed's own: a person the bed does not take is not a session to simulate
            BedSpec spec = bed.value();
            double minHeightCm = Math.max(MIN_HEIGHT_CM, spec.personHeightMinCm());
            double maxHeightCm = Math.min(MAX_HEIGHT_CM, spec.personHeightMaxCm());
            double maxWeightKg = Math.min(MAX_WEIGHT_KG, spec.personWeightMaxKg());
            Body body = new Body(between(r, minHeightCm, maxHeightCm), between(r, MIN_WEIGHT_KG, maxWeightKg),
                    between(r, MIN_KYPHOSIS_DEG, MAX_KYPHOSIS_DEG), between(r, MIN_LORDOSIS_DEG, MAX_LORDOSIS_DEG),
                    between(r, 0, MAX_HEAD_OFFSET_MM), between(r, -MAX_LATERAL_MM, MAX_LATERAL_MM));
            Named<Profile> profile = profiles.get(r.nextInt(profiles.size()));
            boolean byGoal = r.nextBoolean();
            Goal goal = byGoal ? Goal.values()[r.nextInt(Goal.values().length)] : null;
            String programId = byGoal ? null : programs.get(r.nextInt(programs.size())).id();
            int minutes = r.nextInt(MIN_MINUTES, MAX_MINUTES + 1);
            int zone = kind.zoned() ? r.nextInt(bed.value().heaterZones()) : ScenarioFault.NO_ZONE;
            long twinSeed = r.nextLong();
            Scenario unfaulted = new Scenario("campaign", twinSeed, body, toldBy(profile.value(), body),
                    profile.name(), goal, programId, minutes, scan, List.of(), bed.value(), java.util.Optional.empty());
            SessionPlan plan = ScenarioRunner.plan(unfaulted, null);
            if (plan.status() == SessionPlan.Status.BLOCKED) {
                blocked++;
                blockedProfiles.add(profile.name());
                continue;
            }
            boolean heated = plan.segments().stream().anyMatch(PlanSegment::heated);
            if (bound.needsHeat() && !heated) {
                unfit++;
                continue;
            }
            Strike strike = strike(r, plan, heated, bound);
            if (strike == null) {
                // no phase of this plan lasts long enough for the fault's bound: draw another plan
                unfit++;
                continue;
            }
            ScenarioFault fault = new ScenarioFault(strike.afterS(), kind, zone, strike.phase());
            Scenario s = new Scenario(describe(kind, strike, body, profile.name(), goal, programId, minutes, bed.name()),
                    twinSeed, body, unfaulted.profile(), profile.name(), goal, programId, minutes, scan, List.of(fault),
                    bed.value(), java.util.Optional.empty());
            // s differs from unfaulted only in its description and fault, which planning does not read: the plan stands
            return new Draw(s, kind, strike.phase(), strike.afterS(), profile.name(), bed.name(), blocked, unfit,
                    blockedProfiles, plan);
        }
        throw new IllegalStateException("no plannable scenario for " + kind + " in " + MAX_DRAWS + " draws (seed " + runSeed + ")");
    }

    private record Strike(String phase, double afterS) {
    }

    /** A phase the plan enters where the fault can show, and a time in it that leaves the bound to run before the plan ends. */
    private static Strike strike(SplittableRandom r, SessionPlan plan, boolean heated, FaultBounds.Bound bound) {
        List<Strike> windows = new ArrayList<>();
        double needS = bound.detectMs() / 1000.0 + MARGIN_S;
        if (bound.occurs() == FaultBounds.Occurs.ANYWHERE) {
            // the run starts on the home switch: homing lasts a moment, so strike early in it
            windows.add(new Strike("HOMING", 0.5));
            if (heated) {
                windows.add(new Strike("WARMING", 60));
            }
        }
        List<Technique> seen = new ArrayList<>();
        List<PlanSegment> segments = plan.segments();
        int remainingS = plan.totalSeconds();
        for (int i = 0; i < segments.size(); i++) {
            PlanSegment seg = segments.get(i);
            // a heater fault shows only while the zone is asked to heat: the heated time left from here must hold its bound
            double leftS = bound.needsHeat() ? heatedFrom(segments, i) : remainingS;
            if (!seen.contains(seg.technique()) && showsIn(bound.occurs(), seg.technique())
                    && (!bound.needsHeat() || seg.heated())) {
                double latest = Math.min(seg.seconds() - 1.0, leftS - needS);
                if (latest >= 1.0) {
                    windows.add(new Strike(seg.technique().name(), latest));
                }
            }
            seen.add(seg.technique());
            remainingS -= seg.seconds();
        }
        if (windows.isEmpty()) {
            return null;
        }
        Strike w = windows.get(r.nextInt(windows.size()));
        double from = w.phase().equals("HOMING") ? 0.0 : 1.0;
        return new Strike(w.phase(), round(between(r, from, Math.max(from, w.afterS())), 100));
    }

    /** Seconds of heated segments in a row from segment {@code first} on. */
    private static double heatedFrom(List<PlanSegment> segments, int first) {
        double s = 0;
        for (int i = first; i < segments.size() && segments.get(i).heated(); i++) {
            s += segments.get(i).seconds();
        }
        return s;
    }

    private static boolean showsIn(FaultBounds.Occurs occurs, Technique technique) {
        return switch (occurs) {
            case ANYWHERE, IN_CONTACT -> true;
            // PRESS and STRETCH hold the carriage still once at their point
            case CARRIAGE_MOVING -> technique == Technique.ROLL || technique == Technique.KNEAD || technique == Technique.WARM;
        };
    }

    /** The example profile as told by the person on the twin: their own height, weight and where they lie; no map of another's spine. */
    static Profile toldBy(Profile p, Body body) {
        return new Profile(round(body.heightCm(), 1), round(body.weightKg(), 1), p.birthYear(), p.answers(), p.conditions(),
                p.painMap(), p.triggerPoints(), p.painTodayNrs(), p.preferences(), p.regions(), p.clinicianApproved(),
                round(body.headOffsetMm(), 1), Optional.empty());
    }

    private static String describe(FaultKind kind, Strike strike, Body body, String profile, Goal goal, String programId,
                                   int minutes, String bed) {
        return String.format(java.util.Locale.ROOT,
                "%s %.2f s into %s; body %.0f cm %.0f kg kyphosis %.0f° lordosis %.0f° head %.0f mm lateral %.0f mm;"
                        + " profile %s; %s %s, %d min; bed %s",
                kind, strike.afterS(), strike.phase(), body.heightCm(), body.weightKg(), body.kyphosisDeg(), body.lordosisDeg(),
                body.headOffsetMm(), body.lateralOffsetMm(), profile, goal != null ? "goal" : "program",
                goal != null ? goal.name() : programId, minutes, bed);
    }

    private static double between(SplittableRandom r, double min, double max) {
        return min == max ? min : min + r.nextDouble() * (max - min);
    }

    private static double round(double v, double per) {
        return Math.round(v * per) / per;
    }
}
