package org.rollwell.app.simulate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;
import org.rollwell.bed.record.SessionRecord;

/**
 * What {@code rollwell simulate} prints (issue 4 item 8): the JSON keys are exactly the
 * record components, except {@link #detail}, which tests and the CLI's text form may use.
 * Numbers that do not apply (a STRETCH's force error, an unheated segment's temperature
 * error, a fault never detected) are null.
 */
public record SimulationResult(
        String status,
        boolean safeState,
        List<FaultReport> faults,
        List<SegmentReport> segments,
        PeaksReport peaks,
        EnvelopeReport envelope,
        double simulatedS,
        long ticks,
        long overruns,
        long wallMs,
        List<LockReport> locks,
        @JsonIgnore Detail detail) {

    public SimulationResult {
        Objects.requireNonNull(status, "status");
        faults = List.copyOf(faults);
        segments = List.copyOf(segments);
        Objects.requireNonNull(peaks, "peaks");
        Objects.requireNonNull(envelope, "envelope");
        locks = List.copyOf(locks);
    }

    /**
     * A lock the run's trips left on its fresh twin (it lives and dies with the run): {@code target}
     * ZONE_HEAT (with its {@code zone}) or LIFT (zone null), and the fault code that set it.
     */
    public record LockReport(String target, Integer zone, String cause) {
    }

    /**
     * One fault: the supervisor's {@code code} (null when an injected fault went undetected),
     * the injected {@code kind} (null for a trip nobody injected), when it struck, how long
     * until detection and how long from detection to the safe state. For {@code LOOP_STALL} the
     * detector is the board: detection is its motor dead-man stopping the carriage, and the
     * safe state is its heater dead-man cutting the heaters; {@code code} is the supervisor's
     * trip once the host ticks again ({@code LOOP_OVERRUN}). For {@code ESTOP_HOST_HUNG} both are counted
     * from the press of the stop button, with the host still hung: detection is the board cutting heater
     * power, the safe state the board's lowering of the lift taking the rollers off the back.
     */
    public record FaultReport(String code, String kind, double atS, Double detectedAfterMs, Double safeWithinMs) {
    }

    public record SegmentReport(String technique, double plannedS, double deliveredS, Double forceErrorPct,
                                Double positionErrorMm, Double tempErrorC) {
    }

    /**
     * The peaks the bed measured and estimated, then the twin's truth: skin, CEM43 per band, the force the
     * rollers truly put into the back and the hottest true roller surface (issue 8 item 5).
     */
    public record PeaksReport(Double rollerTempC, double forceN, Double skinEstimateC, double cem43EstimateMaxMin,
                              double trueSkinTempC, double trueCem43MaxMin, double trueForceN, Double trueRollerSurfaceC) {
    }

    /** The envelope the run was held to, for reading the peaks against: its maximum force, N (null when nothing ran). */
    public record EnvelopeReport(Double maxForceN) {
    }

    /**
     * Everything else a test or a report may want: the bed's full record, the twin's truth.
     *
     * @param record                  the session record the runtime kept (null for a scan)
     * @param finalState              the runner's (or scan routine's) last state
     * @param trueCem43PerBandMax     the twin's highest true band dose at the end
     * @param trueRollerOvershootC    the twin's highest true roller temperature above its target while heating
     * @param commandViolations       written commands outside the bed's or the envelope's limits (must be 0)
     * @param firstViolation          the first such command, for the message, or empty
     * @param motorStopAfterMs        LOOP_STALL: from the stall until the carriage stood still (board dead-man), else null
     * @param heaterCutAfterMs        LOOP_STALL: from the stall until no heater had power, else null
     * @param liftDownAfterMs         LOOP_STALL: from the stall, ESTOP_HOST_HUNG: from the press, until the board had
     *                                the rollers off the back (true force under 1 N), with no host; else null
     * @param pressHeaterCutAfterMs   ESTOP_HOST_HUNG: from the press until no heater had power, else null
     */
    public record Detail(SessionRecord record, String finalState, double trueCem43PerBandMax,
                         double trueRollerOvershootC, long commandViolations, String firstViolation,
                         Double motorStopAfterMs, Double heaterCutAfterMs, Double liftDownAfterMs,
                         Double pressHeaterCutAfterMs) {
    }
}
