package org.rollwell.bed.safety;

/**
 * Every reason the supervisor trips into the safe state, one code per trip rule
 * (DOMAIN.md §5 "Heater protection", "Motion and force", "Heat and skin"). The codes
 * are stable: records, the CLI and the UI show them. Each constant documents its rule and
 * declares its {@link Latch}: what a trip locks until a service reset.
 */
public enum FaultCode {
    /** The stop button is pressed, or a person asked for an emergency stop: safe state within one tick (DOMAIN.md §5). */
    ESTOP(Latch.SESSION, "stop button pressed or emergency stop requested"),
    /** Force above the envelope's maximum + 10 % for ≥ 50 ms (DOMAIN.md §5 "Motion and force"). */
    OVER_FORCE(Latch.SESSION_THEN_LIFT, "roller force above the envelope maximum + 10 % for 50 ms"),
    /** The load cell reads outside 0…full scale (or not a number) for 3 consecutive samples: an open bridge saturates the amplifier. */
    LOAD_CELL_FAILURE(Latch.LIFT, "load cell reading outside its measurable range for 3 samples"),
    /**
     * Commanded and encoder position apart by more than 5 mm while the encoder stands still (DOMAIN.md §5);
     * "commanded" integrates the written velocity commands through the drive's 15 ms lag and 300 mm/s².
     */
    CARRIAGE_STALL(Latch.SESSION, "carriage does not follow its command: position mismatch over 5 mm"),
    /**
     * The encoder jumps further than the carriage can move in one tick (2 × 80 mm/s × 10 ms + 2 counts
     * + 1 mm), or disagrees with the commanded motion by more than 5 mm while it still moves, or the
     * home switch is pressed while the encoder reads more than 10 mm from home.
     */
    ENCODER_SLIP(Latch.SESSION, "encoder reading jumped or drifted more than 5 mm from the commanded motion"),
    /** The far limit switch is pressed, or the home switch is pressed away from home, outside homing (DOMAIN.md §5). */
    LIMIT_SWITCH(Latch.SESSION, "limit switch hit outside homing"),
    /**
     * The occupancy mat reports nobody for ≥ 1 s, or force stays under 8 N with the lift 15 mm above where
     * contact was last held while force-controlled, for ≥ 1 s (DOMAIN.md §5). "Where contact was held" is
     * taken within 50 mm of the carriage where the back was touched there, else anywhere (PresenceWatch).
     */
    PRESENCE_LOST(Latch.SESSION, "person no longer detected for 1 s"),
    /** Thermistor reads below −10 °C for 4 consecutive samples: an open NTC reads cold (Klipper ADC range check). */
    THERMISTOR_OPEN(Latch.ZONE_HEAT, "thermistor reads below its valid range for 4 samples (open circuit)"),
    /** Thermistor reads above 120 °C for 4 consecutive samples: a shorted NTC reads hot (Klipper ADC range check). */
    THERMISTOR_SHORT(Latch.ZONE_HEAT, "thermistor reads above its valid range for 4 samples (short circuit)"),
    /** The thermistor reading has not changed by a single count for 5 s: a live sensor always shows noise. */
    THERMISTOR_STUCK(Latch.ZONE_HEAT, "thermistor reading frozen for 5 s"),
    /**
     * Power on but no rise (DOMAIN.md §5): while approaching a target every 2 °C must come within 60 s
     * (Klipper heating_gain 2, check_gain_time 60); at target, ≥ 90 % duty for 30 s must raise the
     * reading by ≥ 1 °C. A dead heater, or a sensor that is not in the roller. Also the heat balance: over
     * 20 s the zone took in less than half the heat its duty asked for, passed through the sensor's lag (a weak heater).
     */
    HEATER_NOT_HEATING(Latch.ZONE_HEAT, "heater powered without the temperature rising (2 °C in 60 s warming,"
            + " 1 °C in 30 s at ≥ 90 % duty, or under half the asked heat over 20 s)"),
    /**
     * Power off but still rising (DOMAIN.md §5): with duty 0 the reading climbs ≥ 1 °C above its lowest
     * since the duty went to 0 (within 30 s); or, after ≥ 5 s of full power, a 4.5 s off-probe of the
     * heater controller leaves the reading rising at > 70 % of its rate before. A welded heater switch.
     */
    HEATER_STUCK_ON(Latch.ZONE_HEAT, "zone keeps heating with its heater off"),
    /** At target, the zone left a ±5 °C band with accumulated error over 120 °C·s (Klipper hysteresis 5, max_error 120). */
    HEATER_RUNAWAY(Latch.ZONE_HEAT, "zone left the ±5 °C band around its target for over 120 °C·s"),
    /**
     * The roller reads above the bed's highest target plus its overshoot margin (Marlin MAXTEMP), or the
     * board reports the zone's 70 °C bimetal cut-off open.
     */
    ROLLER_OVER_TEMPERATURE(Latch.ZONE_HEAT, "roller above the highest settable target plus the overshoot margin"),
    /** The skin-temperature estimate of some 10 mm band exceeds the envelope's maximum (IEC 60601-1: 43 °C). */
    SKIN_OVER_TEMPERATURE(Latch.SESSION, "estimated skin temperature above the envelope's maximum"),
    /** The CEM43 estimate of some 10 mm band exceeds the envelope's cap per session (DOMAIN.md §5: 1 CEM43 minute). */
    THERMAL_DOSE(Latch.SESSION, "estimated thermal dose of a band above the CEM43 cap"),
    /**
     * The session ran longer than the envelope's maximum minutes of plan time (DOMAIN.md §2 auto-off), or,
     * counted from {@code start()} with homing, warm-up and pauses included, longer than that plus the
     * 15 min warm-up allowance: no state keeps the bed busy without end.
     */
    SESSION_OVERTIME(Latch.SESSION, "session longer than its maximum time"),
    /**
     * Homing and warm-up together took longer than 15 min (choice: a healthy 150 W zone heats 20 → 65 °C
     * in ≈ 6–8 min in the twin, so twice that is a heater too weak to reach its target, a zone hanging just
     * outside the ±1 °C "warm" band, or a carriage that never settles; HEATER_NOT_HEATING misses a slow
     * rise of more than 2 °C a minute).
     */
    WARM_UP_TIMEOUT(Latch.SESSION, "homing and warm-up longer than 15 min"),
    /**
     * The carriage encoder reads outside −10 … travel + 10 mm, or not a number, for 3 consecutive samples
     * (Klipper's ADC range-check idea applied to the encoder): a NaN would blind the stall and slip checks.
     */
    POSITION_SENSOR_FAULT(Latch.SESSION, "carriage position reading outside −10 mm … travel + 10 mm for 3 samples"),
    /**
     * The lift position sensor reads outside −2 … maximum lift + 2 mm, or not a number, for 3 consecutive
     * samples: a NaN would defeat the lift-height clamp. The safe state then lowers the lift blind, to its
     * end stop, without trusting the reading.
     */
    LIFT_SENSOR_FAULT(Latch.LIFT, "lift position reading outside −2 mm … maximum lift + 2 mm for 3 samples"),
    /** A control tick started more than 100 ms after its deadline: the host stalled, the dead-man may already have acted. */
    LOOP_OVERRUN(Latch.SESSION, "control loop late by more than 100 ms"),
    /**
     * A zone's control thermistor and its watch sensor disagree by more than 5 °C for 2 s (DOMAIN.md §5
     * "Independent layers"): one of them has come off the roller or drifts. Locks the zone's heat.
     */
    ZONE_SENSOR_DISAGREE(Latch.ZONE_HEAT, "a zone's two temperature sensors disagree by more than 5 °C for 2 s"),
    /**
     * The load cell and the force the lift motor's current shows disagree by more than the lift's friction
     * band for 0.1 s while the lift has power (DOMAIN.md §5 "Independent layers"): a drifting or stuck load cell.
     * Also, the friction opposing the motion, their 0.5 s mean gap beyond what the lift's motion allows (up to the
     * band rising, none holding, down to minus the band lowering) over a third of the band: a sagging cell under a still lift.
     */
    FORCE_SENSOR_DISAGREE(Latch.LIFT, "load cell and lift motor current disagree beyond the lift's friction band for 0.1 s"),
    /**
     * The load cell's reading has not changed at all for 0.25 s inside its range while the lift is told to
     * move, or while the motor current, its twin signal, moved by more than 0.5 N (DOMAIN.md §5): a live load
     * cell always shows noise (σ ≈ 2 N).
     */
    LOAD_CELL_STUCK(Latch.LIFT, "load cell reading frozen for 0.25 s while the lift moves or its motor current changes"),
    /**
     * The lift rose more than 0.4 mm beyond what its commands allow within 0.1 s: a drive that pushes up
     * whatever it is told. Its safe state drops motor power (the self-locking lift then holds), also when it
     * shows after another trip whose lowering it defies; the lift stays locked until its drive is serviced (choice).
     */
    LIFT_RUNAWAY(Latch.LIFT, "lift rising beyond its commands"),
    /**
     * The carriage ran more than 10 mm/s faster than any command of the last 0.2 s allows, or got more than 5 mm
     * ahead of its commanded motion in the direction it moves: a drive that keeps going whatever it is told.
     * Its safe state drops motor power (the drive's brake stops the carriage). Locks the lift, which keeps every
     * session off the bed until a service reset (choice: there is no carriage lock).
     */
    CARRIAGE_RUNAWAY(Latch.LIFT, "carriage moving faster than its commands allow");

    /**
     * Whether the safe state must drop motor power instead of lowering the lift: a drive that does not obey
     * cannot be told to lower or stop, only unpowered (issue 8).
     */
    public boolean dropsMotorPower() {
        return this == LIFT_RUNAWAY;
    }

    /** Whether the trip takes the carriage driver's own enable, keeping the lift's power so it can lower. */
    public boolean cutsCarriageDrive() {
        return this == CARRIAGE_RUNAWAY;
    }

    private final Latch latch;
    private final String rule;

    /** Every code declares its latch: a new code cannot be added without deciding what it locks. */
    FaultCode(Latch latch, String rule) {
        this.latch = java.util.Objects.requireNonNull(latch, "latch");
        this.rule = rule;
    }

    /** What a trip of this code locks beyond the session (DOMAIN.md §5 "Latches"). */
    public Latch latch() {
        return latch;
    }

    /** The detection rule in one line, for notes, the CLI and the record. */
    public String rule() {
        return rule;
    }
}
