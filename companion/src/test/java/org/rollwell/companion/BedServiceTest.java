package org.rollwell.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.bed.session.Adjustment;
import org.rollwell.sim.FaultKind;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.SessionPlan;

/** One bed, one session at a time, over the twin on the real-time driver at 100 × speed. */
class BedServiceTest {
    private final Twin twin = new Twin();
    private final Owner anna = new Owner("account-a", "profile-a", "Anna");
    private final Owner ben = new Owner("account-b", "profile-b", "Ben");

    /** Keeps what the listener heard. */
    static final class Heard implements SessionListener {
        final List<Progress> checkpoints = new CopyOnWriteArrayList<>();
        volatile SessionRecord record;

        @Override
        public void checkpoint(Progress progress) {
            checkpoints.add(progress);
        }

        @Override
        public void finished(SessionRecord r, Progress progress) {
            record = r;
        }
    }

    @AfterEach
    void close() {
        twin.service.close();
    }

    private SessionPlan plan() {
        SessionPlan plan = Twin.plan("anna", Goal.RELIEVE_TENSION, 10);
        assertThat(plan.status()).as(plan.reasons().toString()).isEqualTo(SessionPlan.Status.OK);
        return plan;
    }

    @Test
    void a_start_on_an_empty_bed_is_refused_and_tells_the_person_to_lie_down() {
        assertThatThrownBy(() -> twin.service.startSession(plan(), anna, new Heard()))
                .isInstanceOf(BedRefusal.class).hasMessageContaining(BedService.LIE_DOWN)
                .extracting(e -> ((BedRefusal) e).why()).isEqualTo(BedRefusal.Why.EMPTY);
        assertThat(twin.service.status().state()).isEqualTo("IDLE");
        assertThat(twin.service.status().owner()).isNull();
        assertThat(twin.service.status().personOnBed()).isFalse();
        twin.bodyOn(true);
        Twin.until("the mat reports the person", 5, () -> twin.service.status().personOnBed());
    }

    @Test
    void a_session_runs_pauses_resumes_and_stops_into_a_stopped_record_with_checkpoints() {
        twin.bodyOn(true);
        Heard heard = new Heard();
        SessionHandle s = twin.service.startSession(plan(), anna, heard);
        assertThat(twin.service.status().owner()).isEqualTo(anna);
        Twin.until("the session runs", 60, () -> s.sessionState().name().equals("RUNNING"));
        assertThat(twin.service.frame().moving()).isTrue();
        assertThat(twin.service.frame().technique()).isNotNull();

        s.pause();
        Twin.until("the session pauses", 10, () -> twin.service.status().state().equals("PAUSED"));
        s.resume();
        Twin.until("the session resumes", 10, () -> twin.service.status().state().equals("RUNNING"));
        s.stopSession();
        Twin.until("the record is handed over", 60, () -> heard.record != null);

        assertThat(heard.record.outcome()).isEqualTo(SessionRecord.Outcome.STOPPED);
        assertThat(heard.checkpoints).isNotEmpty();
        Twin.until("the bed is free", 10, () -> twin.service.status().owner() == null);
        assertThat(twin.service.status().state()).isEqualTo("IDLE");
    }

    @Test
    void a_second_start_while_one_runs_names_the_profile_using_the_bed() {
        twin.bodyOn(true);
        twin.service.startSession(plan(), anna, new Heard());
        assertThatThrownBy(() -> twin.service.startSession(plan(), ben, new Heard()))
                .isInstanceOf(BedRefusal.class).hasMessageContaining("Anna")
                .extracting(e -> ((BedRefusal) e).why()).isEqualTo(BedRefusal.Why.BUSY);
        assertThatThrownBy(() -> twin.service.startScan(ben)).hasMessageContaining("Anna");
    }

    @Test
    void intensity_goes_up_one_step_at_a_time_until_the_envelope_refuses_with_the_limit() {
        twin.bodyOn(true);
        SessionHandle s = twin.service.startSession(plan(), anna, new Heard());
        Adjustment last = null;
        for (int i = 0; i < 12; i++) {
            last = s.stepIntensity(+1);
            if (!last.accepted()) {
                break;
            }
        }
        assertThat(last.accepted()).isFalse();
        assertThat(last.limit()).isIn(Adjustment.Limit.FORCE_CEILING, Adjustment.Limit.INTENSITY_CAP);
        assertThat(last.reason()).contains("set by");
        double before = s.forceScale();
        assertThat(s.stepIntensity(-1).accepted()).isTrue();
        assertThat(s.forceScale()).isLessThan(before);
        assertThatThrownBy(() -> s.stepIntensity(2)).hasMessageContaining("intensity");
    }

    @Test
    void a_twin_fault_ends_the_session_faulted_and_the_bed_waits_for_an_acknowledgement() {
        twin.bodyOn(true);
        Heard heard = new Heard();
        SessionHandle s = twin.service.startSession(plan(), anna, heard);
        Twin.until("the session runs", 60, () -> s.sessionState().name().equals("RUNNING"));
        twin.service.onBedThread(() -> {
            twin.bed.injectFault(FaultKind.ESTOP, 0);
            return null;
        });
        Twin.until("the record is handed over", 20, () -> heard.record != null);
        assertThat(heard.record.outcome()).isEqualTo(SessionRecord.Outcome.FAULTED);
        assertThat(twin.service.status().state()).isEqualTo("FAULTED");
        assertThat(twin.service.frame().faults()).isNotEmpty();
        assertThatThrownBy(() -> twin.service.startSession(plan(), anna, new Heard()))
                .extracting(e -> ((BedRefusal) e).why()).isEqualTo(BedRefusal.Why.FAULTED);
        assertThatThrownBy(() -> twin.service.acknowledge(ben.accountId())).isInstanceOf(BedRefusal.class);

        twin.service.acknowledge(anna.accountId());
        assertThat(twin.service.status().owner()).isNull();
    }

    @Test
    void a_scan_reports_progress_and_ends_with_a_spine_map() {
        twin.bodyOn(true);
        ScanJob job = twin.service.startScan(anna);
        Twin.until("the scan moves along the back", 60, () -> job.progress() > 0.2);
        Twin.until("the scan ends", 120, () -> job.status() != ScanJob.Status.RUNNING);
        assertThat(job.status()).as(job.reason()).isEqualTo(ScanJob.Status.DONE);
        assertThat(job.result().spineMap()).isNotNull();
        assertThat(job.progress()).isEqualTo(1.0);
    }

    @Test
    void closing_the_service_stops_a_running_session_into_a_record() {
        twin.bodyOn(true);
        Heard heard = new Heard();
        SessionHandle s = twin.service.startSession(plan(), anna, heard);
        Twin.until("the session runs", 60, () -> s.sessionState().name().equals("RUNNING"));
        twin.service.close();
        assertThat(heard.record).isNotNull();
        assertThat(heard.record.outcome()).isIn(SessionRecord.Outcome.STOPPED, SessionRecord.Outcome.UNFINISHED);
        assertThat(twin.bed.trueForceN()).isLessThan(1.0);
    }
}
