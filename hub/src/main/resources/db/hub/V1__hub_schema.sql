-- The clinic hub's own tables (PostgreSQL), beside a household's if they share a database:
-- Flyway keeps this schema's history in flyway_hub_history.

CREATE TABLE hub_bed (
    bed_id       TEXT PRIMARY KEY,
    first_seen   TIMESTAMPTZ NOT NULL,
    last_seen    TIMESTAMPTZ NOT NULL,
    availability TEXT NOT NULL DEFAULT 'unknown',
    last_state   TEXT,
    fault_code   TEXT
);

-- One row per telemetry message; (bed, boot, seq) is unique, so a message stored twice is stored once.
CREATE TABLE hub_telemetry (
    bed_id      TEXT NOT NULL,
    boot        BIGINT NOT NULL,
    seq         BIGINT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    state       TEXT NOT NULL,
    fault_code  TEXT,
    payload     TEXT NOT NULL,
    PRIMARY KEY (bed_id, boot, seq)
);

-- Session records and events arrive with QoS 1 (at least once): the key makes a redelivery a no-op.
CREATE TABLE hub_record (
    bed_id      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    record_key  TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    payload     TEXT NOT NULL,
    PRIMARY KEY (bed_id, kind, record_key)
);

-- Telemetry the hub never received: the sequence numbers from_seq..to_seq of one boot of a bed.
CREATE TABLE hub_gap (
    bed_id      TEXT NOT NULL,
    boot        BIGINT NOT NULL,
    from_seq    BIGINT NOT NULL,
    to_seq      BIGINT NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (bed_id, boot, from_seq)
);
