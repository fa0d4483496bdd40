package org.rollwell.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.LockReset;
import org.rollwell.bed.safety.LockState;
import org.rollwell.bed.safety.LockStore;
import org.rollwell.bed.safety.LockStoreException;

/**
 * The bed's locks in the database, the same two calls as the CLI's lock file: the locks held, the
 * recent OVER_FORCE trips and the history of service resets (who, why, when), saved in one
 * transaction so a crash leaves the old state or the new one. The reset history is an audit: a save
 * may add to it but never shorten or rewrite it. Locks belong to the bed, not to an account.
 */
final class JdbiLockStore implements LockStore {
    private final Jdbi jdbi;
    private final String bedId;

    JdbiLockStore(Jdbi jdbi, String bedId) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        if (bedId == null || bedId.isBlank() || bedId.length() > 64) {
            throw new IllegalArgumentException("bedId: must be 1–64 characters, was " + bedId);
        }
        this.bedId = bedId;
    }

    @Override
    public LockState load() {
        try {
            return jdbi.withHandle(this::read);
        } catch (JdbiException | IllegalArgumentException e) {
            // never an empty state in place of one that cannot be read: that would silently unlock the bed
            throw new LockStoreException("cannot read the locks of bed " + bedId + " from the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(LockState state) {
        Objects.requireNonNull(state, "state");
        try {
            jdbi.useTransaction(h -> write(h, state));
        } catch (JdbiException e) {
            throw new LockStoreException("cannot save the locks of bed " + bedId + " to the database: " + e.getMessage(), e);
        }
    }

    private LockState read(Handle h) {
        List<Lock> locks = h.createQuery("SELECT * FROM bed_locks WHERE bed_id = :bed ORDER BY set_at_ns, target, zone")
                .bind("bed", bedId).map((rs, ctx) -> lock(rs)).list();
        List<Instant> overForces = h.createQuery("SELECT at_ns FROM bed_over_forces WHERE bed_id = :bed ORDER BY at_ns")
                .bind("bed", bedId).map((rs, ctx) -> instant(rs.getLong("at_ns"))).list();
        List<LockReset> history = h.createQuery("SELECT * FROM lock_resets WHERE bed_id = :bed ORDER BY seq")
                .bind("bed", bedId)
                .map((rs, ctx) -> new LockReset(lock(rs), rs.getString("reset_by"), rs.getString("reason"),
                        instant(rs.getLong("reset_at_ns"))))
                .list();
        return new LockState(locks, overForces, history);
    }

    private void write(Handle h, LockState state) {
        List<LockReset> stored = read(h).history();
        List<LockReset> given = state.history();
        if (given.size() < stored.size() || !given.subList(0, stored.size()).equals(stored)) {
            throw new LockStoreException("the service-reset history of bed " + bedId
                    + " is kept for good: a save may add resets, not drop or change them (" + stored.size()
                    + " stored, " + given.size() + " given)");
        }
        h.createUpdate("DELETE FROM bed_locks WHERE bed_id = :bed").bind("bed", bedId).execute();
        h.createUpdate("DELETE FROM bed_over_forces WHERE bed_id = :bed").bind("bed", bedId).execute();
        PreparedBatch locks = h.prepareBatch("INSERT INTO bed_locks (bed_id, target, zone, cause, set_at_ns, detail) "
                + "VALUES (:bed, :target, :zone, :cause, :at, :detail)");
        for (Lock lock : state.locks()) {
            bindLock(locks.bind("bed", bedId), lock).add();
        }
        if (!state.locks().isEmpty()) {
            locks.execute();
        }
        PreparedBatch forces = h.prepareBatch("INSERT INTO bed_over_forces (bed_id, at_ns) VALUES (:bed, :at)");
        for (Instant t : state.overForces().stream().distinct().toList()) {
            forces.bind("bed", bedId).bind("at", nanos(t)).add();
        }
        if (!state.overForces().isEmpty()) {
            forces.execute();
        }
        for (int seq = stored.size(); seq < given.size(); seq++) {
            LockReset reset = given.get(seq);
            bindLock(h.createUpdate("INSERT INTO lock_resets (bed_id, seq, target, zone, cause, set_at_ns, detail, "
                            + "reset_by, reason, reset_at_ns) VALUES (:bed, :seq, :target, :zone, :cause, :at, :detail, "
                            + ":by, :reason, :resetAt)"), reset.lock())
                    .bind("bed", bedId).bind("seq", seq).bind("by", reset.by()).bind("reason", reset.reason())
                    .bind("resetAt", nanos(reset.at()))
                    .execute();
        }
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindLock(T statement, Lock lock) {
        return statement.bind("target", lock.target().name()).bind("zone", lock.zone())
                .bind("cause", lock.cause().name()).bind("at", nanos(lock.at())).bind("detail", lock.detail());
    }

    private static Lock lock(ResultSet rs) throws SQLException {
        return new Lock(Lock.Target.valueOf(rs.getString("target")), rs.getInt("zone"),
                FaultCode.valueOf(rs.getString("cause")), instant(rs.getLong("set_at_ns")), rs.getString("detail"));
    }

    /** Epoch nanoseconds: exact for any Instant from 1677 to 2262, so a lock reads back equal to what was saved. */
    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
