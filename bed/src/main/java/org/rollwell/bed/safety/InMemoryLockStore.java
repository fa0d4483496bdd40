package org.rollwell.bed.safety;

import java.util.Objects;

/** A {@link LockStore} that lives as long as the object: a simulation's fresh twin. */
public final class InMemoryLockStore implements LockStore {
    private LockState state;

    public InMemoryLockStore() {
        this(LockState.empty());
    }

    public InMemoryLockStore(LockState initial) {
        this.state = Objects.requireNonNull(initial, "initial");
    }

    @Override
    public synchronized LockState load() {
        return state;
    }

    @Override
    public synchronized void save(LockState newState) {
        this.state = Objects.requireNonNull(newState, "state");
    }
}
