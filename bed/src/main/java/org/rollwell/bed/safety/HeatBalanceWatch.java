package org.rollwell.bed.safety;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * The heat balance of each zone (issue 8: HEATER_WEAK): over the last 20 s, the heat the
 * roller pair took in, C·ΔT/Δt + G·(T − room), must be at least half the heat the written
 * duties asked for. A zone that warms too slowly for its duty has a weak or dead element,
 * even where the PID's extra duty hides it from the "no rise" checks.
 *
 * <p>The sensor sees the roller through its lag (a first-order lag of {@link SkinEstimator#THERMISTOR_LAG_S}):
 * heat asked for in the last seconds has not reached the reading yet. Passing the balance
 * C·dT/dt + G·(T − room) = P through the same lag gives C·dy/dt + G·(y − room) = lag(P) for the reading
 * y, exactly: so the heat taken, read on the sensor, is judged against the asked heat passed through
 * the sensor's lag. Judging it against the raw asked heat tripped a healthy zone whose heat came back
 * on after a long cut (full power for 3 s after 20 s off: the reading had not moved yet).
 * The heat the rollers give the skin while they press is left out: it makes the balance err towards a
 * trip by at most U·A·(roller − skin) ≈ 55 W/m²K × 24 cm² × 25 K ≈ 3 W (TissueHeat's cover conductance,
 * the reference bed's contact area), a tenth of the heat that holds a roller at 45 °C (30 W).
 *
 * <p>It reads the watch sensor where the board has one (independent of the control
 * thermistor, which may be off its roller), else the control thermistor. The room is taken
 * as the lower of the first reading and 20 °C: a room warmer than that only makes the
 * check less eager, never a false trip (choice).
 */
final class HeatBalanceWatch {
    /** The balance window, s (choice: long against the 4 s sensor lag, short against the 90 s bound). */
    static final int WINDOW_S = 20;
    /** A zone taking in less than this share of the asked heat trips (choice: a healthy zone shows ≥ 0.8, a 30 % one ≈ 0.3). */
    static final double MIN_SHARE = 0.5;
    /** Only judged when the duties asked for at least this much heat on average, W (choice: 10 % of a 150 W zone). */
    static final double MIN_ASKED_W = 15.0;
    /** The room is assumed no warmer than this, °C (choice: conservative, see the class comment). */
    static final double ROOM_AT_MOST_C = 20.0;

    private final int zones;
    private final int samplesPerS;
    private final double powerW;
    private final double heatCapacityJPerK;
    private final double lossWPerK;
    private final double minValidC;
    private final double maxValidC;
    /** Per zone, the mean reading and mean asked power of each of the last WINDOW_S + 1 whole seconds. */
    private final double[][] meanC;
    private final double[][] meanW;
    private final double[] sumC;
    private final double[] sumW;
    private final double[] roomC;
    /** Per zone, the asked heat passed through the sensor's lag, W. */
    private final double[] laggedW;
    private final double lagFactor;
    private int inSecond;
    private int seconds;
    private int next;
    private FaultCode code;
    private int zone;
    private double value;

    HeatBalanceWatch(BedSpec spec) {
        this.zones = spec.heaterZones();
        this.samplesPerS = spec.loopHz();
        this.powerW = spec.heaterPowerW();
        this.heatCapacityJPerK = spec.rollerHeatCapacityJPerK();
        this.lossWPerK = spec.rollerLossWPerK();
        this.minValidC = spec.thermistorMinC();
        this.maxValidC = spec.thermistorMaxC();
        this.meanC = new double[zones][WINDOW_S + 1];
        this.meanW = new double[zones][WINDOW_S + 1];
        this.sumC = new double[zones];
        this.sumW = new double[zones];
        this.roomC = new double[zones];
        java.util.Arrays.fill(roomC, Double.NaN);
        this.laggedW = new double[zones];
        this.lagFactor = 1 - Math.exp(-spec.periodNanos() / 1e9 / SkinEstimator.THERMISTOR_LAG_S);
    }

    /** Starts the window afresh (the room estimate is kept). */
    void reset() {
        inSecond = 0;
        seconds = 0;
        java.util.Arrays.fill(sumC, 0.0);
        java.util.Arrays.fill(sumW, 0.0);
        java.util.Arrays.fill(laggedW, 0.0);
    }

    /** Judges one frame against the duties written last tick; true on a trip ({@link #code()}, {@link #zone()}, {@link #value()}). */
    boolean check(SensorFrame s, ActuatorFrame written) {
        for (int z = 0; z < zones; z++) {
            double c = Double.isNaN(s.watchTempC[z]) ? s.zoneTempC[z] : s.watchTempC[z];
            if (!(c >= minValidC && c <= maxValidC)) {
                // out of range is the range check's; the window starts again on good readings
                reset();
                return false;
            }
            if (Double.isNaN(roomC[z])) {
                roomC[z] = Math.min(c, ROOM_AT_MOST_C);
            }
            sumC[z] += c;
            double askedW = written.heaterMains ? powerW * written.heaterDuty[z] : 0;
            laggedW[z] += (askedW - laggedW[z]) * lagFactor;
            sumW[z] += laggedW[z];
        }
        if (++inSecond < samplesPerS) {
            return false;
        }
        for (int z = 0; z < zones; z++) {
            meanC[z][next] = sumC[z] / inSecond;
            meanW[z][next] = sumW[z] / inSecond;
            sumC[z] = 0;
            sumW[z] = 0;
        }
        inSecond = 0;
        int newest = next;
        next = (next + 1) % (WINDOW_S + 1);
        if (++seconds <= WINDOW_S) {
            return false;
        }
        int oldest = next;
        for (int z = 0; z < zones; z++) {
            double askedW = 0;
            double sumT = 0;
            for (int i = 0; i <= WINDOW_S; i++) {
                if (i != oldest) {
                    askedW += meanW[z][i];
                    sumT += meanC[z][i];
                }
            }
            askedW /= WINDOW_S;
            if (askedW < MIN_ASKED_W) {
                continue;
            }
            double riseC = meanC[z][newest] - meanC[z][oldest];
            double tookW = heatCapacityJPerK * riseC / WINDOW_S + lossWPerK * (sumT / WINDOW_S - roomC[z]);
            if (tookW < MIN_SHARE * askedW) {
                code = FaultCode.HEATER_NOT_HEATING;
                zone = z;
                value = tookW / askedW;
                return true;
            }
        }
        return false;
    }

    FaultCode code() {
        return code;
    }

    int zone() {
        return zone;
    }

    double value() {
        return value;
    }
}
