package org.rollwell.server;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.store.Database;
import org.rollwell.store.PostgresServer;
import org.rollwell.store.TestClock;

/**
 * The fixture of the API tests: a real server on a free port of 127.0.0.1 over a fresh database of
 * one engine (SQLite in the test's folder, or a new schema on the store's test PostgreSQL server),
 * on a clock the test moves. Without PostgreSQL its tests are skipped, saying how to enable them, or
 * fail where ROLLWELL_REQUIRE_PG=1 (CI).
 */
abstract class OnEachEngine {
    /** bcrypt's lowest cost: the tests check behaviour, not hashing strength. */
    static final int TEST_COST = 4;

    @TempDir
    Path dir;
    TestClock clock;
    Database db;
    CompanionServer server;

    abstract Database.Engine engine();

    @BeforeEach
    void startServer() throws SQLException {
        clock = new TestClock(Instant.parse("2026-11-30T07:00:00Z"), ZoneId.of("Europe/Berlin"));
        db = open(engine(), dir, clock);
        db.recoverInterrupted();
        server = CompanionServer.start(db, new CompanionServer.Options("127.0.0.1", 0, TEST_COST), clock);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    Api client() {
        return new Api(server.port());
    }

    static Database open(Database.Engine engine, Path dir, java.time.Clock clock) throws SQLException {
        if (engine == Database.Engine.SQLITE) {
            return Database.open(Database.sqliteUrl(dir), null, null, clock);
        }
        Optional<PostgresServer> pg = PostgresServer.get();
        if (pg.isEmpty()) {
            if (PostgresServer.required()) {
                fail(PostgresServer.REQUIRE + "=1 but " + PostgresServer.whyMissing());
            }
            assumeTrue(false, "[server] " + PostgresServer.whyMissing());
        }
        return Database.open(pg.get().freshSchemaUrl(), pg.get().user(), pg.get().password(), clock);
    }
}
