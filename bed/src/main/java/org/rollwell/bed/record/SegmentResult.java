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
 * @param meanForceTargetN the mean force target over the measured ticks
 */
public record SegmentResult(int index, Technique technique, double plannedS, double deliveredS,
                            double forceErrorPct, double positionErrorMm, double tempErrorC, double tempMaxErrorC,
                            double meanForceTargetN) {
}
