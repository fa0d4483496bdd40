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
    LOOP_STALL(false, true);

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
}
