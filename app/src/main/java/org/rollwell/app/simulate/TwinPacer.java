package org.rollwell.app.simulate;

import java.util.Objects;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.companion.workflow.ScanStep;
import org.rollwell.companion.workflow.SessionStep;
import org.rollwell.companion.workflow.SessionWorkflow;
import org.rollwell.companion.workflow.Step;
import org.rollwell.sim.SimulatedBed;

/**
 * Paces the companion's {@link SessionWorkflow} on the twin, on virtual time: each phase gets a fresh
 * twin of the same body and seed (the scan's twin and the session's start alike, at rest on the home
 * switch), the scan runs clean under {@code scanning}'s settings, and the session under
 * {@code session}'s faults, trace, progress and truth watch. Their results, with the twin's true peaks
 * and safe-state times, are kept for the caller.
 */
public final class TwinPacer implements SessionWorkflow.Pacer {
    private final Simulation scanning;
    private final Simulation session;
    private SimulatedBed bed;
    private VirtualTicker ticker;
    private long wallStart;
    private Simulation.ScanRun scanRun;
    private SimulationResult sessionResult;

    /**
     * @param scanning how the scan runs ({@link Simulation#scan}); its envelope comes from the workflow
     * @param session  how the session runs ({@link Simulation#session}); its plan comes from the workflow
     */
    public TwinPacer(Simulation scanning, Simulation session) {
        this.scanning = Objects.requireNonNull(scanning, "scanning");
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public SessionWorkflow.Bed bed(SessionWorkflow.Phase phase) {
        Simulation s = phase == SessionWorkflow.Phase.SCAN ? scanning : session;
        wallStart = System.nanoTime();
        ticker = new VirtualTicker();
        bed = s.newBed(ticker);
        return s.twinBed(bed, ticker);
    }

    @Override
    public void drive(Step step) {
        if (step instanceof ScanStep scan) {
            scanRun = scanning.driveScan(scan, bed, ticker, wallStart);
        } else {
            sessionResult = session.driveSession((SessionStep) step, bed, ticker, wallStart);
        }
    }

    /** The scan's run, or null when there was none. */
    public Simulation.ScanRun scanRun() {
        return scanRun;
    }

    /** The session's result, or null when none ran. */
    public SimulationResult sessionResult() {
        return sessionResult;
    }
}
