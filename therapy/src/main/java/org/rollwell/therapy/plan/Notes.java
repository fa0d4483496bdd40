package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan-level reasons gathered while planning, each said once, in the order they arose. */
final class Notes {

    private final Map<String, Reason> leading = new LinkedHashMap<>();
    private final Map<String, Reason> reasons = new LinkedHashMap<>();

    /** A reason said before all others: the goal cannot be done as asked. */
    void lead(String code, String message) {
        leading.putIfAbsent(code + "\u0000" + message, new Reason(code, message));
    }

    /** How many reasons lead the list. */
    int leadingCount() {
        return leading.size();
    }

    void add(String code, String message) {
        reasons.putIfAbsent(code + "\u0000" + message, new Reason(code, message));
    }

    void addAll(List<Reason> list) {
        for (Reason reason : list) {
            add(reason.code(), reason.message());
        }
    }

    List<Reason> list() {
        List<Reason> all = new ArrayList<>(leading.values());
        all.addAll(reasons.values());
        return all;
    }
}
