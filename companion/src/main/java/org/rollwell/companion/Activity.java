package org.rollwell.companion;

import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.therapy.anatomy.SpineMap;

/** One thing the bed does at a time, driven by the bed's thread: a session or a scan. */
abstract class Activity {
    final Owner owner;
    final ControlLoop loop;
    /** Set once, on the bed's thread, when {@link #finished()} was first seen. */
    boolean ended;
    /** Set on the bed's thread when the person acknowledged the fault it ended with. */
    boolean acknowledged;

    Activity(Owner owner, ControlLoop loop) {
        this.owner = owner;
        this.loop = loop;
    }

    /** The state the bed shows: HOMING, RUNNING, SCANNING, ... */
    abstract String state();

    /** Whether the session or scan has ended, either way. */
    abstract boolean finished();

    /** Called once on the bed's thread when it has ended. */
    abstract void onEnded();

    /** Called after every real period while it runs, with the wall time (checkpoints). */
    void afterPeriod(long wallNanos) {
    }

    /** Asks it to end through its own safe way (a session's cool-down); the bed's thread keeps driving it. */
    abstract void stop(String why);

    int segment() {
        return -1;
    }

    String technique() {
        return null;
    }

    int secondsLeft() {
        return -1;
    }

    SpineMap map() {
        return null;
    }

    boolean faulted() {
        return loop.supervisor().fault() != null;
    }

    /** The bed stays with it until it ended and, if it faulted, until the fault was acknowledged. */
    boolean releasesBed() {
        return ended && (!faulted() || acknowledged);
    }
}
