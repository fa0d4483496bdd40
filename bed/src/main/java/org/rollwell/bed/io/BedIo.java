package org.rollwell.bed.io;

/**
 * The hardware boundary: everything the runtime knows of a bed comes through
 * {@link #read} and everything it does goes through {@link #write}. The simulator
 * and each real driver implement it; controllers never know which is behind it.
 *
 * <p>Both calls fill or take caller-owned frames, so the 100 Hz loop allocates nothing.
 */
public interface BedIo {

    /** The bed this is: geometry and limits. */
    BedSpec spec();

    /** Fills {@code into} with the sensors' current readings (one frozen process image). */
    void read(SensorFrame into);

    /**
     * Sends the commands of one tick. Writing also refreshes the board's dead-man:
     * a board that is not written to stops its motors within
     * {@link BedSpec#motorDeadmanS()} and cuts heater power within {@link BedSpec#heaterDeadmanS()}.
     */
    void write(ActuatorFrame commands);
}
