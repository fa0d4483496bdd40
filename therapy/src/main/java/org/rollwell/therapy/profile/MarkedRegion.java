package org.rollwell.therapy.profile;

import java.util.Objects;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * Where on the spine a local contraindication lies ({@code CI_SKIN_LESION} or
 * {@code CI_IMPLANT}), from the level nearest the head to the level nearest the sacrum.
 * The envelope keeps the rollers off it ± 50 mm (DOMAIN.md §5).
 */
public record MarkedRegion(ScreeningId id, Level from, Level to) {
    public MarkedRegion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!id.needsRegion()) {
            throw new IllegalArgumentException("only CI_SKIN_LESION and CI_IMPLANT have a region, not " + id);
        }
        if (to.isAbove(from)) {
            throw new IllegalArgumentException("region: to " + to + " lies above from " + from);
        }
    }
}
