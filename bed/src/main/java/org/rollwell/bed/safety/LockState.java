package org.rollwell.bed.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the latches remember between runs: the locks now held, the recent OVER_FORCE trips
 * (a second within 24 h locks the lift) and the history of service resets. Immutable; each change
 * gives a new state, which the runtime saves through its {@link LockStore}.
 *
 * @param locks      locks now held, at most one per zone and one for the lift
 * @param overForces when OVER_FORCE tripped within the last 24 h
 * @param history    every service reset, oldest first
 */
public record LockState(List<Lock> locks, List<Instant> overForces, List<LockReset> history) {
    /** "A second OVER_FORCE ... in a day locks the lift" (DOMAIN.md §5): the day is a sliding 24 h. */
    public static final Duration OVER_FORCE_DAY = Duration.ofHours(24);

    public LockState {
        locks = List.copyOf(Objects.requireNonNull(locks, "locks"));
        overForces = List.copyOf(Objects.requireNonNull(overForces, "overForces"));
        history = List.copyOf(Objects.requireNonNull(history, "history"));
    }

    public static LockState empty() {
        return new LockState(List.of(), List.of(), List.of());
    }

    /** The lock on {@code zone}'s heat, or null. */
    public Lock zone(int zone) {
        return find(Lock.Target.ZONE_HEAT, zone);
    }

    /** The lock on the lift, or null. */
    public Lock lift() {
        return find(Lock.Target.LIFT, -1);
    }

    private Lock find(Lock.Target target, int zone) {
        for (Lock lock : locks) {
            if (lock.holds(target, zone)) {
                return lock;
            }
        }
        return null;
    }

    /**
     * The state after {@code fault} tripped at {@code now}: a ZONE_HEAT code locks its zone, a LIFT code
     * the lift, an OVER_FORCE the lift if another OVER_FORCE tripped within 24 h; a SESSION code changes
     * nothing. A lock already held is kept with its first cause.
     */
    public LockState after(Fault fault, Instant now) {
        Objects.requireNonNull(fault, "fault");
        String detail = fault.code() + " (" + fault.code().rule() + "), reading " + fault.value();
        List<Instant> recent = new ArrayList<>();
        for (Instant t : overForces) {
            if (t.plus(OVER_FORCE_DAY).isAfter(now)) {
                recent.add(t);
            }
        }
        Lock added = switch (fault.code().latch()) {
            case SESSION -> null;
            case ZONE_HEAT -> new Lock(Lock.Target.ZONE_HEAT, Math.max(0, fault.zone()), fault.code(), now, detail);
            case LIFT -> new Lock(Lock.Target.LIFT, -1, fault.code(), now, detail);
            case SESSION_THEN_LIFT -> recent.isEmpty() ? null
                    : new Lock(Lock.Target.LIFT, -1, fault.code(), now, detail + "; the second within 24 h");
        };
        if (fault.code().latch() == Latch.SESSION_THEN_LIFT) {
            recent.add(now);
        }
        List<Lock> held = new ArrayList<>(locks);
        if (added != null && find(added.target(), added.zone()) == null) {
            held.add(added);
        }
        return new LockState(held, recent, history);
    }

    /**
     * The state after a service reset of {@code target} ({@code zone} for a zone lock): the lock goes,
     * the reset joins the history.
     *
     * @throws IllegalArgumentException if no such lock is held, naming what is
     */
    public LockState reset(Lock.Target target, int zone, String by, String reason, Instant now) {
        Lock lock = find(target, zone);
        if (lock == null) {
            String what = target == Lock.Target.LIFT ? "the lift" : "zone " + zone + "'s heat";
            throw new IllegalArgumentException(what + " is not locked; locked now: " + describe());
        }
        LockReset reset = new LockReset(lock, by, reason, now);
        List<Lock> held = new ArrayList<>(locks);
        held.remove(lock);
        List<LockReset> done = new ArrayList<>(history);
        done.add(reset);
        // a reset of the lift also forgets the over-force count that led to it
        List<Instant> recent = target == Lock.Target.LIFT ? List.of() : overForces;
        return new LockState(held, recent, done);
    }

    /** "nothing" or "zone 0 heat (HEATER_STUCK_ON), lift (LOAD_CELL_FAILURE)". */
    public String describe() {
        if (locks.isEmpty()) {
            return "nothing";
        }
        StringBuilder b = new StringBuilder();
        for (Lock lock : locks) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(lock.what()).append(" (").append(lock.cause()).append(')');
        }
        return b.toString();
    }
}
