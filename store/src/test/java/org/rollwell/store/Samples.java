package org.rollwell.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own sample documents, as a front would hand them to the store. */
final class Samples {
    private Samples() {
    }

    /** examples/profiles/NAME.json of the repository. */
    static String profile(String name) {
        try {
            return Files.readString(Path.of("..", "examples", "profiles", name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A built-in program's file, under a new id, as a household would import its own. */
    static String program(String builtIn, String newId) {
        try (InputStream in = Samples.class.getResourceAsStream("/org/rollwell/therapy/program/" + builtIn + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no built-in program " + builtIn);
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.replaceFirst("\"id\"\\s*:\\s*\"" + builtIn + "\"", "\"id\": \"" + newId + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String checkIn(String day, int painNow) {
        return "{\"format\":\"rollwell.checkin/1\",\"date\":\"" + day + "\",\"answers\":{\"RF_CAUDA_EQUINA\":false,"
                + "\"RF_PROGRESSIVE_DEFICIT\":false,\"RF_FEVER_INFECTION\":false},\"painNowNrs\":" + painNow
                + ",\"changes\":[]}";
    }

    /** A bcrypt hash in its standard form (of no password anyone uses). */
    static final String BCRYPT = "$2b$12$" + "abcdefghijklmnopqrstuv" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
    static final String ARGON2ID = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAijB";
}
