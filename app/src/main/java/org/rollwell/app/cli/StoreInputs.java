package org.rollwell.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rollwell.reports.data.SessionRecord;
import org.rollwell.reports.data.SessionRecordParser;
import org.rollwell.server.StoredHistory;
import org.rollwell.store.Account;
import org.rollwell.store.Database;
import org.rollwell.store.StoreException;
import org.rollwell.store.StoredDiaryEntry;
import org.rollwell.store.StoredProfile;
import org.rollwell.store.StoredSession;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;

/**
 * The {@code --profile ID} form of {@code rollwell report} and {@code export}: one profile of one
 * account read from the companion's store (the SQLite file in {@code --data-dir}, or PostgreSQL with
 * {@code --db}, as {@code rollwell serve} opens them), with its diary, session records and history.
 */
final class StoreInputs {

    /** What the report needs, read from the store. */
    record Inputs(Profile profile, Diary diary, List<SessionRecord> records, SessionHistory history) {
    }

    private StoreInputs() {
    }

    static Inputs read(String command, String login, String profileId, Path dataDir, String dbUrl, String user,
                       String password) {
        if (dbUrl != null && dataDir != null) {
            throw new BadInputException("rollwell " + command + ": --db and --data-dir name two databases; give one");
        }
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".rollwell");
        if (dbUrl == null && !Files.isRegularFile(dir.resolve(Database.SQLITE_FILE))) {
            throw new BadInputException("rollwell " + command + ": --data-dir " + dir + ": no " + Database.SQLITE_FILE
                    + " there (start 'rollwell serve' once, or give the folder it uses)");
        }
        String url = dbUrl != null ? dbUrl : Database.sqliteUrl(dir);
        try (Database db = Database.open(url, user, password, Clock.systemDefaultZone())) {
            Account account = db.accounts().findByLogin(login).orElseThrow(() -> new BadInputException(
                    "rollwell " + command + ": --account: no account \"" + login + "\" in " + db));
            StoredProfile stored = db.profiles().find(account.id(), profileId).orElseThrow(() -> new BadInputException(
                    "rollwell " + command + ": --profile: no profile " + profileId + " in account \"" + login + "\""));
            ParseResult<Profile> parsed = ProfileParser.parse("profile " + profileId, stored.json());
            if (!(parsed instanceof ParseResult.Parsed<Profile> profile)) {
                throw BadInputException.of(parsed.problems());
            }
            List<StoredDiaryEntry> entries = db.diary().list(account.id(), profileId);
            List<StoredSession> sessions = db.sessions().list(account.id(), profileId);
            return new Inputs(profile.value(), diary(entries, db.diary().firstSessionDay(account.id(), profileId)),
                    records(sessions), history(sessions, entries, ZoneId.systemDefault()));
        } catch (StoreException e) {
            throw new BadInputException("rollwell " + command + ": " + e.getMessage());
        }
    }

    /** The diary; its first session is the store's first delivered session, else the first session entry. */
    static Diary diary(List<StoredDiaryEntry> stored, Optional<LocalDate> firstSession) {
        List<DiaryEntry> entries = new ArrayList<>();
        LocalDate firstEntry = null;
        for (StoredDiaryEntry e : stored) {
            entries.add(e.entry());
            if (e.entry().kind().aboutSessions() && (firstEntry == null || e.entry().date().isBefore(firstEntry))) {
                firstEntry = e.entry().date();
            }
        }
        // With no session at all, the day after the last entry: every rating so far is baseline.
        LocalDate fallback = firstEntry != null ? firstEntry : entries.stream().map(DiaryEntry::date)
                .max(LocalDate::compareTo).orElse(LocalDate.EPOCH).plusDays(1);
        return new Diary(firstSession.orElse(fallback), entries);
    }

    /** The sessions that have a final record (a session still running or cut off by a crash has none yet). */
    static List<SessionRecord> records(List<StoredSession> sessions) {
        List<SessionRecord> records = new ArrayList<>();
        for (StoredSession s : sessions) {
            if (s.recordJson().isPresent()) {
                ParseResult<SessionRecord> r = SessionRecordParser.parse(s.day() + "-" + s.id() + ".json",
                        s.recordJson().get());
                if (r instanceof ParseResult.Parsed<SessionRecord> parsed) {
                    records.add(parsed.value());
                }
            }
        }
        return records;
    }

    /** The sessions that delivered anything, with the diary's words and ratings about each (as the server reads them). */
    static SessionHistory history(List<StoredSession> sessions, List<StoredDiaryEntry> entries, ZoneId zone) {
        return StoredHistory.of(sessions, entries, zone);
    }
}
