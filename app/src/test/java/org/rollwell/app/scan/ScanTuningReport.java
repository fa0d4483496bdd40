package org.rollwell.app.scan;

import java.util.List;
import java.util.Map;

/**
 * The figures of every named tuning set ({@link ScanTuningSet#all()}), for whoever tunes the
 * analyser: the same closed loop and scoring as {@link ScanAccuracyTest}, on 800 bodies (≈ 1.5 min on
 * two cores), so it is not part of the build. Run after {@code ./mvnw -B -q -o -pl app -am test-compile}:
 * <pre>
 *   ./mvnw -B -q -o -pl app dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp app/target/test-classes:app/target/classes:$(for m in therapy bed sim reports companion server store mqtt hub; do printf %s: $m/target/classes; done)$(cat app/target/cp.txt) org.rollwell.app.scan.ScanTuningReport
 * </pre>
 * (the module directories first: the reactor's jars in the local repository may be another branch's).
 */
final class ScanTuningReport {

    private ScanTuningReport() {
    }

    public static void main(String[] args) {
        for (Map.Entry<String, List<ScanTuningSet.Case>> set : ScanTuningSet.all().entrySet()) {
            ScanScore.of(set.getValue()).print("TUNING set " + set.getKey(), System.out);
        }
    }
}
