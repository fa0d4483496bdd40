package org.rollwell.companion;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.scan.ScanRoutine;
import org.rollwell.therapy.scan.ScanAnalyser;
import org.rollwell.therapy.scan.ScanResult;

/**
 * A spine scan on the bed: the bed's {@link ScanRoutine} under the bed's own envelope, then the
 * trace analysed into a spine map, or a plain rejection saying why.
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
        ScanRoutine.State s = routine.state();
        if (s == ScanRoutine.State.DONE) {
            ScanResult r = new ScanAnalyser().analyse(routine.trace());
            result = r;
            if (!r.ok()) {
                reason = r.reasons().isEmpty() ? "the scan could not be trusted" : r.reasons().get(0).message();
            }
            status = r.ok() ? Status.DONE : Status.REJECTED;
        } else if (s == ScanRoutine.State.REFUSED) {
            reason = routine.refusal();
            status = Status.REJECTED;
        } else {
            var fault = loop.supervisor().fault();
            if (reason == null) {
                reason = fault == null ? "the scan was cut short" : fault.code().name() + ": " + fault.code().rule();
            }
            status = Status.FAILED;
        }
        progress = 1.0;
    }
}
