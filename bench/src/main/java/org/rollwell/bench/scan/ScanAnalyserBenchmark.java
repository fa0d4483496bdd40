package org.rollwell.bench.scan;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rollwell.app.simulate.Simulation;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.scan.ScanAnalyser;
import org.rollwell.therapy.scan.ScanResult;
import org.rollwell.therapy.scan.ScanTrace;

/**
 * The spine-scan analyser on a realistic trace: the bed's scan routine on the twin for the
 * issue's example body (182 cm, 80 kg, kyphosis 38°, lordosis 52°, 120 mm head offset,
 * 20 mm off centre), about 3 800 rows. Issue 5's target: ≤ 20 ms per trace.
 *
 * <pre>
 * ./mvnw -B -q -o -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ScanAnalyserBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScanAnalyserBenchmark {

    private ScanTrace trace;
    private final ScanAnalyser analyser = new ScanAnalyser();

    @Setup
    public void scanTheTwin() {
        Body body = new Body(182, 80, 38, 52, 120, 20);
        trace = Simulation.scan(body, 3).runScan().trace();
        if (!analyser.analyse(trace).ok()) {
            throw new IllegalStateException("the benchmark's scan should be a good one");
        }
    }

    @Benchmark
    public ScanResult analyse() {
        return analyser.analyse(trace);
    }
}
