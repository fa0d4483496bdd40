package org.rollwell.therapy.diary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A person's pain diary: the date of their first session and every entry, oldest first
 * (entries of one day keep the order they were written in).
 */
public record Diary(LocalDate firstSessionDate, List<DiaryEntry> entries) {

    /** The {@code format} value of a diary file. */
    public static final String FORMAT = "rollwell.diary/1";

    public Diary {
        Objects.requireNonNull(firstSessionDate, "firstSessionDate");
        List<DiaryEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(DiaryEntry::date)); // stable: same-day entries keep their order
        entries = List.copyOf(sorted);
    }

    /** The daily pain ratings (NRS_DAILY), oldest first. */
    public List<DiaryEntry.Nrs> dailyNrs() {
        List<DiaryEntry.Nrs> daily = new ArrayList<>();
        for (DiaryEntry entry : entries) {
            if (entry instanceof DiaryEntry.Nrs nrs && nrs.kind() == EntryKind.NRS_DAILY) {
                daily.add(nrs);
            }
        }
        return daily;
    }

    /** The weekly PEG entries, oldest first. */
    public List<DiaryEntry.Peg> pegs() {
        List<DiaryEntry.Peg> pegs = new ArrayList<>();
        for (DiaryEntry entry : entries) {
            if (entry instanceof DiaryEntry.Peg peg) {
                pegs.add(peg);
            }
        }
        return pegs;
    }
}
