package org.rollwell.therapy.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The breathing sweep sums only the breathing row and column again for each rate; it must give
 * exactly the errors and coefficients of evaluating the whole model at that rate, else the
 * analyser's answers would depend on how fast it is.
 */
class BreathSweepTest {

    @Test
    void the_sweep_gives_the_same_errors_and_prominences_as_evaluating_the_whole_model_bit_for_bit() throws IOException {
        ScanTrace trace;
        try (Reader reader = new InputStreamReader(
                BreathSweepTest.class.getResourceAsStream("clean-scan.csv"), StandardCharsets.UTF_8)) {
            trace = ((ScanTraceCsv.Parsed) ScanTraceCsv.parse(reader)).trace();
        }
        double[] surface = new double[trace.size()];
        for (int i = 0; i < surface.length; i++) {
            surface[i] = trace.lift(i) - (trace.force(i) - ScanAnalyser.SETPOINT_N) / ScanAnalyser.NOMINAL_STIFFNESS_N_PER_MM;
        }
        BackShapeModel.Shape shape = BackShapeFit.of(trace, surface).fit();
        SurfaceGrid grid = SurfaceGrid.of(trace, surface);
        int compared = 0;
        for (boolean bumps : new boolean[] {false, true}) {
            // the fitted junctions, and C7/T1 a little and a vertebra off them (another window, other rows)
            for (double offMm : new double[] {0, 3.5, -11, 24}) {
                double c = shape.c7t1Mm() + offMm;
                BackShapeModel swept = BackShapeModel.of(grid);
                BackShapeModel whole = BackShapeModel.of(grid);
                for (BackShapeModel model : new BackShapeModel[] {swept, whole}) {
                    model.withBumps(bumps);
                    model.setWindow(c, shape.t12l1Mm(), shape.l5s1Mm());
                }
                swept.startBreathSweep(c, shape.t12l1Mm(), shape.l5s1Mm());
                for (double hz = 0.17; hz <= 0.28 + 1e-9; hz += 0.005) {
                    swept.breathHz(hz);
                    whole.breathHz(hz);
                    double sweptError = swept.breathSweepError();
                    assertThat(sweptError).as("bumps %s, C7/T1 %+.1f mm, %.3f Hz", bumps, offMm, hz)
                            .isEqualTo(whole.error(c, shape.t12l1Mm(), shape.l5s1Mm()));
                    assertThat(swept.lumbarProminenceMm()).isEqualTo(whole.lumbarProminenceMm());
                    assertThat(swept.c7ProminenceMm()).isEqualTo(whole.c7ProminenceMm());
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(2 * 4 * 23);
    }
}
