package org.rollwell.therapy.screening;

import java.util.Optional;

/**
 * Every safety-screening question of DOMAIN.md §5. The identifiers are a shared, stable
 * contract (profiles, the CLI, stored answers): never rename one.
 *
 * <p>Red flags block every session and send the person to a clinician (NICE NG59 2016;
 * ACP 2017; the list is NICE CKS's low-back-pain red flags). The other ids are product
 * rules (DOMAIN.md §5, choice): {@link Kind#CONTRAINDICATION} where a "yes" blocks, or keeps
 * the rollers off part of the back (a local contraindication); {@link Kind#PRECAUTION} where
 * a "yes" only lowers the dose.
 */
public enum ScreeningId {
    RF_CAUDA_EQUINA(Kind.RED_FLAG, Effect.BLOCK,
            "Do you have numbness around your bottom or genitals (saddle area), or new trouble controlling your bladder or bowels?",
            "No session. Go to an emergency department now: these can be signs of nerve compression (cauda equina)."),
    RF_PROGRESSIVE_DEFICIT(Kind.RED_FLAG, Effect.BLOCK,
            "Is weakness or numbness in one or both legs getting worse?",
            "No session. See a doctor today: worsening nerve symptoms need assessment first."),
    RF_FEVER_INFECTION(Kind.RED_FLAG, Effect.BLOCK,
            "Do you have a fever or a recent infection, have you injected drugs, or is your immune system suppressed?",
            "No session. See a doctor today: back pain with infection risk must be assessed first."),
    RF_CANCER_HISTORY(Kind.RED_FLAG, Effect.BLOCK_UNLESS_CLEARED,
            "Have you ever had cancer, and did this back pain start or change since?",
            "No session until a clinician has assessed your back pain."),
    RF_WEIGHT_LOSS(Kind.RED_FLAG, Effect.BLOCK_UNLESS_CLEARED,
            "Have you lost weight recently without trying?",
            "No session. See a clinician: unexplained weight loss with back pain needs assessment."),
    RF_TRAUMA(Kind.RED_FLAG, Effect.BLOCK_UNLESS_CLEARED,
            "Did your back pain start after a recent fall or accident?",
            "No session. See a clinician to rule out an injury first."),
    RF_NIGHT_PAIN(Kind.RED_FLAG, Effect.BLOCK_UNLESS_CLEARED,
            "Is your pain constant, and worse when you rest or at night?",
            "No session. See a clinician: pain that does not ease with rest needs assessment."),
    RF_AGE_ONSET(Kind.RED_FLAG, Effect.BLOCK_UNLESS_CLEARED,
            "Did this back pain start for the first time when you were under 20 or over 50?",
            "No session until a clinician has assessed your back pain."),
    RF_FRACTURE_RISK(Kind.RED_FLAG, Effect.BLOCK_UNLESS_CLEARED,
            "Did the pain start after a minor bump or strain while you have osteoporosis or take steroid tablets long-term?",
            "No session. See a clinician to rule out a fracture first."),

    CI_DVT(Kind.CONTRAINDICATION, Effect.BLOCK_UNLESS_CLEARED,
            "Do you have a blood clot in a vein (DVT), now or recently?",
            "No session: massage could move a clot. Ask your doctor when it is safe."),
    CI_PREGNANCY(Kind.CONTRAINDICATION, Effect.BLOCK,
            "Are you pregnant?",
            "No session: the bed is not made for use in pregnancy."),
    CI_ACTIVE_CANCER(Kind.CONTRAINDICATION, Effect.BLOCK_UNLESS_CLEARED,
            "Are you being treated for cancer now?",
            "No session unless your clinician has cleared massage (record the clearance in your profile)."),
    CI_RECENT_SURGERY_OR_FRACTURE(Kind.CONTRAINDICATION, Effect.BLOCK,
            "Have you had back surgery or a broken bone in your back in the last 6 months?",
            "No session until 6 months have passed and your surgeon or doctor agrees."),
    CI_OSTEOPOROSIS(Kind.PRECAUTION, Effect.RESTRICT,
            "Do you have osteoporosis (thin, fragile bones)?",
            "Gentler sessions: force at most 120 N, no pressing on the spine and no stretching."),
    CI_ANTICOAGULANT(Kind.PRECAUTION, Effect.RESTRICT,
            "Do you take blood thinners, or do you have a bleeding disorder?",
            "Gentler sessions to avoid bruising: force at most 150 N and no pressing."),
    CI_REDUCED_SENSATION(Kind.PRECAUTION, Effect.RESTRICT,
            "Is the feeling in the skin of your back reduced (for example from diabetes or nerve damage)?",
            "Cooler rollers: at most 45 °C, and the skin kept at or below 40 °C, because you may not feel a burn."),
    CI_HEAT_INTOLERANCE(Kind.PRECAUTION, Effect.RESTRICT,
            "Does heat make you unwell, or has a doctor told you to avoid heat?",
            "The rollers are not heated."),
    CI_SKIN_LESION(Kind.CONTRAINDICATION, Effect.RESTRICT,
            "Do you have a wound, rash, burn or other skin problem on your back?",
            "The rollers stay off that part of the back and 50 mm either side (say where in your profile)."),
    CI_IMPLANT(Kind.CONTRAINDICATION, Effect.RESTRICT,
            "Do you have an implant in your back (for example a stimulator, pump or spinal hardware)?",
            "The rollers stay off that part of the back and 50 mm either side (say where in your profile)."),
    // Asked positively (DOMAIN.md §5): the answer "no" means this id applies; see askedPositively().
    NO_DIAGNOSIS(Kind.PRECAUTION, Effect.RESTRICT,
            "Has a doctor or physiotherapist assessed this back pain?",
            "Gentle sessions only (intensity at most 3, force at most 150 N, no pressing) and a reminder to get a diagnosis.");

    /** What kind of screening item an id is. */
    public enum Kind { RED_FLAG, CONTRAINDICATION, PRECAUTION }

    /** What a "yes" does to a session. */
    public enum Effect {
        /** No session at all. */
        BLOCK,
        /**
         * No session unless a clinician's clearance is recorded (valid 12 months from its date,
         * DOMAIN.md §5): the history red flags, {@code CI_ACTIVE_CANCER} and {@code CI_DVT}.
         */
        BLOCK_UNLESS_CLEARED,
        /** Sessions go ahead within tighter limits (see {@link #yesMeans()}). */
        RESTRICT
    }

    private final Kind kind;
    private final Effect effect;
    private final String question;
    private final String yesMeans;

    ScreeningId(Kind kind, Effect effect, String question, String yesMeans) {
        this.kind = kind;
        this.effect = effect;
        this.question = question;
        this.yesMeans = yesMeans;
    }

    public Kind kind() {
        return kind;
    }

    /** What answering "yes" does. */
    public Effect effect() {
        return effect;
    }

    /**
     * A plain-language yes/no question; "yes" means the id applies, except for an id
     * {@link #askedPositively()}, where "no" means it applies.
     */
    public String question() {
        return question;
    }

    /** Whether the question is asked the positive way round, so that the answer "no" means this id applies. */
    public boolean askedPositively() {
        return this == NO_DIAGNOSIS;
    }

    /**
     * The symptoms-now red flags (DOMAIN.md §5): asked again at every check-in and never
     * cleared in advance, so no clearance lifts them.
     */
    public boolean symptomNow() {
        return this == RF_CAUDA_EQUINA || this == RF_PROGRESSIVE_DEFICIT || this == RF_FEVER_INFECTION;
    }

    /** What a "yes" does, in words a person understands. */
    public String yesMeans() {
        return yesMeans;
    }

    /** Whether a "yes" must say where on the back ({@code regions} in the profile). */
    public boolean needsRegion() {
        return this == CI_SKIN_LESION || this == CI_IMPLANT;
    }

    /** The id spelled exactly {@code text} (ids are case-sensitive), or empty. */
    public static Optional<ScreeningId> parse(String text) {
        for (ScreeningId id : values()) {
            if (id.name().equals(text)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
