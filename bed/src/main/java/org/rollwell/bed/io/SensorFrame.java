package org.rollwell.bed.io;

/**
 * What the bed's sensors report in one tick: the frozen process image every
 * controller and the supervisor read. Reused from tick to tick (no allocation in
 * the loop), so its fields are plain and mutable; only {@link BedIo#read} writes it.
 *
 * <p>Readings are raw: a failed thermistor reads out of its valid range, a failed
 * load cell reads outside 0…full scale. Judging them is the supervisor's job.
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
    /** The hardware stop button is pressed. */
    public boolean stopButton;
    /** The occupancy mat reports a person lying on the bed. */
    public boolean presence;

    public SensorFrame(int heaterZones) {
        zoneTempC = new double[heaterZones];
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
    }
}
