package org.rollwell.store;

import java.time.Instant;
import java.util.Objects;

/** A household's own program file as stored: its program id and the {@code rollwell.program/1} document. */
public record StoredProgram(String id, String programId, String json, Instant createdAt) {
    public StoredProgram {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
