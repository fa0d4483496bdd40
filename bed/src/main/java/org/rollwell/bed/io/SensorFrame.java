package org.rollwell.bed.io;

/**
 * What the bed's sensors report in one tick: the frozen process image every
 * controller and the supervisor read. Reused from tick to tick (no allocation in
 * the loop), so its fields are plain and mutable; only {@link BedIo#read} writes it.
 *
 * <p>Readings are raw: a failed thermistor reads out of its valid range, a failed
 * load cell reads outside 0…full scale. Judging them is the supervisor's job.
 *
 * <p>The board's own layer (DOMAIN.md §5 "Independent layers") reports its state here too:
 * the wired stop button it has acted on, its bimetal cut-offs, its motor power relay, the
 * watch sensor of each zone and the lift motor's current. A board without a watch sensor or
 * current sensing leaves those readings NaN (the frame starts so), and the cross-checks that
 * need them stand aside.
 */
public final class SensorFrame {
    /** When the frame was read, from the loop's ticker. */
    public long timeNanos;
    /** Carriage position from the encoder, mm from home. */
    public double carriagePositionMm;
    /** Home switch at position 0 is pressed. */
    public boolean homeSwitch;
    /** Limit switch at the far end of travel is pressed. */
    public boolean limitSwitch;
    /** Lift position (roller protrusion into the back), mm. */
    public double liftMm;
    /** Load cell under the roller head, N. */
    public double forceN;
    /** Thermistor reading per heater zone, °C. */
    public final double[] zoneTempC;
    /** The wired stop button is pressed: the board has already cut heater power and lowers the lift itself. */
    public boolean stopButton;
    /** The occupancy mat reports a person lying on the bed. */
    public boolean presence;
    /** Second ("watch") sensor per heater zone, independent of the control thermistor, °C; NaN when the board has none. */
    public final double[] watchTempC;
    /** The board's bimetal cut-off of each zone has opened heater power (surface at its cut-off temperature). */
    public final boolean[] cutoffOpen;
    /** The board's motor power relay is closed: the drives can move. */
    public boolean motorPower;
    /** Current drawn by the lift motor, A: a second force signal through the screw; NaN when the board has none. */
    public double liftMotorCurrentA = Double.NaN;

    public SensorFrame(int heaterZones) {
        zoneTempC = new double[heaterZones];
        watchTempC = new double[heaterZones];
        java.util.Arrays.fill(watchTempC, Double.NaN);
        cutoffOpen = new boolean[heaterZones];
    }

    public void copyFrom(SensorFrame other) {
        timeNanos = other.timeNanos;
        carriagePositionMm = other.carriagePositionMm;
        homeSwitch = other.homeSwitch;
        limitSwitch = other.limitSwitch;
        liftMm = other.liftMm;
        forceN = other.forceN;
        System.arraycopy(other.zoneTempC, 0, zoneTempC, 0, zoneTempC.length);
        stopButton = other.stopButton;
        presence = other.presence;
        System.arraycopy(other.watchTempC, 0, watchTempC, 0, watchTempC.length);
        System.arraycopy(other.cutoffOpen, 0, cutoffOpen, 0, cutoffOpen.length);
        motorPower = other.motorPower;
        liftMotorCurrentA = other.liftMotorCurrentA;
    }
}
