-- Rollwell schema 2: the course a profile follows (issue 13 item 4; docs/courses.md), at most one
-- per profile: its figures as a rollwell.course/1 file holds them and the day it starts. Same
-- portable subset as V1 (TEXT, VARCHAR, INTEGER, BIGINT, CHECK, FOREIGN KEY ... ON DELETE CASCADE).
-- The limits themselves live in therapy.course.Course; the CHECKs only keep a row readable.
--   days   the days of the week with sessions, as MONDAY,WEDNESDAY,... (DayOfWeek names)
CREATE TABLE courses (
    profile_id          VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id          VARCHAR(36) NOT NULL,
    name                VARCHAR(80) NOT NULL,
    studied             INTEGER     NOT NULL CHECK (studied IN (0, 1)),
    minutes_per_session INTEGER     NOT NULL CHECK (minutes_per_session > 0),
    sessions_per_day    INTEGER     NOT NULL CHECK (sessions_per_day > 0),
    days                VARCHAR(80) NOT NULL,
    weeks               INTEGER     NOT NULL CHECK (weeks > 0),
    start_day           VARCHAR(10) NOT NULL,
    chosen_at_ms        BIGINT      NOT NULL,
    FOREIGN KEY (profile_id, account_id) REFERENCES profiles (id, account_id) ON DELETE CASCADE
);
