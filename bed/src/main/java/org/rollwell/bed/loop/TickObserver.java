package org.rollwell.bed.loop;

/** Sees every tick after the commands were written (recorder, trace). Must not allocate per tick. */
public interface TickObserver {
    void afterTick(ControlLoop loop);
}
