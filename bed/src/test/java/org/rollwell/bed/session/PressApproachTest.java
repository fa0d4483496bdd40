package org.rollwell.bed.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.bed.record.Recorder;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/**
 * A PRESS after a strong roll travels to its point with the rollers off the back: dragged across the spinous
 * processes by a lift still pressed at 180 N (2 s to lower on compact-800's 8 mm/s lift), they reached 240 N
 * and tripped OVER_FORCE in the twin.
 */
class PressApproachTest {

    @Test
    void the_carriage_waits_until_the_rollers_have_left_the_back_then_travels_to_the_point() {
        SegmentExecutor executor = new SegmentExecutor(BedSpec.REFERENCE,
                new Recorder(new Technique[] {Technique.PRESS}, new double[] {90}), 200);
        PlanSegment press = new PlanSegment(Technique.PRESS, Level.T7, Level.T7, 420, 420, 180, 45, 90,
                new TechniqueParams.Press(4, 30, 2, 15), "test");
        executor.begin(0, press, 45);
        SensorFrame s = new SensorFrame(2);
        LoopStatus st = new LoopStatus();
        Setpoints sp = new Setpoints(2);
        s.carriagePositionMm = 360;
        s.liftMm = 16;
        st.carriageSettled = true;
        st.carriageReferenceMm = 360;

        s.forceN = 180;
        executor.fill(s, st, sp, 0.01);
        assertThat(sp.lift).isEqualTo(Setpoints.Lift.LOWER);
        assertThat(sp.carriage).as("still pressed at 180 N").isEqualTo(Setpoints.Carriage.HOLD);

        s.forceN = 60;
        s.liftMm = 9;
        executor.fill(s, st, sp, 0.01);
        assertThat(sp.carriage).as("still in contact at 60 N").isEqualTo(Setpoints.Carriage.HOLD);

        s.forceN = 5;
        s.liftMm = 6;
        executor.fill(s, st, sp, 0.01);
        assertThat(sp.carriage).as("off the back").isEqualTo(Setpoints.Carriage.MOVE);
        assertThat(sp.lift).isEqualTo(Setpoints.Lift.LOWER);

        s.forceN = 25;
        executor.fill(s, st, sp, 0.01);
        assertThat(sp.carriage).as("once off, the travel does not stop for a bump or the noise").isEqualTo(Setpoints.Carriage.MOVE);
    }
}
