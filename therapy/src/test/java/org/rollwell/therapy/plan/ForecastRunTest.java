package org.rollwell.therapy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.technique.Technique;

/**
 * The planner's skin forecast kept between cooling passes ({@link ForecastRun}) must say exactly what a forecast
 * from the first step says: a pass that cools one step runs the model again from that step only (issue 8, speed).
 */
class ForecastRunTest {

    private static final BedLimits BED = BedLimits.REFERENCE;

    /** A warm-up, rolls, a knead and a press over the back, as a goal plan lays them out (figures: choice). */
    private static List<ThermalDose.Span> session() {
        List<ThermalDose.Span> spans = new ArrayList<>();
        spans.add(new ThermalDose.Span(Technique.WARM, 100, 600, true, 55, 240, new TechniqueParams.Warm(25)));
        spans.add(new ThermalDose.Span(Technique.ROLL, 150, 550, true, 52, 300, new TechniqueParams.Roll(30)));
        spans.add(new ThermalDose.Span(Technique.KNEAD, 300, 380, true, 58, 420, new TechniqueParams.Knead(40, 0.5, 1)));
        spans.add(new ThermalDose.Span(Technique.PRESS, 420, 460, true, 50, 180, new TechniqueParams.Press(2, 8, 5, 4)));
        spans.add(new ThermalDose.Span(Technique.ROLL, 100, 600, false, 0, 200, new TechniqueParams.Roll(40)));
        return spans;
    }

    @Test
    void a_forecast_resumed_after_cooling_a_step_is_the_forecast_from_the_start_to_the_bit() {
        List<ThermalDose.Span> spans = session();
        ForecastRun run = new ForecastRun(spans, BED);
        ThermalDose.Forecast first = run.from(0);
        assertThat(first.peakSkinC()[2]).as("the knead warms its bands").isGreaterThan(35.0);

        // cool the knead by 6 °C, as a pass of ThermalDose.limit would, and run again from it only
        ThermalDose.Span knead = spans.get(2);
        ThermalDose.Span cooler = new ThermalDose.Span(knead.technique(), knead.startMm(), knead.endMm(), true,
                knead.rollerTempC() - 6, knead.seconds(), knead.params());
        spans.set(2, cooler);
        run.replace(2, cooler);
        ThermalDose.Forecast resumed = run.from(2);
        ThermalDose.Forecast fresh = ThermalDose.forecast(spans, BED);

        assertThat(resumed.peakSkinC()).isEqualTo(fresh.peakSkinC());
        assertThat(resumed.doseMin()).isEqualTo(fresh.doseMin());
        assertThat(resumed.firstBand()).isEqualTo(fresh.firstBand());
        assertThat(resumed.lastBand()).isEqualTo(fresh.lastBand());
        assertThat(resumed.carriedFrom()).isEqualTo(fresh.carriedFrom());
        assertThat(resumed.peakSkinC()[2]).as("the cooler knead forecasts cooler skin").isLessThan(first.peakSkinC()[2]);
    }

    @Test
    void a_forecast_returned_earlier_is_not_changed_by_a_later_pass() {
        List<ThermalDose.Span> spans = session();
        ForecastRun run = new ForecastRun(spans, BED);
        ThermalDose.Forecast first = run.from(0);
        double[] dose = first.doseMin().clone();
        ThermalDose.Span roll = spans.get(1);
        run.replace(1, new ThermalDose.Span(roll.technique(), roll.startMm(), roll.endMm(), false, 0, roll.seconds(),
                roll.params()));
        run.from(1);
        assertThat(first.doseMin()).isEqualTo(dose);
    }
}
