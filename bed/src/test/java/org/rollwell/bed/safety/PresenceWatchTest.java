package org.rollwell.bed.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.Setpoints;

/** DOMAIN.md §5 "presence lost": the force-based rule judged against where the back was touched along the travel. */
class PresenceWatchTest {
    private static final BedSpec SPEC = BedSpec.REFERENCE;
    private static final long TICK = SPEC.periodNanos();

    private final PresenceWatch watch = new PresenceWatch(SPEC);
    private final SensorFrame s = new SensorFrame(2);
    private final Setpoints force = new Setpoints(2);
    private FaultCode tripped;
    private final Trips trips = (code, now, zone, value) -> tripped = tripped == null ? code : tripped;
    private long now;

    /** {@code seconds} of force control at 60 N asked, the carriage at {@code positionMm}, the lift at {@code liftMm}, reading {@code forceN}. */
    private void hold(double seconds, double positionMm, double liftMm, double forceN) {
        force.lift = Setpoints.Lift.FORCE;
        force.forceTargetN = 60;
        for (int i = 0; i < Math.round(seconds * SPEC.loopHz()); i++) {
            now += TICK;
            s.timeNanos = now;
            s.presence = true;
            s.carriagePositionMm = positionMm;
            s.liftMm = liftMm;
            s.forceN = forceN;
            watch.check(s, force, now, trips);
        }
    }

    /**
     * A kyphotic upper back lies far higher above the rollers than the low back: after rolling the lumbar spine at a
     * 10 mm lift, a lift that climbs 30 mm to meet the upper back it pressed earlier at 45 mm is not pressing air
     * (judged against the last contact anywhere, it tripped); rising 16 mm above the back where it was last touched,
     * with nothing there, still trips after 1 s.
     */
    @Test
    void a_lift_climbing_to_an_upper_back_it_touched_before_is_not_a_lost_person_but_rising_past_the_back_is() {
        hold(5, 180, 45, 60);
        hold(5, 550, 10, 60);
        hold(3, 200, 40, 0);
        assertThat(tripped).as("climbing to meet the upper back again").isNull();

        hold(0.99, 550, 26, 0);
        assertThat(tripped).isNull();
        hold(0.02, 550, 26, 0);
        assertThat(tripped).isEqualTo(FaultCode.PRESENCE_LOST);
    }

    /**
     * Where the back was never touched, the last contact anywhere is the reference, with the height a kyphotic upper
     * back may lie above the lumbar contact: a lift climbing 40 mm to meet a back it has not touched yet is not
     * pressing air (a 150 cm body with 55° kyphosis tripped here on its first upper-back roll); rising past that
     * too, with nothing there, still trips after 1 s.
     */
    @Test
    void where_the_back_was_never_touched_the_last_contact_anywhere_counts_with_the_backs_own_rise() {
        hold(5, 550, 10, 60);
        hold(1.5, 150, 50, 0);
        assertThat(tripped).as("climbing to an upper back not touched yet").isNull();
        double pastTheBackMm = 10 + PresenceWatch.RAISED_ABOVE_CONTACT_MM + PresenceWatch.BACK_RISE_MM + 1;
        hold(0.99, 150, pastTheBackMm, 0);
        assertThat(tripped).isNull();
        hold(0.02, 150, pastTheBackMm, 0);
        assertThat(tripped).isEqualTo(FaultCode.PRESENCE_LOST);
    }
}
