package org.rollwell.bench.tick;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rollwell.bed.force.LiftController;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.safety.SafetySupervisor;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.bed.session.SessionState;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.therapy.plan.SessionPlan;

/**
 * One control tick in steady state: the twin advances 10 ms and is read, the supervisor
 * checks, the session runner sets points, the controllers run, the supervisor clamps, the
 * twin is written. The trial starts one endless heated ROLL session (see
 * {@link BenchPlans#endlessRoll}) and runs it past homing and warm-up, so every measured tick is a
 * working tick and no setup allocation lands in the measurement.
 *
 * <pre>
 * ./mvnw -B -o -Dbuild.suffix=-bed -pl bench -am package -DskipTests
 * java -jar bench/target-bed/benchmarks.jar TickBenchmark -prof gc
 * </pre>
 * {@code -prof gc} reports {@code gc.alloc.rate.norm} in bytes per tick: it must be ≈ 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TickBenchmark {
    private VirtualTicker ticker;
    private ControlLoop loop;
    private SessionRunner runner;
    private long periodNanos;

    @Setup(Level.Trial)
    public void startSession() {
        BedSpec spec = BenchPlans.endlessBed();
        Body body = Body.TYPICAL;
        SessionPlan plan = BenchPlans.endlessRoll(body);
        ticker = new VirtualTicker();
        SimulatedBed bed = new SimulatedBed(spec, new ModelledBack(body, 1), 1, ticker);
        runner = new SessionRunner(plan, spec);
        loop = new ControlLoop(bed, ticker, new SafetySupervisor(spec, plan.envelope()), runner, new LiftController(spec));
        loop.observe(runner.recorder());
        periodNanos = spec.periodNanos();
        runner.start();
        // past homing and the warm-up, into the first segment's steady work
        while (runner.state() != SessionState.RUNNING || ticker.nanos() < 400_000_000_000L) {
            tick();
        }
    }

    @Benchmark
    public long tick() {
        ticker.advance(periodNanos);
        loop.tick();
        return loop.ticks();
    }
}
