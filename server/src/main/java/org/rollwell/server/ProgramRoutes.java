package org.rollwell.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rollwell.store.ProgramRepository;
import org.rollwell.store.StoredProgram;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.output.ProgramJson;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.program.ProgramParser;

/**
 * /api/programs: the built-in programs and the household's own program files, imported through
 * the same {@link ProgramParser} as {@code rollwell program check} (so both refuse the same file
 * with the same reasons), and deleted by id. A built-in program can be neither replaced nor deleted.
 */
final class ProgramRoutes {
    /** Program ids as the program format allows them; anything else names no program. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final ProgramRepository programs;
    private final Auth auth;

    ProgramRoutes(ProgramRepository programs, Auth auth) {
        this.programs = programs;
        this.auth = auth;
    }

    /** Built-in programs first (library order), then the household's own by id; each a summary with its {@code source}. */
    void list(Context ctx) {
        String account = auth.require(ctx);
        List<ObjectNode> out = new ArrayList<>();
        for (Program p : ProgramLibrary.builtIn().programs()) {
            out.add(summary(p, "BUILT_IN"));
        }
        for (StoredProgram stored : programs.list(account)) {
            out.add(summary(parse(stored), "OWN"));
        }
        JsonBodies.send(ctx, 200, out);
    }

    /** The body is a {@code rollwell.program/1} file (docs/program-format.md); 201 with its summary. */
    void importFile(Context ctx) {
        String account = auth.require(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        ParseResult<Program> parsed = ProgramParser.parse(body.toString());
        if (parsed instanceof ParseResult.Parsed<Program> ok
                && ProgramLibrary.builtIn().find(ok.value().id()).isPresent()) {
            throw ApiProblem.conflict("id", "id: " + ok.value().id() + " is a built-in program; give yours another id");
        }
        StoredProgram stored = programs.add(account, body.toString());
        ctx.header("Location", "/api/programs/" + stored.programId());
        JsonBodies.send(ctx, 201, summary(parse(stored), "OWN"));
    }

    void delete(Context ctx) {
        String account = auth.require(ctx);
        String name = ctx.pathParam("name");
        if (NAME.matcher(name).matches() && ProgramLibrary.builtIn().find(name).isPresent()) {
            throw ApiProblem.conflict("path:name", name + " is a built-in program and cannot be deleted");
        }
        if (!NAME.matcher(name).matches() || !programs.delete(account, name)) {
            throw ApiProblem.notFound("path:name", "this account has no program " + Auth.clip(name));
        }
        ctx.status(204);
    }

    /** A built-in program or one of the account's own, by id. */
    static Optional<Program> find(ProgramRepository programs, String account, String id) {
        Optional<Program> builtIn = ProgramLibrary.builtIn().find(id);
        if (builtIn.isPresent() || !NAME.matcher(id).matches()) {
            return builtIn;
        }
        return programs.find(account, id).map(ProgramRoutes::parse);
    }

    private static ObjectNode summary(Program p, String source) {
        ObjectNode n = ProgramJson.summary(p);
        n.put("source", source);
        return n;
    }

    private static Program parse(StoredProgram stored) {
        ParseResult<Program> parsed = ProgramParser.parse(stored.json());
        if (parsed instanceof ParseResult.Parsed<Program> ok) {
            return ok.value();
        }
        // the store checks every file before it keeps it
        throw new IllegalStateException("a stored program no longer reads: " + parsed.problems());
    }
}
