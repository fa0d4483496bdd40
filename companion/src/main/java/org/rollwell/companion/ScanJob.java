package org.rollwell.companion;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.scan.ScanRoutine;
import org.rollwell.companion.workflow.ScanVerdict;
import org.rollwell.therapy.scan.ScanResult;

/**
 * A spine scan on the bed: the bed's {@link ScanRoutine} under the bed's own envelope, then the
 * trace judged by the workflow's {@link ScanVerdict} (the analysis into a spine map, or a plain
 * rejection saying why), as every front judges a scan.
 */
public final class ScanJob extends Activity {
    /** How a scan stands for the person. */
    public enum Status { RUNNING, DONE, REJECTED, FAILED }

    private final ScanRoutine routine;
    private final BedSpec spec;
    private volatile Status status = Status.RUNNING;
    private volatile double progress;
    private volatile ScanResult result;
    private volatile String reason;

    ScanJob(Owner owner, ControlLoop loop, ScanRoutine routine) {
        super(owner, loop);
        this.routine = routine;
        this.spec = loop.spec();
    }

    public Owner owner() {
        return owner;
    }

    public Status status() {
        return status;
    }

    /** 0–1: the carriage's way along the travel while scanning (choice: the scan crosses the travel once), 1 when over. */
    public double progress() {
        return progress;
    }

    /** The analysis once DONE or REJECTED by the analysis; null before. */
    public ScanResult result() {
        return result;
    }

    /** Why it was rejected or failed, or null. */
    public String reason() {
        return reason;
    }

    @Override
    String state() {
        return finished() && faulted() ? "FAULTED" : "SCANNING";
    }

    @Override
    boolean finished() {
        return routine.state().finished();
    }

    @Override
    void afterPeriod(long wallNanos) {
        ScanRoutine.State s = routine.state();
        if (s != ScanRoutine.State.IDLE && s != ScanRoutine.State.HOMING && !s.finished()) {
            double along = loop.sensors().carriagePositionMm / spec.travelMm();
            progress = Math.max(progress, Math.min(0.99, Math.max(0, along)));
        }
    }

    @Override
    void stop(String why) {
        // a scan has no cool-down of its own: the supervisor's stop takes it to the safe state within one tick
        loop.supervisor().requestEstop();
        reason = why;
    }

    @Override
    void onEnded() {
        ScanVerdict verdict = ScanVerdict.of(routine);
        switch (verdict.kind()) {
            case OK -> {
                result = verdict.result();
                status = Status.DONE;
            }
            case REJECTED -> {
                result = verdict.result();
                reason = verdict.why();
                status = Status.REJECTED;
            }
            case REFUSED -> {
                reason = verdict.why();
                status = Status.REJECTED;
            }
            case STOPPED -> {
                var fault = loop.supervisor().fault();
                if (reason == null) {
                    reason = fault == null ? "the scan was cut short" : fault.code().name() + ": " + fault.code().rule();
                }
                status = Status.FAILED;
            }
        }
        progress = 1.0;
    }
}
