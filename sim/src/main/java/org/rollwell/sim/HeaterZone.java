package org.rollwell.sim;

/**
 * One heated roller pair: a lumped thermal mass heated by its element, losing heat
 * to the room and into the skin it touches, watched by a lagging thermistor and
 * protected by a latching thermal fuse. Units: °C, W, J/K, s.
 *
 * <p>Integrated exactly (exponential step) for a constant input over each thermal step,
 * so it is stable at any step size.
 */
final class HeaterZone {

    /**
     * Heat capacity of the roller pair with its element and housing, 1300 J/K (choice: ≈ 1.4 kg of
     * aluminium). With {@link #LOSS_W_PER_K} and 150 W (DOMAIN.md §2) it warms 20 → 45 °C in ≈ 4 min,
     * like commercial thermal beds that ask for a few minutes' warm-up.
     */
    static final double HEAT_CAPACITY_J_PER_K = 1300.0;
    /**
     * Loss to the room, 1.2 W/K (choice: convection from ≈ 0.1 m² of roller surface at ≈ 10 W/m²K plus the
     * frame). Holding 45 °C in a 20 °C room takes 30 W (20 % duty), 65 °C takes 54 W; full power unchecked
     * would settle near 145 °C, so the 85 °C fuse (DOMAIN.md §2) is what stops a runaway.
     */
    static final double LOSS_W_PER_K = 1.2;
    /** Thermistor lag, 4 s (choice: an NTC bead in a brass sleeve pressed into the roller shaft). */
    static final double THERMISTOR_TAU_S = 4.0;
    /**
     * A thermistor fallen off its roller follows the air in the housing with this time constant, 15 s
     * (the thermal time constant of a small epoxy NTC bead in still air, e.g. EPCOS B57861S: ≈ 15 s).
     */
    static final double DETACHED_TAU_S = 15.0;
    /** A weak zone delivers this share of the power it is asked for (issue 8: HEATER_WEAK, 30 %). */
    static final double WEAK_SHARE = 0.3;

    private final double powerW;
    private final double fuseC;
    private final double cutoffC;
    private double rollerC;
    private double thermistorC;
    private double watchC;
    private boolean fuseOpen;
    private boolean cutoffOpen;
    private double lastPowerW;

    HeaterZone(double powerW, double fuseC, double cutoffC, double startC) {
        this.powerW = powerW;
        this.fuseC = fuseC;
        this.cutoffC = cutoffC;
        this.rollerC = startC;
        this.thermistorC = startC;
        this.watchC = startC;
    }

    /**
     * Advances by {@code dtS}.
     *
     * @param duty        the duty the switch obeys (0 when the board's dead-man has cut it), 0–1
     * @param mainsClosed the mains relay (opened by the host or by the board's dead-man)
     * @param stuckOn     the switch is welded: full power while the mains is closed
     * @param dead        the element is open: no heat
     * @param weak        the zone delivers {@link #WEAK_SHARE} of its power
     * @param detached    the control thermistor has fallen off the roller and follows the air
     * @param toSkinW     heat flowing from the roller into the skin it touches, this step
     * @param decay       exp(−dt·G/C) for this step
     * @param lag         1 − exp(−dt/τ_thermistor) for this step
     */
    void step(double duty, boolean mainsClosed, boolean stuckOn, boolean dead, boolean weak, boolean detached,
              double toSkinW, double ambientC, double decay, double lag, double dtS) {
        double heatW = 0;
        if (mainsClosed && !fuseOpen && !cutoffOpen && !dead) {
            heatW = (stuckOn ? powerW : powerW * duty) * (weak ? WEAK_SHARE : 1.0);
        }
        double equilibriumC = ambientC + (heatW - toSkinW) / LOSS_W_PER_K;
        double nextC = equilibriumC + (rollerC - equilibriumC) * decay;
        if (heatW > 0 && nextC >= cutoffC) {
            // DOMAIN.md §5: the bimetal disc on the roller surface opens heater power at its rating and stays open
            // until power-off (a manual-reset cut-off); it acts the instant the surface would reach it
            cutoffOpen = true;
            heatW = 0;
            equilibriumC = ambientC - toSkinW / LOSS_W_PER_K;
            nextC = equilibriumC + (rollerC - equilibriumC) * decay;
        }
        lastPowerW = heatW;
        rollerC = nextC;
        if (detached) {
            thermistorC += (ambientC - thermistorC) * (1 - Math.exp(-dtS / DETACHED_TAU_S));
        } else {
            thermistorC += (rollerC - thermistorC) * lag;
        }
        // the watch sensor: a second bead of the same kind in the pair's other roller (choice), never detached here
        watchC += (rollerC - watchC) * lag;
        if (rollerC >= fuseC) {
            // DOMAIN.md §2: the thermal fuse opens at 85 °C and stays open (a one-shot fuse)
            fuseOpen = true;
        }
    }

    static double decay(double dtS) {
        return Math.exp(-dtS * LOSS_W_PER_K / HEAT_CAPACITY_J_PER_K);
    }

    static double lag(double dtS) {
        return 1 - Math.exp(-dtS / THERMISTOR_TAU_S);
    }

    double rollerC() {
        return rollerC;
    }

    double thermistorC() {
        return thermistorC;
    }

    boolean fuseOpen() {
        return fuseOpen;
    }

    double watchC() {
        return watchC;
    }

    boolean cutoffOpen() {
        return cutoffOpen;
    }

    double powerW() {
        return lastPowerW;
    }
}
