package org.rollwell.companion.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;

/** The one workflow on a stand-in bed that is not the twin: screening first, nothing planned on a scan that did not run, every run recorded. */
class SessionWorkflowTest {
    private final StandInBed bed = new StandInBed();
    private final VirtualTicker ticker = new VirtualTicker();
    private final VirtualTimePacer pacer = new VirtualTimePacer(bed, ticker, ServiceLocks.fresh(BedSpec.REFERENCE.heaterZones()));
    private final SessionWorkflow workflow = new SessionWorkflow(BedSpec.REFERENCE);
    private final Heard heard = new Heard();
    private final List<SpineMap> plannedOn = new ArrayList<>();

    @Test
    void a_person_the_screening_blocks_is_never_scanned_and_the_bed_is_never_touched() {
        bed.presence = true;
        SessionPlan screened = plan("red-flag");
        assertThat(screened.status()).as("the red-flag profile is blocked").isEqualTo(SessionPlan.Status.BLOCKED);

        SessionWorkflow.Outcome outcome = workflow.run(screened, true, this::replan, pacer, heard);

        assertThat(outcome.status()).isEqualTo(SessionWorkflow.Status.SCREENED_OUT);
        assertThat(bed.reads).as("sensor reads").isZero();
        assertThat(bed.written).as("commands").isEmpty();
        assertThat(plannedOn).isEmpty();
        assertThat(heard.steps).isEmpty();
    }

    @Test
    void a_scan_on_an_empty_bed_is_refused_and_nothing_is_planned_or_run_on_it() {
        bed.presence = false;

        SessionWorkflow.Outcome outcome = workflow.run(plan("anna"), true, this::replan, pacer, heard);

        assertThat(outcome.status()).isEqualTo(SessionWorkflow.Status.SCAN_STOPPED);
        assertThat(outcome.scan().kind()).isEqualTo(ScanVerdict.Kind.REFUSED);
        assertThat(outcome.scan().why()).contains("nobody lies on the bed");
        assertThat(outcome.session()).isNull();
        assertThat(plannedOn).as("no plan on a scan that did not run").isEmpty();
        assertThat(heard.steps).containsExactly("scanned REFUSED");
        assertThat(bed.everMovedOrHeated()).as("motion never starts on an empty bed").isFalse();
    }

    @Test
    void a_session_started_with_the_stop_button_pressed_faults_into_the_safe_state_and_the_record_says_why() {
        bed.presence = true;
        bed.stopButton = true;

        SessionWorkflow.Outcome outcome = workflow.run(plan("anna"), false, this::replan, pacer, heard);

        assertThat(outcome.status()).isEqualTo(SessionWorkflow.Status.RAN);
        SessionRecord record = outcome.session().record();
        assertThat(record.outcome()).isEqualTo(SessionRecord.Outcome.FAULTED);
        assertThat(record.fault().code()).isEqualTo(FaultCode.ESTOP);
        assertThat(bed.everMovedOrHeated()).as("no motion or heat after the stop").isFalse();
        assertThat(outcome.session().atRest()).isTrue();
        assertThat(heard.steps).containsExactly("planned OK", "ran FAULTED");
        assertThat(plannedOn).as("no scan, no plan on a measured map").isEmpty();
    }

    private SessionPlan replan(SpineMap measured) {
        plannedOn.add(measured);
        return new SessionPlanner(BedSpec.REFERENCE.limits()).plan(profile("anna"), Goal.RELIEVE_TENSION, 10, measured);
    }

    static SessionPlan plan(String profile) {
        return new SessionPlanner(BedSpec.REFERENCE.limits()).plan(profile(profile), Goal.RELIEVE_TENSION, 10);
    }

    static Profile profile(String name) {
        try {
            String json = Files.readString(Path.of("..", "examples", "profiles", name + ".json"));
            ParseResult<Profile> r = ProfileParser.parse(json);
            if (r instanceof ParseResult.Parsed<Profile> p) {
                return p.value();
            }
            throw new IllegalStateException("sample profile " + name + " does not parse: " + r.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the workflow told its listener, in order. */
    static final class Heard implements SessionWorkflow.Listener {
        final List<String> steps = new ArrayList<>();

        @Override
        public void scanned(ScanVerdict verdict) {
            steps.add("scanned " + verdict.kind());
        }

        @Override
        public void planned(SessionPlan plan) {
            steps.add("planned " + plan.status());
        }

        @Override
        public void ran(SessionStep session) {
            steps.add("ran " + session.record().outcome());
        }
    }
}
