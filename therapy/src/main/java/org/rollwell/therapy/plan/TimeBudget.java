package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Shares a session's seconds among its steps so that they add up to exactly the requested
 * length. PRESS and STRETCH last as long as their repetitions take (fixed); every other step
 * gets {@link #MIN_FLEXIBLE_S} and then a share of what remains in proportion to its weight,
 * rounded by largest remainder (ties to the earlier step), so the total is exact and the
 * result deterministic. When the fixed steps do not fit, the least important group (the
 * least painful area, the last trigger point) is left out first, then repetitions are cut.
 */
final class TimeBudget {

    /** No rolling, kneading or warming step is shorter than this (choice: a pass along a region at 10–60 mm/s). */
    static final int MIN_FLEXIBLE_S = 30;
    /** Lift speed of the reference bed (DOMAIN.md §2: ≤ 10 mm/s), to time a stretch's rise and fall. */
    static final double LIFT_MM_PER_S = 10;

    private TimeBudget() {
    }

    /** How long PRESS or STRETCH parameters take, in whole seconds. */
    static int naturalSeconds(TechniqueParams params) {
        if (params instanceof TechniqueParams.Press p) {
            return (int) Math.ceil(p.repetitions() * (2 * p.rampS() + p.holdS()) + (p.repetitions() - 1) * p.restS());
        }
        if (params instanceof TechniqueParams.Stretch st) {
            return (int) Math.ceil(st.repetitions() * (2 * st.liftMm() / LIFT_MM_PER_S + st.holdS())
                    + (st.repetitions() - 1) * st.restS());
        }
        throw new IllegalArgumentException("only PRESS and STRETCH have a natural length");
    }

    /**
     * Sets every step's seconds so they total {@code totalSeconds}, leaving steps out when
     * they cannot fit (with a reason). False when no split is possible: no flexible step.
     */
    static boolean allocate(List<Step> steps, int totalSeconds, Notes notes) {
        for (Step s : steps) {
            if (s.fixed && s.seconds <= 0) {
                s.seconds = naturalSeconds(s.params);
            }
        }
        while (fixedSeconds(steps) + MIN_FLEXIBLE_S * flexibleCount(steps) > totalSeconds) {
            if (!dropLeastImportantGroup(steps, notes) && !cutRepetition(steps, notes)) {
                return false;
            }
        }
        List<Step> flexible = new ArrayList<>();
        double weights = 0;
        for (Step s : steps) {
            if (!s.fixed) {
                flexible.add(s);
                weights += Math.max(s.weight, 1e-9);
            }
        }
        if (flexible.isEmpty()) {
            return fixedSeconds(steps) == totalSeconds;
        }
        int spare = totalSeconds - fixedSeconds(steps) - MIN_FLEXIBLE_S * flexible.size();
        int[] whole = new int[flexible.size()];
        double[] fraction = new double[flexible.size()];
        int given = 0;
        for (int i = 0; i < flexible.size(); i++) {
            double exact = spare * Math.max(flexible.get(i).weight, 1e-9) / weights;
            whole[i] = (int) Math.floor(exact);
            fraction[i] = exact - whole[i];
            given += whole[i];
        }
        for (int left = spare - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < fraction.length; i++) {
                if (fraction[i] > fraction[best]) {
                    best = i;
                }
            }
            whole[best]++;
            fraction[best] = -1;
        }
        for (int i = 0; i < flexible.size(); i++) {
            flexible.get(i).seconds = MIN_FLEXIBLE_S + whole[i];
        }
        return true;
    }

    private static boolean dropLeastImportantGroup(List<Step> steps, Notes notes) {
        int worst = -1;
        int groups = 0;
        List<Integer> seen = new ArrayList<>();
        for (Step s : steps) {
            if (s.role == Step.Role.MAIN && !seen.contains(s.group)) {
                seen.add(s.group);
                groups++;
            }
            if (s.role == Step.Role.MAIN && s.priority > worst) {
                worst = s.priority;
            }
        }
        if (worst < 0 || groups < 2) {
            return false;
        }
        List<String> left = new ArrayList<>();
        int dropGroup = -1;
        for (Step s : steps) {
            if (s.role == Step.Role.MAIN && s.priority == worst) {
                dropGroup = s.group;
                break;
            }
        }
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (s.role == Step.Role.MAIN && s.group == dropGroup) {
                left.add(0, s.technique + " " + s.span());
                steps.remove(i);
            }
        }
        notes.add("TIME_LIMITED", "Not everything fits in the time: left out " + String.join(", ", left)
                + " (the least important part).");
        return true;
    }

    private static boolean cutRepetition(List<Step> steps, Notes notes) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (s.params instanceof TechniqueParams.Press p && p.repetitions() > 1) {
                int before = s.seconds;
                s.params = new TechniqueParams.Press(p.rampS(), p.holdS(), p.repetitions() - 1, p.restS());
                s.seconds = Math.max(1, Math.min(before, naturalSeconds(s.params)));
            } else if (s.params instanceof TechniqueParams.Stretch st && st.repetitions() > 1) {
                int before = s.seconds;
                s.params = new TechniqueParams.Stretch(st.liftMm(), st.holdS(), st.repetitions() - 1, st.restS());
                s.seconds = Math.max(1, Math.min(before, naturalSeconds(s.params)));
            } else {
                continue;
            }
            s.explain("One repetition fewer to fit the time.");
            notes.add("TIME_LIMITED", "Not everything fits in the time: some presses or stretches repeat fewer times.");
            return true;
        }
        return false;
    }

    private static int fixedSeconds(List<Step> steps) {
        int total = 0;
        for (Step s : steps) {
            if (s.fixed) {
                total += s.seconds;
            }
        }
        return total;
    }

    private static int flexibleCount(List<Step> steps) {
        int n = 0;
        for (Step s : steps) {
            if (!s.fixed) {
                n++;
            }
        }
        return n;
    }
}
