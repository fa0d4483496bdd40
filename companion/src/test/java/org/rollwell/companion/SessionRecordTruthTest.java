package org.rollwell.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.record.RecordedEvent;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.sim.FaultKind;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.SessionPlan;

/**
 * The record a session hands over says what happened: a stop reads as a stop with its STOP event, a fault
 * ends the session's row once with its trip, and nothing is checkpointed after the end. On the twin at
 * {@link Twin#TEST_SCALE} × speed, seed {@link Twin#SEED}.
 */
class SessionRecordTruthTest {
    private final Twin twin = new Twin();
    private final Owner anna = new Owner("account-a", "profile-a", "Anna");

    /** Everything the listener heard, in the order heard: "checkpoint STATE" or "finished OUTCOME". */
    static final class Log implements SessionListener {
        final List<String> heard = new CopyOnWriteArrayList<>();
        volatile SessionRecord record;

        @Override
        public void checkpoint(Progress progress) {
            heard.add("checkpoint " + progress.state());
        }

        @Override
        public void finished(SessionRecord r, Progress progress) {
            heard.add("finished " + r.outcome());
            record = r;
        }
    }

    @AfterEach
    void close() {
        twin.service.close();
    }

    private SessionHandle running(Log log) {
        twin.bodyOn(true);
        SessionPlan plan = Twin.plan("anna", Goal.RELIEVE_TENSION, 10);
        assertThat(plan.status()).as(plan.reasons().toString()).isEqualTo(SessionPlan.Status.OK);
        SessionHandle s = twin.service.startSession(plan, anna, log);
        Twin.until("the session runs", 60, () -> s.sessionState().name().equals("RUNNING"));
        return s;
    }

    /** Waits until the bed's own clock has moved on by {@code seconds} (so at least one tick ran). */
    private void bedRunsFor(SessionHandle s, double seconds) {
        long from = twin.service.onBedThread(() -> s.loop.status().nowNanos);
        Twin.until("the bed ticks on", 30,
                () -> twin.service.onBedThread(() -> s.loop.status().nowNanos) - from >= seconds * 1e9);
    }

    private static List<String> kinds(SessionRecord r, String kind) {
        return r.events().stream().filter(e -> e.kind().equals(kind)).map(RecordedEvent::detail).toList();
    }

    @Test
    void a_stopped_session_records_its_stop_and_its_pause_resume_and_intensity_in_order_and_never_says_completed() {
        Log log = new Log();
        SessionHandle s = running(log);
        s.pause();
        Twin.until("the session pauses", 10, () -> s.sessionState().name().equals("PAUSED"));
        s.resume();
        Twin.until("the session resumes", 10, () -> s.sessionState().name().equals("RUNNING"));
        assertThat(s.stepIntensity(-1).accepted()).isTrue();
        bedRunsFor(s, 0.05);
        s.stopSession("Anna pressed stop");
        Twin.until("the record is handed over", 60, () -> log.record != null);

        SessionRecord r = log.record;
        assertThat(r.outcome()).isEqualTo(SessionRecord.Outcome.STOPPED);
        assertThat(kinds(r, "STOP")).containsExactly("Anna pressed stop");
        List<String> states = kinds(r, "STATE");
        assertThat(states.get(states.size() - 1)).isEqualTo("COOLDOWN -> STOPPED");
        assertThat(r.events()).noneMatch(e -> e.detail().contains("COMPLETED"));
        assertThat(log.heard).noneMatch(h -> h.contains("COMPLETED"));

        // the person's requests, in the order they were made, each before the cool-down
        List<String> path = r.events().stream()
                .filter(e -> e.kind().equals("STOP") || e.kind().equals("ADJUSTED")
                        || e.detail().contains("PAUSED") || e.detail().contains("COOLDOWN"))
                .map(e -> e.kind() + " " + e.detail()).toList();
        assertThat(path).containsExactly("STATE RUNNING -> PAUSED", "STATE PAUSED -> RUNNING",
                path.get(2), "STOP Anna pressed stop", "STATE RUNNING -> COOLDOWN", "STATE COOLDOWN -> STOPPED");
        assertThat(path.get(2)).startsWith("ADJUSTED force scale");
        for (int i = 1; i < r.events().size(); i++) {
            assertThat(r.events().get(i).atNanos()).as("event %d in time order", i)
                    .isGreaterThanOrEqualTo(r.events().get(i - 1).atNanos());
        }
    }

    @Test
    void a_stop_asked_twice_is_recorded_once() {
        Log log = new Log();
        SessionHandle s = running(log);
        s.stopSession();
        s.stopSession();
        Twin.until("the record is handed over", 60, () -> log.record != null);
        assertThat(kinds(log.record, "STOP")).containsExactly(SessionHandle.STOP_BY_PERSON);
    }

    @Test
    void a_faulted_session_ends_once_with_its_trip_and_is_never_checkpointed_after() {
        Log log = new Log();
        SessionHandle s = running(log);
        twin.service.onBedThread(() -> {
            twin.bed.injectFault(FaultKind.ESTOP, 0);
            return null;
        });
        Twin.until("the record is handed over", 20, () -> log.record != null);
        // the fault stands unacknowledged, so the bed keeps ticking the session: let more than one checkpoint
        // interval of wall time pass (the twin runs TEST_SCALE × faster than the wall)
        bedRunsFor(s, 2.5 * BedService.CHECKPOINT_S * Twin.TEST_SCALE);

        SessionRecord r = log.record;
        assertThat(r.outcome()).isEqualTo(SessionRecord.Outcome.FAULTED);
        assertThat(r.fault()).isNotNull();
        assertThat(kinds(r, "FAULT")).singleElement().asString().startsWith(r.fault().code().name());
        assertThat(kinds(r, "STATE")).last().asString().endsWith("-> FAULTED");
        assertThat(log.heard).filteredOn(h -> h.startsWith("finished")).containsExactly("finished FAULTED");
        assertThat(log.heard.get(log.heard.size() - 1)).as("nothing after the end: %s", log.heard)
                .isEqualTo("finished FAULTED");
    }
}
