package org.rollwell.therapy.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The C7 slide (C7's second reading, its prominence alone) sums only what the moved template changes;
 * it must give exactly the errors of moving the template and evaluating the whole model, else the
 * analyser's answers would depend on how fast it is.
 */
class C7SlideTest {

    @Test
    void the_slide_gives_the_same_errors_as_moving_the_template_and_evaluating_bit_for_bit() throws IOException {
        ScanTrace trace;
        try (Reader reader = new InputStreamReader(
                ScanRejectionTest.class.getResourceAsStream("clean-scan.csv"), StandardCharsets.UTF_8)) {
            trace = ((ScanTraceCsv.Parsed) ScanTraceCsv.parse(reader)).trace();
        }
        double[] surface = new double[trace.size()];
        for (int i = 0; i < surface.length; i++) {
            surface[i] = trace.lift(i) - (trace.force(i) - ScanAnalyser.SETPOINT_N) / ScanAnalyser.NOMINAL_STIFFNESS_N_PER_MM;
        }
        BackShapeModel.Shape shape = BackShapeFit.of(trace, surface).fit();
        BackShapeModel model = BackShapeModel.of(SurfaceGrid.of(trace, surface));
        model.breathHz(shape.breathHz());
        model.withBumps(true);
        int compared = 0;
        // the fitted junctions, and C7/T1 a little and a vertebra off them (another window, other rows)
        for (double offMm : new double[] {0, 3.5, -11, 24}) {
            double c = shape.c7t1Mm() + offMm;
            model.setWindow(c, shape.t12l1Mm(), shape.l5s1Mm());
            double[] slide = model.c7SlideErrors(c, shape.t12l1Mm(), shape.l5s1Mm(), 31);
            for (int k = -31; k <= 31; k++) {
                model.c7ShiftMm(k);
                assertThat(slide[k + 31]).as("C7/T1 %+.1f mm, template moved %d mm", offMm, k)
                        .isEqualTo(model.error(c, shape.t12l1Mm(), shape.l5s1Mm()));
                compared++;
            }
            model.c7ShiftMm(0);
        }
        assertThat(compared).isEqualTo(4 * 63);
    }
}
