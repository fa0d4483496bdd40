package org.rollwell.therapy.profile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * A clinician's clearance of one history red flag, {@code CI_ACTIVE_CANCER} or {@code CI_DVT}
 * (DOMAIN.md §5, "Screening"): entered by the account holder, valid for 12 months from its
 * date. A {@code rollwell.profile/1} {@code clinicianApproved} entry reads as an undated
 * clearance ({@code date} empty, clinician and note unknown) that counts only in profile/1 files.
 *
 * @param id         the screening id cleared
 * @param clinician  who cleared it, as the account holder wrote it
 * @param date       the day of the clearance; empty only for a profile/1 approval
 * @param note       what the clinician said, may be empty
 */
public record Clearance(ScreeningId id, String clinician, Optional<LocalDate> date, String note) {

    /** DOMAIN.md §5: a clearance is valid for 12 months from its date. */
    public static final int VALID_MONTHS = 12;

    public Clearance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clinician, "clinician");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(note, "note");
    }

    /** The last day this clearance counts, or empty for an undated profile/1 approval. */
    public Optional<LocalDate> lastValidDay() {
        return date.map(d -> d.plusMonths(VALID_MONTHS).minusDays(1));
    }
}
