package org.rollwell.app.cli;

import java.nio.file.Path;
import org.rollwell.app.files.TextFiles;

/** Reads the files people hand the commands, refusing in one line that says which file and why. */
final class InputFiles {

    private InputFiles() {
    }

    /** The UTF-8 text of {@code file}, or a {@link BadInputException} naming {@code what} ("profile", "program file"). */
    static String read(Path file, String what) {
        try {
            return TextFiles.read(file);
        } catch (TextFiles.Unreadable e) {
            throw new BadInputException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }
}
