package org.rollwell.bench.tick;

import java.util.Locale;
import org.rollwell.app.simulate.Simulation;
import org.rollwell.app.simulate.SimulationResult;
import org.rollwell.sim.body.Body;

/**
 * Simulates a 30-minute session (issue 4: "in under 1 s of wall time on one core") through
 * the same harness the CLI uses, and prints the wall time of each run: the first includes
 * the JIT's warm-up, the later ones are what a warm process gives.
 *
 * <pre>
 * ./mvnw -B -o -Dbuild.suffix=-bed -pl bench -am package -DskipTests
 * taskset -c 0 java -cp bench/target-bed/benchmarks.jar org.rollwell.bench.tick.SessionDriver [runs]
 * </pre>
 */
public final class SessionDriver {
    private SessionDriver() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Body body = Body.TYPICAL;
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            SimulationResult r = Simulation.of(BenchPlans.tension(body, 30), body, i).run();
            double wallMs = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "run %d: %s, %.0f s simulated (%d ticks, homing and warm-up included) in %.0f ms wall, %.2f µs/tick%n",
                    i, r.status(), r.simulatedS(), r.ticks(), wallMs, wallMs * 1000 / r.ticks());
        }
    }
}
