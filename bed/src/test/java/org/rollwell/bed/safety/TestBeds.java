package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;

/** The reference bed at another loop rate (BedSpec allows 10–1000 Hz). */
final class TestBeds {
    private TestBeds() {
    }

    static BedSpec referenceAt(int loopHz) {
        BedSpec r = BedSpec.REFERENCE;
        return new BedSpec(r.travelMm(), r.maxCarriageSpeedMmPerS(), r.maxCarriageAccelMmPerS2(), r.encoderResolutionMm(),
                r.maxLiftMm(), r.maxLiftSpeedMmPerS(), r.liftResolutionMm(), r.forceFullScaleN(), r.maxForceN(),
                r.forceNoiseN(), r.heaterZones(), r.heaterPowerW(), r.rollerPairOffsetMm(), r.thermistorMinC(),
                r.thermistorMaxC(), r.rollerTempMinC(), r.rollerTempMaxC(), r.rollerOvershootMarginC(), r.thermalFuseC(),
                r.maxSessionMinutes(), loopHz, r.motorDeadmanS(), r.heaterDeadmanS(), r.rollerContactAreaCm2(),
                r.personHeightMinCm(), r.personHeightMaxCm(), r.personWeightMaxKg(), r.bimetalCutoffC(),
                r.liftFrictionBandN(), r.liftCurrentAPerN(), r.boardLiftLowerFraction(), r.rollerHeatCapacityJPerK(),
                r.rollerLossWPerK());
    }
}
