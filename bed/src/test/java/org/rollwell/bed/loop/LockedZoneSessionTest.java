package org.rollwell.bed.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.force.LiftController;
import org.rollwell.bed.safety.Fault;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.InMemoryLockStore;
import org.rollwell.bed.safety.LockState;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.bed.session.SessionState;
import org.rollwell.therapy.plan.SessionPlan;

/** DOMAIN.md §5 "Latches": a zone locked for service stays unheated in the next session; a locked lift refuses one. */
class LockedZoneSessionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);

    private static void run(StandInBed bed, ControlLoop loop, int ticks) {
        for (int i = 0; i < ticks; i++) {
            bed.ticker.advance(10_000_000L);
            loop.tick();
        }
    }

    @Test
    void a_zone_locked_by_an_open_thermistor_stays_unheated_in_the_next_session() {
        StandInBed bed = new StandInBed();
        bed.rollerC = 35;
        SessionPlan plan = ControlLoopTest.rollPlan(35);
        ServiceLocks locks = new ServiceLocks(new InMemoryLockStore(), CLOCK, 2);
        SafetySupervisor supervisor = new SafetySupervisor(bed.spec(), plan.envelope(), locks);
        SessionRunner first = new SessionRunner(plan, bed.spec(), locks);
        ControlLoop loop = new ControlLoop(bed, bed.ticker, supervisor, first, new LiftController(bed.spec()));
        first.start();
        run(bed, loop, 1500);
        assertThat(first.state()).isEqualTo(SessionState.RUNNING);

        bed.zone0C = -40;
        run(bed, loop, 10);
        assertThat(supervisor.fault().code()).isEqualTo(FaultCode.THERMISTOR_OPEN);
        assertThat(locks.zoneLocked(0)).isTrue();
        supervisor.acknowledge();

        // the next session, the sensor still broken: it runs, zone 0 never heated, zone 1 heated as planned
        SessionRunner second = new SessionRunner(plan, bed.spec(), locks);
        ControlLoop next = new ControlLoop(bed, bed.ticker, supervisor, second, new LiftController(bed.spec()));
        second.start();
        boolean zone1Heated = false;
        for (int i = 0; i < 1500; i++) {
            bed.ticker.advance(10_000_000L);
            next.tick();
            assertThat(next.setpoints().zoneTargetC[0]).isZero();
            assertThat(bed.last.heaterDuty[0]).isZero();
            zone1Heated |= next.setpoints().zoneTargetC[1] == 35;
        }
        assertThat(supervisor.tripped()).as("fault: %s", supervisor.fault()).isFalse();
        assertThat(second.state()).isEqualTo(SessionState.RUNNING);
        assertThat(zone1Heated).isTrue();
        assertThat(second.record().events()).anySatisfy(e -> assertThat(e.toString()).contains("LOCKED").contains("zone 0"));
    }

    @Test
    void a_locked_lift_refuses_a_session_saying_why() {
        ServiceLocks locks = new ServiceLocks(new InMemoryLockStore(LockState.empty()
                .after(new Fault(FaultCode.LOAD_CELL_FAILURE, 0, -1, Double.NaN), CLOCK.instant())), CLOCK, 2);
        assertThatThrownBy(() -> new SessionRunner(ControlLoopTest.rollPlan(0), org.rollwell.bed.io.BedSpec.REFERENCE, locks))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lift is locked").hasMessageContaining("LOAD_CELL_FAILURE").hasMessageContaining("service reset");
    }
}
