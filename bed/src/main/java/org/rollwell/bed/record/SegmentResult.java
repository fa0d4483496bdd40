package org.rollwell.bed.record;

import org.rollwell.therapy.technique.Technique;

/**
 * What one plan segment delivered against what it planned.
 *
 * @param index            position in the plan
 * @param technique        what the rollers did
 * @param plannedS         the plan's seconds
 * @param deliveredS       seconds actually run (pauses excluded; cut short by a stop or fault)
 * @param forceErrorPct    mean |force − target| over the mean target, %, once the force first reached its target
 *                         (the approach and PRESS ramps' first contact excluded); NaN where force is not controlled (STRETCH)
 * @param positionErrorMm  ROLL/KNEAD/WARM: mean |encoder − profile|; PRESS: the largest |encoder − point| during the holds;
 *                         STRETCH: the largest |encoder − centre| during the holds
 * @param tempErrorC       mean |reading − target| of the heated zones in steady state (after first within 0.5 °C); NaN unheated
 * @param tempMaxErrorC    the largest |reading − target| in steady state; NaN unheated
 * @param meanForceTargetN the mean force target over the measured ticks (below {@code plannedForceN} only where
 *                         the person turned the intensity down, which the record's events show; the controller
 *                         never lowers a target on its own)
 * @param plannedForceN    the plan's force for the segment, N (0 when unknown)
 * @param meanForceN       the mean measured force over the same ticks, N: delivered against planned; NaN where not measured
 */
public record SegmentResult(int index, Technique technique, double plannedS, double deliveredS,
                            double forceErrorPct, double positionErrorMm, double tempErrorC, double tempMaxErrorC,
                            double meanForceTargetN, double plannedForceN, double meanForceN) {
}
