package org.rollwell.bed.safety;

/**
 * The limits {@link SafetySupervisor#clamp} enforces on the commands of a healthy bed.
 * A clamp is never silent: the loop records an event when one starts to act.
 */
public enum ClampLimit {
    /** Carriage speed above the bed's maximum (DOMAIN.md §2: 80 mm/s). */
    CARRIAGE_SPEED,
    /** Lift speed above the bed's maximum (DOMAIN.md §2: 10 mm/s). */
    LIFT_SPEED,
    /** Lift would rise with the force already at the envelope's maximum. */
    FORCE_LIMIT,
    /** Lift would rise past the bed's travel or the envelope's STRETCH height. */
    LIFT_HEIGHT,
    /** A roller pair presses on an excluded range (lesion, implant ± 50 mm): the lift lowers. */
    EXCLUDED_RANGE,
    /** Heat not allowed by the envelope: duty 0, mains open. */
    HEAT_NOT_ALLOWED,
    /** A band's estimated CEM43 dose reached half the cap: heat is off for the rest of the session. */
    THERMAL_DOSE,
    /** A roller reads above the envelope's maximum roller temperature: its duty is cut. */
    ROLLER_TEMPERATURE,
    /** The skin estimate is within 0.5 °C of the envelope's maximum: heaters cut and rollers lifted off before the trip, until it is 1 °C under. */
    SKIN_TEMPERATURE,
    /**
     * The zone's heat is locked until a service reset (DOMAIN.md §5 "Latches"): its duty is 0, and the heater
     * mains stay open while a zone is locked for heat its duty does not control (stuck on, runaway, over-temperature).
     */
    ZONE_LOCKED,
    /** The lift is locked until a service reset: it is kept lowered. */
    LIFT_LOCKED
}
