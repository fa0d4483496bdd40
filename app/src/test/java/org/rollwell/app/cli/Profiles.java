package org.rollwell.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Profiles of people the command tests plan for, written as a person would write the file. */
final class Profiles {

    private Profiles() {
    }

    /** A 175 cm person who answered every screening question "no", with pain at L4 and a trigger point at T8. */
    static final String ANNA = """
            {
              "format": "rollwell.profile/1",
              "heightCm": 175, "weightKg": 72, "birthYear": 1980,
              "answers": {
                "RF_CAUDA_EQUINA": false, "RF_PROGRESSIVE_DEFICIT": false, "RF_FEVER_INFECTION": false,
                "RF_CANCER_HISTORY": false, "RF_WEIGHT_LOSS": false, "RF_TRAUMA": false, "RF_NIGHT_PAIN": false,
                "RF_AGE_ONSET": false, "RF_FRACTURE_RISK": false, "CI_DVT": false, "CI_PREGNANCY": false,
                "CI_ACTIVE_CANCER": false, "CI_RECENT_SURGERY_OR_FRACTURE": false, "CI_OSTEOPOROSIS": false,
                "CI_ANTICOAGULANT": false, "CI_REDUCED_SENSATION": false, "CI_HEAT_INTOLERANCE": false,
                "CI_SKIN_LESION": false, "CI_IMPLANT": false, "NO_DIAGNOSIS": false
              },
              "painMap": [{"level": "L4", "side": "CENTER", "nrs": 6}],
              "triggerPoints": [{"level": "T8", "side": "RIGHT"}],
              "painTodayNrs": 4,
              "preferences": {"intensity": 5, "maxRollerTempC": 50, "heat": true}
            }
            """;

    /** Anna, reporting saddle numbness: a red flag. */
    static final String CAUDA_EQUINA = ANNA.replace("\"RF_CAUDA_EQUINA\": false", "\"RF_CAUDA_EQUINA\": true");

    /** Anna with osteoporosis: force at most 120 N, no PRESS on the spine, no STRETCH. */
    static final String OSTEOPOROSIS = ANNA.replace("\"CI_OSTEOPOROSIS\": false", "\"CI_OSTEOPOROSIS\": true");

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
