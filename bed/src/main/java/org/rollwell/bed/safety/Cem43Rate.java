package org.rollwell.bed.safety;

import org.rollwell.therapy.heat.Cem43;

/**
 * The bed's name for the one CEM43 function ({@link Cem43}, therapy): R^(43 − T) per minute
 * (Sapareto &amp; Dewey 1984). Kept so the bed's callers read as before; the twin's truth in
 * {@code sim} has its own, independent copy.
 */
final class Cem43Rate {

    private Cem43Rate() {
    }

    static double exact(double tempC) {
        return Cem43.exactPerMin(tempC);
    }

    /** Minutes-equivalent at 43 °C per minute at {@code tempC}; the table rounds up, never down. */
    static double perMin(double tempC) {
        return Cem43.perMin(tempC);
    }
}
