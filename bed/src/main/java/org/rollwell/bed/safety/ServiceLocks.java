package org.rollwell.bed.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The bed's locks at run time (DOMAIN.md §5 "Latches"): loaded from a {@link LockStore} at start,
 * updated and saved when a trip sets a lock, cleared only by a service {@link #reset}. The control
 * loop reads {@link #zoneLocked} and {@link #liftLocked} every tick from plain arrays (no
 * allocation); {@link #record} runs once per trip, after the safe state has been written.
 */
public final class ServiceLocks {
    private final LockStore store;
    private final Clock clock;
    private final boolean[] zoneLocked;
    private volatile boolean liftLocked;
    private volatile boolean mainsLocked;
    private volatile LockState state;

    /**
     * @param zones heater zones of the bed
     * @param clock wall clock for when a lock was set or reset, and the 24 h of the OVER_FORCE rule
     */
    public ServiceLocks(LockStore store, Clock clock, int zones) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zoneLocked = new boolean[zones];
        apply(store.load());
    }

    /**
     * Locks that live and die with one run (a simulation's fresh twin): in memory, every trip dated at
     * the epoch, so every trip of the run falls in one day.
     */
    public static ServiceLocks fresh(int zones) {
        return new ServiceLocks(new InMemoryLockStore(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), zones);
    }

    /** Records a trip: sets the lock its code's {@link Latch} asks for and saves the state if it changed. */
    public synchronized void record(Fault fault) {
        LockState next = state.after(fault, clock.instant());
        if (!next.equals(state)) {
            store.save(next);
            apply(next);
        }
    }

    /** A service reset: clears one lock and records who, why and when. */
    public synchronized LockReset reset(Lock.Target target, int zone, String by, String reason) {
        LockState next = state.reset(target, zone, by, reason, clock.instant());
        store.save(next);
        apply(next);
        return next.history().get(next.history().size() - 1);
    }

    private void apply(LockState next) {
        this.state = next;
        for (int z = 0; z < zoneLocked.length; z++) {
            zoneLocked[z] = next.zone(z) != null;
        }
        liftLocked = next.lift() != null;
        boolean mains = false;
        for (Lock lock : next.locks()) {
            mains |= lock.target() == Lock.Target.ZONE_HEAT && heatsWithoutDuty(lock.cause());
        }
        mainsLocked = mains;
    }

    /**
     * Codes that show heat the zone's duty does not control: a welded switch, a runaway, a roller over its
     * trip line. Duty 0 cannot stop such a zone, only the shared heater mains can (choice: the whole bed then
     * runs unheated until the service reset).
     */
    static boolean heatsWithoutDuty(FaultCode code) {
        return code == FaultCode.HEATER_STUCK_ON || code == FaultCode.HEATER_RUNAWAY
                || code == FaultCode.ROLLER_OVER_TEMPERATURE;
    }

    /** Whether the heater mains must stay open: a zone is locked for heat its duty does not control. */
    public boolean mainsLocked() {
        return mainsLocked;
    }

    public boolean zoneLocked(int zone) {
        return zoneLocked[zone];
    }

    public boolean liftLocked() {
        return liftLocked;
    }

    /** The state now held (locks, recent over-forces, reset history). */
    public LockState state() {
        return state;
    }
}
