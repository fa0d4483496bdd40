package org.rollwell.server;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rollwell.store.DatedAnswer;
import org.rollwell.store.ProfileRepository;
import org.rollwell.store.ScreeningRepository;
import org.rollwell.store.StoredClearance;
import org.rollwell.store.StoredProfile;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.Clearance;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * A profile as the planner must see it today: its stored document, with the screening answers
 * recorded through the API laid over the document's own (the newest answer per id is in force,
 * docs/storage.md) and the recorded clinician clearances added to any the document holds. A
 * recorded clearance makes the person a {@code rollwell.profile/2} person, in which only dated
 * clearances count (DOMAIN.md §5).
 */
final class PersonInForce {
    /** What is known of one person today. */
    record Person(StoredProfile stored, Profile profile, Map<ScreeningId, DatedAnswer> recordedAnswers,
            List<StoredClearance> recordedClearances) {
    }

    private final ProfileRepository profiles;
    private final ScreeningRepository screening;
    private final Clock clock;

    PersonInForce(ProfileRepository profiles, ScreeningRepository screening, Clock clock) {
        this.profiles = profiles;
        this.screening = screening;
        this.clock = clock;
    }

    /** The bed's day now, in the server clock's zone (the day sessions and answers are dated by). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The account's profile by path id, or 404 exactly as for an id that does not exist. */
    StoredProfile stored(String accountId, String profileId) {
        return profiles.find(accountId, profileId).orElseThrow(() -> ProfileRoutes.missing(profileId));
    }

    Person load(String accountId, String profileId) {
        StoredProfile stored = stored(accountId, profileId);
        Map<ScreeningId, DatedAnswer> answers = screening.latestAnswers(accountId, profileId);
        List<StoredClearance> clearances = screening.clearances(accountId, profileId);
        return new Person(stored, inForce(parse(stored), answers, clearances), answers, clearances);
    }

    static Profile parse(StoredProfile stored) {
        ParseResult<Profile> parsed = ProfileParser.parse(stored.json());
        if (parsed instanceof ParseResult.Parsed<Profile> ok) {
            return ok.value();
        }
        // the store checks every document before it keeps it
        throw new IllegalStateException("a stored profile no longer reads: " + parsed.problems());
    }

    static Profile inForce(Profile document, Map<ScreeningId, DatedAnswer> recorded, List<StoredClearance> clearances) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        answers.putAll(document.answers());
        recorded.forEach((id, answer) -> answers.put(id, answer.yes()));
        Profile person = document.withToday(answers, document.painTodayNrs());
        if (clearances.isEmpty()) {
            return person;
        }
        List<Clearance> all = new ArrayList<>(document.clearances());
        clearances.forEach(c -> all.add(c.clearance()));
        return person.withHistory(all, document.painOnset(), document.surgeryDate());
    }
}
