package org.rollwell.app.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.safety.Fault;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.InjectedFault;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/**
 * Steps virtual time: advance the ticker one period, let the loop tick (the twin advances
 * its physics when read), inject due faults, watch the twin's truth. A LOOP_STALL keeps
 * the twin's time running with no read or write, so only the board's dead-man acts.
 * Measures detection and safe-state times on the twin's truth, and checks every written
 * command against the bed and the envelope.
 */
abstract class Stepper {
    /** The twin counts as safe when the carriage moves slower than this, mm/s (choice). */
    static final double STOPPED_MM_PER_S = 1.0;
    /** ... and the rollers press with less than this, N: the rollers are off the back (choice, the twin's contact threshold). */
    static final double RELEASED_N = 1.0;

    final SimulatedBed bed;
    final VirtualTicker ticker;
    final ControlLoop loop;
    private final BedSpec spec;
    private final List<FaultPlan> faults;
    private final boolean[] injected;
    /** Per planned fault, when it is due, s (NaN until its phase has been entered), and how many phases had been entered when last looked up. */
    private final double[] dueAtS;
    private final int[] phasesSeen;
    private final TraceWriter trace;
    private final DoubleConsumer progress;
    private final double limitS;
    private final Map<String, Double> firstEntryS = new HashMap<>();
    private String lastPhase = "";

    long ticks;
    long violations;
    String firstViolation = "";
    double trueOvershootC = Double.NEGATIVE_INFINITY;
    double peakRollerC = Double.NEGATIVE_INFINITY;
    double peakForceN;
    Double motorStopAfterMs;
    Double heaterCutAfterMs;
    Double liftDownAfterMs;
    Double pressHeaterCutAfterMs;
    private FaultKind stallKind;
    private long stallStartNanos = -1;
    private long stallEndNanos = -1;
    private long tripNanos = -1;
    private long safeNanos = -1;
    private double firstRunningS = -1;
    private long finishedNanos = -1;

    Stepper(SimulatedBed bed, VirtualTicker ticker, ControlLoop loop, List<FaultPlan> faults, TraceWriter trace,
            DoubleConsumer progress, double limitS) {
        this.bed = bed;
        this.ticker = ticker;
        this.loop = loop;
        this.spec = loop.spec();
        this.faults = faults;
        this.injected = new boolean[faults.size()];
        this.dueAtS = new double[faults.size()];
        java.util.Arrays.fill(dueAtS, Double.NaN);
        this.phasesSeen = new int[faults.size()];
        java.util.Arrays.fill(phasesSeen, -1);
        this.trace = trace;
        this.progress = progress;
        this.limitS = limitS;
    }

    abstract String state();

    /** The state, or the technique while a session runs: what phase-triggered faults key on. */
    abstract String phase();

    abstract boolean finished();

    abstract double forceTargetN();

    /** Pause/resume and other scripted requests, with the seconds since the first segment started. */
    abstract void control(double runningS);

    void run() {
        long period = spec.periodNanos();
        for (int i = 0; i < faults.size(); i++) {
            FaultPlan f = faults.get(i);
            if (f.phase() == null && !f.kind().stopsHost()) {
                bed.scheduleFault(f.atS(), f.kind(), f.zone());
                injected[i] = true;
            }
        }
        if (trace != null) {
            trace.header(spec.heaterZones());
        }
        int lastPercent = -1;
        while (true) {
            ticker.advance(period);
            long now = ticker.nanos();
            double nowS = now / 1e9;
            injectDue(nowS);
            if (stallStartNanos >= 0 && now < stallEndNanos) {
                bed.advanceTo(now);
                watchStall(now);
                watchTruth();
                continue;
            }
            loop.tick();
            ticks++;
            checkCommands();
            watchTruth();
            if (trace != null) {
                trace.row(nowS, state(), loop, forceTargetN(), bed);
            }
            String phase = phase();
            if (!phase.equals(lastPhase)) {
                lastPhase = phase;
                firstEntryS.putIfAbsent(phase, nowS);
                if (firstRunningS < 0 && "RUNNING".equals(state())) {
                    firstRunningS = nowS;
                }
            }
            control(firstRunningS < 0 ? -1 : nowS - firstRunningS);
            Fault fault = loop.supervisor().fault();
            if (fault != null && tripNanos < 0) {
                tripNanos = now;
            }
            if (tripNanos >= 0) {
                if (safeNanos < 0 && safeNow()) {
                    safeNanos = now;
                }
                if ((safeNanos >= 0 && now - safeNanos > 500_000_000L) || now - tripNanos > Simulation.AFTER_TRIP_S * 1e9) {
                    break;
                }
            } else if (finished()) {
                // a finished session (or a refused scan) comes to rest: wait for the twin to settle, briefly
                if (finishedNanos < 0) {
                    finishedNanos = now;
                }
                if (safeNow() || now - finishedNanos > 5_000_000_000L) {
                    break;
                }
            }
            if (nowS > limitS) {
                break;
            }
            if (progress != null) {
                int percent = (int) Math.min(100, 100 * nowS / limitS);
                if (percent != lastPercent) {
                    lastPercent = percent;
                    progress.accept(percent / 100.0);
                }
            }
        }
        if (progress != null) {
            progress.accept(1.0);
        }
        if (trace != null) {
            trace.flush();
        }
    }

    private void injectDue(double nowS) {
        for (int i = 0; i < faults.size(); i++) {
            if (injected[i]) {
                continue;
            }
            FaultPlan f = faults.get(i);
            double at = dueAtS[i];
            if (Double.isNaN(at)) {
                if (f.phase() == null) {
                    at = f.atS();
                } else {
                    // a phase's entry time never changes once known: look it up only when a new phase was entered
                    if (phasesSeen[i] == firstEntryS.size()) {
                        continue;
                    }
                    phasesSeen[i] = firstEntryS.size();
                    Double entry = firstEntryS.get(f.phase());
                    if (entry == null) {
                        continue;
                    }
                    at = entry + f.atS();
                }
                dueAtS[i] = at;
            }
            if (nowS + 1e-9 >= at) {
                injected[i] = true;
                if (f.kind().stopsHost()) {
                    stallKind = f.kind();
                    stallStartNanos = ticker.nanos();
                    stallEndNanos = stallStartNanos + (long) (Simulation.LOOP_STALL_S * 1e9);
                    if (f.kind() == FaultKind.ESTOP_HOST_HUNG) {
                        // the twin presses the stop button 1 s into the hang
                        bed.injectFault(f.kind(), f.zone());
                    }
                } else {
                    bed.injectFault(f.kind(), f.zone());
                }
            }
        }
    }

    private void watchStall(long now) {
        double sinceMs = (now - stallStartNanos) / 1e6;
        long pressedAt = bed.stopPressedAtNanos();
        if (pressedAt >= 0 && pressedAt < stallStartNanos) {
            // the button was already pressed (it latches) before the host hung: the hang's own press changes nothing,
            // so the board's figures count from the hang
            pressedAt = stallStartNanos;
        }
        if (stallKind == FaultKind.ESTOP_HOST_HUNG) {
            if (pressedAt >= 0) {
                double sincePressMs = (now - pressedAt) / 1e6;
                if (pressHeaterCutAfterMs == null && noHeaterPower()) {
                    pressHeaterCutAfterMs = sincePressMs;
                }
                if (liftDownAfterMs == null && bed.trueForceN() < RELEASED_N) {
                    liftDownAfterMs = sincePressMs;
                }
            }
        } else if (liftDownAfterMs == null && bed.boardTookOver() && bed.trueForceN() < RELEASED_N) {
            liftDownAfterMs = sinceMs;
        }
        if (motorStopAfterMs == null && bed.motorDeadmanTripped()
                && Math.abs(bed.trueCarriageVelocityMmPerS()) < STOPPED_MM_PER_S) {
            motorStopAfterMs = sinceMs;
        }
        if (heaterCutAfterMs == null && bed.heaterDeadmanTripped() && noHeaterPower()) {
            heaterCutAfterMs = sinceMs;
        }
    }

    private boolean noHeaterPower() {
        for (int z = 0; z < spec.heaterZones(); z++) {
            if (bed.heaterPowerW(z) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The twin's truth: carriage still, no heater power, and the rollers off the back, or, when a drive ran
     * away, motor power off with the self-locking lift holding still (issue 8: a runaway drive cannot lower).
     */
    boolean safeNow() {
        boolean released = bed.trueForceN() < RELEASED_N
                || (!bed.motorPowerOn() && bed.trueLiftVelocityMmPerS() == 0);
        return Math.abs(bed.trueCarriageVelocityMmPerS()) < STOPPED_MM_PER_S && noHeaterPower() && released;
    }

    private void watchTruth() {
        double[] targets = loop.setpoints().zoneTargetC;
        for (int z = 0; z < targets.length; z++) {
            double t = bed.rollerTempC(z);
            peakRollerC = Math.max(peakRollerC, t);
            if (targets[z] > 0) {
                trueOvershootC = Math.max(trueOvershootC, t - targets[z]);
            }
        }
        peakForceN = Math.max(peakForceN, bed.trueForceN());
    }

    /** Every written command inside the bed's limits and the envelope; the safe state once tripped. */
    private void checkCommands() {
        ActuatorFrame c = loop.commands();
        SensorFrame s = loop.sensors();
        SafetySupervisor sup = loop.supervisor();
        SafetyEnvelope env = sup.envelope();
        if (!(Math.abs(c.carriageVelocityMmPerS) <= spec.maxCarriageSpeedMmPerS() + 1e-9)) {
            violation("carriage ", c.carriageVelocityMmPerS);
        }
        if (!(Math.abs(c.liftVelocityMmPerS) <= spec.maxLiftSpeedMmPerS() + 1e-9)) {
            violation("lift ", c.liftVelocityMmPerS);
        }
        boolean anyHeat = false;
        for (int z = 0; z < c.heaterDuty.length; z++) {
            double d = c.heaterDuty[z];
            if (!(d >= 0 && d <= 1)) {
                violation("duty ", d);
            }
            anyHeat |= d > 0;
        }
        if (!env.heatAllowed() && (anyHeat || c.heaterMains)) {
            violation("heat without permission ", 1);
        }
        if (c.liftVelocityMmPerS > 0 && s.forceN >= env.maxForceN().value()) {
            violation("lift rising at force ", s.forceN);
        }
        if (c.liftVelocityMmPerS > 0 && s.liftMm >= spec.maxLiftMm()) {
            violation("lift rising at height ", s.liftMm);
        }
        if (sup.tripped() && (c.carriageVelocityMmPerS != 0 || c.heaterMains || anyHeat || c.liftVelocityMmPerS > 0)) {
            violation("not the safe state after a trip ", c.carriageVelocityMmPerS);
        }
    }

    private void violation(String what, double value) {
        if (violations++ == 0) {
            firstViolation = what + value + " at " + ticker.nanos() / 1e9 + " s";
        }
    }

    List<SimulationResult.FaultReport> faultsReported() {
        Fault fault = loop.supervisor().fault();
        List<long[]> times = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (InjectedFault f : bed.injectedFaults()) {
            times.add(new long[] {f.injectedAtNanos()});
            kinds.add(f.kind().name());
        }
        if (stallStartNanos >= 0) {
            int at = 0;
            while (at < times.size() && times.get(at)[0] <= stallStartNanos) {
                at++;
            }
            if (stallKind == FaultKind.LOOP_STALL) {
                times.add(at, new long[] {stallStartNanos});
                kinds.add(at, FaultKind.LOOP_STALL.name());
            }
        }
        int cause = -1;
        if (fault != null) {
            for (int i = 0; i < times.size(); i++) {
                if (times.get(i)[0] <= fault.atNanos()) {
                    cause = i;
                }
            }
        }
        List<SimulationResult.FaultReport> out = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            double atS = Simulation.round(times.get(i)[0] / 1e9, 1000);
            if (FaultKind.LOOP_STALL.name().equals(kinds.get(i))) {
                Double safeWithin = motorStopAfterMs != null && heaterCutAfterMs != null
                        ? Double.valueOf(Math.max(0, heaterCutAfterMs - motorStopAfterMs)) : null;
                out.add(new SimulationResult.FaultReport(i == cause ? fault.code().name() : null, kinds.get(i), atS,
                        motorStopAfterMs, safeWithin));
            } else if (FaultKind.ESTOP_HOST_HUNG.name().equals(kinds.get(i))) {
                out.add(new SimulationResult.FaultReport(i == cause ? fault.code().name() : null, kinds.get(i), atS,
                        pressHeaterCutAfterMs, liftDownAfterMs));
            } else if (i == cause) {
                out.add(new SimulationResult.FaultReport(fault.code().name(), kinds.get(i), atS,
                        (fault.atNanos() - times.get(i)[0]) / 1e6, safeWithinMs()));
            } else {
                out.add(new SimulationResult.FaultReport(null, kinds.get(i), atS, null, null));
            }
        }
        if (fault != null && cause < 0) {
            out.add(0, new SimulationResult.FaultReport(fault.code().name(), null, Simulation.round(fault.atS(), 1000),
                    null, safeWithinMs()));
        }
        return out;
    }

    private Double safeWithinMs() {
        return safeNanos < 0 ? null : (safeNanos - tripNanos) / 1e6;
    }
}
