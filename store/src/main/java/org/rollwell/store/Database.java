package org.rollwell.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.rollwell.bed.safety.LockStore;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Rollwell's database: SQLite in a file ({@code jdbc:sqlite:PATH}, the household default
 * {@code ~/.rollwell/rollwell.db}) or PostgreSQL ({@code jdbc:postgresql://…}), one Flyway schema
 * on both. {@link #open} brings the schema up to date and hands out the repositories; every
 * repository call is scoped by account id and every write is one transaction.
 *
 * <p>SQLite runs in WAL mode (readers never wait for the writer, and a crash at any moment leaves
 * the last committed transaction), with foreign keys enforced, {@code synchronous=NORMAL} and
 * write transactions that take the lock when they begin ({@code BEGIN IMMEDIATE}), so two writers
 * queue on the busy timeout instead of failing half-way.
 *
 * <p>{@code synchronous=NORMAL} is SQLite's advice for WAL mode (sqlite.org/pragma.html#pragma_synchronous):
 * a process killed at any moment (kill -9, a crash) loses no committed transaction and the file is
 * never corrupted; only a power cut or an operating-system crash may roll back the transactions of
 * the last moments before the log was synced. FULL would sync the log on every commit, a disk flush
 * per checkpoint and per API write (choice: the 20 ms p99 of issue 11 on a small board's storage).
 */
public final class Database implements AutoCloseable {
    /** The file name in the data directory. */
    public static final String SQLITE_FILE = "rollwell.db";
    /** How long a writer waits for another to finish before giving up (choice: far above a write's few ms). */
    static final int BUSY_TIMEOUT_MS = 5_000;
    /** The one bed of a household, as the lock store names it. */
    public static final String HOUSEHOLD_BED = "bed";

    /** Which engine the URL names. */
    public enum Engine { SQLITE, POSTGRESQL }

    private final HikariDataSource pool;
    private final Engine engine;
    private final String url;
    private final Jdbi jdbi;
    private final Transactions tx;

    private Database(HikariDataSource pool, Engine engine, String url, Clock clock, Jdbi jdbi) {
        this.pool = pool;
        this.engine = engine;
        this.url = url;
        this.jdbi = jdbi;
        this.tx = new Transactions(jdbi, clock, engine == Engine.SQLITE);
    }

    /** {@link #open(String, String, String, Clock)} on the system clock in the machine's time zone. */
    public static Database open(String url, String user, String password) {
        return open(url, user, password, Clock.systemDefaultZone());
    }

    /**
     * Opens the database at {@code url}, creating an SQLite file and its folder if missing, and runs
     * the migrations. {@code clock} stamps the rows and its zone decides which day a session
     * belongs to. {@code user} and {@code password} are for PostgreSQL; SQLite ignores them (null is fine).
     *
     * @throws StoreException naming the URL and the reason if it cannot be opened or migrated
     */
    public static Database open(String url, String user, String password, Clock clock) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clock, "clock");
        Engine engine = engineOf(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("rollwell-store");
        if (engine == Engine.SQLITE) {
            config.setDataSource(sqlite(url));
            // WAL lets readers run beside the one writer; a few connections are plenty (choice)
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(8);
        }
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database " + redact(url) + ": " + rootMessage(e), e);
        }
        Jdbi jdbi = Jdbi.create(pool);
        Thread firstStatement = firstStatement(jdbi);
        try {
            migrate(pool);
        } catch (FlywayException e) {
            join(firstStatement);
            pool.close();
            throw new StoreException("cannot bring the database " + redact(url) + " up to date: " + rootMessage(e), e);
        } finally {
            join(firstStatement);
        }
        return new Database(pool, engine, url, clock, jdbi);
    }

    /** {@code jdbc:sqlite:DIR/rollwell.db}: the household database in a data directory. */
    public static String sqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    }

    public Engine engine() {
        return engine;
    }

    public AccountRepository accounts() {
        return new AccountRepository(tx);
    }

    public ProfileRepository profiles() {
        return new ProfileRepository(tx);
    }

    public ScreeningRepository screening() {
        return new ScreeningRepository(tx);
    }

    public CheckInRepository checkIns() {
        return new CheckInRepository(tx);
    }

    public ProgramRepository programs() {
        return new ProgramRepository(tx);
    }

    public SessionRepository sessions() {
        return new SessionRepository(tx);
    }

    public DiaryRepository diary() {
        return new DiaryRepository(tx);
    }

    public CourseRepository courses() {
        return new CourseRepository(tx);
    }

    /** The locks of bed {@code bedId} ({@link #HOUSEHOLD_BED} for a household's one bed). */
    public LockStore locks(String bedId) {
        return new JdbiLockStore(jdbi, bedId);
    }

    /**
     * The startup recovery: every session still RUNNING was cut off by a crash or a power cut (only
     * the one process that owns the bed runs sessions, and it calls this before it starts any), so
     * it becomes INTERRUPTED with what its last checkpoint recorded as delivered.
     *
     * @return the sessions marked, oldest first
     */
    public java.util.List<InterruptedSession> recoverInterrupted() {
        return SessionRepository.markRunningInterrupted(tx);
    }

    /**
     * Writes a consistent copy of the database to {@code out} while it stays in use: SQLite's
     * {@code VACUUM INTO}, which reads one snapshot (WAL readers do not block the writer) and
     * writes a compact file. For PostgreSQL use {@code pg_dump} (docs/storage.md).
     *
     * @throws StoreException if {@code out} exists, the engine is PostgreSQL, or the copy fails
     */
    public void backupTo(Path out) {
        if (engine != Engine.SQLITE) {
            throw new StoreException("a PostgreSQL database is backed up with pg_dump, not by Rollwell (docs/storage.md)");
        }
        Path target = out.toAbsolutePath();
        if (Files.exists(target)) {
            throw new StoreException("backup: " + target + " exists already; name a new file");
        }
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("backup: cannot create the folder of " + target + ": " + e.getMessage(), e);
        }
        tx.read(h -> h.createUpdate("VACUUM INTO :file").bind("file", target.toString()).execute());
    }

    /**
     * SQLite's own check of the file ({@code PRAGMA integrity_check}): "ok", or what is damaged. For a
     * restored backup or after a crash. PostgreSQL checks its own pages; this refuses it.
     */
    public String integrityCheck() {
        if (engine != Engine.SQLITE) {
            throw new StoreException("integrity check: PostgreSQL keeps its own (amcheck); Rollwell checks SQLite files");
        }
        java.util.List<String> findings = tx.read(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).list());
        return String.join("; ", findings);
    }

    /** Closes every connection; the WAL is folded back into the file by SQLite as the last one closes. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return redact(url);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // through SLF4J like the pool, so the program that embeds the store decides what is shown
                .loggers("slf4j")
                .load()
                .migrate();
    }

    /**
     * JDBI's first statement in a process sets up its statement machinery and registers its Flight Recorder
     * event type with the JVM (org.jdbi.v3.core.statement.internal.JfrSupport): 0.15–0.19 s of CPU on this
     * 2-core box (ThreadMXBean, bench/README.md "Companion server under load"), paid by the server's cold
     * start (issue 11: ≤ 2 s to the first answer). A {@code SELECT 1} on a helper thread pays it while
     * Flyway migrates on the caller's. It reads no table, so it neither waits for the migration nor sees
     * the schema half-made; a failure here is left to the first real statement to report.
     */
    private static Thread firstStatement(Jdbi jdbi) {
        Thread thread = new Thread(() -> {
            try {
                jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            } catch (RuntimeException e) {
                // the caller's own statements meet the same fault and say what it is
            }
        }, "rollwell-store-first-statement");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for {@code thread}, so no helper of {@link #open} outlives it or uses a closed pool. */
    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Engine engineOf(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return Engine.SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Engine.POSTGRESQL;
        }
        throw new StoreException("database URL: must start with jdbc:sqlite: or jdbc:postgresql:, was " + redact(url));
    }

    private static SQLiteDataSource sqlite(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        String path = query >= 0 ? file.substring(0, query) : file;
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file::memory:")) {
            throw new StoreException("database URL: Rollwell keeps its data in a file, not in memory, was " + url);
        }
        try {
            Path parent = Path.of(path).toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot create the folder for " + path + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    /** The URL without a password a user may have put in its query. */
    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
