package org.rollwell.server;

import java.util.Locale;
import org.rollwell.companion.BedService;
import org.rollwell.sim.FaultKind;
import org.rollwell.sim.SimulatedBed;

/**
 * The simulator routes' controls over a twin that a {@link BedService} drives, for the server's tests
 * (the app wires its own, app/cli/TwinBed): every change is made on the bed's thread, between ticks.
 */
public final class TwinControls {

    private TwinControls() {
    }

    public static SimulatorControls of(SimulatedBed twin, BedService bed) {
        return new SimulatorControls() {
            @Override
            public void bodyOnBed(boolean onBed) {
                bed.onBedThread(() -> {
                    twin.bodyOnBed(onBed);
                    return null;
                });
            }

            /** Checks as the app's TwinBed does: a known kind that does not stop the host, a zone of the bed. */
            @Override
            public void injectFault(String kind, int zone) {
                FaultKind k;
                try {
                    k = FaultKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("kind: not a twin fault");
                }
                if (k.stopsHost()) {
                    throw new IllegalArgumentException("kind: stops the host");
                }
                if (k.zoned() && (zone < 0 || zone >= twin.spec().heaterZones())) {
                    throw new IllegalArgumentException("zone: not a zone of the bed");
                }
                bed.onBedThread(() -> {
                    twin.injectFault(k, zone);
                    return null;
                });
            }
        };
    }
}
