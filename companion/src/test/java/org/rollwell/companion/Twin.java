package org.rollwell.companion;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.time.Ticker;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;

/** The companion's test bed: a twin of the reference bed on a virtual ticker, served at a high time scale. */
final class Twin {
    /** Tests run the twin 100 × faster than the wall (the largest scale), so a session's minutes take seconds. */
    static final int TEST_SCALE = 100;
    /** Tuning and scoring seed of these tests' twin (one body, no tuning here). */
    static final long SEED = 11;

    final VirtualTicker ticker = new VirtualTicker();
    final SimulatedBed bed = new SimulatedBed(BedSpec.REFERENCE, new ModelledBack(Body.TYPICAL, SEED), SEED, ticker);
    final BedService service = new BedService(bed, Pacing.scaled(Ticker.system(), ticker, TEST_SCALE),
            ServiceLocks.fresh(BedSpec.REFERENCE.heaterZones()));

    Twin() {
        bed.bodyOnBed(false);
        service.start();
    }

    void bodyOn(boolean on) {
        service.onBedThread(() -> {
            bed.bodyOnBed(on);
            return null;
        });
    }

    static SessionPlan plan(String profile, Goal goal, int minutes) {
        return new SessionPlanner(BedSpec.REFERENCE.limits()).plan(profile(profile), goal, minutes);
    }

    static Profile profile(String name) {
        try {
            String json = Files.readString(Path.of("..", "examples", "profiles", name + ".json"));
            ParseResult<Profile> r = ProfileParser.parse(json);
            if (r instanceof ParseResult.Parsed<Profile> p) {
                return p.value();
            }
            throw new IllegalStateException("sample profile " + name + " does not parse: " + r.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds, polling the bed every 5 ms for at most {@code seconds} of wall time. */
    static void until(String what, double seconds, BooleanSupplier condition) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + seconds + " s: " + what);
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }
}
