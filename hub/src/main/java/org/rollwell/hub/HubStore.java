package org.rollwell.hub;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

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

    private static final String UPSERT_BED = "INSERT INTO hub_bed (bed_id, first_seen, last_seen, availability, last_state, fault_code)"
            + " VALUES (:bed, :at, :at, COALESCE(:availability, 'unknown'), :state, :fault)"
            + " ON CONFLICT (bed_id) DO UPDATE SET last_seen = GREATEST(hub_bed.last_seen, EXCLUDED.last_seen),"
            + " availability = COALESCE(:availability, hub_bed.availability),"
            + " last_state = COALESCE(:state, hub_bed.last_state),"
            + " fault_code = CASE WHEN :state IS NULL THEN hub_bed.fault_code ELSE :fault END";

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
                PreparedBatch b = h.prepareBatch("INSERT INTO hub_telemetry (bed_id, boot, seq, received_at, state, fault_code, payload)"
                        + " VALUES (:bed, :boot, :seq, :at, :state, :fault, :payload) ON CONFLICT DO NOTHING");
                for (Telemetry t : telemetry) {
                    b.bind("bed", t.bedId()).bind("boot", t.boot()).bind("seq", t.seq()).bind("at", utc(t.receivedAt()))
                            .bind("state", t.state()).bind("fault", t.faultCode()).bind("payload", t.payload()).add();
                }
                for (int n : b.execute()) {
                    fresh += n;
                }
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
                // one statement for all the beds of the batch: a clinic's thousands of beds each write every second
                PreparedBatch b = h.prepareBatch(UPSERT_BED);
                for (Bed bed : seen) {
                    b.bind("bed", bed.bedId()).bind("at", utc(bed.lastSeen())).bind("availability", bed.availability())
                            .bind("state", bed.state()).bind("fault", bed.faultCode()).add();
                }
                b.execute();
            }
            return fresh;
        });
    }

    /** The highest sequence number stored for one boot of a bed (where gap detection resumes after a hub restart). */
    Optional<Long> lastSeq(String bedId, long boot) {
        return jdbi.withHandle(h -> h.createQuery("SELECT max(seq) FROM hub_telemetry WHERE bed_id = :bed AND boot = :boot")
                .bind("bed", bedId).bind("boot", boot).mapTo(Long.class).findOne());
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
