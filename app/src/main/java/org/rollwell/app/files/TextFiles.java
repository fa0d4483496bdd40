package org.rollwell.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a text file a person named (a scenario, a profile, a program, a bed spec, a scan trace)
 * and, when it cannot, says why in words: "no such file", "it is a folder, not a file",
 * "permission denied", "it is not UTF-8 text", "it is larger than 1 MiB, the limit for this file".
 * Callers put the reason into their own message.
 *
 * <p>Every read is bounded (issue 8): the size is checked first, then at most one byte past the
 * limit is read, because a device or pipe ({@code /dev/zero}) reports size 0 and never ends.
 */
public final class TextFiles {

    /** Program, profile, scenario and bed files: 1 MiB (issue 8; the largest example is under 4 KiB). */
    public static final long TEXT_LIMIT_BYTES = 1L << 20;

    private TextFiles() {
    }

    /** Why a file could not be read; the message is the reason alone. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The UTF-8 text of {@code file}, at most {@link #TEXT_LIMIT_BYTES}. */
    public static String read(Path file) throws Unreadable {
        return read(file, TEXT_LIMIT_BYTES);
    }

    /** The UTF-8 text of {@code file}, refused when it holds more than {@code maxBytes}. */
    public static String read(Path file, long maxBytes) throws Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable("it is a folder, not a file");
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                throw tooLarge(maxBytes);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // one byte past the limit tells a file at the limit from a larger one
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
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

    private static Unreadable tooLarge(long maxBytes) {
        return new Unreadable("it is larger than " + size(maxBytes) + ", the limit for this file");
    }

    /** {@code bytes} in the unit a person reads: "1 MiB", "16 MiB", "512 KiB", "100 bytes". */
    public static String size(long bytes) {
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + " KiB";
        }
        return String.format(Locale.ROOT, "%d bytes", bytes);
    }
}
