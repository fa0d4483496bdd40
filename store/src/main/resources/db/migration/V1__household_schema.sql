-- Rollwell schema 1: a household's (or a clinic's) accounts, profiles, sessions and pain diary,
-- and the bed's locks. One file for SQLite and PostgreSQL, so it uses only what both read alike:
-- TEXT, VARCHAR, INTEGER, BIGINT, DOUBLE PRECISION, CHECK, FOREIGN KEY ... ON DELETE CASCADE and
-- partial unique indexes.
--   ids    UUID text made by the application (also unguessable in URLs)
--   *_ms   epoch milliseconds, UTC; *_ns epoch nanoseconds (the bed's lock instants, kept exactly)
--   days   ISO dates YYYY-MM-DD in the bed's time zone, so "sessions on a day" is an equality
-- Every row a person owns carries account_id, and rows that belong to a profile point to
-- (profile id, account id) together: a row can never hang under another account's profile.

CREATE TABLE accounts (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    login         VARCHAR(254) NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(8)   NOT NULL CHECK (role IN ('user', 'service')),
    created_at_ms BIGINT       NOT NULL
);

-- profile_json is a rollwell.profile/1 or /2 document: body, screening answers as given at set-up,
-- conditions, pain map, trigger points, preferences, regions and spine map.
CREATE TABLE profiles (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name          VARCHAR(100) NOT NULL,
    profile_json  TEXT         NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    updated_at_ms BIGINT       NOT NULL,
    UNIQUE (account_id, name),
    UNIQUE (id, account_id)
);

-- Dated screening answers; the newest answer per id is the one in force.
CREATE TABLE screening_answers (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id    VARCHAR(36) NOT NULL,
    profile_id    VARCHAR(36) NOT NULL,
    screening_id  VARCHAR(40) NOT NULL,
    answer        INTEGER     NOT NULL CHECK (answer IN (0, 1)),
    answered_on   VARCHAR(10) NOT NULL,
    created_at_ms BIGINT      NOT NULL,
    FOREIGN KEY (profile_id, account_id) REFERENCES profiles (id, account_id) ON DELETE CASCADE
);
CREATE INDEX screening_answers_by_profile ON screening_answers (profile_id, screening_id);

CREATE TABLE clearances (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(36)  NOT NULL,
    profile_id    VARCHAR(36)  NOT NULL,
    screening_id  VARCHAR(40)  NOT NULL,
    clinician     VARCHAR(200) NOT NULL,
    cleared_on    VARCHAR(10)  NOT NULL,
    note          TEXT         NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    FOREIGN KEY (profile_id, account_id) REFERENCES profiles (id, account_id) ON DELETE CASCADE
);
CREATE INDEX clearances_by_profile ON clearances (profile_id);

-- checkin_json is a rollwell.checkin/1 document.
CREATE TABLE check_ins (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id    VARCHAR(36) NOT NULL,
    profile_id    VARCHAR(36) NOT NULL,
    day           VARCHAR(10) NOT NULL,
    pain_now_nrs  INTEGER     CHECK (pain_now_nrs BETWEEN 0 AND 10),
    checkin_json  TEXT        NOT NULL,
    created_at_ms BIGINT      NOT NULL,
    FOREIGN KEY (profile_id, account_id) REFERENCES profiles (id, account_id) ON DELETE CASCADE
);
CREATE INDEX check_ins_by_profile_day ON check_ins (profile_id, day);

-- A household's own program files (rollwell.program/1); the built-in ones are not stored.
CREATE TABLE programs (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    program_id    VARCHAR(100) NOT NULL,
    program_json  TEXT         NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    UNIQUE (account_id, program_id)
);

-- One row per session. delivered_s, cem43_max_band_min and checkpoint_json move while it runs
-- (a checkpoint at least every 5 s); a restart turns a RUNNING row into INTERRUPTED and keeps them.
CREATE TABLE sessions (
    id                 VARCHAR(36)      NOT NULL PRIMARY KEY,
    account_id         VARCHAR(36)      NOT NULL,
    profile_id         VARCHAR(36)      NOT NULL,
    state              VARCHAR(12)      NOT NULL
        CHECK (state IN ('RUNNING', 'COMPLETED', 'FAULTED', 'STOPPED', 'INTERRUPTED')),
    day                VARCHAR(10)      NOT NULL,
    started_at_ms      BIGINT           NOT NULL,
    ended_at_ms        BIGINT,
    intensity          INTEGER          NOT NULL CHECK (intensity BETWEEN 1 AND 10),
    planned_s          DOUBLE PRECISION NOT NULL CHECK (planned_s > 0),
    delivered_s        DOUBLE PRECISION NOT NULL CHECK (delivered_s >= 0),
    cem43_max_band_min DOUBLE PRECISION NOT NULL CHECK (cem43_max_band_min >= 0),
    plan_json          TEXT             NOT NULL,
    record_json        TEXT,
    checkpoint_json    TEXT,
    checkpoint_at_ms   BIGINT,
    FOREIGN KEY (profile_id, account_id) REFERENCES profiles (id, account_id) ON DELETE CASCADE
);
CREATE INDEX sessions_by_profile_day ON sessions (profile_id, day);
CREATE INDEX sessions_by_state ON sessions (state);

-- The pain diary: one row per entry, with the fields of its kind and NULL in the others.
CREATE TABLE diary_entries (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id    VARCHAR(36) NOT NULL,
    profile_id    VARCHAR(36) NOT NULL,
    session_id    VARCHAR(36) REFERENCES sessions (id) ON DELETE SET NULL,
    day           VARCHAR(10) NOT NULL,
    kind          VARCHAR(12) NOT NULL
        CHECK (kind IN ('NRS_DAILY', 'NRS_BEFORE', 'NRS_AFTER', 'PEG', 'PGIC', 'FEEDBACK')),
    nrs           INTEGER CHECK (nrs BETWEEN 0 AND 10),
    peg_pain      INTEGER CHECK (peg_pain BETWEEN 0 AND 10),
    peg_enjoyment INTEGER CHECK (peg_enjoyment BETWEEN 0 AND 10),
    peg_activity  INTEGER CHECK (peg_activity BETWEEN 0 AND 10),
    pgic          INTEGER CHECK (pgic BETWEEN 1 AND 7),
    pressure      VARCHAR(12) CHECK (pressure IN ('TOO_GENTLE', 'RIGHT', 'TOO_STRONG')),
    heat          VARCHAR(12) CHECK (heat IN ('TOO_COOL', 'RIGHT', 'TOO_HOT')),
    created_at_ms BIGINT      NOT NULL,
    FOREIGN KEY (profile_id, account_id) REFERENCES profiles (id, account_id) ON DELETE CASCADE
);
CREATE INDEX diary_entries_by_profile_day ON diary_entries (profile_id, day);
-- docs/diary-format.md: one NRS_DAILY, PEG and PGIC a day; sessions may have several of the others.
CREATE UNIQUE INDEX diary_entries_once_a_day ON diary_entries (profile_id, day, kind)
    WHERE kind IN ('NRS_DAILY', 'PEG', 'PGIC');

-- The bed's locks (bed.safety.LockState): held now, recent OVER_FORCE trips, and every service
-- reset for good (the audit: what was locked, who reset it, why, when). bed_id names the bed
-- ("bed" for a household's one bed).
CREATE TABLE bed_locks (
    bed_id    VARCHAR(64) NOT NULL,
    target    VARCHAR(10) NOT NULL CHECK (target IN ('ZONE_HEAT', 'LIFT')),
    zone      INTEGER     NOT NULL,
    cause     VARCHAR(40) NOT NULL,
    set_at_ns BIGINT      NOT NULL,
    detail    TEXT        NOT NULL,
    PRIMARY KEY (bed_id, target, zone)
);

CREATE TABLE bed_over_forces (
    bed_id VARCHAR(64) NOT NULL,
    at_ns  BIGINT      NOT NULL,
    PRIMARY KEY (bed_id, at_ns)
);

CREATE TABLE lock_resets (
    bed_id      VARCHAR(64)  NOT NULL,
    seq         INTEGER      NOT NULL,
    target      VARCHAR(10)  NOT NULL CHECK (target IN ('ZONE_HEAT', 'LIFT')),
    zone        INTEGER      NOT NULL,
    cause       VARCHAR(40)  NOT NULL,
    set_at_ns   BIGINT       NOT NULL,
    detail      TEXT         NOT NULL,
    reset_by    VARCHAR(200) NOT NULL,
    reason      TEXT         NOT NULL,
    reset_at_ns BIGINT       NOT NULL,
    PRIMARY KEY (bed_id, seq)
);
