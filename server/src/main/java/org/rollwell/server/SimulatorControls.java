package org.rollwell.server;

/**
 * What only a simulated bed can do (issue 11 item 5): put the twin's person on the bed or take them
 * off, and inject a twin fault now. The app hands an implementation to the server with {@code --bed
 * sim}; without one the simulator routes answer 404. The server never sees the twin itself.
 */
public interface SimulatorControls {

    void bodyOnBed(boolean onBed);

    /**
     * Injects a twin fault now.
     *
     * @throws IllegalArgumentException naming {@code kind} or {@code zone} and the reason when either is not valid
     */
    void injectFault(String kind, int zone);
}
