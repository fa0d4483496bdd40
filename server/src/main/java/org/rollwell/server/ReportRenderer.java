package org.rollwell.server;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rollwell.store.StoredDiaryEntry;
import org.rollwell.store.StoredSession;
import org.rollwell.therapy.profile.Profile;

/**
 * The port through which the server hands one profile's report and exports to whoever renders them.
 * The server reads the signed-in account's own data; the app wires the reports module in (DESIGN.md:
 * fronts do not depend on each other, so the server never sees the PDF, CSV or FHIR libraries).
 */
public interface ReportRenderer {

    /** What can be asked for, with the content type and file ending it is sent under. */
    enum Kind {
        /** The clinician's report (docs/reports.md). */
        PDF("application/pdf", "pdf"),
        /** A ZIP of CSV files of everything (RFC 4180 inside). */
        CSV_ZIP("application/zip", "zip"),
        /** A FHIR R4 Bundle of the pain Observations. */
        FHIR_JSON("application/fhir+json", "json");

        private final String contentType;
        private final String ending;

        Kind(String contentType, String ending) {
            this.contentType = contentType;
            this.ending = ending;
        }

        public String contentType() {
            return contentType;
        }

        public String ending() {
            return ending;
        }
    }

    /**
     * One profile's data as the store keeps it, read inside the signed-in account.
     *
     * @param profileName     the name the household gave the profile
     * @param profile         the profile in force today (recorded answers and clearances laid over the document)
     * @param diary           the diary's entries, oldest first
     * @param firstSessionDay the day of the first session that delivered anything, if any
     * @param sessions        the profile's sessions
     * @param asOf            the day the report is stated for
     * @param zone            the zone the sessions' start instants are dated in
     */
    record Request(String profileName, Profile profile, List<StoredDiaryEntry> diary,
                   Optional<LocalDate> firstSessionDay, List<StoredSession> sessions, LocalDate asOf, ZoneId zone) {
        public Request {
            Objects.requireNonNull(profileName, "profileName");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(firstSessionDay, "firstSessionDay");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(zone, "zone");
            diary = List.copyOf(diary);
            sessions = List.copyOf(sessions);
        }
    }

    /** The file's bytes, whole (a report is a few hundred kilobytes: no need to stream). */
    byte[] render(Kind kind, Request request);
}
