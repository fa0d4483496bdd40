package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.therapy.scan.ScanTrace;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.body.Body;

/** Issue 5 item 1: the scan routine in the twin. */
class ScanRoutineTest {

    @Test
    void given_a_person_182_cm_tall_the_scan_travels_the_whole_back_at_light_constant_force_one_sample_per_tick() {
        Body body = new Body(182, 80, 38, 52, 120, 20);
        Simulation.ScanRun run = Simulation.scan(body, 5).startAt(300).runScan();
        ScanTrace trace = run.trace();

        assertThat(run.result().status()).isEqualTo("COMPLETED");
        assertThat(run.refusal()).isEmpty();
        assertThat(trace.positionMm()[0]).isLessThan(10);
        assertThat(trace.positionMm()[trace.size() - 1]).isGreaterThan(940);
        double meanAbsErrN = 0;
        for (int i = 1; i < trace.size(); i++) {
            double dt = trace.timeS()[i] - trace.timeS()[i - 1];
            assertThat(dt).as("one sample per 10 ms tick").isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
            double speed = (trace.positionMm()[i] - trace.positionMm()[i - 1]) / dt;
            assertThat(speed).as("≤ 30 mm/s at sample %s", i).isLessThanOrEqualTo(30.0 + 10.0 /* one encoder count per tick */);
            meanAbsErrN += Math.abs(trace.forceN()[i] - 60.0);
        }
        meanAbsErrN /= trace.size();
        assertThat(meanAbsErrN).as("mean |force − 60 N|").isLessThan(10.0);
        double travelledS = trace.timeS()[trace.size() - 1];
        assertThat((trace.positionMm()[trace.size() - 1] - trace.positionMm()[0]) / travelledS).as("mean speed mm/s")
                .isBetween(20.0, 30.0);
    }

    @Test
    void the_scan_refuses_to_start_when_nobody_lies_on_the_bed() {
        Simulation.ScanRun run = Simulation.scan(Body.TYPICAL, 5).fault(0, FaultKind.PRESENCE_LOST, 0).runScan();
        assertThat(run.refusal()).contains("nobody");
        assertThat(run.trace().size()).isZero();
        assertThat(run.result().detail().finalState()).isEqualTo("REFUSED");
    }

    @Test
    void a_stop_button_during_the_scan_aborts_it_to_the_safe_state() {
        Simulation.ScanRun run = Simulation.scan(Body.TYPICAL, 5).faultIn("SCANNING", 10, FaultKind.ESTOP, 0).runScan();
        assertThat(run.result().status()).isEqualTo("FAULTED");
        assertThat(run.result().safeState()).isTrue();
        assertThat(run.result().detail().finalState()).isEqualTo("ABORTED");
        assertThat(run.result().faults().get(0).code()).isEqualTo("ESTOP");
        assertThat(run.result().faults().get(0).detectedAfterMs()).isLessThanOrEqualTo(20.0);
    }
}
