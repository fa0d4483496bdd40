package org.rollwell.hub;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The hub's PostgreSQL tables (Flyway, {@code db/hub}): beds, telemetry, records and events,
 * and the telemetry gaps. Writes come in batches, one transaction each.
 */
public final class HubStore implements AutoCloseable {
    /** A bed as the clinic page lists it. */
    public record Bed(String bedId, String availability, String state, String faultCode, Instant lastSeen) {
    }

    /** Telemetry the hub never received. */
    public record Gap(String bedId, long boot, long fromSeq, long toSeq) {
    }

    /** A stored telemetry row. */
    record Telemetry(String bedId, long boot, long seq, Instant receivedAt, String state, String faultCode, String payload) {
    }

    /** A stored record or event. */
    record Stored(String bedId, String kind, String key, Instant receivedAt, String payload) {
    }

    /** PostgreSQL's SQLSTATE for a unique violation (PostgreSQL manual, appendix A). */
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * Beds as seen in a batch, one row each: a null availability, or a null state (with its fault), keeps what the
     * row has ('unknown' stands for no availability: beds send only online and offline).
     */
    private static final String UPSERT_BEDS = "INSERT INTO hub_bed (bed_id, first_seen, last_seen, availability, last_state, fault_code)"
            + " SELECT bed, at, at, COALESCE(av, 'unknown'), st, fault"
            + " FROM unnest(:beds, CAST(:ats AS timestamptz[]), :avs, :states, :faults) AS u(bed, at, av, st, fault)"
            + " ON CONFLICT (bed_id) DO UPDATE SET last_seen = GREATEST(hub_bed.last_seen, EXCLUDED.last_seen),"
            + " availability = CASE WHEN EXCLUDED.availability = 'unknown' THEN hub_bed.availability ELSE EXCLUDED.availability END,"
            + " last_state = COALESCE(EXCLUDED.last_state, hub_bed.last_state),"
            + " fault_code = CASE WHEN EXCLUDED.last_state IS NULL THEN hub_bed.fault_code ELSE EXCLUDED.fault_code END";

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private HubStore(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** Opens the database and brings the hub's schema up to date. */
    public static HubStore open(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db: the hub keeps its data in PostgreSQL, jdbc:postgresql://HOST:PORT/NAME; was '"
                    + url + "'");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("rollwell-hub");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/hub").table("flyway_hub_history")
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new HubStore(pool);
    }

    /** Writes one batch in one transaction; returns how many telemetry rows were new. */
    int write(List<Telemetry> telemetry, List<Stored> stored, List<Gap> gaps, List<Bed> seen) {
        return jdbi.inTransaction(h -> {
            int fresh = 0;
            if (!telemetry.isEmpty()) {
                fresh = copyTelemetry(h, telemetry);
            }
            if (!stored.isEmpty()) {
                PreparedBatch b = h.prepareBatch("INSERT INTO hub_record (bed_id, kind, record_key, received_at, payload)"
                        + " VALUES (:bed, :kind, :key, :at, :payload) ON CONFLICT DO NOTHING");
                for (Stored s : stored) {
                    b.bind("bed", s.bedId()).bind("kind", s.kind()).bind("key", s.key()).bind("at", utc(s.receivedAt()))
                            .bind("payload", s.payload()).add();
                }
                b.execute();
            }
            if (!gaps.isEmpty()) {
                PreparedBatch b = h.prepareBatch("INSERT INTO hub_gap (bed_id, boot, from_seq, to_seq, detected_at)"
                        + " VALUES (:bed, :boot, :from, :to, now()) ON CONFLICT DO NOTHING");
                for (Gap g : gaps) {
                    b.bind("bed", g.bedId()).bind("boot", g.boot()).bind("from", g.fromSeq()).bind("to", g.toSeq()).add();
                }
                b.execute();
            }
            if (!seen.isEmpty()) {
                // one statement for all the beds of the batch (their ids are distinct): thousands of beds report every second
                h.createUpdate(UPSERT_BEDS)
                        .bindArray("beds", String.class, seen.stream().map(Bed::bedId).toList())
                        .bindArray("ats", String.class, seen.stream().map(b -> b.lastSeen().toString()).toList())
                        .bindArray("avs", String.class, seen.stream().map(Bed::availability).toList())
                        .bindArray("states", String.class, seen.stream().map(Bed::state).toList())
                        .bindArray("faults", String.class, seen.stream().map(Bed::faultCode).toList())
                        .execute();
            }
            return fresh;
        });
    }

    /**
     * Telemetry by COPY straight into its table, the cheapest way into PostgreSQL (≈ half the server's work of
     * row inserts, bench/README.md). COPY has no ON CONFLICT: when a row is stored already (a QoS 1 redelivery,
     * rare), the batch goes again through a session-local table and one INSERT … SELECT that skips those.
     */
    private static int copyTelemetry(Handle h, List<Telemetry> telemetry) {
        String rows = copyText(telemetry);
        h.execute("SAVEPOINT hub_copy");
        try {
            copy(h, "COPY hub_telemetry (bed_id, boot, seq, received_at, state, fault_code, payload) FROM STDIN", rows);
            h.execute("RELEASE SAVEPOINT hub_copy");
            return telemetry.size();
        } catch (DuplicateRow e) {
            h.execute("ROLLBACK TO SAVEPOINT hub_copy");
        }
        h.execute("CREATE TEMP TABLE IF NOT EXISTS hub_telemetry_in (LIKE hub_telemetry) ON COMMIT DELETE ROWS");
        copy(h, "COPY hub_telemetry_in (bed_id, boot, seq, received_at, state, fault_code, payload) FROM STDIN", rows);
        return h.execute("INSERT INTO hub_telemetry (bed_id, boot, seq, received_at, state, fault_code, payload)"
                + " SELECT bed_id, boot, seq, received_at, state, fault_code, payload FROM hub_telemetry_in"
                + " ON CONFLICT DO NOTHING");
    }

    /** A COPY that met a row stored already. */
    private static final class DuplicateRow extends RuntimeException {
        DuplicateRow(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static void copy(Handle h, String sql, String rows) {
        try {
            CopyManager copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(sql, new StringReader(rows));
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicateRow(e);
            }
            throw new IllegalStateException("hub: telemetry not copied: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("hub: telemetry not copied: " + e.getMessage(), e);
        }
    }

    /** The rows in COPY's text format: tab-separated, {@code \\N} for null, backslash, tab and line ends escaped. */
    private static String copyText(List<Telemetry> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 320);
        for (Telemetry t : rows) {
            field(out, t.bedId()).append('\t').append(t.boot()).append('\t').append(t.seq()).append('\t')
                    .append(t.receivedAt()).append('\t');
            field(out, t.state()).append('\t');
            field(out, t.faultCode()).append('\t');
            field(out, t.payload()).append('\n');
        }
        return out.toString();
    }

    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    /** The highest sequence number stored for each boot of these beds (where gap detection resumes after a hub restart). */
    Map<String, Long> lastSeqs(Collection<String> bedIds) {
        Map<String, Long> last = new HashMap<>();
        if (bedIds.isEmpty()) {
            return last;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT bed_id, boot, max(seq) FROM hub_telemetry WHERE bed_id = ANY(:beds)"
                        + " GROUP BY bed_id, boot")
                .bindArray("beds", String.class, bedIds)
                .map((rs, ctx) -> Map.entry(seqKey(rs.getString(1), rs.getLong(2)), rs.getLong(3)))
                .forEach(e -> last.put(e.getKey(), e.getValue())));
        return last;
    }

    /** How the hub names one boot of a bed in its sequence bookkeeping. */
    static String seqKey(String bedId, long boot) {
        return bedId + "/" + boot;
    }

    /** Every bed, faults first, then by id. */
    public List<Bed> beds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT bed_id, availability, last_state, fault_code, last_seen FROM hub_bed"
                        + " ORDER BY (fault_code IS NULL), bed_id")
                .map((rs, ctx) -> new Bed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list());
    }

    public List<Gap> gaps(String bedId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT bed_id, boot, from_seq, to_seq FROM hub_gap WHERE bed_id = :bed"
                        + " ORDER BY boot, from_seq")
                .bind("bed", bedId)
                .map((rs, ctx) -> new Gap(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list());
    }

    public long telemetryCount(String bedId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM hub_telemetry WHERE bed_id = :bed")
                .bind("bed", bedId).mapTo(Long.class).one());
    }

    public long telemetryCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM hub_telemetry").mapTo(Long.class).one());
    }

    /** A bed's records (kind {@code records}) or events (kind {@code events}), oldest first. */
    public List<String> stored(String bedId, String kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT payload FROM hub_record WHERE bed_id = :bed AND kind = :kind"
                        + " ORDER BY received_at, record_key")
                .bind("bed", bedId).bind("kind", kind).mapTo(String.class).list());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        pool.close();
    }
}
