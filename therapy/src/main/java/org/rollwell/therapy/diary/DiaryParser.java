package org.rollwell.therapy.diary;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.JsonText;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;

/**
 * Reads a {@code rollwell.diary/1} file (docs/diary-format.md). Never throws on bad input: it
 * returns the {@link Diary}, or every {@link Problem} with its JSON path
 * ({@code diary.json: $.entries[3].nrs: must be a whole number 0–10, was 11}). Unknown fields, unknown
 * kinds, impossible dates, out-of-range ratings, session entries dated before the first
 * session and a second daily rating, PEG or PGIC on one day are all refused.
 */
public final class DiaryParser {

    /** The largest diary accepted: 1 MiB holds decades of daily entries (choice). */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("format", "firstSessionDate", "entries"));
    private static final Map<EntryKind, List<String>> KIND_FIELDS = kindFields();

    private DiaryParser() {
    }

    /** Parses one diary's text (from no file, or one named later). */
    public static ParseResult<Diary> parse(String json) {
        return parse("", json);
    }

    /** Parses the text of diary file {@code file}, named in every problem. */
    public static ParseResult<Diary> parse(String file, String json) {
        String text = json == null ? "" : json;
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return new ParseResult.Refused<>(List.of(new Problem(file, "$", "the diary is " + bytes + " bytes; at most "
                    + MAX_BYTES + " (1 MiB) are read")));
        }
        return JsonText.read(file, text, "a " + Diary.FORMAT + " object", DiaryParser::read);
    }

    private static Diary read(JsonNode root, FieldReader fields) {
        fields.unknownFields(root, "$", FIELDS);
        fields.format(root, Diary.FORMAT);
        LocalDate first = fields.date(root, "$", "firstSessionDate", true);
        JsonNode entries = fields.array(root, "$", "entries", true, "entries (it may be empty)");
        List<DiaryEntry> read = new ArrayList<>();
        Map<String, String> onceADay = new HashMap<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            String path = FieldReader.index("$.entries", i);
            DiaryEntry entry = entry(entries.get(i), path, first, fields);
            if (entry != null && onceADay(entry, path, onceADay, fields)) {
                read.add(entry);
            }
        }
        if (fields.problemCount() > 0) {
            return null;
        }
        return new Diary(first, read);
    }

    private static DiaryEntry entry(JsonNode node, String path, LocalDate first, FieldReader fields) {
        if (!fields.object(node, path, "an entry {date, kind, ...}")) {
            return null;
        }
        int before = fields.problemCount();
        LocalDate date = fields.date(node, path, "date", true);
        EntryKind kind = fields.constant(node, path, "kind", EntryKind.class, "kind", true);
        if (kind == null) {
            return null;
        }
        Set<String> known = new LinkedHashSet<>(List.of("date", "kind"));
        known.addAll(KIND_FIELDS.get(kind));
        fields.unknownFields(node, path, known);
        if (date != null && first != null && kind.aboutSessions() && date.isBefore(first)) {
            fields.problem(path + ".date", "a " + kind + " entry on " + date
                    + " comes before the first session (firstSessionDate " + first + ")");
        }
        DiaryEntry entry = switch (kind) {
            case NRS_DAILY, NRS_BEFORE, NRS_AFTER -> {
                Integer nrs = fields.whole(node, path, "nrs", 0, 10, "", true);
                yield date != null && nrs != null ? new DiaryEntry.Nrs(date, kind, nrs) : null;
            }
            case PEG -> {
                Integer pain = fields.whole(node, path, "pain", 0, 10, "", true);
                Integer enjoyment = fields.whole(node, path, "enjoyment", 0, 10, "", true);
                Integer activity = fields.whole(node, path, "activity", 0, 10, "", true);
                yield date != null && pain != null && enjoyment != null && activity != null
                        ? new DiaryEntry.Peg(date, pain, enjoyment, activity) : null;
            }
            case PGIC -> {
                Integer pgic = fields.whole(node, path, "pgic", 1, 7, "", true);
                yield date != null && pgic != null ? new DiaryEntry.Pgic(date, pgic) : null;
            }
            case FEEDBACK -> {
                Pressure pressure = fields.constant(node, path, "pressure", Pressure.class, "pressure", true);
                Heat heat = fields.constant(node, path, "heat", Heat.class, "heat", true);
                yield date != null && pressure != null && heat != null
                        ? new DiaryEntry.Feedback(date, pressure, heat) : null;
            }
        };
        return fields.problemCount() == before ? entry : null;
    }

    /** A daily NRS, a PEG and a PGIC are once-a-day answers: a second one on a day is a mistake to fix. */
    private static boolean onceADay(DiaryEntry entry, String path, Map<String, String> seen, FieldReader fields) {
        if (entry.kind() != EntryKind.NRS_DAILY && entry.kind() != EntryKind.PEG && entry.kind() != EntryKind.PGIC) {
            return true;
        }
        String key = entry.kind() + " " + entry.date();
        String earlier = seen.putIfAbsent(key, path);
        if (earlier != null) {
            fields.problem(path, "a second " + entry.kind() + " on " + entry.date() + " (the first is "
                    + earlier + "); keep one");
            return false;
        }
        return true;
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
