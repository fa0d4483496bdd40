package org.rollwell.therapy.diary;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;

/**
 * Reads a {@code rollwell.diary/1} file (docs/diary-format.md). Never throws on bad input: it
 * returns the {@link Diary}, or every {@link Problem} with its JSON path
 * ({@code $.entries[3].nrs: must be a whole number 0–10, was 11}). Unknown fields, unknown
 * kinds, impossible dates, out-of-range ratings, session entries dated before the first
 * session and a second daily rating, PEG or PGIC on one day are all refused.
 */
public final class DiaryParser {

    /** The largest diary accepted: 1 MiB holds decades of daily entries (choice). */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("format", "firstSessionDate", "entries"));
    private static final Map<EntryKind, List<String>> KIND_FIELDS = kindFields();

    private DiaryParser() {
    }

    /** Parses one diary file's text. */
    public static ParseResult<Diary> parse(String json) {
        String text = json == null ? "" : json;
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return refused("$", "the diary is " + bytes + " bytes; at most " + MAX_BYTES + " (1 MiB) are read");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return refused("$", "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return refused("$", "empty file; expected a " + Diary.FORMAT + " object");
        }
        List<Problem> problems = new ArrayList<>();
        Optional<Diary> diary = read(root, problems);
        if (!problems.isEmpty() || diary.isEmpty()) {
            return new ParseResult.Refused<>(problems);
        }
        return new ParseResult.Parsed<>(diary.get());
    }

    private static ParseResult<Diary> refused(String path, String reason) {
        return new ParseResult.Refused<>(List.of(new Problem(path, reason)));
    }

    private static Optional<Diary> read(JsonNode root, List<Problem> problems) {
        if (!root.isObject()) {
            problems.add(new Problem("$", "must be an object, was " + shown(root)));
            return Optional.empty();
        }
        unknownFields(root, "$", FIELDS, problems);
        JsonNode format = root.get("format");
        if (format == null || format.isNull()) {
            problems.add(new Problem("$.format", "missing; must be \"" + Diary.FORMAT + "\""));
        } else if (!format.isTextual() || !format.textValue().equals(Diary.FORMAT)) {
            problems.add(new Problem("$.format", "must be \"" + Diary.FORMAT + "\", was " + shown(format)));
        }
        Optional<LocalDate> first = date(root, "$", "firstSessionDate", problems);
        JsonNode entries = root.get("entries");
        List<DiaryEntry> read = new ArrayList<>();
        if (entries == null || entries.isNull()) {
            problems.add(new Problem("$.entries", "missing; must be an array of entries (it may be empty)"));
        } else if (!entries.isArray()) {
            problems.add(new Problem("$.entries", "must be an array, was " + shown(entries)));
        } else {
            Map<String, String> onceADay = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                String path = "$.entries[" + i + "]";
                entry(entries.get(i), path, first, problems).ifPresent(entry -> {
                    if (onceADay(entry, path, onceADay, problems)) {
                        read.add(entry);
                    }
                });
            }
        }
        if (!problems.isEmpty() || first.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Diary(first.get(), read));
    }

    private static Optional<DiaryEntry> entry(JsonNode node, String path, Optional<LocalDate> first,
                                              List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be an object, was " + shown(node)));
            return Optional.empty();
        }
        int before = problems.size();
        Optional<LocalDate> date = date(node, path, "date", problems);
        Optional<EntryKind> kind = kind(node, path, problems);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Set<String> known = new LinkedHashSet<>(List.of("date", "kind"));
        known.addAll(KIND_FIELDS.get(kind.get()));
        unknownFields(node, path, known, problems);
        if (date.isPresent() && first.isPresent() && kind.get().aboutSessions() && date.get().isBefore(first.get())) {
            problems.add(new Problem(path + ".date", "a " + kind.get() + " entry on " + date.get()
                    + " comes before the first session (firstSessionDate " + first.get() + ")"));
        }
        DiaryEntry entry = switch (kind.get()) {
            case NRS_DAILY, NRS_BEFORE, NRS_AFTER -> {
                Optional<Integer> nrs = whole(node, path, "nrs", 0, 10, problems);
                yield date.isPresent() && nrs.isPresent() ? new DiaryEntry.Nrs(date.get(), kind.get(), nrs.get()) : null;
            }
            case PEG -> {
                Optional<Integer> pain = whole(node, path, "pain", 0, 10, problems);
                Optional<Integer> enjoyment = whole(node, path, "enjoyment", 0, 10, problems);
                Optional<Integer> activity = whole(node, path, "activity", 0, 10, problems);
                yield date.isPresent() && pain.isPresent() && enjoyment.isPresent() && activity.isPresent()
                        ? new DiaryEntry.Peg(date.get(), pain.get(), enjoyment.get(), activity.get()) : null;
            }
            case PGIC -> {
                Optional<Integer> pgic = whole(node, path, "pgic", 1, 7, problems);
                yield date.isPresent() && pgic.isPresent() ? new DiaryEntry.Pgic(date.get(), pgic.get()) : null;
            }
            case FEEDBACK -> {
                Optional<Pressure> pressure = constant(node, path, "pressure", Pressure.class, problems);
                Optional<Heat> heat = constant(node, path, "heat", Heat.class, problems);
                yield date.isPresent() && pressure.isPresent() && heat.isPresent()
                        ? new DiaryEntry.Feedback(date.get(), pressure.get(), heat.get()) : null;
            }
        };
        return problems.size() == before ? Optional.ofNullable(entry) : Optional.empty();
    }

    /** A daily NRS, a PEG and a PGIC are once-a-day answers: a second one on a day is a mistake to fix. */
    private static boolean onceADay(DiaryEntry entry, String path, Map<String, String> seen, List<Problem> problems) {
        if (entry.kind() != EntryKind.NRS_DAILY && entry.kind() != EntryKind.PEG && entry.kind() != EntryKind.PGIC) {
            return true;
        }
        String key = entry.kind() + " " + entry.date();
        String earlier = seen.putIfAbsent(key, path);
        if (earlier != null) {
            problems.add(new Problem(path, "a second " + entry.kind() + " on " + entry.date() + " (the first is "
                    + earlier + "); keep one"));
            return false;
        }
        return true;
    }

    private static Optional<LocalDate> date(JsonNode parent, String path, String field, List<Problem> problems) {
        String at = path + "." + field;
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problems.add(new Problem(at, "missing; must be a date YYYY-MM-DD"));
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problems.add(new Problem(at, "must be a date YYYY-MM-DD in quotes, was " + shown(node)));
            return Optional.empty();
        }
        String text = node.textValue();
        // ISO 8601 calendar date, exactly YYYY-MM-DD; LocalDate.parse refuses 2026-02-30.
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            problems.add(new Problem(at, "must be a date YYYY-MM-DD, was " + shown(node)));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (java.time.DateTimeException e) {
            problems.add(new Problem(at, "no such date " + shown(node)));
            return Optional.empty();
        }
    }

    private static Optional<EntryKind> kind(JsonNode node, String path, List<Problem> problems) {
        JsonNode kind = node.get("kind");
        if (kind == null || kind.isNull()) {
            problems.add(new Problem(path + ".kind", "missing; one of " + names(EntryKind.class)));
            return Optional.empty();
        }
        return constantValue(kind, path + ".kind", EntryKind.class, problems);
    }

    private static Optional<Integer> whole(JsonNode parent, String path, String field, int min, int max,
                                           List<Problem> problems) {
        String at = path + "." + field;
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problems.add(new Problem(at, "missing; must be a whole number " + min + "–" + max));
            return Optional.empty();
        }
        // A rating is one of the scale's whole numbers; 6.0 (as some writers print 6) is 6, 5.5 is refused.
        double value = node.isNumber() ? node.doubleValue() : Double.NaN;
        if (!(value >= min && value <= max) || value != Math.rint(value)) {
            problems.add(new Problem(at, "must be a whole number " + min + "–" + max + ", was " + shown(node)));
            return Optional.empty();
        }
        return Optional.of((int) value);
    }

    private static <E extends Enum<E>> Optional<E> constant(JsonNode parent, String path, String field, Class<E> type,
                                                            List<Problem> problems) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problems.add(new Problem(path + "." + field, "missing; one of " + names(type)));
            return Optional.empty();
        }
        return constantValue(node, path + "." + field, type, problems);
    }

    private static <E extends Enum<E>> Optional<E> constantValue(JsonNode node, String at, Class<E> type,
                                                                 List<Problem> problems) {
        if (node.isTextual()) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(node.textValue())) {
                    return Optional.of(value);
                }
            }
        }
        problems.add(new Problem(at, "must be one of " + names(type) + ", was " + shown(node)));
        return Optional.empty();
    }

    private static void unknownFields(JsonNode node, String path, Set<String> known, List<Problem> problems) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(new Problem(path + "." + name, "unknown field (known here: " + String.join(", ", known) + ")"));
            }
        });
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            names.add(value.name());
        }
        return String.join("|", names);
    }

    /** The node as it appeared in the file, for "was …" in a message. */
    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static Map<EntryKind, List<String>> kindFields() {
        Map<EntryKind, List<String>> fields = new EnumMap<>(EntryKind.class);
        fields.put(EntryKind.NRS_DAILY, List.of("nrs"));
        fields.put(EntryKind.NRS_BEFORE, List.of("nrs"));
        fields.put(EntryKind.NRS_AFTER, List.of("nrs"));
        fields.put(EntryKind.PEG, List.of("pain", "enjoyment", "activity"));
        fields.put(EntryKind.PGIC, List.of("pgic"));
        fields.put(EntryKind.FEEDBACK, List.of("pressure", "heat"));
        return fields;
    }
}
