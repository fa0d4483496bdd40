package org.rollwell.therapy.program;

import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.JsonText;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.input.Shown;

import static org.rollwell.therapy.input.FieldReader.child;
import static org.rollwell.therapy.input.Shown.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;

/**
 * Reads program files in the {@code rollwell.program/1} format (docs/program-format.md).
 * It checks everything (syntax, the format tag, unknown fields, types, ranges, levels,
 * spans, each technique's parameters, the goals' techniques and the rules of the
 * conditions a program claims to suit) and reports every problem with its JSON path,
 * e.g. {@code $.segments[2].holdS: must be 5–120 s, was 300}. It never throws for bad input.
 */
public final class ProgramParser {

    /** The format tag every program file carries in {@code "format"}. */
    public static final String FORMAT = ProgramRules.FORMAT;

    private ProgramParser() {
    }

    /** Reads one program file's text. */
    public static ParseResult<Program> parse(String json) {
        return parse("", json);
    }

    /** Reads the text of program file {@code file} (named in every problem; empty: no file). */
    public static ParseResult<Program> parse(String file, String json) {
        return JsonText.read(file, json, "a " + FORMAT + " object", (root, fields) -> new Reader(fields).program(root));
    }

    /**
     * Reads several program files together, keyed by a name for messages (a file name),
     * in the map's iteration order; on top of each file's own problems, refuses ids
     * used twice. Each problem names its file: {@code lumbar.json: $.id: ...}.
     */
    public static ParseResult<List<Program>> parseAll(Map<String, String> jsonByName) {
        List<Problem> problems = new ArrayList<>();
        List<Program> programs = new ArrayList<>();
        Map<String, String> nameById = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : jsonByName.entrySet()) {
            ParseResult<Program> result = parse(file.getKey(), file.getValue());
            problems.addAll(result.problems());
            if (result instanceof ParseResult.Parsed<Program> parsed) {
                Program program = parsed.value();
                String earlier = nameById.putIfAbsent(program.id(), file.getKey());
                if (earlier != null) {
                    problems.add(new Problem(file.getKey(), "$.id",
                            "duplicate program id " + quote(program.id()) + ", already used by " + earlier));
                } else {
                    programs.add(program);
                }
            }
        }
        if (!problems.isEmpty()) {
            return new ParseResult.Refused<>(problems);
        }
        return new ParseResult.Parsed<>(List.copyOf(programs));
    }

    /** Reads the top level of one file's tree. */
    private static final class Reader {
        private final FieldReader fields;

        Reader(FieldReader fields) {
            this.fields = fields;
        }

        Program program(JsonNode root) {
            int before = fields.problemCount();
            fields.format(root, FORMAT);
            fields.unknownFields(root, "$", ProgramRules.PROGRAM_FIELDS, name -> null);
            String id = id(root);
            String name = fields.text(root, "$", "name", ProgramRules.MAX_NAME_LENGTH, true);
            String description = fields.text(root, "$", "description", ProgramRules.MAX_TEXT_LENGTH, true);
            List<Goal> goals = fields.constants(root, "$", "goals", Goal.class, "goal", true);
            List<Condition> suits = fields.constants(root, "$", "suits", Condition.class, "condition", false);
            List<String> sources = sources(root);
            List<ProgramSegment> segments = segments(root);
            if (goals != null && suits != null && segments != null) {
                Set<Condition> suitSet = EnumSet.noneOf(Condition.class);
                suitSet.addAll(suits);
                new ProgramChecks(fields).check(goals, suitSet, segments);
            }
            if (fields.problemCount() > before) {
                return null;
            }
            return new Program(id, name, description, Set.copyOf(goals), Set.copyOf(suits),
                    List.copyOf(segments), sources);
        }

        private String id(JsonNode root) {
            String id = fields.text(root, "$", "id", ProgramRules.MAX_ID_LENGTH, true);
            if (id != null && !Program.ID.matcher(id).matches()) {
                fields.problem("$.id", "must be lower-case letters, digits and single hyphens "
                        + "(like \"lumbar-tension\"), was " + quote(id));
                return null;
            }
            return id;
        }

        private List<String> sources(JsonNode root) {
            JsonNode list = root.get("sources");
            if (list == null) {
                return List.of();
            }
            if (!list.isArray()) {
                fields.problem("$.sources", "must be a list of texts naming where the program's figures come from, was "
                        + Shown.value(list));
                return List.of();
            }
            List<String> sources = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode source = list.get(i);
                String at = FieldReader.index("$.sources", i);
                if (!source.isTextual() || source.textValue().isBlank()) {
                    fields.problem(at, "must be a text naming a source, was " + Shown.value(source));
                } else if (source.textValue().length() > ProgramRules.MAX_TEXT_LENGTH) {
                    fields.problem(at, "must be at most " + ProgramRules.MAX_TEXT_LENGTH + " characters");
                } else {
                    sources.add(source.textValue());
                }
            }
            return sources;
        }

        /** The segments as read, null entries where a segment had problems; null when the list itself is wrong. */
        private List<ProgramSegment> segments(JsonNode root) {
            JsonNode list = root.get("segments");
            if (list == null) {
                fields.problem("$.segments", "missing; a program needs at least one segment");
                return null;
            }
            if (!list.isArray()) {
                fields.problem("$.segments", "must be a list of segments, was " + Shown.value(list));
                return null;
            }
            if (list.isEmpty()) {
                fields.problem("$.segments", "must not be empty; a program needs at least one segment");
                return null;
            }
            SegmentReader reader = new SegmentReader(fields);
            List<ProgramSegment> segments = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                segments.add(reader.read(list.get(i), FieldReader.index("$.segments", i)));
            }
            return segments;
        }
    }
}
