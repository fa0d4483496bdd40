package org.rollwell.therapy.program;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;

/**
 * A massage program in the {@code rollwell.program/1} format: a named, described
 * sequence of segments, the goals it serves, the conditions it is written to suit,
 * and the sources of the figures it uses. Programs are person-independent; the
 * session planner turns one into a personal, validated plan.
 *
 * @param id           stable identifier, lower-case letters, digits and hyphens
 * @param name         short title for a menu
 * @param description  what the program does and for whom, in plain words
 * @param goals        the goals it serves (at least one)
 * @param suits        the conditions it respects the rules of (DOMAIN.md §5); may be empty
 * @param segments     the steps, in order (at least one)
 * @param sources      where the figures it uses come from
 */
public record Program(
        String id,
        String name,
        String description,
        Set<Goal> goals,
        Set<Condition> suits,
        List<ProgramSegment> segments,
        List<String> sources) {

    /** What an id may look like. */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Program {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("program id must be lower-case letters, digits and hyphens, was " + id);
        }
        goals = ordered(goals, Goal.class);
        suits = ordered(suits, Condition.class);
        segments = List.copyOf(segments);
        sources = List.copyOf(sources);
        if (goals.isEmpty()) {
            throw new IllegalArgumentException("program " + id + " serves no goal");
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("program " + id + " has no segments");
        }
    }

    /** How long the program runs as written, in seconds. */
    public int totalSeconds() {
        int total = 0;
        for (ProgramSegment segment : segments) {
            total += segment.seconds();
        }
        return total;
    }

    /** How long the program runs as written, in minutes. */
    public double minutes() {
        return totalSeconds() / 60.0;
    }

    /** An unmodifiable set iterating in declaration order, so output is stable. */
    private static <E extends Enum<E>> Set<E> ordered(Collection<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return Collections.unmodifiableSet(set);
    }
}
