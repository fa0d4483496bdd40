package org.rollwell.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rollwell.reports.data.ReportData;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;

/** The sample people of the report tests: Anna's profile (examples/profiles/anna.json) with a simulated diary. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Profile anna() {
        try {
            String text = Files.readString(Path.of("..", "examples", "profiles", "anna.json"));
            return ((ParseResult.Parsed<Profile>) ProfileParser.parse(text)).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReportData responder(long seed) {
        return ReportData.assemble(anna(), SimulatedPerson.responderDiary(seed), SimulatedPerson.sessions(),
                SimulatedPerson.AS_OF);
    }

    public static ReportData nonResponder(long seed) {
        return ReportData.assemble(anna(), SimulatedPerson.nonResponderDiary(seed), SimulatedPerson.sessions(),
                SimulatedPerson.AS_OF);
    }
}
