package org.rollwell.app.scan;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rollwell.sim.body.Body;

/**
 * A twin body written on one line, as the CLI takes it:
 * {@code heightCm=182,weightKg=80,kyphosisDeg=38,lordosisDeg=52,headOffsetMm=120,lateralOffsetMm=20}.
 * Keys left out take {@link Body#TYPICAL}'s value; an unknown key, a repeated key or a value
 * that is not a number is refused naming the key.
 */
public final class BodyText {

    private BodyText() {
    }

    public static Body parse(String text) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("heightCm", Body.TYPICAL.heightCm());
        values.put("weightKg", Body.TYPICAL.weightKg());
        values.put("kyphosisDeg", Body.TYPICAL.kyphosisDeg());
        values.put("lordosisDeg", Body.TYPICAL.lordosisDeg());
        values.put("headOffsetMm", Body.TYPICAL.headOffsetMm());
        values.put("lateralOffsetMm", Body.TYPICAL.lateralOffsetMm());
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("body: empty; expected e.g. heightCm=182,weightKg=80");
        }
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            String key = pair[0].strip();
            if (pair.length != 2) {
                throw new IllegalArgumentException("body: '" + part.strip() + "' is not key=value");
            }
            String canonical = values.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("body." + key + ": unknown; expected one of "
                            + String.join(", ", values.keySet())));
            if (!seen.add(canonical)) {
                throw new IllegalArgumentException("body." + canonical + ": given twice");
            }
            try {
                double value = Double.parseDouble(pair[1].strip());
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                values.put(canonical, value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "body.%s: '%s' is not a number",
                        canonical, pair[1].strip()));
            }
        }
        return new Body(values.get("heightCm"), values.get("weightKg"), values.get("kyphosisDeg"),
                values.get("lordosisDeg"), values.get("headOffsetMm"), values.get("lateralOffsetMm"));
    }
}
