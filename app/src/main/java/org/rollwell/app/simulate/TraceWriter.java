package org.rollwell.app.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.sim.SimulatedBed;

/**
 * The trace CSV (issue 4 item 8): a header row, then one row per tick or every Nth: time,
 * state, position and target, lift, force and target, roller temperature and duty per zone,
 * the highest skin estimate, the highest true skin temperature, the active fault. Tracing
 * formats text per row, so it is for looking at a run, not for benchmarks.
 */
final class TraceWriter {
    private final Writer out;
    private final int every;
    private final StringBuilder row = new StringBuilder(256);
    private long count;

    TraceWriter(Writer out, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("trace every must be at least 1 tick, was " + every);
        }
        this.out = out;
        this.every = every;
    }

    void header(int zones) {
        row.setLength(0);
        row.append("t_s,state,position_mm,target_mm,lift_mm,force_n,force_target_n");
        for (int z = 0; z < zones; z++) {
            row.append(",roller_c_z").append(z).append(",duty_z").append(z);
        }
        row.append(",skin_estimate_max_c,true_skin_max_c,fault\n");
        write();
    }

    void row(double tS, String state, ControlLoop loop, double forceTargetN, SimulatedBed bed) {
        if (count++ % every != 0) {
            return;
        }
        SensorFrame s = loop.sensors();
        row.setLength(0);
        num(tS, 2).append(',').append(state).append(',');
        num(s.carriagePositionMm, 1).append(',');
        num(loop.status().carriageReferenceMm, 1).append(',');
        num(s.liftMm, 1).append(',');
        num(s.forceN, 1).append(',');
        num(forceTargetN, 1);
        for (int z = 0; z < s.zoneTempC.length; z++) {
            row.append(',');
            num(s.zoneTempC[z], 2).append(',');
            num(loop.commands().heaterMains ? loop.commands().heaterDuty[z] : 0.0, 3);
        }
        row.append(',');
        num(loop.supervisor().skin().maxTempC(), 2).append(',');
        num(bed.maxSkinTempC(), 2).append(',');
        row.append(loop.supervisor().fault() == null ? "" : loop.supervisor().fault().code().name()).append('\n');
        write();
    }

    private static final long[] SCALE = {1, 10, 100, 1000};

    /** Fixed decimals without {@code String.format}, which would dominate a traced run's time. */
    private StringBuilder num(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return row.append(v);
        }
        long scaled = Math.round(Math.abs(v) * SCALE[decimals]);
        if (v < 0 && scaled != 0) {
            row.append('-');
        }
        row.append(scaled / SCALE[decimals]);
        if (decimals > 0) {
            row.append('.');
            String frac = Long.toString(scaled % SCALE[decimals]);
            for (int i = frac.length(); i < decimals; i++) {
                row.append('0');
            }
            row.append(frac);
        }
        return row;
    }

    private void write() {
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the trace", e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the trace", e);
        }
    }
}
