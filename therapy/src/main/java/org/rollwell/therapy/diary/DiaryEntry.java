package org.rollwell.therapy.diary;

import java.time.LocalDate;
import java.util.Objects;

/** One line of the diary: a dated rating. Each kind of entry is its own record. */
public sealed interface DiaryEntry {

    LocalDate date();

    EntryKind kind();

    /**
     * A pain rating on the 11-point numeric rating scale (0 no pain … 10 worst imaginable):
     * daily, or just before or after a session.
     */
    record Nrs(LocalDate date, EntryKind kind, int nrs) implements DiaryEntry {
        public Nrs {
            Objects.requireNonNull(date, "date");
            if (kind != EntryKind.NRS_DAILY && kind != EntryKind.NRS_BEFORE && kind != EntryKind.NRS_AFTER) {
                throw new IllegalArgumentException("an NRS entry is NRS_DAILY, NRS_BEFORE or NRS_AFTER, was " + kind);
            }
            requireScale("nrs", nrs, 0, 10);
        }
    }

    /**
     * The weekly PEG (Krebs et al. 2009, J Gen Intern Med 24:733): average pain in the past
     * week, and how much pain interfered with enjoyment of life and with general activity,
     * each 0–10.
     */
    record Peg(LocalDate date, int pain, int enjoyment, int activity) implements DiaryEntry {
        public Peg {
            Objects.requireNonNull(date, "date");
            requireScale("pain", pain, 0, 10);
            requireScale("enjoyment", enjoyment, 0, 10);
            requireScale("activity", activity, 0, 10);
        }

        @Override
        public EntryKind kind() {
            return EntryKind.PEG;
        }

        /** The PEG score: the mean of the three items (Krebs et al. 2009), 0–10. */
        public double score() {
            return (pain + enjoyment + activity) / 3.0;
        }
    }

    /**
     * Patient Global Impression of Change: 1 very much improved … 4 no change … 7 very much
     * worse, the seven answers of Farrar et al. 2001 (Pain 94:149) and Dworkin et al. 2008.
     */
    record Pgic(LocalDate date, int pgic) implements DiaryEntry {
        public Pgic {
            Objects.requireNonNull(date, "date");
            requireScale("pgic", pgic, 1, 7);
        }

        @Override
        public EntryKind kind() {
            return EntryKind.PGIC;
        }
    }

    /** How a session felt: pressure and heat. */
    record Feedback(LocalDate date, Pressure pressure, Heat heat) implements DiaryEntry {
        public Feedback {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(pressure, "pressure");
            Objects.requireNonNull(heat, "heat");
        }

        @Override
        public EntryKind kind() {
            return EntryKind.FEEDBACK;
        }
    }

    private static void requireScale(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + "–" + max + ", was " + value);
        }
    }
}
