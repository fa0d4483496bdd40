package org.rollwell.server;

import java.util.List;
import org.rollwell.companion.BedRefusal;
import org.rollwell.companion.BedService;

/**
 * The bed the server drives, and the simulator's controls when the bed is the twin. A server without a
 * bed still lists the bed's routes; they answer 503 (no bed) and the simulator routes 404.
 *
 * @param service   the bed, or null when none is attached
 * @param simulator the twin's controls, or null on a real bed
 */
public record BedLink(BedService service, SimulatorControls simulator) {

    public static BedLink none() {
        return new BedLink(null, null);
    }

    BedService require() {
        if (service == null) {
            throw new ApiProblem(503, "no-bed", "No bed attached", "$", "this server drives no bed", List.of());
        }
        return service;
    }

    SimulatorControls requireSimulator() {
        if (simulator == null) {
            throw ApiProblem.notFound("path", "the simulator's routes exist only with the simulated bed (--bed sim)");
        }
        return simulator;
    }

    /** A refused start as the contract's problem: 409 bed-busy / bed-empty / bed-faulted, 403 when a lock forbids it. */
    static ApiProblem problem(BedRefusal e) {
        return switch (e.why()) {
            case BUSY -> new ApiProblem(409, "bed-busy", "The bed is in use", "$", e.getMessage(), List.of());
            case EMPTY -> new ApiProblem(409, "bed-empty", "Nobody is on the bed", "$",
                    e.getMessage(), List.of());
            case FAULTED -> new ApiProblem(409, "bed-faulted", "A fault stands", "$", e.getMessage(), List.of());
            case LOCKED -> ApiProblem.forbidden("bed-locked", "$", e.getMessage());
            case PLAN -> ApiProblem.forbidden("plan-blocked", "profileId", e.getMessage());
            case NOTHING_RUNNING -> ApiProblem.conflict("$", e.getMessage());
        };
    }
}
