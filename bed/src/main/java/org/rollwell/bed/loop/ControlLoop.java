package org.rollwell.bed.loop;

import org.rollwell.bed.force.LiftController;
import org.rollwell.bed.heat.HeaterController;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedIo;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.motion.CarriageController;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.time.Ticker;

/**
 * One control tick, like a PLC scan (DESIGN.md "The path of one session"): read one
 * frozen {@link SensorFrame}, let the {@link SafetySupervisor} judge it, ask the
 * {@link SetpointSource} for setpoints, run the carriage, lift and heater controllers,
 * let the supervisor clamp, write one {@link ActuatorFrame}. The supervisor runs first and
 * clamps last. Frames, setpoints and status are allocated once; {@link #tick} allocates nothing.
 *
 * <p>The loop does not pace itself: a virtual-time runner (the simulation harness) advances
 * its ticker and calls {@link #tick} as fast as the CPU allows; {@link RealTimeRunner}
 * sleeps to absolute deadlines on a real bed.
 */
public final class ControlLoop {
    private final BedIo io;
    private final BedSpec spec;
    private final Ticker ticker;
    private final SafetySupervisor supervisor;
    private final SetpointSource source;
    private final CarriageController carriage;
    private final LiftController lift;
    private final HeaterController heaters;
    private final SensorFrame sensors;
    private final Setpoints setpoints;
    private final ActuatorFrame commands;
    private final LoopStatus status = new LoopStatus();
    private final double dtS;
    private TickObserver[] observers = new TickObserver[0];
    private long ticks;

    public ControlLoop(BedIo io, Ticker ticker, SafetySupervisor supervisor, SetpointSource source, LiftController lift) {
        this.io = io;
        this.spec = io.spec();
        this.ticker = ticker;
        this.supervisor = supervisor;
        this.source = source;
        this.lift = lift;
        lift.limitForce(supervisor.limits().maxForceN().value());
        this.carriage = new CarriageController(spec);
        this.heaters = new HeaterController(spec.heaterZones(), 1.0 / spec.loopHz());
        this.sensors = new SensorFrame(spec.heaterZones());
        this.setpoints = new Setpoints(spec.heaterZones());
        this.commands = new ActuatorFrame(spec.heaterZones());
        this.dtS = 1.0 / spec.loopHz();
    }

    /** Adds an observer called after every tick (set up before running; not for the hot path). */
    public void observe(TickObserver observer) {
        TickObserver[] more = java.util.Arrays.copyOf(observers, observers.length + 1);
        more[observers.length] = observer;
        observers = more;
    }

    /** Runs one tick at the ticker's present time. */
    public void tick() {
        long now = ticker.nanos();
        io.read(sensors);
        sensors.timeNanos = now;
        status.nowNanos = now;

        // 1. the supervisor judges the frozen frame against the previous tick's setpoints and commands
        supervisor.check(sensors, setpoints, commands, status);
        // a NaN reading never reaches a controller: the last good one stands in (issue 8)
        supervisor.holdBadReadings(sensors);
        status.fault = supervisor.fault();
        status.liftLowered = sensors.liftMm <= LoopStatus.LIFT_LOWERED_MM;

        // 2. setpoints
        source.fill(sensors, status, setpoints);

        // 3. controllers
        if (status.fault == null) {
            carriage.update(setpoints, sensors.carriagePositionMm, sensors.homeSwitch, dtS, status);
            lift.update(setpoints, sensors.liftMm, sensors.forceN, sensors.carriagePositionMm,
                    status.carriageReferenceMmPerS, dtS);
            status.contactSpeedLimitMmPerS = lift.followSpeedMmPerS();
            heaters.update(setpoints, sensors.zoneTempC, commands);
            commands.carriageVelocityMmPerS = carriage.velocityCommandMmPerS();
            commands.liftVelocityMmPerS = lift.commandMmPerS();
            commands.motorsEnabled = true;
            commands.carriageDriveEnabled = true;
        } else {
            carriage.stop();
            lift.stop();
            heaters.stop(commands);
            status.carriageReferenceMm = sensors.carriagePositionMm;
            status.carriageReferenceMmPerS = 0;
            status.carriageSettled = false;
        }

        // 4. the supervisor's last word, then out
        supervisor.clamp(sensors, setpoints, commands);
        io.write(commands);
        // a trip's lock is saved only now, with the safe state already written
        supervisor.settleLocks();
        ticks++;
        for (TickObserver observer : observers) {
            observer.afterTick(this);
        }
    }

    public SensorFrame sensors() {
        return sensors;
    }

    public Setpoints setpoints() {
        return setpoints;
    }

    public ActuatorFrame commands() {
        return commands;
    }

    public LoopStatus status() {
        return status;
    }

    public SafetySupervisor supervisor() {
        return supervisor;
    }

    public BedSpec spec() {
        return spec;
    }

    public long ticks() {
        return ticks;
    }

    public double dtS() {
        return dtS;
    }
}
