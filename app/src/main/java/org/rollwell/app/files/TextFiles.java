package org.rollwell.app.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a text file a person named (a scenario, a profile, a program, a bed spec) and, when it
 * cannot, says why in words: "no such file", "it is a folder, not a file", "permission denied",
 * "it is not UTF-8 text". Callers put the reason into their own message.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** Why a file could not be read; the message is the reason alone. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The UTF-8 text of {@code file}. */
    public static String read(Path file) throws Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable("it is a folder, not a file");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable("permission denied");
        } catch (CharacterCodingException e) {
            throw new Unreadable("it is not UTF-8 text");
        } catch (IOException e) {
            throw new Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
