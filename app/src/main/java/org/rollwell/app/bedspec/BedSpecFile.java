package org.rollwell.app.bedspec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import org.rollwell.app.files.TextFiles;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollwell.bed.io.BedSpec;

/**
 * Reads a bed's geometry and limits from a {@code rollwell.bedspec/1} file (docs/bed-spec-format.md)
 * into the bed runtime's {@link BedSpec} (issue 4 item 1: "the reference bed by default, loadable
 * from a file"). The fields are exactly BedSpec's record components, with the units their names
 * carry; a field left out takes the reference bed's value (DOMAIN.md §2). Every problem is reported
 * at once as {@code $.field: reason}: unknown fields, wrong types, and BedSpec's own checks
 * (positive limits, the temperature order, the loop rate), each named by the field that broke it.
 *
 * <p>The fields are read off the record by reflection so the format can never drift from the
 * contract: a component added to BedSpec is a new optional field here, defaulting to the reference bed.
 */
public final class BedSpecFile {
    /** The value of the required {@code "format"} field. */
    public static final String FORMAT = "rollwell.bedspec/1";
    private static final List<String> META_FIELDS = List.of("format", "description");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private BedSpecFile() {
    }

    /** The record components of BedSpec, in declaration order: the file's fields besides format and description. */
    public static List<String> specFields() {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : BedSpec.class.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    /** Reads and checks the bed file at {@code file}. */
    public static BedSpec read(Path file) throws BedSpecException {
        String text;
        try {
            text = TextFiles.read(file);
        } catch (TextFiles.Unreadable e) {
            throw new BedSpecException(List.of("cannot read bed spec " + file + ": " + e.getMessage()));
        }
        try {
            return parse(text);
        } catch (BedSpecException e) {
            List<String> named = new ArrayList<>();
            e.problems().forEach(p -> named.add(file + " " + p));
            throw new BedSpecException(named);
        }
    }

    /** Checks {@code json}: the bed it describes, or every problem as {@code $.path: reason}. */
    public static BedSpec parse(String json) throws BedSpecException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new BedSpecException(List.of("$: not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new BedSpecException(List.of("$: the file is empty; a bed spec is a JSON object"));
        }
        if (!root.isObject()) {
            throw new BedSpecException(List.of("$: must be a JSON object, was " + describe(root)));
        }
        List<String> problems = new ArrayList<>();
        RecordComponent[] components = BedSpec.class.getRecordComponents();
        List<String> known = new ArrayList<>(META_FIELDS);
        known.addAll(specFields());
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add("$." + name + ": unknown field; known fields are " + String.join(", ", known));
            }
        }
        JsonNode format = root.get("format");
        if (format == null) {
            problems.add("$.format: is missing; must be \"" + FORMAT + "\"");
        } else if (!format.isTextual() || !FORMAT.equals(format.asText())) {
            problems.add("$.format: must be \"" + FORMAT + "\", was " + describe(format));
        }
        JsonNode description = root.get("description");
        if (description != null && !description.isTextual()) {
            problems.add("$.description: must be text, was " + describe(description));
        }

        // each value: the file's, or the reference bed's where the file leaves it out
        Object[] values = new Object[components.length];
        Map<String, Boolean> given = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            values[i] = reference(c);
            JsonNode node = root.get(c.getName());
            if (node == null) {
                continue;
            }
            String path = "$." + c.getName();
            if (c.getType() == int.class) {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    problems.add(path + ": must be a whole number, was " + describe(node));
                    continue;
                }
                values[i] = node.asInt();
            } else {
                if (!node.isNumber()) {
                    problems.add(path + ": must be a number, was " + describe(node));
                    continue;
                }
                double v = node.asDouble();
                if (!Double.isFinite(v)) {
                    problems.add(path + ": must be a finite number, was " + node.asText());
                    continue;
                }
                values[i] = v;
            }
            given.put(c.getName(), true);
        }
        if (!problems.isEmpty()) {
            throw new BedSpecException(problems);
        }

        // BedSpec's own checks on the whole bed; when it refuses, each given field is tried alone
        // against the reference bed so the problem names its field; a rule between fields that no
        // single field breaks (the temperature order) names the fields its message mentions
        String refused = refusal(values);
        if (refused == null) {
            return build(values);
        }
        for (int i = 0; i < components.length; i++) {
            if (!given.containsKey(components[i].getName())) {
                continue;
            }
            Object[] alone = referenceValues(components);
            alone[i] = values[i];
            String aloneRefused = refusal(alone);
            if (aloneRefused != null) {
                problems.add("$." + components[i].getName() + ": " + reason(aloneRefused, components[i].getName()));
            }
        }
        if (problems.isEmpty()) {
            problems.add(pathOf(refused, components, given) + ": " + refused);
        }
        throw new BedSpecException(problems);
    }


    /** BedSpec's message without a leading repetition of the field's own name. */
    private static String reason(String message, String field) {
        return message.startsWith(field + " ") ? message.substring(field.length() + 1) : message;
    }

    /** For a rule between fields, the given fields its message names (e.g. the temperature order), or $. */
    private static String pathOf(String message, RecordComponent[] components, Map<String, Boolean> given) {
        List<String> named = new ArrayList<>();
        for (RecordComponent c : components) {
            if (given.containsKey(c.getName()) && message.matches("(?s).*\\b" + c.getName() + "\\b.*")) {
                named.add("$." + c.getName());
            }
        }
        // "thermistorMin < thermistorMax, rollerTempMin < ..." name the fields without their unit suffix
        if (named.isEmpty()) {
            for (RecordComponent c : components) {
                String stem = c.getName().replaceAll("(C|Mm|N|S|Hz|W|Kg|Cm)$", "");
                if (given.containsKey(c.getName()) && message.contains(stem)) {
                    named.add("$." + c.getName());
                }
            }
        }
        return named.isEmpty() ? "$" : String.join(", ", named);
    }

    private static Object[] referenceValues(RecordComponent[] components) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = reference(components[i]);
        }
        return values;
    }

    private static Object reference(RecordComponent c) {
        try {
            return c.getAccessor().invoke(BedSpec.REFERENCE);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("BedSpec." + c.getName() + " unreadable", e);
        }
    }

    /** BedSpec's refusal of these values, or null when it takes them. */
    private static String refusal(Object[] values) {
        try {
            build(values);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static BedSpec build(Object[] values) {
        RecordComponent[] components = BedSpec.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<BedSpec> constructor = BedSpec.class.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException("BedSpec refused its values", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("BedSpec's canonical constructor unreachable", e);
        }
    }

    /** Writes {@code spec} as a complete {@code rollwell.bedspec/1} file, every field in BedSpec's order. */
    public static String write(BedSpec spec, String description) {
        StringBuilder out = new StringBuilder("{\n  \"format\": \"" + FORMAT + "\"");
        if (description != null) {
            out.append(",\n  \"description\": ").append(MAPPER.getNodeFactory().textNode(description));
        }
        for (RecordComponent c : BedSpec.class.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(spec);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String text = v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : v.toString();
            out.append(",\n  \"").append(c.getName()).append("\": ").append(text);
        }
        return out.append("\n}\n").toString();
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "\"" + node.asText() + "\"";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.toString();
    }
}
