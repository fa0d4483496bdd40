package org.rollwell.app.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.screening.Visit;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.profile.Profile;

/**
 * One simulated session, as a {@code rollwell.scenario/1} file describes it
 * (docs/scenario-format.md): who lies on the twin, what they told Rollwell about
 * themselves, what they asked for, and which faults strike when.
 *
 * @param description   what the scenario is for, for the person reading it; may be empty
 * @param seed          the twin's noise seed: the same seed gives the same run
 * @param body          the person on the twin (the truth the bed never sees)
 * @param profile       what the person told Rollwell ({@code rollwell.profile/1}, inline or from its file)
 * @param profileOrigin where the profile came from: {@code $.profile} when inline, else the file's path
 * @param goal          the goal asked for, or null when a program is
 * @param programId     the program asked for, or null when a goal is
 * @param minutes       session length, 10–60
 * @param scan          whether the bed scans the spine first and plans on the measured map
 * @param faults        faults to inject, in the order of their time
 * @param bed           the bed's geometry and limits: the scenario's {@code "bed"} file, else the reference bed
 */
public record Scenario(
        String description,
        long seed,
        Body body,
        Profile profile,
        String profileOrigin,
        Goal goal,
        String programId,
        int minutes,
        boolean scan,
        List<ScenarioFault> faults,
        BedSpec bed,
        Optional<CheckIn> checkIn) {

    public static final String FORMAT = "rollwell.scenario/1";

    public Scenario {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(profileOrigin, "profileOrigin");
        if ((goal == null) == (programId == null)) {
            throw new IllegalArgumentException("a scenario asks for a goal or a program, exactly one");
        }
        if (minutes < ScenarioParser.MIN_MINUTES || minutes > ScenarioParser.MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be 10–60, was " + minutes);
        }
        faults = List.copyOf(faults);
        Objects.requireNonNull(bed, "bed");
        Objects.requireNonNull(checkIn, "checkIn");
    }

    /**
     * The day and check-in to plan with: a scenario with {@code "checkIn"} plans on the check-in's
     * own date (a scenario replays the same day every run, never the system clock); without one it
     * screens the profile undated, as scenarios always did.
     */
    public Optional<Visit> visit() {
        return checkIn.map(c -> new Visit(c.date(), c));
    }

    /** This scenario on another bed ({@code rollwell simulate --bed}, which wins over the scenario's own). */
    public Scenario withBed(BedSpec otherBed) {
        return new Scenario(description, seed, body, profile, profileOrigin, goal, programId, minutes, scan, faults, otherBed,
                checkIn);
    }
}
