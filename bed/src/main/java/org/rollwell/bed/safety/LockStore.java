package org.rollwell.bed.safety;

/**
 * Where the latches' {@link LockState} outlives a run. The CLI keeps it in a JSON file in its data
 * directory; a simulation keeps it in memory ({@link InMemoryLockStore}), so its locks live and die
 * with the run; the server's database will implement the same two calls.
 */
public interface LockStore {
    /**
     * The state last saved, or {@link LockState#empty()} if none was ever saved.
     *
     * @throws LockStoreException if the stored state cannot be read; never replaced by an empty one
     */
    LockState load();

    /**
     * Saves {@code state} so that a crash at any moment leaves either the old or the new state.
     *
     * @throws LockStoreException if it could not be saved
     */
    void save(LockState state);
}
