package org.rollwell.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramParser;

/**
 * An account's own program files, checked by the same {@link ProgramParser} as the CLI's
 * {@code rollwell program check}. Built-in programs live in the code and are not stored.
 */
public final class ProgramRepository {
    private static final RowMapper<StoredProgram> ROW = (rs, ctx) -> new StoredProgram(
            rs.getString("id"), rs.getString("program_id"), rs.getString("program_json"),
            Instant.ofEpochMilli(rs.getLong("created_at_ms")));

    private final Transactions tx;

    ProgramRepository(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Imports a program file.
     *
     * @throws RefusedInputException with every problem the program parser finds
     * @throws ConflictException     if the account has a program with that id
     */
    public StoredProgram add(String accountId, String programJson) {
        if (programJson == null) {
            throw RefusedInputException.of("$", "a program document is required");
        }
        ParseResult<Program> parsed = ProgramParser.parse(programJson);
        if (!(parsed instanceof ParseResult.Parsed<Program> ok)) {
            throw new RefusedInputException(parsed.problems());
        }
        StoredProgram stored = new StoredProgram(Transactions.newId(), ok.value().id(), programJson, tx.now());
        return tx.write(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :id").bind("id", accountId)
                    .mapTo(Integer.class).one() != 1) {
                throw new NotFoundException("account " + accountId + " not found");
            }
            if (h.createQuery("SELECT COUNT(*) FROM programs WHERE account_id = :account AND program_id = :pid")
                    .bind("account", accountId).bind("pid", stored.programId()).mapTo(Integer.class).one() > 0) {
                throw new ConflictException("$.id: this account has a program " + stored.programId() + " already");
            }
            h.createUpdate("INSERT INTO programs (id, account_id, program_id, program_json, created_at_ms) "
                            + "VALUES (:id, :account, :pid, :json, :at)")
                    .bind("id", stored.id()).bind("account", accountId).bind("pid", stored.programId())
                    .bind("json", programJson).bind("at", stored.createdAt().toEpochMilli())
                    .execute();
            return stored;
        });
    }

    /** The account's programs by program id. */
    public List<StoredProgram> list(String accountId) {
        return tx.read(h -> h.createQuery("SELECT * FROM programs WHERE account_id = :account ORDER BY program_id")
                .bind("account", accountId).map(ROW).list());
    }

    public Optional<StoredProgram> find(String accountId, String programId) {
        return tx.read(h -> h.createQuery("SELECT * FROM programs WHERE account_id = :account AND program_id = :pid")
                .bind("account", accountId).bind("pid", programId).map(ROW).findOne());
    }

    /** @return whether the account had a program with that id */
    public boolean delete(String accountId, String programId) {
        return tx.write(h -> h.createUpdate("DELETE FROM programs WHERE account_id = :account AND program_id = :pid")
                .bind("account", accountId).bind("pid", programId).execute() == 1);
    }
}
