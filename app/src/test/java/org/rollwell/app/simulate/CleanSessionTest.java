package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollwell.bed.record.SegmentResult;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.technique.Technique;

/**
 * Issue 4 "Done when", first item: clean 40-minute sessions for a range of bodies and programs,
 * in the twin with noise and breathing on.
 */
class CleanSessionTest {

    static Stream<Arguments> sessions() {
        Body tallKyphotic = new Body(195, 98, 55, 45, 60, 25);
        Body smallLordotic = new Body(152, 48, 25, 68, 180, -30);
        Body heavy = new Body(178, 125, 40, 55, 120, 0);
        return Stream.of(
                Arguments.of("a typical adult, tension program at 45 °C", Body.TYPICAL, Plans.tension40(Body.TYPICAL, 45)),
                Arguments.of("a tall kyphotic man, tension program at 50 °C", tallKyphotic, Plans.tension40(tallKyphotic, 50)),
                Arguments.of("a small woman with a deep lordosis, unheated", smallLordotic, Plans.tension40(smallLordotic, 0)),
                Arguments.of("a heavy adult, circulation program at 48 °C", heavy, Plans.circulation40(heavy, 48)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void a_clean_forty_minute_session_delivers_its_plan_within_the_accuracy_limits(String who, Body body, SessionPlan plan) {
        SimulationResult r = Simulation.of(plan, body, 11).run();
        SessionRecord record = r.detail().record();

        assertThat(r.status()).as("status; events %s", record.events()).isEqualTo("COMPLETED");
        assertThat(r.faults()).isEmpty();
        assertThat(r.detail().commandViolations()).as(r.detail().firstViolation()).isZero();
        assertThat(plan.totalSeconds()).isGreaterThanOrEqualTo(38 * 60);
        for (SegmentResult s : record.segments()) {
            assertThat(s.deliveredS()).as("segment %s delivered", s.index()).isEqualTo(s.plannedS());
            if (s.technique() == Technique.ROLL || s.technique() == Technique.KNEAD || s.technique() == Technique.PRESS) {
                assertThat(s.forceErrorPct()).as("%s mean force error %%, segment %s", s.technique(), s.index()).isLessThanOrEqualTo(10.0);
            }
            if (s.technique() == Technique.PRESS) {
                assertThat(s.positionErrorMm()).as("PRESS position during the hold, mm").isLessThanOrEqualTo(5.0);
            }
            if (!Double.isNaN(s.tempMaxErrorC())) {
                assertThat(s.tempMaxErrorC()).as("roller within ±1 °C in steady state, segment %s", s.index()).isLessThanOrEqualTo(1.0);
            }
        }
        if (plan.segments().get(0).heated()) {
            assertThat(record.peaks().rollerOvershootC()).as("measured overshoot °C").isLessThanOrEqualTo(2.0);
            assertThat(r.detail().trueRollerOvershootC()).as("true roller overshoot °C").isLessThanOrEqualTo(2.0);
        }
        assertThat(r.peaks().trueSkinTempC()).as("true skin °C").isLessThanOrEqualTo(43.0);
        assertThat(r.peaks().trueCem43MaxMin()).as("true CEM43 per band, min").isLessThanOrEqualTo(plan.envelope().cem43CapMin().value());
        assertThat(r.peaks().skinEstimateC()).as("the estimate stays on the hot side of the truth")
                .isGreaterThanOrEqualTo(r.peaks().trueSkinTempC());
    }
}
