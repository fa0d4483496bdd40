package org.rollwell.therapy.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;

/**
 * The pain over time as a chart or a report draws it: the daily NRS and the weekly PEG score,
 * oldest first, up to a date. Baseline days are included; {@link #firstSession()} marks where
 * the sessions began.
 */
public record Series(LocalDate firstSession, List<Point> dailyNrs, List<Point> weeklyPeg) {

    /** One dated score, 0–10. */
    public record Point(LocalDate date, double value) {
        public Point {
            Objects.requireNonNull(date, "date");
            if (!(value >= 0 && value <= 10)) {
                throw new IllegalArgumentException("a pain score is 0–10, was " + value);
            }
        }
    }

    public Series {
        Objects.requireNonNull(firstSession, "firstSession");
        dailyNrs = List.copyOf(dailyNrs);
        weeklyPeg = List.copyOf(weeklyPeg);
    }

    /** The diary's daily NRS and PEG scores up to and including {@code asOf}. */
    public static Series of(Diary diary, LocalDate asOf) {
        List<Point> nrs = new ArrayList<>();
        for (DiaryEntry.Nrs daily : diary.dailyNrs()) {
            if (!daily.date().isAfter(asOf)) {
                nrs.add(new Point(daily.date(), daily.nrs()));
            }
        }
        List<Point> peg = new ArrayList<>();
        for (DiaryEntry.Peg entry : diary.pegs()) {
            if (!entry.date().isAfter(asOf)) {
                peg.add(new Point(entry.date(), entry.score()));
            }
        }
        return new Series(diary.firstSessionDate(), nrs, peg);
    }
}
