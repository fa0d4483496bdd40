package org.rollwell.therapy.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.diary.Pressure;
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.JsonText;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;

/**
 * Reads a {@code rollwell.history/1} file (docs/history-format.md): a person's earlier sessions
 * with what they said and rated about each, as {@code rollwell plan --history} and the reports
 * read them and the server's export writes them ({@link HistoryWriter}). Never throws on bad
 * input: it returns the {@link SessionHistory}, or every {@link Problem} with its JSON path.
 */
public final class HistoryParser {

    /** The {@code format} value of a history file. */
    public static final String FORMAT = "rollwell.history/1";
    /** The largest history accepted: 1 MiB holds years of sessions (choice, as for the diary). */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("format", "sessions"));
    private static final Set<String> SESSION_FIELDS = new LinkedHashSet<>(List.of("start", "intensity",
            "cem43MaxBandMin", "pressure", "heat", "nrsBefore", "nrsAfter"));

    private HistoryParser() {
    }

    /** Parses the text of history file {@code file}, named in every problem. */
    public static ParseResult<SessionHistory> parse(String file, String json) {
        String text = json == null ? "" : json;
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return new ParseResult.Refused<>(List.of(new Problem(file, "$", "the history is " + bytes
                    + " bytes; at most " + MAX_BYTES + " (1 MiB) are read")));
        }
        return JsonText.read(file, text, "a " + FORMAT + " object", HistoryParser::read);
    }

    private static SessionHistory read(JsonNode root, FieldReader fields) {
        fields.unknownFields(root, "$", FIELDS);
        fields.format(root, FORMAT);
        JsonNode sessions = fields.array(root, "$", "sessions", true, "sessions (it may be empty)");
        List<PastSession> read = new ArrayList<>();
        for (int i = 0; sessions != null && i < sessions.size(); i++) {
            PastSession s = session(sessions.get(i), FieldReader.index("$.sessions", i), fields);
            if (s != null) {
                read.add(s);
            }
        }
        return fields.problemCount() > 0 ? null : new SessionHistory(read);
    }

    private static PastSession session(JsonNode node, String path, FieldReader fields) {
        if (!fields.object(node, path, "a session {start, intensity, cem43MaxBandMin, ...}")) {
            return null;
        }
        int before = fields.problemCount();
        fields.unknownFields(node, path, SESSION_FIELDS);
        LocalDateTime start = start(fields.text(node, path, "start", true), FieldReader.child(path, "start"), fields);
        Integer intensity = fields.whole(node, path, "intensity", 1, 10, "", true);
        // Required, never assumed 0: the 24 h heat-dose cap counts it (DOMAIN.md §5 "Per day").
        Double cem43 = fields.number(node, path, "cem43MaxBandMin", 0, 1000, "CEM43 min", true);
        Pressure pressure = fields.constant(node, path, "pressure", Pressure.class, "pressure", false);
        Heat heat = fields.constant(node, path, "heat", Heat.class, "heat", false);
        Integer nrsBefore = fields.whole(node, path, "nrsBefore", 0, 10, "", false);
        Integer nrsAfter = fields.whole(node, path, "nrsAfter", 0, 10, "", false);
        if (fields.problemCount() > before || start == null || intensity == null || cem43 == null) {
            return null;
        }
        return new PastSession(start, intensity, feedback(pressure), cem43, Optional.ofNullable(heat),
                nrsBefore == null ? OptionalInt.empty() : OptionalInt.of(nrsBefore),
                nrsAfter == null ? OptionalInt.empty() : OptionalInt.of(nrsAfter));
    }

    private static LocalDateTime start(String text, String at, FieldReader fields) {
        if (text == null) {
            return null;
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                // falls through to the problem below
            }
        }
        fields.problem(at, "must be a local date and time YYYY-MM-DDTHH:MM (a real day and time), was \"" + text + "\"");
        return null;
    }

    /** The diary's pressure word as the planner's feedback; no word is {@link Feedback#NONE}. */
    public static Feedback feedback(Pressure pressure) {
        if (pressure == null) {
            return Feedback.NONE;
        }
        return switch (pressure) {
            case TOO_GENTLE -> Feedback.TOO_LIGHT;
            case RIGHT -> Feedback.PRESSURE_RIGHT;
            case TOO_STRONG -> Feedback.TOO_STRONG;
        };
    }
}
