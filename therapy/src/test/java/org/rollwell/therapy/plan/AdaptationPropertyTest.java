package org.rollwell.therapy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.history.Feedback;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.Side;
import org.rollwell.therapy.profile.TestProfiles;
import org.rollwell.therapy.screening.Visit;

/**
 * DOMAIN.md §6: whatever the person says after each session, the adapted dose never leaves the
 * envelope and moves at most one intensity step (and one 2 °C temperature step) per session. Each
 * try runs a course of sessions in a loop: plan, "deliver" at the plan's intensity, take random
 * feedback and pain ratings, plan the next.
 */
class AdaptationPropertyTest {

    private static final BedLimits BED = BedLimits.REFERENCE;
    private static final LocalDate FIRST = LocalDate.of(2026, 9, 1);

    /** What the person says after a session: pressure, heat, pain before and after. */
    record Said(Feedback pressure, Optional<Heat> heat, OptionalInt before, OptionalInt after) {
    }

    @Provide
    Arbitrary<Said> said() {
        Arbitrary<OptionalInt> nrs = Arbitraries.integers().between(0, 10).map(OptionalInt::of)
                .injectNull(0.2).map(o -> o == null ? OptionalInt.empty() : o);
        return Combinators.combine(Arbitraries.of(Feedback.class),
                Arbitraries.of(Heat.class).optional(0.8), nrs, nrs).as(Said::new);
    }

    @Provide
    Arbitrary<Profile> people() {
        return Combinators.combine(Arbitraries.integers().between(1, 10), Arbitraries.integers().between(30, 65),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 9)).as((intensity, roller, fibro, pain) -> {
                    TestProfiles.Builder b = TestProfiles.person().painToday(pain).prefers(intensity, roller, true)
                            .pain(Level.L4, Side.LEFT, 5);
                    return fibro ? b.with(Condition.FIBROMYALGIA).build() : b.build();
                });
    }

    @Property(tries = 60)
    void a_course_of_adapted_sessions_stays_in_the_envelope_and_moves_one_step_at_a_time(
            @ForAll("people") Profile person, @ForAll("saids") List<Said> feedback) {
        SessionPlanner planner = new SessionPlanner(BED);
        SafetyEnvelope standing = SafetyEnvelopes.forProfile(person, person.spineMapOrNormative(), BED);
        List<PastSession> past = new ArrayList<>();
        int lastIntensity = -1;
        double lastRollerLimit = standing.maxRollerTempC().value();
        for (int k = 0; k < feedback.size(); k++) {
            LocalDate day = FIRST.plusDays(k);
            SessionHistory history = new SessionHistory(past);
            DoseAdaptation.Next next = DoseAdaptation.next(person, standing, BED, history);
            int cap = (int) Math.min(standing.maxIntensity().value(), next.intensity().value());
            double rollerLimit = next.rollerTempC().orElse(standing.maxRollerTempC().value());

            assertThat(cap).isBetween(1, (int) standing.maxIntensity().value());
            assertThat(rollerLimit).isBetween(Math.min(BED.rollerTempMinC(), standing.maxRollerTempC().value()),
                    standing.maxRollerTempC().value());
            assertThat(Math.abs(rollerLimit - lastRollerLimit)).isLessThanOrEqualTo(DoseAdaptation.TOO_HOT_STEP_C);
            if (lastIntensity > 0) {
                assertThat(Math.abs(cap - lastIntensity)).as("session %d after %s", k + 1, past.get(past.size() - 1))
                        .isLessThanOrEqualTo(1);
            }
            if (person.has(Condition.FIBROMYALGIA) && k < SessionPlanner.FIBROMYALGIA_START_SESSIONS) {
                assertThat(cap).isLessThanOrEqualTo(SessionPlanner.FIBROMYALGIA_START_INTENSITY);
            }
            if (k % 4 == 3) { // the whole planner too, on some of the sessions (it is slower)
                SessionPlan plan = planner.plan(person, Visit.fromProfile(person, day).with(history,
                        Optional.of(LocalTime.of(9, 0))), Goal.RELIEVE_TENSION, 20);
                if (plan.status() == SessionPlan.Status.OK) {
                    assertThat(EnvelopeCheck.violations(plan, BED)).isEmpty();
                    for (PlanSegment s : plan.segments()) {
                        assertThat(s.forceN()).isLessThanOrEqualTo(standing.maxForceN().value());
                        assertThat(s.rollerTempC()).isLessThanOrEqualTo(rollerLimit);
                    }
                }
            }
            Said said = feedback.get(k);
            past.add(new PastSession(day.atTime(9, 0), cap, said.pressure(), 0.2, said.heat(), said.before(), said.after()));
            lastIntensity = cap;
            lastRollerLimit = rollerLimit;
        }
    }

    @Property(tries = 300)
    void after_any_history_the_next_intensity_is_within_one_step_of_the_last_session(
            @ForAll("people") Profile person, @ForAll("saids") List<Said> feedback,
            @ForAll @IntRange(min = 1, max = 10) int lastIntensity) {
        List<PastSession> past = new ArrayList<>();
        for (int k = 0; k < feedback.size(); k++) {
            Said said = feedback.get(k);
            int intensity = k == feedback.size() - 1 ? lastIntensity : 1 + (k * 7) % 10;
            past.add(new PastSession(FIRST.plusDays(k).atTime(9, 0), intensity, said.pressure(), 0, said.heat(),
                    said.before(), said.after()));
        }
        SafetyEnvelope standing = SafetyEnvelopes.forProfile(person, person.spineMapOrNormative(), BED);

        DoseAdaptation.Next next = DoseAdaptation.next(person, standing, BED, new SessionHistory(past));

        int target = (int) next.intensity().value();
        if (!past.isEmpty()) {
            boolean fibroStart = person.has(Condition.FIBROMYALGIA) && past.size() < SessionPlanner.FIBROMYALGIA_START_SESSIONS;
            if (!fibroStart) {
                assertThat(target).isBetween(Math.max(1, lastIntensity - 1), Math.min(10, lastIntensity + 1));
            } else {
                assertThat(target).isBetween(1, SessionPlanner.FIBROMYALGIA_START_INTENSITY);
            }
        }
    }

    @Provide
    Arbitrary<List<Said>> saids() {
        return said().list().ofMinSize(0).ofMaxSize(16);
    }
}
