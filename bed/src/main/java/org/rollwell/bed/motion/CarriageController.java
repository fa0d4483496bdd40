package org.rollwell.bed.motion;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;

/**
 * The carriage: homing to the home switch, trapezoidal profiles and a position loop
 * whose output is the carriage velocity command (the board's drive closes the speed
 * loop). Limits from the {@link BedSpec}: DOMAIN.md §2, ≤ 80 mm/s and ≤ 300 mm/s².
 */
public final class CarriageController {
    /** Homing creeps towards the switch so it stops within a millimetre of it (choice). */
    public static final double HOMING_SPEED_MM_PER_S = 30.0;
    /** Position loop gain, 1/s: 8 rad/s sits well under the 100 Hz loop and above the profile's content (choice). */
    static final double POSITION_GAIN_PER_S = 8.0;
    /** Within this of the target the carriage counts as settled (choice, under the 5 mm stall limit). */
    static final double SETTLED_MM = 2.0;

    private final BedSpec spec;
    private final TrapezoidProfile profile;
    private double velocityCommandMmPerS;
    private boolean homed;
    private boolean profileActive;

    public CarriageController(BedSpec spec) {
        this.spec = spec;
        this.profile = new TrapezoidProfile(spec.maxCarriageAccelMmPerS2());
    }

    /**
     * Computes this tick's carriage velocity command.
     *
     * @param positionMm the encoder reading of this tick
     * @param homeSwitch the home switch of this tick
     */
    public void update(Setpoints setpoints, double positionMm, boolean homeSwitch, double dtS, LoopStatus status) {
        switch (setpoints.carriage) {
            case HOME -> {
                profileActive = false;
                if (homeSwitch) {
                    homed = true;
                    velocityCommandMmPerS = 0;
                } else {
                    velocityCommandMmPerS = -HOMING_SPEED_MM_PER_S;
                }
            }
            case HOLD -> {
                profileActive = false;
                velocityCommandMmPerS = 0;
            }
            case MOVE -> {
                if (!profileActive) {
                    profile.reset(positionMm);
                    profileActive = true;
                }
                double target = clampToTravel(setpoints.carriageTargetMm);
                double cruise = Math.min(Math.abs(setpoints.carriageSpeedMmPerS), spec.maxCarriageSpeedMmPerS());
                profile.step(target, cruise, dtS);
                double command = profile.velocityMmPerS() + POSITION_GAIN_PER_S * (profile.positionMm() - positionMm);
                double max = spec.maxCarriageSpeedMmPerS();
                velocityCommandMmPerS = Math.max(-max, Math.min(max, command));
            }
        }
        status.homed = homed;
        if (profileActive) {
            status.carriageReferenceMm = profile.positionMm();
            status.carriageReferenceMmPerS = profile.velocityMmPerS();
            status.carriageSettled = profile.reached(clampToTravel(setpoints.carriageTargetMm))
                    && Math.abs(positionMm - profile.positionMm()) < SETTLED_MM;
        } else {
            status.carriageReferenceMm = positionMm;
            status.carriageReferenceMmPerS = 0;
            status.carriageSettled = setpoints.carriage != Setpoints.Carriage.HOME || homed;
        }
    }

    /** Forgets the profile, e.g. after the safe state, so the next move starts from where the carriage is. */
    public void stop() {
        profileActive = false;
        velocityCommandMmPerS = 0;
    }

    private double clampToTravel(double targetMm) {
        // Positions the runner asks for are kept off the switches; a plan's span never reaches them.
        return Math.max(TRAVEL_MARGIN_MM, Math.min(spec.travelMm() - TRAVEL_MARGIN_MM, targetMm));
    }

    /** Targets stay this far from the home and limit switches so a move never trips them (choice). */
    public static final double TRAVEL_MARGIN_MM = 5.0;

    public double velocityCommandMmPerS() {
        return velocityCommandMmPerS;
    }

    public boolean homed() {
        return homed;
    }
}
