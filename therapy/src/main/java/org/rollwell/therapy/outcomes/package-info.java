/**
 * Whether the massage is helping this person, stated with published measures and thresholds:
 * baseline and latest pain (daily NRS, weekly PEG), the change in points and per cent, the
 * IMMPACT category, the minimal important change, and an n-of-1 verdict with a 95 % Welch
 * interval. Pure: a {@link org.rollwell.therapy.diary.Diary} and a date in, a
 * {@link org.rollwell.therapy.outcomes.Progress} out; no clock, no files.
 */
package org.rollwell.therapy.outcomes;
