package org.rollwell.sim.body;

/**
 * A person lying supine on the twin, described the way DOMAIN.md §3 describes a
 * spine: height and weight, the spine's radiographic curve angles, and where the
 * person lies on the bed.
 *
 * @param heightCm        145–205 cm (DOMAIN.md §2)
 * @param weightKg        up to 135 kg
 * @param kyphosisDeg     thoracic kyphosis T1–T12, radiographic (Cobb) angle; normal 20–45°
 * @param lordosisDeg     lumbar lordosis L1–S1, radiographic (Cobb) angle; normal 40–60°
 * @param headOffsetMm    crown of the head from the mattress's head end (home lies 150 mm from it)
 * @param lateralOffsetMm how far the spine lies off the bed's centre line, + to the right
 */
public record Body(double heightCm, double weightKg, double kyphosisDeg, double lordosisDeg,
                   double headOffsetMm, double lateralOffsetMm) {

    /** A typical adult: 175 cm, 75 kg, kyphosis 35°, lordosis 50°, lying 100 mm from the head end, centred. */
    public static final Body TYPICAL = new Body(175, 75, 35, 50, 100, 0);

    public Body {
        require("heightCm", heightCm, 100, 250);
        require("weightKg", weightKg, 20, 250);
        require("kyphosisDeg", kyphosisDeg, 0, 100);
        require("lordosisDeg", lordosisDeg, 0, 100);
        require("headOffsetMm", headOffsetMm, -100, 400);
        require("lateralOffsetMm", lateralOffsetMm, -150, 150);
    }

    private static void require(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("body." + name + " must be " + min + "–" + max + ", was " + value);
        }
    }
}
