package org.rollwell.app.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rollwell.app.json.Json;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.scan.ScanReason;
import org.rollwell.therapy.scan.ScanResult;

/**
 * The scan's answer as JSON (issue 5): {@code status, reasons, landmarks{C7,T12L1,L5S1},
 * levels{C7..S1}, kyphosisDeg, lordosisDeg, quality}, positions in bed mm to 0.1 mm, with
 * {@code surfaceKyphosisDeg, surfaceLordosisDeg} (the angles as measured on the skin) and
 * {@code interpolated} (the levels placed across a stretch crossed lifted off, issue 10) and
 * {@code bridgedAngles} (the angles measured at a junction inside such a stretch). The
 * angles without "surface" in their name are on the Cobb scale. The twin's truth file has the
 * same keys.
 */
public final class ScanJson {

    private ScanJson() {
    }

    public static ObjectNode result(ScanResult result) {
        ObjectNode node = Json.object();
        node.put("status", result.status().name());
        ArrayNode reasons = node.putArray("reasons");
        for (ScanReason reason : result.reasons()) {
            ObjectNode r = reasons.addObject();
            r.put("code", reason.code().name());
            r.put("message", reason.message());
        }
        SpineMap map = result.spineMap();
        if (map == null) {
            node.putNull("landmarks");
            node.putNull("levels");
            node.putNull("kyphosisDeg");
            node.putNull("lordosisDeg");
            node.putNull("quality");
            node.putArray("interpolated");
            node.putArray("bridgedAngles");
            return node;
        }
        double[] levels = new double[Level.values().length];
        for (Level level : Level.values()) {
            levels[level.ordinal()] = map.positionMm(level);
        }
        fill(node, levels, map.t12l1Mm(), map.l5s1Mm(), map.kyphosisDeg(), map.lordosisDeg(), map.quality());
        node.set("surfaceKyphosisDeg", Json.tenths(result.surfaceKyphosisDeg()));
        node.set("surfaceLordosisDeg", Json.tenths(result.surfaceLordosisDeg()));
        ArrayNode interpolated = node.putArray("interpolated");
        result.interpolated().forEach(level -> interpolated.add(level.name()));
        ArrayNode bridged = node.putArray("bridgedAngles");
        result.bridgedAngles().forEach(bridged::add);
        return node;
    }

    /** The twin's truth for a back: what a perfect scan would say. */
    public static ObjectNode truth(ModelledBack back) {
        ObjectNode node = Json.object();
        node.put("status", "OK");
        node.putArray("reasons");
        fill(node, back.levelsMm(), back.t12l1Mm(), back.l5s1Mm(), back.body().kyphosisDeg(),
                back.body().lordosisDeg(), 1.0);
        node.set("surfaceKyphosisDeg", Json.tenths(back.surfaceKyphosisDeg()));
        node.set("surfaceLordosisDeg", Json.tenths(back.surfaceLordosisDeg()));
        node.putArray("interpolated");
        node.putArray("bridgedAngles");
        return node;
    }

    private static void fill(ObjectNode node, double[] levelsMm, double t12l1Mm, double l5s1Mm,
                             double kyphosisDeg, double lordosisDeg, double quality) {
        ObjectNode landmarks = node.putObject("landmarks");
        landmarks.set("C7", Json.tenths(levelsMm[Level.C7.ordinal()]));
        landmarks.set("T12L1", Json.tenths(t12l1Mm));
        landmarks.set("L5S1", Json.tenths(l5s1Mm));
        ObjectNode levels = node.putObject("levels");
        for (Level level : Level.values()) {
            levels.set(level.name(), Json.tenths(levelsMm[level.ordinal()]));
        }
        node.set("kyphosisDeg", Json.tenths(kyphosisDeg));
        node.set("lordosisDeg", Json.tenths(lordosisDeg));
        node.set("quality", Json.hundredths(quality));
    }
}
