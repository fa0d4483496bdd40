package org.rollwell.bed.session;

import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.bed.record.Recorder;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.ServiceLocks;

/**
 * What the bed's locks mean for a session (DOMAIN.md §5 "Latches"): a zone locked for service runs
 * unheated (target 0, and warm-up does not wait for it), said once in the record; a locked lift
 * refuses the session with the lock and what clears it.
 */
final class SessionLocks {
    private final ServiceLocks locks;
    private final Recorder recorder;
    private boolean announced;

    SessionLocks(ServiceLocks locks, Recorder recorder) {
        this.locks = locks;
        this.recorder = recorder;
    }

    boolean zoneLocked(int zone) {
        return locks.zoneLocked(zone);
    }

    boolean liftLocked() {
        return locks.liftLocked();
    }

    /** Sets every locked zone's target to 0; the first time one had a target, records a LOCKED event. */
    void unheat(LoopStatus st, Setpoints sp) {
        for (int z = 0; z < sp.zoneTargetC.length; z++) {
            if (locks.zoneLocked(z)) {
                if (sp.zoneTargetC[z] > 0 && !announced) {
                    announced = true;
                    Lock lock = locks.state().zone(z);
                    recorder.event(st.nowNanos, "LOCKED", "zone " + z + " heat locked since " + lock.at() + " by "
                            + lock.cause() + ": it runs unheated until a service reset");
                }
                sp.zoneTargetC[z] = 0.0;
            }
        }
    }

    /** Why a locked lift refuses a session. */
    static String liftLockedReason(ServiceLocks locks) {
        Lock lock = locks.state().lift();
        return "the lift is locked since " + lock.at() + " by " + lock.cause() + " (" + lock.detail()
                + "): no session until a service reset";
    }
}
