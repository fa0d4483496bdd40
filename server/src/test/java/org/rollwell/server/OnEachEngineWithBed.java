package org.rollwell.server;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.time.Ticker;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.companion.BedService;
import org.rollwell.companion.Pacing;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.store.Database;
import org.rollwell.store.TestClock;

/**
 * The fixture of the bed's API tests: {@link OnEachEngine}'s real server and fresh database, with the
 * twin as the bed behind a {@link BedService} on the real-time driver at 100 × speed (so a session's
 * minutes pass in seconds), starting with nobody on it.
 */
abstract class OnEachEngineWithBed {
    /** The twin's seed in these tests (no tuning is done on it). */
    static final long SEED = 23;
    /** The largest time scale: the tests wait on the bed through the API, so faster is shorter. */
    static final int TIME_SCALE = 100;

    @TempDir
    Path dir;
    TestClock clock;
    Database db;
    CompanionServer server;
    SimulatedBed twin;

    abstract Database.Engine engine();

    @BeforeEach
    void startServer() throws SQLException {
        clock = new TestClock(Instant.parse("2026-11-30T07:00:00Z"), ZoneId.of("Europe/Berlin"));
        db = OnEachEngine.open(engine(), dir, clock);
        db.recoverInterrupted();
        TwinLink bed = twin(db, clock);
        twin = bed.twin();
        server = CompanionServer.start(db, new CompanionServer.Options("127.0.0.1", 0, OnEachEngine.TEST_COST), clock,
                bed.link());
    }

    /** The twin, its bed service (started, nobody on the bed) and its controls. */
    record TwinLink(SimulatedBed twin, BedLink link) {
    }

    static TwinLink twin(Database db, java.time.Clock clock) {
        VirtualTicker ticker = new VirtualTicker();
        SimulatedBed twin = new SimulatedBed(BedSpec.REFERENCE, new ModelledBack(Body.TYPICAL, SEED), SEED, ticker);
        twin.bodyOnBed(false);
        BedService bed = new BedService(twin, Pacing.scaled(Ticker.system(), ticker, TIME_SCALE),
                new ServiceLocks(db.locks(Database.HOUSEHOLD_BED), clock, BedSpec.REFERENCE.heaterZones())).start();
        SimulatorControls controls = TwinControls.of(twin, bed);
        return new TwinLink(twin, new BedLink(bed, controls));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    Api client() {
        return new Api(server.port());
    }

    /** Waits until {@code condition} holds, asking again every 10 ms for at most {@code seconds} of wall time. */
    static void until(String what, double seconds, BooleanSupplier condition) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }
}
