package org.rollwell.store;

import java.time.LocalDate;

/**
 * One person's use of the bed on one day, from the stored history: what the daily limits of
 * DOMAIN.md §5 are checked against (at most 2 sessions a day, at least 4 h apart).
 *
 * @param sessions         sessions that started that day and delivered something (or run now)
 * @param minutesDelivered the minutes those sessions delivered
 */
public record DailyUse(LocalDate day, int sessions, double minutesDelivered) {
}
