package org.rollwell.therapy.envelope;

import java.util.ArrayList;
import java.util.List;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.profile.MarkedRegion;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.screening.ScreeningId;
import org.rollwell.therapy.technique.Technique;

/**
 * Builds a person's {@link SafetyEnvelope}: the bed's limits, then every screening and
 * condition restriction of DOMAIN.md §5, then the person's preferences, each tightening
 * and naming itself as the rule ({@link Bound#setBy}). Restrictions are applied in a
 * fixed order (screening ids, then conditions, then today's pain, then preferences) so
 * that on a tie the medical rule, not the preference, is named.
 *
 * <p>Rule names used in {@code setBy}: {@code BED}, {@code IEC_60601_1}, {@code CEM43_CAP},
 * {@code SESSION_MAX}, {@code SCALE}, a {@link ScreeningId} name, a {@link Condition} name,
 * {@code PAIN_TODAY}, {@code PREFERENCE}.
 */
public final class SafetyEnvelopes {

    /** IEC 60601-1: applied parts touching skin for 10 min or more may reach 43 °C. */
    public static final double SKIN_LIMIT_C = 43.0;
    /** DOMAIN.md §5: estimated skin temperature with reduced sensation. */
    public static final double SKIN_LIMIT_REDUCED_SENSATION_C = 40.0;
    /** DOMAIN.md §5 (choice): 1 CEM43 minute per 10 mm band per session. */
    public static final double CEM43_CAP_MIN = 1.0;
    /** DOMAIN.md §2: a session lasts at most 60 min. */
    public static final double SESSION_MAX_MINUTES = 60.0;
    /** DOMAIN.md §5: margin kept around a skin lesion or implant. */
    public static final double REGION_MARGIN_MM = 50.0;
    /**
     * The lift of a standard {@code STRETCH}: 40 mm of the bed's 0–70 mm (choice: enough to
     * extend the lumbar or thoracic curve noticeably while leaving headroom, DOMAIN.md §2, §4).
     * {@code SCIATICA} halves it (DOMAIN.md §5).
     */
    public static final double STANDARD_STRETCH_LIFT_MM = 40.0;
    /** DOMAIN.md §5: {@code DEGENERATION} stretches lift at most 20 mm. */
    public static final double DEGENERATION_STRETCH_LIFT_MM = 20.0;
    /** DOMAIN.md §5: a pain score this high today means gentle only. */
    public static final int PAIN_TODAY_GENTLE_NRS = 8;

    private SafetyEnvelopes() {
    }

    /** The envelope for {@code profile} lying on a bed with {@code bed}'s limits, its regions resolved with {@code map}. */
    public static SafetyEnvelope forProfile(Profile profile, SpineMap map, BedLimits bed) {
        Bound force = new Bound(bed.maxForceN(), "BED");
        Bound rollerTemp = new Bound(bed.rollerTempMaxC(), "BED");
        Bound skinTemp = new Bound(SKIN_LIMIT_C, "IEC_60601_1");
        Bound cem43 = new Bound(CEM43_CAP_MIN, "CEM43_CAP");
        Bound minutes = new Bound(bed.maxSessionMinutes(), "BED").tighten(SESSION_MAX_MINUTES, "SESSION_MAX");
        Bound intensity = new Bound(10, "SCALE");
        Bound stretchLift = new Bound(bed.maxLiftMm(), "BED");
        boolean heat = true;
        String heatSetBy = "BED";
        List<TechniqueBan> bans = new ArrayList<>();
        List<ExcludedRange> excluded = new ArrayList<>();

        // DOMAIN.md §5, contraindications and precautions (product rules).
        if (profile.says(ScreeningId.CI_OSTEOPOROSIS)) {
            force = force.tighten(120, "CI_OSTEOPOROSIS");
            bans.add(new TechniqueBan(Technique.PRESS, Level.C7, Level.S1, "CI_OSTEOPOROSIS"));
            bans.add(new TechniqueBan(Technique.STRETCH, Level.C7, Level.S1, "CI_OSTEOPOROSIS"));
        }
        if (profile.says(ScreeningId.CI_ANTICOAGULANT)) {
            force = force.tighten(150, "CI_ANTICOAGULANT");
            bans.add(new TechniqueBan(Technique.PRESS, Level.C7, Level.S1, "CI_ANTICOAGULANT"));
        }
        if (profile.says(ScreeningId.CI_REDUCED_SENSATION)) {
            rollerTemp = rollerTemp.tighten(45, "CI_REDUCED_SENSATION");
            skinTemp = skinTemp.tighten(SKIN_LIMIT_REDUCED_SENSATION_C, "CI_REDUCED_SENSATION");
        }
        if (profile.says(ScreeningId.CI_HEAT_INTOLERANCE)) {
            heat = false;
            heatSetBy = "CI_HEAT_INTOLERANCE";
        }
        for (MarkedRegion region : profile.regions()) {
            if (profile.says(region.id())) {
                // Rounded outwards to the encoder's 0.1 mm (DOMAIN.md §2): the margin only ever grows.
                excluded.add(new ExcludedRange(
                        Math.floor((map.upperEdgeMm(region.from()) - REGION_MARGIN_MM) * 10) / 10,
                        Math.ceil((map.lowerEdgeMm(region.to()) + REGION_MARGIN_MM) * 10) / 10,
                        region.id() + ": " + span(region.from(), region.to()) + " ± 50 mm"));
            }
        }
        if (profile.says(ScreeningId.NO_DIAGNOSIS)) {
            force = force.tighten(Gentle.MAX_FORCE_N, "NO_DIAGNOSIS");
            intensity = intensity.tighten(Gentle.MAX_INTENSITY, "NO_DIAGNOSIS");
            bans.add(new TechniqueBan(Technique.PRESS, Level.C7, Level.S1, "NO_DIAGNOSIS"));
        }
        // DOMAIN.md §5, "Conditions restrict too".
        if (profile.has(Condition.DEGENERATION)) {
            force = force.tighten(200, "DEGENERATION");
            // DOMAIN.md §5: lumbar extension can aggravate facet and stenosis pain (choice).
            stretchLift = stretchLift.tighten(DEGENERATION_STRETCH_LIFT_MM, "DEGENERATION");
        }
        if (profile.has(Condition.FIBROMYALGIA)) {
            force = force.tighten(150, "FIBROMYALGIA");
        }
        if (profile.has(Condition.SCIATICA)) {
            bans.add(new TechniqueBan(Technique.PRESS, Level.L4, Level.S1, "SCIATICA"));
            stretchLift = stretchLift.tighten(STANDARD_STRETCH_LIFT_MM / 2, "SCIATICA");
        }
        if (profile.painTodayNrs().isPresent() && profile.painTodayNrs().getAsInt() >= PAIN_TODAY_GENTLE_NRS) {
            force = force.tighten(Gentle.MAX_FORCE_N, "PAIN_TODAY");
            intensity = intensity.tighten(Gentle.MAX_INTENSITY, "PAIN_TODAY");
            bans.add(new TechniqueBan(Technique.PRESS, Level.C7, Level.S1, "PAIN_TODAY"));
        }
        // The person's comfort limits only ever tighten.
        intensity = intensity.tighten(profile.preferences().intensity(), "PREFERENCE");
        rollerTemp = rollerTemp.tighten(profile.preferences().maxRollerTempC(), "PREFERENCE");
        if (heat && !profile.preferences().heat()) {
            heat = false;
            heatSetBy = "PREFERENCE";
        }
        if (heat && rollerTemp.value() < bed.rollerTempMinC()) {
            heat = false;
            heatSetBy = rollerTemp.setBy();
        }
        return new SafetyEnvelope(force, rollerTemp, skinTemp, cem43, minutes, intensity, stretchLift,
                heat, heatSetBy, bans, excluded);
    }

    static String span(Level from, Level to) {
        return from == to ? from.name() : from + "–" + to;
    }
}
