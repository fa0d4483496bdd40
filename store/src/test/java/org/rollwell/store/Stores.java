package org.rollwell.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Opens a fresh database of either engine for one test: SQLite in the test's temp folder, or a new
 * schema on the test PostgreSQL server. Without PostgreSQL the test is skipped with the message of
 * {@link PostgresServer#SKIPPED}, or fails where {@code ROLLWELL_REQUIRE_PG=1} (CI).
 */
final class Stores {
    /** 2026-11-30 08:00 in Berlin: the day boundary of the daily limits is the bed's local midnight. */
    static final Instant START = Instant.parse("2026-11-30T07:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static boolean toldSkip;

    private Stores() {
    }

    static TestClock clock() {
        return new TestClock(START, ZONE);
    }

    static Database open(Database.Engine engine, Path tempDir, TestClock clock) {
        return Database.open(url(engine, tempDir), user(engine), password(engine), clock);
    }

    static String url(Database.Engine engine, Path tempDir) {
        if (engine == Database.Engine.SQLITE) {
            return Database.sqliteUrl(tempDir);
        }
        Optional<PostgresServer> pg = PostgresServer.get();
        if (pg.isEmpty()) {
            if (PostgresServer.required()) {
                fail(PostgresServer.REQUIRE + "=1 but " + PostgresServer.whyMissing());
            }
            tellSkipOnce();
            assumeTrue(false, PostgresServer.whyMissing());
        }
        try {
            return pg.get().freshSchemaUrl();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a test schema on PostgreSQL: " + e.getMessage(), e);
        }
    }

    static String user(Database.Engine engine) {
        return engine == Database.Engine.SQLITE ? null : PostgresServer.get().map(PostgresServer::user).orElse(null);
    }

    static String password(Database.Engine engine) {
        return engine == Database.Engine.SQLITE ? null : PostgresServer.get().map(PostgresServer::password).orElse(null);
    }

    private static synchronized void tellSkipOnce() {
        if (!toldSkip) {
            toldSkip = true;
            System.err.println("[store] " + PostgresServer.whyMissing());
        }
    }
}
