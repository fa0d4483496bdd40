package org.rollwell.therapy.profile;

import org.rollwell.therapy.input.ParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.screening.ScreeningId;

/** Profiles for tests: a healthy 170 cm person who answered every question "no", changed one fact at a time. */
public final class TestProfiles {

    private TestProfiles() {
    }

    public static Builder person() {
        return new Builder();
    }

    /** One of the sample profiles in examples/profiles/ at the repository root. */
    public static Profile example(String name) {
        ParseResult<Profile> result = ProfileParser.parse(exampleText(name));
        if (result instanceof ParseResult.Refused<Profile> refused) {
            throw new AssertionError(name + " is refused: " + refused.problems());
        }
        return ((ParseResult.Parsed<Profile>) result).value();
    }

    public static String exampleText(String name) {
        try {
            return Files.readString(Path.of("..", "examples", "profiles", name + ".json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource's text, e.g. {@code /profiles/bad/unknown-field.json}. */
    public static String resource(String path) {
        try (InputStream in = TestProfiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder {
        private double heightCm = 170;
        private double weightKg = 70;
        private final Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        private final Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        private final List<PainEntry> painMap = new ArrayList<>();
        private final List<TriggerPoint> triggerPoints = new ArrayList<>();
        private OptionalInt painToday = OptionalInt.empty();
        private Preferences preferences = Preferences.DEFAULT;
        private final List<MarkedRegion> regions = new ArrayList<>();
        private final Set<ScreeningId> approved = EnumSet.noneOf(ScreeningId.class);
        private double headOffsetMm = Profile.DEFAULT_HEAD_OFFSET_MM;
        private Optional<SpineMap> spineMap = Optional.empty();

        Builder() {
            for (ScreeningId id : ScreeningId.values()) {
                answers.put(id, false);
            }
        }

        public Builder height(double cm) {
            heightCm = cm;
            return this;
        }

        public Builder weight(double kg) {
            weightKg = kg;
            return this;
        }

        public Builder yes(ScreeningId... ids) {
            for (ScreeningId id : ids) {
                answers.put(id, true);
            }
            return this;
        }

        public Builder unanswered(ScreeningId... ids) {
            for (ScreeningId id : ids) {
                answers.remove(id);
            }
            return this;
        }

        public Builder with(Condition... cs) {
            conditions.addAll(List.of(cs));
            return this;
        }

        public Builder pain(Level level, Side side, int nrs) {
            painMap.add(new PainEntry(level, side, nrs));
            return this;
        }

        public Builder triggerPoint(Level level, Side side) {
            triggerPoints.add(new TriggerPoint(level, side));
            return this;
        }

        public Builder painToday(int nrs) {
            painToday = OptionalInt.of(nrs);
            return this;
        }

        public Builder prefers(int intensity, double maxRollerTempC, boolean heat) {
            preferences = new Preferences(intensity, maxRollerTempC, heat);
            return this;
        }

        public Builder region(ScreeningId id, Level from, Level to) {
            regions.add(new MarkedRegion(id, from, to));
            return this;
        }

        public Builder approved(ScreeningId id) {
            approved.add(id);
            return this;
        }

        public Builder headOffset(double mm) {
            headOffsetMm = mm;
            return this;
        }

        public Builder spineMap(SpineMap map) {
            spineMap = Optional.of(map);
            return this;
        }

        public Profile build() {
            return new Profile(heightCm, weightKg, 1975, answers, conditions, painMap, triggerPoints, painToday,
                    preferences, regions, approved, headOffsetMm, spineMap);
        }
    }
}
