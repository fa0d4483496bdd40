package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.diary.Pressure;

/**
 * For any sequence of diary entries a person types in, the store keeps each one exactly as written,
 * refuses only a second NRS_DAILY, PEG or PGIC on a day, and lists them by day in the order entered
 * (SQLite; the engines share the schema and the code, which the repository tests run on both).
 */
class DiaryPropertiesTest {
    private static Path dir;
    private static Database db;
    private static String home;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("rollwell-diary-props-");
        db = Database.open(Database.sqliteUrl(dir), null, null, Stores.clock());
        home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER).id();
    }

    @AfterContainer
    static void close() throws IOException {
        db.close();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 40)
    void every_entry_is_kept_as_written_and_only_a_second_daily_one_is_refused(
            @ForAll("entries") @Size(max = 12) List<DiaryEntry> typed) {
        String profile = db.profiles().create(home, "p-" + java.util.UUID.randomUUID(), Samples.profile("anna")).id();
        List<DiaryEntry> kept = new ArrayList<>();
        Set<String> daily = new HashSet<>();
        for (DiaryEntry e : typed) {
            boolean second = DiaryRepository.onceADay(e.kind()) && !daily.add(e.kind() + "@" + e.date());
            try {
                db.diary().add(home, profile, e, Optional.empty());
                assertThat(second).as("a second %s on %s must be refused", e.kind(), e.date()).isFalse();
                kept.add(e);
            } catch (ConflictException refused) {
                assertThat(second).as("only a second daily entry is refused, not %s", e).isTrue();
            }
        }
        List<DiaryEntry> expected = new ArrayList<>(kept);
        expected.sort(Comparator.comparing(DiaryEntry::date)); // stable: same day stays in typing order
        assertThat(db.diary().list(home, profile)).extracting(StoredDiaryEntry::entry).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<List<DiaryEntry>> entries() {
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 4).map(d -> LocalDate.of(2026, 11, 26).plusDays(d));
        Arbitrary<Integer> nrs = Arbitraries.integers().between(0, 10);
        Arbitrary<DiaryEntry> nrsEntry = Combinators.combine(day,
                        Arbitraries.of(EntryKind.NRS_DAILY, EntryKind.NRS_BEFORE, EntryKind.NRS_AFTER), nrs)
                .as(DiaryEntry.Nrs::new);
        Arbitrary<DiaryEntry> peg = Combinators.combine(day, nrs, nrs, nrs).as(DiaryEntry.Peg::new);
        Arbitrary<DiaryEntry> pgic = Combinators.combine(day, Arbitraries.integers().between(1, 7)).as(DiaryEntry.Pgic::new);
        Arbitrary<DiaryEntry> feedback = Combinators.combine(day, Arbitraries.of(Pressure.class), Arbitraries.of(Heat.class))
                .as(DiaryEntry.Feedback::new);
        return Arbitraries.oneOf(nrsEntry, peg, pgic, feedback).list();
    }
}
