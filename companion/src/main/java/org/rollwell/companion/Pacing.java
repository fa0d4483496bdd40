package org.rollwell.companion;

import java.util.Objects;
import org.rollwell.bed.time.Ticker;
import org.rollwell.bed.time.VirtualTicker;

/**
 * How the bed's loop keeps time. A real bed: the loop reads the wall ticker and ticks once per period
 * at absolute deadlines. A simulated bed: the twin and the loop share a {@link VirtualTicker}, and at
 * every real period the driver runs {@code timeScale} ticks, each advancing the virtual ticker by one
 * period. So the control loop always sees exactly one period between ticks (its controllers and watches
 * are tuned for the bed's rate) while the twin runs {@code timeScale} times faster than the wall.
 *
 * @param wall      the monotonic clock the driver paces itself on
 * @param simulated the twin's and loop's clock, or null for a real bed
 * @param timeScale loop ticks per real period: 1 for a real bed, 1–100 for a simulated one
 */
public record Pacing(Ticker wall, VirtualTicker simulated, int timeScale) {
    /** The largest time scale: 100 ticks per 10 ms period still fit the 2-core reference machine (choice, issue 11). */
    public static final int MAX_TIME_SCALE = 100;

    public Pacing {
        Objects.requireNonNull(wall, "wall");
        if (timeScale < 1 || timeScale > MAX_TIME_SCALE) {
            throw new IllegalArgumentException("timeScale: must be 1–" + MAX_TIME_SCALE + ", was " + timeScale);
        }
        if (simulated == null && timeScale != 1) {
            throw new IllegalArgumentException("timeScale: a real bed runs in real time (1), was " + timeScale);
        }
    }

    /** A real bed on the wall clock. */
    public static Pacing realTime(Ticker wall) {
        return new Pacing(wall, null, 1);
    }

    /** A simulated bed whose twin reads {@code twinTicker}, {@code timeScale} times faster than the wall. */
    public static Pacing scaled(Ticker wall, VirtualTicker twinTicker, int timeScale) {
        return new Pacing(wall, Objects.requireNonNull(twinTicker, "twinTicker"), timeScale);
    }

    /** The clock the control loop reads: the twin's virtual ticker on a simulated bed, else the wall. */
    public Ticker loopTicker() {
        return simulated != null ? simulated : wall;
    }
}
