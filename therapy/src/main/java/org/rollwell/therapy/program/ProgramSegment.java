package org.rollwell.therapy.program;

import java.util.Objects;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Intensity;
import org.rollwell.therapy.technique.Technique;

/**
 * One step of a program, in anatomical terms and independent of any person:
 * "knead L3–L5 at intensity 4, rollers 45 °C, for 180 s, strokes of 40 mm at 1 Hz".
 * The planner personalises it (location, dose within the envelope) into a plan segment.
 *
 * @param technique    what the rollers do
 * @param location     where on the back
 * @param intensity    dose on the 1–10 scale ({@link Intensity}), or null when {@code forceN} is given
 * @param forceN       dose as roller force in N (0–350), or null when {@code intensity} is given;
 *                     for {@code STRETCH} it is the force limit while the lift is raised
 * @param heat         whether the rollers are heated
 * @param rollerTempC  roller surface target in °C (30–65) when {@code heat}, else 0
 * @param seconds      how long the whole segment lasts
 * @param params       the technique's own parameters; their type matches {@code technique}
 * @param note         a line for the person about what this step does, or empty
 */
public record ProgramSegment(
        Technique technique,
        Location location,
        Integer intensity,
        Double forceN,
        boolean heat,
        double rollerTempC,
        int seconds,
        TechniqueParams params,
        String note) {

    public ProgramSegment {
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(params, "params");
        note = note == null ? "" : note;
        if ((intensity == null) == (forceN == null)) {
            throw new IllegalArgumentException("segment needs exactly one of intensity and forceN");
        }
        if (intensity != null && !Intensity.isValid(intensity)) {
            throw new IllegalArgumentException("intensity must be 1–10, was " + intensity);
        }
        if (forceN != null && !(forceN >= 1 && forceN <= ProgramRules.MAX_FORCE_N)) {
            throw new IllegalArgumentException("forceN must be 1–350 N, was " + forceN);
        }
        if (heat && !(rollerTempC >= ProgramRules.MIN_ROLLER_TEMP_C && rollerTempC <= ProgramRules.MAX_ROLLER_TEMP_C)) {
            throw new IllegalArgumentException("rollerTempC must be 30–65 °C, was " + rollerTempC);
        }
        if (!heat && rollerTempC != 0) {
            throw new IllegalArgumentException("an unheated segment has rollerTempC 0, was " + rollerTempC);
        }
        if (seconds <= 0) {
            throw new IllegalArgumentException("seconds must be positive, was " + seconds);
        }
        if (ProgramRules.techniqueOf(params) != technique) {
            throw new IllegalArgumentException(technique + " segment with " + params.getClass().getSimpleName() + " parameters");
        }
    }

    /** The segment's dose as roller force in N, whichever way the program gave it. */
    public double targetForceN() {
        return forceN != null ? forceN : Intensity.forceN(intensity);
    }
}
