package org.rollwell.reports.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;

class SessionRecordParserTest {

    private static final String RECORD = """
            {"status":"FAULTED","safeState":true,
             "faults":[{"code":"HEATER_RUNAWAY","kind":"HEATER_STUCK_ON","atS":61.2,"detectedAfterMs":800.0,"safeWithinMs":20.0},
                       {"code":"PRESENCE_LOST","kind":null,"atS":70.0,"detectedAfterMs":null,"safeWithinMs":null}],
             "segments":[{"technique":"WARM","plannedS":180.0,"deliveredS":180.0,"forceErrorPct":1.0,"positionErrorMm":0.5,"tempErrorC":0.2},
                         {"technique":"KNEAD","plannedS":600.0,"deliveredS":61.2,"forceErrorPct":null,"positionErrorMm":null,"tempErrorC":null}],
             "peaks":{"rollerTempC":47.12,"forceN":151.3,"skinEstimateC":41.0,"cem43EstimateMaxMin":0.123},
             "simulatedS":241.2,"ticks":24120,"overruns":0,"wallMs":90,"envelope":{"maxForceN":200.0},"locks":[],"reasons":[]}
            """;

    @Test
    void reads_what_simulate_json_writes_and_takes_the_day_from_the_file_name() {
        SessionRecord r = ((ParseResult.Parsed<SessionRecord>) SessionRecordParser.parse("2026-09-03-evening.json", RECORD)).value();
        assertThat(r.date()).contains(LocalDate.of(2026, 9, 3));
        assertThat(r.status()).isEqualTo("FAULTED");
        assertThat(r.deliveredS()).isEqualTo(241.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.events()).extracting(SessionRecord.SafetyEvent::code).containsExactly("HEATER_RUNAWAY", "PRESENCE_LOST");
        assertThat(r.events().get(1).kind()).isEmpty();
        assertThat(r.peakRollerTempC()).hasValue(47.12);
        assertThat(r.peakCem43Min()).hasValue(0.123);
    }

    /** A session on the bed as the companion server stores it (the bed's record written as JSON). */
    private static final String STORED = """
            {"outcome":"FAULTED",
             "segments":[{"index":0,"technique":"ROLL","plannedS":600.0,"deliveredS":600.0,"forceErrorPct":2.0,"positionErrorMm":1.0,
                          "tempErrorC":0.3,"tempMaxErrorC":0.8,"meanForceTargetN":90.0,"plannedForceN":90.0,"meanForceN":89.0},
                         {"index":1,"technique":"KNEAD","plannedS":1800.0,"deliveredS":95.5,"forceErrorPct":null,"positionErrorMm":null,
                          "tempErrorC":null,"tempMaxErrorC":null,"meanForceTargetN":0.0,"plannedForceN":120.0,"meanForceN":null}],
             "peaks":{"rollerTempC":45.1,"rollerOvershootC":0.7,"forceN":128.0,"skinEstimateC":40.3,"cem43EstimateMaxMin":0.05},
             "events":[{"atNanos":0,"kind":"STATE","detail":"IDLE -> WARMUP"},{"atNanos":695500000000,"kind":"FAULT","detail":"THERMISTOR_OPEN"}],
             "fault":{"code":"THERMISTOR_OPEN","atNanos":695500000000,"zone":0,"value":-40.0},"clampTicks":{}}
            """;

    @Test
    void reads_a_session_the_server_stored_with_its_outcome_and_the_fault_that_ended_it() {
        SessionRecord r = ((ParseResult.Parsed<SessionRecord>) SessionRecordParser.parse("2026-11-30-s1.json", STORED)).value();
        assertThat(r.status()).isEqualTo("FAULTED");
        assertThat(r.deliveredS()).isEqualTo(695.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.plannedS()).isEqualTo(2400.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.events()).containsExactly(new SessionRecord.SafetyEvent("THERMISTOR_OPEN", "", 695.5));
        assertThat(r.peakForceN()).isEqualTo(128.0);
        assertThat(r.peakCem43Min()).hasValue(0.05);
    }

    @Test
    void a_stored_session_stopped_by_the_person_has_no_safety_event() {
        String stopped = STORED.replace("\"FAULTED\"", "\"STOPPED\"").replaceAll("\"fault\":\\{[^}]*\\}", "\"fault\":null");
        SessionRecord r = ((ParseResult.Parsed<SessionRecord>) SessionRecordParser.parse("2026-11-30-s2.json", stopped)).value();
        assertThat(r.status()).isEqualTo("STOPPED");
        assertThat(r.events()).isEmpty();
    }

    @Test
    void a_stored_record_with_a_bad_outcome_or_fault_is_refused_by_field() {
        String bad = STORED.replace("\"FAULTED\"", "\"MAYBE\"").replace("\"atNanos\":695500000000,\"zone\"", "\"atNanos\":\"late\",\"zone\"");
        assertThat(SessionRecordParser.parse("s.json", bad).problems()).extracting(Problem::line).containsExactlyInAnyOrder(
                "s.json: $.outcome: must be one of COMPLETED|STOPPED|FAULTED|UNFINISHED|BLOCKED, was \"MAYBE\"",
                "s.json: $.fault.atNanos: must be a number 0 or more, was \"late\"");
    }

    @Test
    void a_record_without_a_dated_name_has_no_day() {
        SessionRecord r = ((ParseResult.Parsed<SessionRecord>) SessionRecordParser.parse("run.json", RECORD)).value();
        assertThat(r.date()).isEmpty();
    }

    @Test
    void every_problem_is_named_with_the_file_and_its_path() {
        String bad = RECORD.replace("\"FAULTED\"", "\"DONE\"").replace("\"plannedS\":600.0", "\"plannedS\":-1")
                .replace("\"forceN\":151.3", "\"forceN\":\"high\"");
        ParseResult<SessionRecord> result = SessionRecordParser.parse("2026-02-30.json", bad);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(Problem::line).containsExactlyInAnyOrder(
                "2026-02-30.json: the name starts with 2026-02-30, which is no calendar day",
                "2026-02-30.json: $.status: must be one of COMPLETED|STOPPED|FAULTED|UNFINISHED|BLOCKED, was \"DONE\"",
                "2026-02-30.json: $.segments[1].plannedS: must be a number 0 or more, was -1",
                "2026-02-30.json: $.peaks.forceN: must be a number 0 or more, was \"high\"");
    }

    @Test
    void text_that_is_not_a_json_object_is_refused() {
        assertThat(SessionRecordParser.parse("x.json", "[1,2]").problems()).extracting(Problem::line)
                .containsExactly("x.json: $: must be an object as 'rollwell simulate --json' writes it or the server stores it");
        assertThat(SessionRecordParser.parse("x.json", "{\"status\":").problems().get(0).line()).startsWith("x.json: $: not JSON");
    }
}
