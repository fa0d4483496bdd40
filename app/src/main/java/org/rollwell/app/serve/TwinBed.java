package org.rollwell.app.serve;

import java.time.Clock;
import java.util.Locale;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.time.Ticker;
import org.rollwell.bed.time.VirtualTicker;
import org.rollwell.companion.BedService;
import org.rollwell.companion.LoopScheduling;
import org.rollwell.companion.Pacing;
import org.rollwell.server.BedLink;
import org.rollwell.server.SimulatorControls;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.SimulatedBed;
import org.rollwell.sim.body.Body;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.store.Database;

/**
 * {@code rollwell serve --bed sim}: the digital twin as the server's bed. The twin and the control
 * loop share a virtual ticker that the companion's driver advances {@code timeScale} periods per real
 * period; the twin starts with nobody on it. Its controls (body on or off, a fault now) run on the
 * bed's thread, between two ticks.
 */
public final class TwinBed {
    /** The twin's person: the typical body (175 cm, 75 kg), seed 1 (choice: any fixed seed; nothing is tuned on it). */
    static final long SEED = 1;

    private TwinBed() {
    }

    /** Builds the twin, its bed service (started) and its controls; the service keeps its locks in {@code db}. */
    public static BedLink start(Database db, int timeScale, Clock clock) {
        return start(db, timeScale, clock, LoopScheduling.Policy.NORMAL);
    }

    /** As {@link #start(Database, int, Clock)}, the bed's thread asking the operating system for {@code scheduling}. */
    public static BedLink start(Database db, int timeScale, Clock clock, LoopScheduling.Policy scheduling) {
        VirtualTicker ticker = new VirtualTicker();
        SimulatedBed twin = new SimulatedBed(BedSpec.REFERENCE, new ModelledBack(Body.TYPICAL, SEED), SEED, ticker);
        twin.bodyOnBed(false);
        BedService service = new BedService(twin, Pacing.scaled(Ticker.system(), ticker, timeScale),
                new ServiceLocks(db.locks(Database.HOUSEHOLD_BED), clock, BedSpec.REFERENCE.heaterZones()), scheduling).start();
        return new BedLink(service, new Controls(service, twin));
    }

    private record Controls(BedService service, SimulatedBed twin) implements SimulatorControls {
        @Override
        public void bodyOnBed(boolean onBed) {
            service.onBedThread(() -> {
                twin.bodyOnBed(onBed);
                return null;
            });
        }

        @Override
        public void injectFault(String kind, int zone) {
            FaultKind k;
            try {
                k = FaultKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind: not a twin fault (" + java.util.Arrays.toString(FaultKind.values())
                        + "), was " + (kind.length() > 40 ? kind.substring(0, 40) + "…" : kind));
            }
            if (k.zoned() && (zone < 0 || zone >= twin.spec().heaterZones())) {
                throw new IllegalArgumentException("zone: must be 0–" + (twin.spec().heaterZones() - 1) + ", was " + zone);
            }
            if (k.stopsHost()) {
                throw new IllegalArgumentException("kind: " + k + " stops the host itself and cannot be injected into a live server");
            }
            service.onBedThread(() -> {
                twin.injectFault(k, zone);
                return null;
            });
        }
    }
}
