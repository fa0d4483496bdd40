package org.rollwell.therapy.program;

import org.rollwell.therapy.input.ParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of programs with unique ids, in a stable order. {@link #builtIn()} is the
 * library that ships with Rollwell: program files in this package's resources,
 * listed in {@code index.txt}, read with the same {@link ProgramParser} a user's
 * file goes through.
 */
public final class ProgramLibrary {

    private static final String INDEX = "index.txt";

    private final List<Program> programs;

    private ProgramLibrary(List<Program> programs) {
        this.programs = List.copyOf(programs);
    }

    /**
     * The built-in programs. They are part of the product, so one that does not read
     * clean is a bug in Rollwell and fails loudly here (a test keeps them clean).
     */
    public static ProgramLibrary builtIn() {
        return BuiltIn.LIBRARY;
    }

    /** Reads program files (name → text, in the map's order); refuses with every problem, including duplicate ids. */
    public static ParseResult<ProgramLibrary> of(Map<String, String> jsonByName) {
        ParseResult<List<Program>> result = ProgramParser.parseAll(jsonByName);
        if (result instanceof ParseResult.Parsed<List<Program>> parsed) {
            return new ParseResult.Parsed<>(new ProgramLibrary(parsed.value()));
        }
        return new ParseResult.Refused<>(result.problems());
    }

    /** The programs, in the library's order. */
    public List<Program> programs() {
        return programs;
    }

    /** The program with this id, if the library has it. */
    public Optional<Program> find(String id) {
        for (Program program : programs) {
            if (program.id().equals(id)) {
                return Optional.of(program);
            }
        }
        return Optional.empty();
    }

    /** The text of each built-in program file, by file name, in index order. */
    static Map<String, String> builtInSources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String line : resource(INDEX).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                sources.put(name, resource(name));
            }
        }
        return sources;
    }

    private static String resource(String name) {
        // getResourceAsStream, not getResource: a URL would pull java.net into the pure therapy module.
        try (InputStream in = ProgramLibrary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in program resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in program resource " + name, e);
        }
    }

    /** Loaded once, on first use. */
    private static final class BuiltIn {
        static final ProgramLibrary LIBRARY = load();

        private static ProgramLibrary load() {
            ParseResult<ProgramLibrary> result = of(builtInSources());
            if (result instanceof ParseResult.Parsed<ProgramLibrary> parsed) {
                return parsed.value();
            }
            List<String> lines = new ArrayList<>();
            result.problems().forEach(problem -> lines.add(problem.line()));
            throw new IllegalStateException("built-in programs are invalid:\n" + String.join("\n", lines));
        }
    }
}
