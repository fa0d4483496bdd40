package org.rollwell.bed.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.force.LiftController;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.bed.session.SessionState;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/**
 * DOMAIN.md §2: sessions last at most 60 min and switch themselves off. Plan time alone is not
 * enough: a bed left paused, or stuck warming up, must not keep its rollers hot for ever.
 * All on virtual time.
 */
class SessionTimeLimitTest {
    private static final long TICK = 10_000_000L;

    private final StandInBed bed = new StandInBed();
    private SessionRunner runner;
    private SafetySupervisor supervisor;
    private ControlLoop loop;

    private void setUp(double tempC, int seconds) {
        SpineMap map = SpineMap.normative(175, 100);
        SessionPlan plan = new SessionPlan(SessionPlan.Status.OK, List.of(), SafetySupervisor.bedEnvelope(bed.spec()), map,
                List.of(new PlanSegment(Technique.ROLL, Level.T6, Level.L3, map.positionMm(Level.T6), map.positionMm(Level.L3),
                        120, tempC, seconds, new TechniqueParams.Roll(20), "test")));
        runner = new SessionRunner(plan, bed.spec());
        supervisor = new SafetySupervisor(bed.spec(), plan.envelope());
        loop = new ControlLoop(bed, bed.ticker, supervisor, runner, new LiftController(bed.spec()));
    }

    private void seconds(double s) {
        for (long i = 0; i < Math.round(s * 100); i++) {
            bed.ticker.advance(TICK);
            loop.tick();
        }
    }

    @Test
    void a_session_paused_for_more_than_ten_minutes_switches_itself_off() {
        bed.rollerC = 45;
        setUp(45, 1200);
        runner.start();
        seconds(15);
        assertThat(runner.state()).isEqualTo(SessionState.RUNNING);
        runner.pause();
        seconds(9 * 60);
        assertThat(runner.state()).as("nine minutes paused: still waiting").isEqualTo(SessionState.PAUSED);
        assertThat(bed.last.heaterMains).as("heaters holding while paused").isTrue();

        seconds(70);
        assertThat(runner.state()).as("over ten minutes paused").isIn(SessionState.COOLDOWN, SessionState.COMPLETED);
        assertThat(bed.last.heaterMains).as("heaters off").isFalse();
        assertThat(loop.setpoints().heating()).isFalse();
        assertThat(supervisor.tripped()).as("an auto-off, not a fault").isFalse();
        seconds(60);
        SessionRecord record = runner.record();
        assertThat(record.outcome()).isEqualTo(SessionRecord.Outcome.STOPPED);
        assertThat(record.events()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("AUTO_OFF");
            assertThat(e.detail()).contains("paused longer than 10 min");
        });
    }

    @Test
    void a_warm_up_that_never_gets_there_trips_after_fifteen_minutes() {
        // heavy rollers: 2.6 °C a minute under power is fast enough for the 2 °C-in-60 s heating check, and what
        // 150 W gives 3000 J/K rollers (so the heat balance holds), but from a cold room (15 °C) it would take
        // over 19 min to reach 65 °C
        BedSpec r = BedSpec.REFERENCE;
        bed.spec = new BedSpec(r.travelMm(), r.maxCarriageSpeedMmPerS(), r.maxCarriageAccelMmPerS2(), r.encoderResolutionMm(),
                r.maxLiftMm(), r.maxLiftSpeedMmPerS(), r.liftResolutionMm(), r.forceFullScaleN(), r.maxForceN(), r.forceNoiseN(),
                r.heaterZones(), r.heaterPowerW(), r.rollerPairOffsetMm(), r.thermistorMinC(), r.thermistorMaxC(),
                r.rollerTempMinC(), r.rollerTempMaxC(), r.rollerOvershootMarginC(), r.thermalFuseC(), r.maxSessionMinutes(),
                r.loopHz(), r.motorDeadmanS(), r.heaterDeadmanS(), r.rollerContactAreaCm2(), r.personHeightMinCm(),
                r.personHeightMaxCm(), r.personWeightMaxKg(), r.bimetalCutoffC(), r.liftFrictionBandN(),
                r.liftCurrentAPerN(), r.boardLiftLowerFraction(), 3000, r.rollerLossWPerK());
        bed.rollerC = 15;
        setUp(65, 1200);
        runner.start();
        for (int i = 0; i < 16 * 60 * 100 && !supervisor.tripped(); i++) {
            if (bed.last.heaterMains && bed.last.heaterDuty[0] > 0) {
                bed.rollerC += 2.6 / 60 / 100;
            }
            bed.ticker.advance(TICK);
            loop.tick();
        }
        assertThat(supervisor.fault()).as("tripped within 16 min").isNotNull();
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.WARM_UP_TIMEOUT);
        assertThat(supervisor.fault().atS()).isBetween(15 * 60.0, 15 * 60.0 + 1);
        assertThat(bed.last.heaterMains).isFalse();
        assertThat(runner.record().outcome()).isEqualTo(SessionRecord.Outcome.FAULTED);
    }

    @Test
    void the_whole_session_from_start_is_capped_at_its_maximum_minutes_plus_the_warm_up_allowance() {
        bed.rollerC = 45;
        setUp(45, 3600);
        runner.start();
        seconds(15);
        // repeated nine-minute pauses: none is long enough for the auto-off, but together they would stretch
        // a 60-minute session without end
        for (int k = 0; k < 4; k++) {
            runner.pause();
            seconds(9 * 60);
            runner.resume();
            seconds(60);
        }
        assertThat(supervisor.tripped()).as("at %s s", bed.ticker.nanos() / 1e9).isFalse();
        for (int i = 0; i < 40 * 60 * 100 && !supervisor.tripped(); i++) {
            bed.ticker.advance(TICK);
            loop.tick();
        }
        assertThat(supervisor.fault()).isNotNull();
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.SESSION_OVERTIME);
        assertThat(supervisor.fault().atS()).as("60 + 15 min after start").isBetween(75 * 60.0, 75 * 60.0 + 2);
        assertThat(bed.last.heaterMains).isFalse();
    }
}
