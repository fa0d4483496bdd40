package org.rollwell.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * How every repository writes: one transaction per call, database errors turned into the
 * store's own exceptions, new ids, the store's clock, and the check that a profile belongs to the
 * account asking. Package-private: the repositories' shared way of working, not an API.
 */
final class Transactions {
    private final Jdbi jdbi;
    private final Clock clock;
    /**
     * SQLite has one writer at a time. Writers of this process queue here, in order, instead of in
     * SQLite's busy handler, which sleeps in steps of up to 100 ms (sqlite3.c sqliteDefaultBusyCallback)
     * and so turns a few concurrent writes into tail latency. Null for PostgreSQL, which has row locks.
     */
    private final ReentrantLock oneWriter;

    Transactions(Jdbi jdbi, Clock clock, boolean singleWriter) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.oneWriter = singleWriter ? new ReentrantLock(true) : null;
    }

    Clock clock() {
        return clock;
    }

    /** Now, to the millisecond the columns keep, so what is read back equals what was written. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none. */
    <T> T write(HandleCallback<T, RuntimeException> work) {
        if (oneWriter != null) {
            oneWriter.lock();
        }
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw translate(e);
        } finally {
            if (oneWriter != null) {
                oneWriter.unlock();
            }
        }
    }

    /** Runs {@code work} on one handle without a transaction (reads). */
    <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    /**
     * Refuses, with the same answer for "no such profile" and "another account's profile", unless
     * {@code profileId} belongs to {@code accountId}.
     */
    static void requireProfile(Handle h, String accountId, String profileId) {
        boolean owned = h.createQuery("SELECT COUNT(*) FROM profiles WHERE id = :id AND account_id = :account")
                .bind("id", profileId)
                .bind("account", accountId)
                .mapTo(Integer.class)
                .one() == 1;
        if (!owned) {
            throw new NotFoundException("profile " + profileId + " not found in this account");
        }
    }

    /** A unique or foreign-key violation becomes a {@link ConflictException}; anything else a {@link StoreException}. */
    private static StoreException translate(JdbiException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SQLException sql && isConstraint(sql)) {
            return new ConflictException("the database refused the write: " + sql.getMessage(), e);
        }
        return new StoreException("database error: " + (cause != null ? cause.getMessage() : e.getMessage()), e);
    }

    private static boolean isConstraint(SQLException sql) {
        if (sql instanceof SQLiteException lite) {
            SQLiteErrorCode code = lite.getResultCode();
            return code != null && code.name().startsWith("SQLITE_CONSTRAINT");
        }
        // PostgreSQL SQLSTATE class 23: integrity constraint violation (unique 23505, foreign key 23503, check 23514)
        String state = sql.getSQLState();
        return state != null && state.startsWith("23");
    }
}
