package org.rollwell.sim;

/**
 * The faults the twin can suffer (issue 4 item 7). Each has a signature in the
 * {@link org.rollwell.bed.io.SensorFrame} that a real bed would show; the
 * supervisor in {@code bed} must recognise it from the frames alone.
 */
public enum FaultKind {
    /** The heater's switch has welded shut: full power whenever the mains relay is closed, whatever the duty. */
    HEATER_STUCK_ON(true, false),
    /** The heater element has burnt out: no heat whatever the duty. */
    HEATER_DEAD(true, false),
    /** The thermistor's wire is open: the board reads far below its valid range (−40 °C). */
    THERMISTOR_OPEN(true, false),
    /** The thermistor is shorted: the board reads far above its valid range (250 °C). */
    THERMISTOR_SHORT(true, false),
    /** The thermistor has come loose from the roller: its reading freezes while the roller's temperature moves. */
    THERMISTOR_STUCK(true, false),
    /** The carriage jams: it does not move whatever the command, and the encoder stays still. */
    CARRIAGE_STALL(false, false),
    /** The encoder slips on its shaft: its count jumps and then loses counts, so the reported position drifts from the true one. */
    ENCODER_SLIP(false, false),
    /** A bridge wire of the load cell opens: the amplifier saturates beyond full scale. */
    LOAD_CELL_FAIL(false, false),
    /** The person gets up: the presence mat clears and the rollers meet no back. */
    PRESENCE_LOST(false, false),
    /** The hardware stop button is pressed (and stays pressed: it latches mechanically). */
    ESTOP(false, false),
    /** The host stops ticking. The twin does nothing itself: the harness stops reading and writing and only advances time. */
    LOOP_STALL(false, true),
    /** The control thermistor falls off the roller: its reading relaxes toward the air's temperature (τ 15 s), noise continues. */
    THERMISTOR_DETACHED(true, false),
    /** The control thermistor reads low by an offset growing 0.5 °C/s, up to 20 °C (a failing NTC or a corroded contact). */
    THERMISTOR_DRIFT(true, false),
    /** The load cell's amplifier freezes at its last reading: no noise, no change whatever the force. */
    LOAD_CELL_STUCK(false, false),
    /** The load cell's gain falls linearly to 0.5 over 10 s and stays there (a cracked bond or a drifting reference). */
    LOAD_CELL_DRIFT(false, false),
    /** The lift drive pushes up at full speed whatever it is told, while it has power. */
    LIFT_DRIVE_RUNAWAY(false, false),
    /** The carriage drive keeps going at full speed in the direction it last moved, whatever it is told, while it has power. */
    CARRIAGE_RUNAWAY(false, false),
    /** A zone delivers 30 % of the power it is asked for (half its element open, or a sagging supply). */
    HEATER_WEAK(true, false),
    /** The host stops ticking, and 1 s later the stop button is pressed: only the board can act. The harness stops the host. */
    ESTOP_HOST_HUNG(false, false);

    private final boolean zoned;
    private final boolean hostSide;

    FaultKind(boolean zoned, boolean hostSide) {
        this.zoned = zoned;
        this.hostSide = hostSide;
    }

    /** True when the fault strikes one heater zone, so it needs a zone number. */
    public boolean zoned() {
        return zoned;
    }

    /** True when the fault lies in the host, not in the bed: the harness, not the twin, must enact it. */
    public boolean hostSide() {
        return hostSide;
    }

    /** True when the harness must stop ticking the host: {@link #LOOP_STALL} and {@link #ESTOP_HOST_HUNG}. */
    public boolean stopsHost() {
        return this == LOOP_STALL || this == ESTOP_HOST_HUNG;
    }
}
