package org.rollwell.reports.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;

/**
 * Reads a session record in either of the two forms Rollwell writes: as {@code rollwell simulate
 * --json} prints it ({@code status}, {@code faults}), or as the companion server stores it when a
 * session on the bed ends ({@code outcome}, {@code fault}; {@code GET /api/sessions/{id}} serves it
 * as {@code record}). Both carry {@code segments} and {@code peaks}. Only the fields a report needs
 * are read; the others are left alone so that either writer may add fields. Every problem is
 * reported as {@code NAME: $.path: reason}.
 */
public final class SessionRecordParser {

    /** A record's name that starts with its day, such as {@code 2026-09-01-evening.json}. */
    private static final Pattern DATED_NAME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SessionRecordParser() {
    }

    /** The record in {@code json}, read from a file called {@code name}. */
    public static ParseResult<SessionRecord> parse(String name, String json) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return refuse(name, "$", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return refuse(name, "$", "must be an object as 'rollwell simulate --json' writes it or the server stores it");
        }
        Optional<LocalDate> date = Optional.empty();
        Matcher m = DATED_NAME.matcher(name);
        if (m.find()) {
            try {
                date = Optional.of(LocalDate.parse(m.group(1)));
            } catch (DateTimeException e) {
                problems.add(new Problem(name, "", "the name starts with " + m.group(1) + ", which is no calendar day"));
            }
        }
        boolean stored = root.has("outcome") && !root.has("status");
        String statusField = stored ? "outcome" : "status";
        String status = null;
        JsonNode statusNode = root.get(statusField);
        if (statusNode == null || !statusNode.isTextual() || !SessionRecord.STATUSES.contains(statusNode.asText())) {
            problems.add(new Problem("$." + statusField, "must be one of " + String.join("|", SessionRecord.STATUSES)
                    + ", was " + statusNode));
        } else {
            status = statusNode.asText();
        }
        List<SessionRecord.Segment> segments = new ArrayList<>();
        JsonNode segs = root.get("segments");
        if (segs == null || !segs.isArray()) {
            problems.add(new Problem("$.segments", "must be an array"));
        } else {
            for (int i = 0; i < segs.size(); i++) {
                String at = "$.segments[" + i + "]";
                JsonNode s = segs.get(i);
                String technique = text(s, "technique", at, problems);
                double planned = seconds(s, "plannedS", at, problems);
                double delivered = seconds(s, "deliveredS", at, problems);
                if (technique != null && planned >= 0 && delivered >= 0) {
                    segments.add(new SessionRecord.Segment(technique, planned, delivered));
                }
            }
        }
        List<SessionRecord.SafetyEvent> events = stored ? storedFault(root, problems) : simulatedFaults(root, problems);
        double peakForceN = -1;
        OptionalDouble rollerC = OptionalDouble.empty();
        OptionalDouble cem43 = OptionalDouble.empty();
        JsonNode peaks = root.get("peaks");
        if (peaks == null || !peaks.isObject()) {
            problems.add(new Problem("$.peaks", "must be an object"));
        } else {
            peakForceN = seconds(peaks, "forceN", "$.peaks", problems);
            rollerC = optional(peaks, "rollerTempC", "$.peaks", problems);
            cem43 = optional(peaks, "cem43EstimateMaxMin", "$.peaks", problems);
        }
        if (!problems.isEmpty()) {
            return new ParseResult.Refused<>(problems.stream().map(p -> p.inFile(name)).toList());
        }
        return new ParseResult.Parsed<>(new SessionRecord(name, date, status, segments, events, peakForceN, rollerC, cem43));
    }

    /** The trips of a {@code simulate --json} record: each with the twin's injected fault behind it. */
    private static List<SessionRecord.SafetyEvent> simulatedFaults(JsonNode root, List<Problem> problems) {
        List<SessionRecord.SafetyEvent> events = new ArrayList<>();
        JsonNode faults = root.get("faults");
        if (faults == null || !faults.isArray()) {
            problems.add(new Problem("$.faults", "must be an array"));
            return events;
        }
        for (int i = 0; i < faults.size(); i++) {
            String at = "$.faults[" + i + "]";
            JsonNode f = faults.get(i);
            String code = text(f, "code", at, problems);
            // the injected fault's kind in the twin; null for a trip nobody injected (a real bed's)
            JsonNode kindNode = f == null ? null : f.get("kind");
            String kind = kindNode == null || kindNode.isNull() ? "" : text(f, "kind", at, problems);
            double atS = seconds(f, "atS", at, problems);
            if (code != null && kind != null && atS >= 0) {
                events.add(new SessionRecord.SafetyEvent(code, kind, atS));
            }
        }
        return events;
    }

    /**
     * The trip of a stored record: the one latched fault that ended the session, or none. A bed
     * knows no injected fault, so the kind is empty; its time is in nanoseconds of the session.
     */
    private static List<SessionRecord.SafetyEvent> storedFault(JsonNode root, List<Problem> problems) {
        JsonNode f = root.get("fault");
        if (f == null || f.isNull()) {
            return List.of();
        }
        if (!f.isObject()) {
            problems.add(new Problem("$.fault", "must be an object or null, was " + f));
            return List.of();
        }
        String code = text(f, "code", "$.fault", problems);
        double atNanos = seconds(f, "atNanos", "$.fault", problems);
        if (code == null || atNanos < 0) {
            return List.of();
        }
        return List.of(new SessionRecord.SafetyEvent(code, "", atNanos / 1e9));
    }

    private static ParseResult<SessionRecord> refuse(String name, String path, String reason) {
        return new ParseResult.Refused<>(List.of(new Problem(name, path, reason)));
    }

    private static String text(JsonNode node, String field, String at, List<Problem> problems) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(new Problem(at + "." + field, "must be a non-empty string, was " + v));
            return null;
        }
        return v.asText();
    }

    /** A number 0 or more (seconds, newtons); −1 after reporting a problem. */
    private static double seconds(JsonNode node, String field, String at, List<Problem> problems) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isNumber() || !(v.asDouble() >= 0) || !Double.isFinite(v.asDouble())) {
            problems.add(new Problem(at + "." + field, "must be a number 0 or more, was " + v));
            return -1;
        }
        return v.asDouble();
    }

    private static OptionalDouble optional(JsonNode node, String field, String at, List<Problem> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            problems.add(new Problem(at + "." + field, "must be a number or null, was " + v));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v.asDouble());
    }
}
