package org.rollwell.sim;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedIo;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.time.Ticker;
import org.rollwell.sim.body.Back;

/**
 * The digital twin of a thermal roller bed (issue 4 item 7): a {@link BedIo} whose
 * carriage, lift, heaters, load cell and person obey physics, with seeded sensor
 * noise, injectable faults and the ground truth a real bed cannot see (true skin
 * temperature and CEM43 per 10 mm band). The truth accessors are for harnesses and
 * tests only; the runtime sees nothing but {@link SensorFrame}s.
 *
 * <p>Time comes from the injected {@link Ticker}: every {@link #read}, {@link #write}
 * and {@link #advanceTo} first advances the physics to the ticker's time in fixed
 * 2 ms mechanical and 10 ms thermal steps aligned to the twin's start. Its time zero is
 * the ticker's time at construction; fault times are seconds after it.
 */
public final class SimulatedBed implements BedIo {

    static final long MECH_STEP_NANOS = 2_000_000L;
    static final long THERMAL_STEP_NANOS = 10_000_000L;
    /** Both roller pairs touch the skin while the load cell's true force exceeds this (choice: a light touch). */
    static final double CONTACT_N = 1.0;
    /** Viscous part of the tissue's response, N per mm/s of lift speed (choice: ≤ 3 N at the lift's 10 mm/s). */
    static final double TISSUE_DAMPING_N_PER_MM_S = 0.3;
    /** An encoder slipping on its shaft first jumps by this much behind the true position (choice: beyond the 5 mm mismatch trip). */
    static final double ENCODER_SLIP_JUMP_MM = -10.0;
    /** ... and then counts only this share of the motion (choice). */
    static final double ENCODER_SLIP_COUNTED = 0.75;

    private final BedSpec spec;
    private final Back back;
    private final Ticker ticker;
    private final Sensors sensors;
    private final long startNanos;
    private final Carriage carriage;
    private final Lift lift;
    private final HeaterZone[] zones;
    private final SkinBands skin;
    private final ActuatorFrame latched;
    private final double[] rollerC;
    private final FaultState faults;
    private final Board board;
    private final double mechLiftLag;
    private final double thermalDecay;
    private final double thermistorLag;

    private double ambientC = 20.0;
    private boolean started;
    private long simNanos;
    private long lastWriteNanos;
    private long thermalPendingNanos;
    /** The first 2 ms boundary (twin start + k × {@link #MECH_STEP_NANOS}) after the last step's start. */
    private long nextMechBoundaryNanos;
    /** The next 10 ms boundary, where the thermal step runs. */
    private long nextThermalBoundaryNanos;
    /** A read-only view of the struck faults, made once: the campaign asks for it every tick. */
    private final List<InjectedFault> injectedView;
    /** Twin time (since start) of the last thermal step: what the skin's truth is current to. */
    private long thermalNanos;
    private double encoderMm;
    private double forceN;
    private long rejectedCommands;

    /** A twin of {@code spec} with {@code back} lying on it, noise drawn from {@code seed}, time from {@code ticker}. */
    public SimulatedBed(BedSpec spec, Back back, long seed, Ticker ticker) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.back = Objects.requireNonNull(back, "back");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sensors = new Sensors(spec, seed, ambientC);
        this.startNanos = ticker.nanos();
        this.simNanos = startNanos;
        this.lastWriteNanos = startNanos;
        this.nextMechBoundaryNanos = startNanos + MECH_STEP_NANOS;
        this.nextThermalBoundaryNanos = startNanos + THERMAL_STEP_NANOS;
        this.carriage = new Carriage(spec.travelMm(), spec.maxCarriageSpeedMmPerS(), spec.maxCarriageAccelMmPerS2(), 0);
        this.lift = new Lift(spec.maxLiftMm(), spec.maxLiftSpeedMmPerS());
        this.zones = new HeaterZone[spec.heaterZones()];
        for (int z = 0; z < zones.length; z++) {
            zones[z] = new HeaterZone(spec.heaterPowerW(), spec.thermalFuseC(), spec.bimetalCutoffC(), ambientC);
        }
        this.board = new Board(spec);
        double reachMm = Carriage.OVERTRAVEL_MM + spec.rollerPairOffsetMm() + SkinBands.PATCH_MM / 2;
        this.skin = new SkinBands(-reachMm, spec.travelMm() + reachMm, spec.rollerContactAreaCm2() / spec.heaterZones());
        this.latched = new ActuatorFrame(spec.heaterZones());
        this.rollerC = new double[spec.heaterZones()];
        this.faults = new FaultState(spec.heaterZones());
        this.injectedView = Collections.unmodifiableList(faults.injected);
        this.mechLiftLag = Lift.lagFactor(MECH_STEP_NANOS * 1e-9);
        this.thermalDecay = HeaterZone.decay(THERMAL_STEP_NANOS * 1e-9);
        this.thermistorLag = HeaterZone.lag(THERMAL_STEP_NANOS * 1e-9);
        this.forceN = computeForce();
    }

    /** A twin of the reference bed of DOMAIN.md §2. */
    public SimulatedBed(Back back, long seed, Ticker ticker) {
        this(BedSpec.REFERENCE, back, seed, ticker);
    }

    /** Sensor noise on (default) or off, for debugging. The random stream advances either way, so switching keeps it aligned. */
    public SimulatedBed noise(boolean enabled) {
        sensors.noise(enabled);
        return this;
    }

    /** The room's temperature; the rollers start at it. Before the first read, write or advance. */
    public SimulatedBed ambient(double tempC) {
        requireNotStarted("ambient");
        if (!(tempC >= 0 && tempC <= 40)) {
            throw new IllegalArgumentException("ambient tempC must be 0–40 °C, was " + tempC);
        }
        ambientC = tempC;
        for (int z = 0; z < zones.length; z++) {
            zones[z] = new HeaterZone(spec.heaterPowerW(), spec.thermalFuseC(), spec.bimetalCutoffC(), tempC);
        }
        sensors.resetReadings(tempC);
        return this;
    }

    /** Where the carriage stands at power-on (default 0, at home). Before the first read, write or advance. */
    public SimulatedBed placeCarriage(double positionMm) {
        requireNotStarted("placeCarriage");
        if (!(positionMm >= 0 && positionMm <= spec.travelMm())) {
            throw new IllegalArgumentException("carriage positionMm must be 0–" + spec.travelMm() + ", was " + positionMm);
        }
        carriage.place(positionMm);
        encoderMm = positionMm;
        forceN = computeForce();
        return this;
    }

    private void requireNotStarted(String what) {
        if (started) {
            throw new IllegalStateException(what + " must be set before the twin starts running");
        }
    }

    @Override
    public BedSpec spec() {
        return spec;
    }

    @Override
    public void read(SensorFrame into) {
        long now = ticker.nanos();
        advanceTo(now);
        sensors.fill(into, now, simNanos - startNanos, encoderMm, carriage, lift.liftMm(), lift.velocityMmPerS(), forceN,
                zones, faults, board);
    }

    @Override
    public void write(ActuatorFrame commands) {
        advanceTo(ticker.nanos());
        // the board refuses what it cannot do: non-finite numbers become 0, duties saturate at 0–1
        latched.carriageVelocityMmPerS = finiteOrZero(commands.carriageVelocityMmPerS);
        latched.liftVelocityMmPerS = finiteOrZero(commands.liftVelocityMmPerS);
        latched.motorsEnabled = commands.motorsEnabled;
        latched.carriageDriveEnabled = commands.carriageDriveEnabled;
        latched.heaterMains = commands.heaterMains;
        for (int z = 0; z < zones.length; z++) {
            double duty = z < commands.heaterDuty.length ? finiteOrZero(commands.heaterDuty[z]) : 0;
            latched.heaterDuty[z] = Math.max(0, Math.min(1, duty));
        }
        lastWriteNanos = simNanos;
    }

    private double finiteOrZero(double value) {
        if (Double.isFinite(value)) {
            return value;
        }
        rejectedCommands++;
        return 0;
    }

    /**
     * Advances the physics to {@code tickerNanos} without reading or writing: what happens to a bed
     * whose host has stopped ({@link FaultKind#LOOP_STALL}). Times at or before the twin's present are ignored.
     */
    public void advanceTo(long tickerNanos) {
        started = true;
        while (simNanos < tickerNanos) {
            faults.activateDue(this, simNanos);
            // the next 2 ms boundary after the present, kept instead of divided out every step (issue 8, speed)
            while (nextMechBoundaryNanos <= simNanos) {
                nextMechBoundaryNanos += MECH_STEP_NANOS;
            }
            long nextBoundary = nextMechBoundaryNanos;
            long stepEnd = Math.min(Math.min(nextBoundary, tickerNanos), faults.nextDueNanos());
            if (stepEnd <= simNanos) {
                stepEnd = Math.min(nextBoundary, tickerNanos);
            }
            mechanicalStep(stepEnd - simNanos);
            // every step ends at or before the next 2 ms boundary, so the twin lands on each 10 ms boundary exactly
            if (simNanos == nextThermalBoundaryNanos) {
                nextThermalBoundaryNanos += THERMAL_STEP_NANOS;
                thermalStep(thermalPendingNanos);
                thermalPendingNanos = 0;
            }
        }
        faults.activateDue(this, simNanos);
    }

    private void mechanicalStep(long dtNanos) {
        double dtS = dtNanos * 1e-9;
        // the board stands between the host's commands and the drives (DOMAIN.md §5 "Independent layers")
        board.step(simNanos, simNanos - lastWriteNanos, faults.estop, latched, lift.liftMm(), carriage.velocityMmPerS());
        double before = carriage.positionMm();
        carriage.step(dtS, board.carriageCommandMmPerS, board.carriageDriveOn, forceN);
        double lag = dtNanos == MECH_STEP_NANOS ? mechLiftLag : Lift.lagFactor(dtS);
        lift.step(dtS, lag, board.liftCommandMmPerS, board.liftDriveOn, faults.liftRunaway, forceN);
        encoderMm += (carriage.positionMm() - before) * (faults.encoderSlipping ? ENCODER_SLIP_COUNTED : 1.0);
        simNanos += dtNanos;
        thermalPendingNanos += dtNanos;
        forceN = computeForce();
    }

    private double computeForce() {
        if (faults.nobody()) {
            return 0;
        }
        double elasticN = back.forceN(carriage.positionMm(), lift.liftMm(), simulatedS());
        if (elasticN <= 0) {
            return 0;
        }
        return Math.max(0, elasticN + TISSUE_DAMPING_N_PER_MM_S * lift.velocityMmPerS());
    }

    private void thermalStep(long dtNanos) {
        double dtS = dtNanos * 1e-9;
        boolean usual = dtNanos == THERMAL_STEP_NANOS;
        // the board's heater dead-man and its wired stop button zero the duties and open the mains relay
        // (Klipper MCU max_duration; DOMAIN.md §5 "Independent layers")
        boolean heatersLive = board.heatersLive(simNanos - lastWriteNanos, faults.estop);
        boolean mains = latched.heaterMains && heatersLive;
        boolean touching = forceN > CONTACT_N;
        skin.clearContacts();
        double decay = usual ? thermalDecay : HeaterZone.decay(dtS);
        double lag = usual ? thermistorLag : HeaterZone.lag(dtS);
        for (int z = 0; z < zones.length; z++) {
            double toSkinW = touching ? skin.touch(z, carriage.positionMm() + zoneOffsetMm(z), zones[z].rollerC()) : 0;
            double duty = heatersLive ? latched.heaterDuty[z] : 0;
            zones[z].step(duty, mains, faults.heaterStuckOn[z], faults.heaterDead[z], faults.heaterWeak[z],
                    faults.thermistorDetached[z], toSkinW, ambientC, decay, lag, dtS);
            rollerC[z] = zones[z].rollerC();
        }
        thermalNanos = simNanos - startNanos;
        skin.step(thermalNanos, dtNanos, rollerC);
    }

    /** Where zone {@code z}'s roller pair sits relative to the carriage centre: upper pair at −offset, lower at +offset (DOMAIN.md §2). */
    double zoneOffsetMm(int z) {
        return zones.length == 1 ? 0 : -spec.rollerPairOffsetMm() + z * 2 * spec.rollerPairOffsetMm() / (zones.length - 1);
    }

    // ---- faults ----

    /** Schedules {@code kind} to strike {@code atS} seconds after the twin's start; {@code zone} matters only for {@link FaultKind#zoned()} kinds. */
    public void scheduleFault(double atS, FaultKind kind, int zone) {
        faults.schedule(atS, kind, zone, atS >= 0 && atS <= FaultState.LATEST_S ? startNanos + Math.round(atS * 1e9) : 0);
    }

    /** Makes {@code kind} strike now. */
    public void injectFault(FaultKind kind, int zone) {
        faults.schedule(simulatedS(), kind, zone, simNanos);
        faults.activateDue(this, simNanos);
    }

    /** Ground truth: every fault that has struck, in order, with the ticker time it took effect. */
    public List<InjectedFault> injectedFaults() {
        return injectedView;
    }

    /** Called by {@link FaultState} when a fault takes effect. */
    void strike(FaultKind kind, int zone) {
        switch (kind) {
            case THERMISTOR_STUCK -> faults.stuckReadingC[zone] = sensors.lastReadingC(zone);
            case CARRIAGE_STALL -> carriage.jam();
            case CARRIAGE_RUNAWAY -> carriage.runAway();
            case ENCODER_SLIP -> encoderMm += ENCODER_SLIP_JUMP_MM;
            case PRESENCE_LOST -> forceN = 0;
            default -> { }
        }
    }

    /** Twin time since its start of ticker time {@code tickerNanos}. */
    long sinceStartNanos(long tickerNanos) {
        return tickerNanos - startNanos;
    }

    // ---- ground truth ----

    public double simulatedS() {
        return (simNanos - startNanos) * 1e-9;
    }

    public double trueCarriagePositionMm() {
        return carriage.positionMm();
    }

    public double trueCarriageVelocityMmPerS() {
        return carriage.velocityMmPerS();
    }

    public double trueLiftMm() {
        return lift.liftMm();
    }

    public double trueForceN() {
        return forceN;
    }

    public double rollerTempC(int zone) {
        return zones[zone].rollerC();
    }

    /** Electrical power the zone's element took in its last thermal step, W. */
    public double heaterPowerW(int zone) {
        return zones[zone].powerW();
    }

    public boolean thermalFuseOpen(int zone) {
        return zones[zone].fuseOpen();
    }

    /** The board's motor dead-man has dropped the drives (no write for longer than {@link BedSpec#motorDeadmanS()}). */
    public boolean motorDeadmanTripped() {
        return board.tookOver(simNanos - lastWriteNanos, false);
    }

    /** The board's heater dead-man has cut heater power (no write for longer than {@link BedSpec#heaterDeadmanS()}). */
    public boolean heaterDeadmanTripped() {
        return !board.heatersLive(simNanos - lastWriteNanos, false);
    }

    /** The board's motor power relay is closed. */
    public boolean motorPowerOn() {
        return board.motorPower();
    }

    /** The board has taken the motors from the host: stop button pressed, or the host silent past the motor dead-man. */
    public boolean boardTookOver() {
        return board.tookOver(simNanos - lastWriteNanos, faults.estop);
    }

    public boolean cutoffOpen(int zone) {
        return zones[zone].cutoffOpen();
    }

    /** Ticker time at which the stop button was pressed, or −1 while it is not. */
    public long stopPressedAtNanos() {
        return faults.estopPressedAtNanos;
    }

    /** The carriage speed the host last commanded, mm/s (0 while it disables the motors): when a stalled drive can show. */
    public double commandedCarriageVelocityMmPerS() {
        return latched.motorsEnabled && latched.carriageDriveEnabled ? latched.carriageVelocityMmPerS : 0.0;
    }

    /** The lift speed the host last commanded, mm/s (0 while it disables the motors): when a lift drive that runs away can show. */
    public double commandedLiftVelocityMmPerS() {
        return latched.motorsEnabled ? latched.liftVelocityMmPerS : 0.0;
    }

    /** The duty the host last asked of zone {@code z}'s heater (0 while the mains is open): when a dead or weak heater can show. */
    public double commandedHeaterDuty(int z) {
        return latched.heaterMains ? latched.heaterDuty[z] : 0.0;
    }

    public double trueLiftVelocityMmPerS() {
        return lift.velocityMmPerS();
    }

    public boolean personPresent() {
        return !faults.nobody();
    }

    /**
     * Puts the person on the bed or takes them off it (the companion's simulator controls): off, the
     * presence mat reads empty and the rollers press nothing. The same body lies down again.
     */
    public void bodyOnBed(boolean onBed) {
        faults.bodyAway = !onBed;
        forceN = computeForce();
    }

    /** Commands the board refused as non-finite and replaced by 0. */
    public long rejectedCommands() {
        return rejectedCommands;
    }

    /** The hottest band's true skin temperature now, °C (reading it changes nothing). */
    public double maxSkinTempC() {
        return skin.maxNowC(thermalNanos);
    }

    /** The hottest true skin temperature of any band since the start, °C (resting bands sampled every sweep and now). */
    public double peakSkinTempC() {
        return Math.max(skin.peakC(), skin.maxNowC(thermalNanos));
    }

    /** The largest true CEM43 dose of any band since the start, minutes. */
    public double maxCem43Min() {
        skin.sync(thermalNanos);
        return skin.maxCem43Min();
    }

    public int bandCount() {
        return skin.bands();
    }

    /** Where band {@code band} begins, bed mm; each band is 10 mm long. */
    public double bandStartMm(int band) {
        return skin.bandStartMm(band);
    }

    public double skinTempC(int band) {
        skin.sync(thermalNanos);
        return skin.tempC(band);
    }

    public double cem43Min(int band) {
        skin.sync(thermalNanos);
        return skin.cem43Min(band);
    }

    /** Copies every band's true skin temperature into {@code into} (length ≥ {@link #bandCount()}). */
    public void skinTempsC(double[] into) {
        skin.sync(thermalNanos);
        skin.copyTemps(into);
    }

    /** Copies every band's true CEM43 dose, minutes, into {@code into} (length ≥ {@link #bandCount()}). */
    public void cem43sMin(double[] into) {
        skin.sync(thermalNanos);
        skin.copyCem43(into);
    }

    public Back back() {
        return back;
    }
}
