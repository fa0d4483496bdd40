package org.rollwell.therapy.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramWriter;

/**
 * Programs as JSON: the one-line summary {@code rollwell programs --json} lists, and the
 * whole program in its own file format ({@code rollwell.program/1}, docs/program-format.md),
 * so {@code rollwell program show ID --json > mine.json} gives a file a person can edit and
 * {@code rollwell program check} accepts.
 */
public final class ProgramJson {

    private ProgramJson() {
    }

    /** {@code {"id","name","goals":[...],"conditions":[...],"minutes"}}, minutes rounded to 0.1. */
    public static ObjectNode summary(Program p) {
        ObjectNode n = JsonNumbers.object();
        n.put("id", p.id());
        n.put("name", p.name());
        ArrayNode goals = n.putArray("goals");
        for (Goal goal : p.goals()) {
            goals.add(goal.name());
        }
        ArrayNode conditions = n.putArray("conditions");
        for (Condition condition : p.suits()) {
            conditions.add(condition.name());
        }
        n.set("minutes", JsonNumbers.tenths(p.minutes()));
        return n;
    }

    /** The program as a {@code rollwell.program/1} file: the therapy module's own writer, so the two can't drift. */
    public static ObjectNode file(Program p) {
        return ProgramWriter.toTree(p);
    }
}
