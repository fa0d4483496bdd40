package org.rollwell.app.bedspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollwell.app.files.TextFiles;
import org.rollwell.app.json.Json;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.JsonText;
import org.rollwell.therapy.input.Problem;

/**
 * Reads a bed's geometry and limits from a {@code rollwell.bedspec/1} file (docs/bed-spec-format.md)
 * into the bed runtime's {@link BedSpec} (issue 4 item 1: "the reference bed by default, loadable
 * from a file"). The fields are exactly BedSpec's record components, with the units their names
 * carry; a field left out takes the reference bed's value (DOMAIN.md §2). Every problem is reported
 * at once, through the therapy core's one field reader, as {@code FILE: $.field: reason}: unknown fields, wrong types, and BedSpec's own checks
 * (positive limits, the temperature order, the loop rate), each named by the field that broke it.
 *
 * <p>The fields are read off the record by reflection so the format can never drift from the
 * contract: a component added to BedSpec is a new optional field here, defaulting to the reference bed.
 */
public final class BedSpecFile {
    /** The value of the required {@code "format"} field. */
    public static final String FORMAT = "rollwell.bedspec/1";
    private static final List<String> META_FIELDS = List.of("format", "description");

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

    /** Reads and checks the bed file at {@code file}; every problem names it. */
    public static BedSpec read(Path file) throws BedSpecException {
        String text;
        try {
            text = TextFiles.read(file);
        } catch (TextFiles.Unreadable e) {
            throw new BedSpecException(List.of(new Problem("", "", "cannot read bed spec " + file + ": " + e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    /** Checks {@code json}: the bed it describes, or every problem as {@code $.path: reason}. */
    public static BedSpec parse(String json) throws BedSpecException {
        return parse("", json);
    }

    /** Checks the text of bed file {@code file} (empty: no file): the bed, or every problem as {@code FILE: $.path: reason}. */
    public static BedSpec parse(String file, String json) throws BedSpecException {
        FieldReader fields = new FieldReader(file);
        JsonNode root = JsonText.object(json, fields, "a " + FORMAT + " object");
        if (root == null) {
            throw new BedSpecException(fields.problems());
        }
        RecordComponent[] components = BedSpec.class.getRecordComponents();
        List<String> known = new ArrayList<>(META_FIELDS);
        known.addAll(specFields());
        fields.unknownFields(root, "$", known);
        fields.format(root, FORMAT);
        fields.text(root, "$", "description", false);

        // each value: the file's, or the reference bed's where the file leaves it out
        Object[] values = new Object[components.length];
        Map<String, Boolean> given = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            values[i] = reference(c);
            if (!root.has(c.getName())) {
                continue;
            }
            boolean whole = c.getType() == int.class;
            Double value = fields.finite(root, "$", c.getName(), whole, true);
            if (value != null) {
                values[i] = whole ? (Object) value.intValue() : (Object) value;
                given.put(c.getName(), true);
            }
        }
        if (fields.problemCount() > 0) {
            throw new BedSpecException(fields.problems());
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
                fields.problem("$." + components[i].getName(), reason(aloneRefused, components[i].getName()));
            }
        }
        if (fields.problemCount() == 0) {
            fields.problem(pathOf(refused, components, given), refused);
        }
        throw new BedSpecException(fields.problems());
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
        ObjectNode out = Json.object();
        out.put("format", FORMAT);
        if (description != null) {
            out.put("description", description);
        }
        for (RecordComponent c : BedSpec.class.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(spec);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            out.set(c.getName(), v instanceof Integer whole ? Json.number(whole) : Json.number((Double) v));
        }
        return Json.write(out);
    }
}
