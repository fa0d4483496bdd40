package org.rollwell.therapy.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;

/**
 * The analyser's answer to the recorded clean scan, to the last bit, pinned before it was made
 * faster: a speed-up must not move a landmark, an angle or the quality by one bit, so each figure is
 * compared as a double, exactly (app's {@code ScanAnswersPinnedTest} does the same for seeded bodies).
 * Should the method change on purpose these figures are re-pinned with it; a speed-up never re-pins them.
 */
class ScanAnswersPinnedCsvTest {

    @Test
    void the_clean_scan_gets_the_same_landmarks_angles_and_quality_to_the_bit() throws IOException {
        ScanTrace trace;
        try (Reader reader = new InputStreamReader(
                ScanAnswersPinnedCsvTest.class.getResourceAsStream("clean-scan.csv"), StandardCharsets.UTF_8)) {
            trace = ((ScanTraceCsv.Parsed) ScanTraceCsv.parse(reader)).trace();
        }
        ScanResult result = new ScanAnalyser().analyse(trace);
        assertThat(result.ok()).isTrue();
        SpineMap map = result.spineMap();
        assertThat(map.positionMm(Level.C7)).isEqualTo(201.70924894616215);
        assertThat(map.t12l1Mm()).isEqualTo(479.3177704073721);
        assertThat(map.l5s1Mm()).isEqualTo(656.8529286420012);
        assertThat(map.positionMm(Level.S1)).isEqualTo(679.4086210107245);
        assertThat(map.kyphosisDeg()).isEqualTo(37.310528420830366);
        assertThat(map.lordosisDeg()).isEqualTo(48.71162780481212);
        assertThat(result.surfaceKyphosisDeg()).isEqualTo(15.110764010436299);
        assertThat(result.surfaceLordosisDeg()).isEqualTo(14.613488341443635);
        assertThat(map.quality()).isEqualTo(1.0);
    }
}
