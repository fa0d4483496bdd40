package org.rollwell.companion.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.therapy.anatomy.Landmark;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;

/** The whole workflow on the twin (test scope only), on virtual time: scan, analyse, plan on the measured map, run, record. */
class WorkflowOnTheTwinTest {
    /** Scoring seed of this test's twin (no tuning here). */
    static final long SEED = 11;

    @Test
    void a_scanned_session_is_planned_on_the_measured_map_and_completes() {
        VirtualTicker ticker = new VirtualTicker();
        SimulatedBed twin = new SimulatedBed(BedSpec.REFERENCE, new ModelledBack(Body.TYPICAL, SEED), SEED, ticker);
        VirtualTimePacer pacer = new VirtualTimePacer(twin, ticker, ServiceLocks.fresh(BedSpec.REFERENCE.heaterZones()));
        SessionPlanner planner = new SessionPlanner(BedSpec.REFERENCE.limits());
        List<SpineMap> plannedOn = new ArrayList<>();
        SessionPlan screened = planner.plan(SessionWorkflowTest.profile("anna"), Goal.RELIEVE_TENSION, 10);

        SessionWorkflow.Outcome outcome = new SessionWorkflow(BedSpec.REFERENCE).run(screened, true, measured -> {
            plannedOn.add(measured);
            return planner.plan(SessionWorkflowTest.profile("anna"), Goal.RELIEVE_TENSION, 10, measured);
        }, pacer, SessionWorkflow.Listener.NONE);

        assertThat(outcome.scan().kind()).as(outcome.scan().why()).isEqualTo(ScanVerdict.Kind.OK);
        assertThat(plannedOn).containsExactly(outcome.scan().result().spineMap());
        assertThat(outcome.plan()).isNotSameAs(screened);
        assertThat(outcome.plan().spineMap().positionMm(Landmark.C7))
                .isEqualTo(outcome.scan().result().spineMap().positionMm(Landmark.C7));
        assertThat(outcome.status()).isEqualTo(SessionWorkflow.Status.RAN);
        assertThat(outcome.session().record().outcome()).isEqualTo(SessionRecord.Outcome.COMPLETED);
        assertThat(outcome.session().atRest()).as("heaters off, lift lowered at the end").isTrue();
    }
}
