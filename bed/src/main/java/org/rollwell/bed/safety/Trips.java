package org.rollwell.bed.safety;

/** Where a watch reports a trip; the supervisor latches the first one. */
@FunctionalInterface
interface Trips {
    /**
     * @param zone  the heater zone for zone faults, otherwise −1
     * @param value the reading that tripped the rule, in the rule's unit
     */
    void trip(FaultCode code, long nowNanos, int zone, double value);
}
