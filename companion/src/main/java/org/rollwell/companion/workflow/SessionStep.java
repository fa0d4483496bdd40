package org.rollwell.companion.workflow;

import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.bed.session.SessionState;

/** A session on its loop: the bed's runner of the plan, and its record. */
public record SessionStep(ControlLoop loop, SessionRunner runner) implements Step {

    @Override
    public String state() {
        return runner.state().name();
    }

    @Override
    public String phase() {
        SessionState s = runner.state();
        return s == SessionState.RUNNING ? runner.plan().segments().get(runner.segmentIndex()).technique().name() : s.name();
    }

    @Override
    public boolean finished() {
        return runner.state().finished();
    }

    /** The plan's own seconds (homing, warm-up and cool-down come on top). */
    @Override
    public double expectedS() {
        return runner.plan().totalSeconds();
    }

    public boolean completed() {
        return runner.state() == SessionState.COMPLETED;
    }

    public SessionRecord record() {
        return runner.record();
    }
}
