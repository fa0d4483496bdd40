package org.rollwell.bed.record;

/**
 * The highest values of a session, from what the bed measured and estimated.
 *
 * @param rollerTempC         highest thermistor reading (valid range only)
 * @param rollerOvershootC    highest reading above its zone's target while heating
 * @param forceN              highest load cell reading (valid range only)
 * @param skinEstimateC       highest skin estimate of any band
 * @param cem43EstimateMaxMin highest CEM43 estimate of any band at the end
 */
public record Peaks(double rollerTempC, double rollerOvershootC, double forceN, double skinEstimateC,
                    double cem43EstimateMaxMin) {
}
