package org.rollwell.server.web;

import java.time.Clock;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.time.Ticker;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.companion.BedService;
import org.rollwell.companion.Pacing;
import org.rollwell.server.BedLink;
import org.rollwell.server.SimulatorControls;
import org.rollwell.server.TwinControls;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.store.Database;

/**
 * The digital twin as the browser tests' bed, wired as the server's LiveApiTest wires it (and the
 * app's {@code --bed sim}): a {@link BedService} on the real-time driver at {@code timeScale} × the
 * wall, so a session's minutes pass in seconds, starting with nobody on the bed.
 */
final class TwinBed {
    /** The twin's seed in the browser tests (no tuning is done on it). */
    static final long SEED = 31;

    /** The bed's routes for the server. */
    final BedLink link;
    /** The wall clock the twin is paced by, which a test may slow down to watch a quick part move. */
    final Wall wall;
    /** The bed's service locks, which a test resets as the service technician's command would. */
    final ServiceLocks locks;

    private TwinBed(BedLink link, Wall wall, ServiceLocks locks) {
        this.link = link;
        this.wall = wall;
        this.locks = locks;
    }

    /**
     * The JVM's monotonic clock, or that clock slowed down {@code n} times: the twin then runs at its time scale ÷ n
     * against the real wall, so a scan that takes a quarter of a second at 100 × lasts long enough to be seen moving.
     */
    static final class Wall implements Ticker {
        private final Ticker real = Ticker.system();
        private long baseNanos = real.nanos();
        private long realBaseNanos = baseNanos;
        private int slowdown = 1;

        @Override
        public synchronized long nanos() {
            return baseNanos + (real.nanos() - realBaseNanos) / slowdown;
        }

        /** From now on the wall runs {@code n} times slower than the real one (1: as fast); it never goes back. */
        synchronized void slowDown(int n) {
            baseNanos = nanos();
            realBaseNanos = real.nanos();
            slowdown = n;
        }
    }

    static TwinBed start(Database db, Clock clock, int timeScale) {
        VirtualTicker ticker = new VirtualTicker();
        SimulatedBed twin = new SimulatedBed(BedSpec.REFERENCE, new ModelledBack(Body.TYPICAL, SEED), SEED, ticker);
        twin.bodyOnBed(false);
        Wall wall = new Wall();
        ServiceLocks locks = new ServiceLocks(db.locks(Database.HOUSEHOLD_BED), clock, BedSpec.REFERENCE.heaterZones());
        BedService bed = new BedService(twin, Pacing.scaled(wall, ticker, timeScale), locks).start();
        SimulatorControls controls = TwinControls.of(twin, bed);
        return new TwinBed(new BedLink(bed, controls), wall, locks);
    }
}
