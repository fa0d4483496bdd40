package org.rollwell.therapy.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Twelve weeks of a seeded person's diary give the verdict a clinician would expect. Scoring seeds 1001–1200. */
class SimulatedPersonProgressTest {

    private static final long[] SCORING_SEEDS = LongStream.rangeClosed(1001, 1200).toArray();

    @Test
    void a_person_whose_pain_falls_from_6_5_to_3_is_likely_better_and_reaches_the_minimal_important_change() {
        SimulatedPerson person = SimulatedPerson.improving();
        int micReached = 0;
        double sumDiff = 0;
        for (long seed : SCORING_SEEDS) {
            Progress progress = ProgressMeasure.assess(person.diary(seed), person.lastDay());

            assertThat(progress.verdict()).as("seed %d", seed).isEqualTo(Verdict.LIKELY_BETTER);
            assertThat(progress.reviewSuggested()).as("seed %d", seed).isFalse();
            assertThat(progress.missing()).as("seed %d", seed).isEmpty();
            micReached += progress.micReached().orElseThrow() ? 1 : 0;
            sumDiff += progress.effect().orElseThrow().meanDiff();
        }
        System.out.printf(java.util.Locale.ROOT, "improving, %d scoring seeds: LIKELY_BETTER %d, MIC reached %d, mean effect %.2f NRS points%n",
                SCORING_SEEDS.length, SCORING_SEEDS.length, micReached, sumDiff / SCORING_SEEDS.length);
        // The MIC is judged on the point estimate, so a noisy fortnight may miss it now and then.
        assertThat(micReached).isGreaterThanOrEqualTo(SCORING_SEEDS.length * 95 / 100);
        assertThat(sumDiff / SCORING_SEEDS.length).as("mean effect over people, NRS points").isCloseTo(3.5,
                org.assertj.core.data.Offset.offset(0.3));
    }

    @Test
    void a_non_responder_is_rarely_called_better_and_is_told_to_seek_a_review_after_six_weeks() {
        SimulatedPerson person = SimulatedPerson.nonResponder();
        int calledBetter = 0;
        for (long seed : SCORING_SEEDS) {
            Progress progress = ProgressMeasure.assess(person.diary(seed), person.lastDay());
            assertThat(progress.verdict()).as("seed %d", seed).isNotEqualTo(Verdict.NOT_ENOUGH_DATA);
            if (progress.verdict() == Verdict.LIKELY_BETTER) {
                calledBetter++;
            }
            assertThat(progress.effect().orElseThrow().meanDiff()).as("seed %d", seed).isBetween(-2.0, 2.0);
        }
        System.out.printf(java.util.Locale.ROOT, "non-responder, %d scoring seeds: called LIKELY_BETTER %d%n",
                SCORING_SEEDS.length, calledBetter);
        // A 95 % two-sided interval excludes no change on the better side in about 2.5 % of
        // people with no real change; allow twice that for rounding of ratings and missed days.
        assertThat(calledBetter).isLessThanOrEqualTo(SCORING_SEEDS.length / 20);
        Progress first = ProgressMeasure.assess(person.diary(SCORING_SEEDS[0]), person.lastDay());
        assertThat(first.verdict()).isIn(Verdict.UNCLEAR, Verdict.LIKELY_WORSE);
        assertThat(first.reviewSuggested()).isTrue();
    }

    @Test
    void a_person_getting_worse_is_likely_worse() {
        SimulatedPerson person = SimulatedPerson.worsening();
        for (long seed : SCORING_SEEDS) {
            Progress progress = ProgressMeasure.assess(person.diary(seed), person.lastDay());
            assertThat(progress.verdict()).as("seed %d", seed).isEqualTo(Verdict.LIKELY_WORSE);
            assertThat(progress.immpact()).as("seed %d", seed).contains(Immpact.NONE);
            assertThat(progress.micReached()).as("seed %d", seed).contains(false);
        }
    }

    @Test
    void after_two_weeks_of_sessions_the_improving_person_is_already_measured_but_not_yet_asked_for_a_review() {
        SimulatedPerson person = SimulatedPerson.improving();
        Progress progress = ProgressMeasure.assess(person.diary(SCORING_SEEDS[1]),
                SimulatedPerson.FIRST_SESSION.plusDays(13));
        assertThat(progress.verdict()).isNotEqualTo(Verdict.NOT_ENOUGH_DATA);
        assertThat(progress.recentFrom()).isEqualTo(SimulatedPerson.FIRST_SESSION);
        assertThat(progress.reviewSuggested()).isFalse();
    }
}
