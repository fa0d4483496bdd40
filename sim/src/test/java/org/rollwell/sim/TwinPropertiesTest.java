package org.rollwell.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Invariants of the physics for any sequence of commands, however wild. */
class TwinPropertiesTest {

    record Command(double carriageMmPerS, double liftMmPerS, boolean motors, double duty0, double duty1, boolean mains, int ticks) {
    }

    @Provide
    Arbitrary<Command> commands() {
        return Combinators.combine(
                Arbitraries.doubles().between(-200, 200),
                Arbitraries.doubles().between(-30, 30),
                Arbitraries.of(true, true, false),
                Arbitraries.doubles().between(-0.5, 1.5),
                Arbitraries.doubles().between(-0.5, 1.5),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 400)).as(Command::new);
    }

    private static Rig play(long seed, List<Command> script, java.util.function.Consumer<Rig> eachTick) {
        Rig rig = new Rig(SmoothBack.TYPICAL, seed);
        for (Command c : script) {
            for (int i = 0; i < c.ticks(); i++) {
                rig.tick(r -> {
                    r.out.carriageVelocityMmPerS = c.carriageMmPerS();
                    r.out.liftVelocityMmPerS = c.liftMmPerS();
                    r.out.motorsEnabled = c.motors();
                    r.out.heaterDuty[0] = c.duty0();
                    r.out.heaterDuty[1] = c.duty1();
                    r.out.heaterMains = c.mains();
                });
                eachTick.accept(rig);
            }
        }
        return rig;
    }

    @Property(tries = 40)
    void the_healthy_twin_stays_within_its_physical_limits_and_reads_within_its_sensors_ranges(
            @ForAll @Size(min = 1, max = 12) List<@From("commands") Command> script, @ForAll long seed) {
        double[] lastDose = {0};
        play(seed, script, rig -> {
            SimulatedBed bed = rig.bed;
            assertThat(bed.trueCarriagePositionMm()).isBetween(-5.0, 955.0);
            assertThat(Math.abs(bed.trueCarriageVelocityMmPerS())).isLessThanOrEqualTo(80.0 + 1e-9);
            assertThat(bed.trueLiftMm()).isBetween(0.0, 70.0);
            assertThat(rig.in.forceN).isBetween(0.0, 600.0);
            assertThat(rig.in.carriagePositionMm).isBetween(-5.1, 955.0);
            assertThat(rig.in.zoneTempC[0]).isBetween(-10.0, 120.0);
            assertThat(bed.rollerTempC(0)).isLessThan(86.0);
            assertThat(bed.maxSkinTempC()).isGreaterThanOrEqualTo(34.0 - 1e-9);
            assertThat(bed.maxCem43Min()).isGreaterThanOrEqualTo(lastDose[0]);
            lastDose[0] = bed.maxCem43Min();
            assertThat(rig.in.homeSwitch).isEqualTo(bed.trueCarriagePositionMm() <= 0);
            assertThat(rig.in.limitSwitch).isEqualTo(bed.trueCarriagePositionMm() >= 950);
        });
    }

    record Strike(double atS, FaultKind kind, int zone) {
    }

    @Provide
    Arbitrary<Strike> strikes() {
        return Combinators.combine(
                Arbitraries.doubles().between(0, 20).ofScale(3),
                Arbitraries.of(FaultKind.class),
                Arbitraries.integers().between(0, 1)).as(Strike::new);
    }

    @Property(tries = 30)
    void any_sequence_of_faults_strikes_at_its_time_and_leaves_the_physics_within_its_limits(
            @ForAll @Size(max = 6) List<@From("strikes") Strike> strikes,
            @ForAll @Size(min = 1, max = 4) List<@From("commands") Command> script, @ForAll long seed) {
        Rig rig = new Rig(SmoothBack.TYPICAL, seed);
        for (Strike s : strikes) {
            rig.bed.scheduleFault(s.atS(), s.kind(), s.zone());
        }
        double[] lastDose = {0};
        for (Command c : script) {
            for (int i = 0; i < c.ticks(); i++) {
                rig.tick(r -> {
                    r.out.carriageVelocityMmPerS = c.carriageMmPerS();
                    r.out.liftVelocityMmPerS = c.liftMmPerS();
                    r.out.motorsEnabled = c.motors();
                    r.out.heaterDuty[0] = c.duty0();
                    r.out.heaterDuty[1] = c.duty1();
                    r.out.heaterMains = c.mains();
                });
                assertThat(rig.bed.trueCarriagePositionMm()).isBetween(-5.0, 955.0);
                assertThat(rig.bed.trueLiftMm()).isBetween(0.0, 70.0);
                assertThat(rig.bed.rollerTempC(0)).isLessThan(86.0);
                assertThat(rig.bed.maxCem43Min()).isGreaterThanOrEqualTo(lastDose[0]);
                lastDose[0] = rig.bed.maxCem43Min();
            }
        }
        double nowS = rig.bed.simulatedS();
        long due = strikes.stream().filter(s -> s.atS() <= nowS + 1e-9).count();
        assertThat(rig.bed.injectedFaults()).hasSize((int) due);
        for (InjectedFault f : rig.bed.injectedFaults()) {
            assertThat(f.injectedAtNanos()).isEqualTo(Math.round(f.scheduledAtS() * 1e9));
            assertThat(f.zone()).isEqualTo(f.kind().zoned() ? f.zone() : -1);
        }
    }

    @Property(tries = 20)
    void the_same_seed_and_commands_give_the_same_frames(
            @ForAll @Size(min = 1, max = 6) List<@From("commands") Command> script, @ForAll long seed) {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        play(seed, script, rig -> first.append(NoiseAndDeterminismTest.describe(rig.in)).append('\n'));
        play(seed, script, rig -> second.append(NoiseAndDeterminismTest.describe(rig.in)).append('\n'));
        assertThat(second.toString()).isEqualTo(first.toString());
    }
}
