package org.rollwell.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of every repository test: a fresh database of one engine per test, on a clock the test
 * moves. Each test class holds its tests in a {@code Contract} and runs them once per engine through
 * two nested classes, {@code OnSqlite} and {@code OnPostgresql}.
 */
abstract class OnEachEngine {
    @TempDir
    Path dir;
    TestClock clock;
    Database db;

    abstract Database.Engine engine();

    @BeforeEach
    void openDatabase() {
        clock = Stores.clock();
        db = Stores.open(engine(), dir, clock);
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }
}
