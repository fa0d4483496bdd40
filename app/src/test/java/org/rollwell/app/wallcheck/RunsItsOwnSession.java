package org.rollwell.app.wallcheck;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.therapy.plan.SessionPlan;

/** Test-only offender: an app class that builds its own session runner instead of going through the workflow. */
public final class RunsItsOwnSession {
    private RunsItsOwnSession() {
    }

    public static SessionRunner start(SessionPlan plan) {
        return new SessionRunner(plan, BedSpec.REFERENCE);
    }
}
