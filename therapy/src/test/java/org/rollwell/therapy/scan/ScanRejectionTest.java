package org.rollwell.therapy.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;

/**
 * A real scan and the ways a scan goes wrong. clean-scan.csv is the twin's closed loop (the
 * bed's scan routine on SimulatedBed) for a person 176 cm, 72 kg, kyphosis 38°, lordosis 50°,
 * lying 110 mm from the head end and 10 mm off centre (ModelledBack seed 7); the twin's
 * truth for that back is C7 at 201.3 mm, T12/L1 at 479.0 mm, L5/S1 at 656.6 mm.
 */
class ScanRejectionTest {

    private static ScanTrace clean;
    private final ScanAnalyser analyser = new ScanAnalyser();

    @BeforeAll
    static void readTheCleanScan() throws IOException {
        try (Reader reader = new InputStreamReader(
                ScanRejectionTest.class.getResourceAsStream("clean-scan.csv"), StandardCharsets.UTF_8)) {
            clean = ((ScanTraceCsv.Parsed) ScanTraceCsv.parse(reader)).trace();
        }
    }

    @Test
    void the_clean_scan_finds_the_landmarks_within_10_mm_of_the_truth() {
        ScanResult result = analyser.analyse(clean);

        assertThat(result.reasons()).isEmpty();
        SpineMap map = result.spineMap();
        assertThat(map.source()).isEqualTo(SpineMap.Source.MEASURED);
        assertThat(map.positionMm(Level.C7)).isCloseTo(201.3, org.assertj.core.data.Offset.offset(10.0));
        assertThat(map.t12l1Mm()).isCloseTo(479.0, org.assertj.core.data.Offset.offset(10.0));
        assertThat(map.l5s1Mm()).isCloseTo(656.6, org.assertj.core.data.Offset.offset(10.0));
        assertThat(map.kyphosisDeg()).isCloseTo(38, org.assertj.core.data.Offset.offset(5.0));
        assertThat(map.lordosisDeg()).isCloseTo(50, org.assertj.core.data.Offset.offset(5.0));
        assertThat(map.quality()).isBetween(0.5, 1.0);
    }

    @Test
    void the_same_trace_gives_the_same_answer() {
        assertThat(analyser.analyse(clean)).isEqualTo(analyser.analyse(clean));
    }

    @Test
    void a_person_who_moved_mid_scan_is_rejected() {
        double[] lift = clean.liftMm();
        double[] position = clean.positionMm();
        for (int i = 0; i < lift.length; i++) {
            if (position[i] > 520) {
                lift[i] += 12; // shifted on the bed: the surface jumps by 12 mm at once
            }
        }
        assertRejected(with(clean.timeS(), position, lift, clean.forceN()), ScanReason.Code.PERSON_MOVED);
    }

    @Test
    void a_trace_cut_off_before_the_sacrum_does_not_cover_the_spine() {
        int rows = 0;
        while (clean.positionMm()[rows] < 560) {
            rows++;
        }
        ScanTrace cut = with(Arrays.copyOf(clean.timeS(), rows), Arrays.copyOf(clean.positionMm(), rows),
                Arrays.copyOf(clean.liftMm(), rows), Arrays.copyOf(clean.forceN(), rows));
        assertRejected(cut, ScanReason.Code.DOES_NOT_COVER);
    }

    @Test
    void heavy_noise_is_rejected_not_smoothed_over() {
        double[] lift = clean.liftMm();
        Random random = new Random(5);
        for (int i = 0; i < lift.length; i++) {
            lift[i] += 2.0 * random.nextGaussian();
        }
        assertRejected(with(clean.timeS(), clean.positionMm(), lift, clean.forceN()), ScanReason.Code.TOO_NOISY);
    }

    @Test
    void dropped_samples_are_missing_samples() {
        int from = 1500;
        int to = 1560;
        assertRejected(with(drop(clean.timeS(), from, to), drop(clean.positionMm(), from, to),
                drop(clean.liftMm(), from, to), drop(clean.forceN(), from, to)), ScanReason.Code.SAMPLES_MISSING);
    }

    @Test
    void the_same_gap_declared_as_a_crossing_lifted_off_is_bridged_not_rejected() {
        int from = 1500;
        int to = 1560;
        double[] position = clean.positionMm();
        LiftedRange crossing = new LiftedRange(position[from - 1], position[to]);
        ScanTrace declared = new ScanTrace(drop(clean.timeS(), from, to), drop(position, from, to),
                drop(clean.liftMm(), from, to), drop(clean.forceN(), from, to), java.util.List.of(crossing));

        ScanResult result = new ScanAnalyser().analyse(declared);

        assertThat(result.codes()).doesNotContain(ScanReason.Code.SAMPLES_MISSING);
        assertThat(result.ok()).as("%s", result.reasons()).isTrue();
        assertThat(result.interpolated()).allSatisfy(level ->
                assertThat(crossing.contains(result.spineMap().positionMm(level))).isTrue());
    }

    @Test
    void dropped_samples_are_found_from_positions_when_the_trace_has_no_time() {
        int from = 1500;
        int to = 1560;
        assertRejected(ScanTrace.of(drop(clean.positionMm(), from, to), drop(clean.liftMm(), from, to),
                drop(clean.forceN(), from, to)), ScanReason.Code.SAMPLES_MISSING);
    }

    @Test
    void rows_out_of_order_are_rejected() {
        double[] time = clean.timeS();
        double[] position = clean.positionMm();
        swap(time, 2000, 2001);
        swap(position, 2000, 2001);
        position[2000] -= 5; // and the carriage stepped back
        assertRejected(with(time, position, clean.liftMm(), clean.forceN()), ScanReason.Code.OUT_OF_ORDER);
    }

    @Test
    void a_force_that_was_not_held_is_rejected() {
        double[] force = clean.forceN();
        double[] position = clean.positionMm();
        for (int i = 0; i < force.length; i++) {
            if (position[i] > 300 && position[i] < 500) {
                force[i] = 120; // the loop pressed twice as hard over the thorax
            }
        }
        assertRejected(with(clean.timeS(), position, clean.liftMm(), force), ScanReason.Code.FORCE_NOT_HELD);
    }

    @Test
    void a_file_with_the_wrong_header_is_rejected_as_wrong_columns() {
        ScanResult result = analyser.analyse(ScanTraceCsv.parse("x,y,z\n1,2,3\n"));
        assertThat(result.codes()).containsExactly(ScanReason.Code.WRONG_COLUMNS);
        assertThat(result.map()).isEmpty();
    }

    @Test
    void a_file_with_text_in_a_number_column_is_rejected_with_the_line() {
        ScanResult result = analyser.analyse(ScanTraceCsv.parse("position_mm,lift_mm,force_n\n0,20,60\n0.3,20,sixty\n"));
        assertThat(result.codes()).containsExactly(ScanReason.Code.NON_NUMERIC);
        assertThat(result.reasons().get(0).message()).contains("line 3");
    }

    @Test
    void an_empty_file_is_rejected_as_empty() {
        assertThat(analyser.analyse(ScanTraceCsv.parse("")).codes()).containsExactly(ScanReason.Code.EMPTY);
    }

    private void assertRejected(ScanTrace trace, ScanReason.Code expected) {
        ScanResult result = analyser.analyse(trace);
        assertThat(result.status()).isEqualTo(ScanResult.Status.REJECTED);
        assertThat(result.codes()).contains(expected);
        assertThat(result.spineMap()).isNull();
    }

    private static ScanTrace with(double[] time, double[] position, double[] lift, double[] force) {
        return new ScanTrace(time, position, lift, force);
    }

    private static double[] drop(double[] values, int from, int to) {
        double[] out = new double[values.length - (to - from)];
        System.arraycopy(values, 0, out, 0, from);
        System.arraycopy(values, to, out, from, values.length - to);
        return out;
    }

    private static void swap(double[] values, int i, int j) {
        double v = values[i];
        values[i] = values[j];
        values[j] = v;
    }
}
