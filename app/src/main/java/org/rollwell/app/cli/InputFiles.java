package org.rollwell.app.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files people hand the commands, refusing in one line that says which file and why. */
final class InputFiles {

    private InputFiles() {
    }

    /** The UTF-8 text of {@code file}, or a {@link BadInputException} naming {@code what} ("profile", "program file"). */
    static String read(Path file, String what) {
        String reason;
        try {
            if (Files.isDirectory(file)) {
                reason = "it is a folder, not a file";
            } else {
                return Files.readString(file);
            }
        } catch (NoSuchFileException e) {
            reason = "no such file";
        } catch (AccessDeniedException e) {
            reason = "permission denied";
        } catch (CharacterCodingException e) {
            reason = "it is not UTF-8 text";
        } catch (IOException e) {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        throw new BadInputException("rollwell: cannot read " + what + " " + file + ": " + reason);
    }
}
