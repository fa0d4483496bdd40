package org.rollwell.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rollwell.app.json.Json;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.LockReset;
import org.rollwell.bed.safety.LockState;
import org.rollwell.bed.safety.LockStore;
import org.rollwell.bed.safety.LockStoreException;

/**
 * The bed's locks in {@value #FILE_NAME} in the data directory ({@code --data-dir}, default
 * {@code ~/.rollwell/}, created when first needed). A save writes a temporary file in the same
 * directory, forces it to disk and renames it over the old one, so a crash leaves the old state
 * or the new one, never half of either. A file that cannot be read is refused with its name and
 * the reason; it is never replaced by an empty state (that would silently unlock the bed).
 */
public final class FileLockStore implements LockStore {
    public static final String FILE_NAME = "locks.json";
    public static final String FORMAT = "rollwell.locks/1";
    /** A lock file is a few kB; far larger is not one (choice, the input files' 1 MiB). */
    static final long MAX_BYTES = 1L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final Path file;

    public FileLockStore(Path dataDir) {
        this.dir = Objects.requireNonNull(dataDir, "dataDir");
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    @Override
    public LockState load() {
        if (!Files.exists(file)) {
            return LockState.empty();
        }
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw corrupt("it is a folder, not a file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw corrupt("larger than " + MAX_BYTES + " bytes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LockStoreException("cannot read the lock file " + file + ": " + reason(e), e);
        }
        try {
            return parse(MAPPER.readTree(text));
        } catch (IOException e) {
            throw corrupt("not JSON");
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw corrupt(e.getMessage());
        }
    }

    private LockStoreException corrupt(String why) {
        return new LockStoreException("the lock file " + file + " is corrupt (" + why + "); it is left as it is:"
                + " restore it or ask service, the bed's locks are never dropped silently");
    }

    @Override
    public void save(LockState state) {
        String text = Json.write(toJson(state));
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new LockStoreException("cannot replace the lock file " + file + " atomically on this file system");
            }
            tmp = null;
        } catch (IOException e) {
            throw new LockStoreException("cannot write the lock file " + file + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is harmless; the old state is intact
                }
            }
        }
    }

    /** The state as the file holds it; also what {@code rollwell service locks --json} prints. */
    public static ObjectNode toJson(LockState state) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        ArrayNode locks = root.putArray("locks");
        for (Lock lock : state.locks()) {
            lockJson(lock, locks.addObject());
        }
        ArrayNode overForces = root.putArray("overForces");
        for (Instant t : state.overForces()) {
            overForces.add(t.toString());
        }
        ArrayNode history = root.putArray("history");
        for (LockReset reset : state.history()) {
            ObjectNode n = history.addObject();
            lockJson(reset.lock(), n.putObject("lock"));
            n.put("by", reset.by());
            n.put("reason", reset.reason());
            n.put("at", reset.at().toString());
        }
        return root;
    }

    private static void lockJson(Lock lock, ObjectNode n) {
        n.put("target", lock.target().name());
        if (lock.target() == Lock.Target.ZONE_HEAT) {
            n.put("zone", lock.zone());
        }
        n.put("cause", lock.cause().name());
        n.put("at", lock.at().toString());
        n.put("detail", lock.detail());
    }

    private static LockState parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!FORMAT.equals(text(root, "format"))) {
            throw new IllegalArgumentException("format must be " + FORMAT);
        }
        List<Lock> locks = new ArrayList<>();
        for (JsonNode n : array(root, "locks")) {
            locks.add(lock(n, "locks[]"));
        }
        List<Instant> overForces = new ArrayList<>();
        for (JsonNode n : array(root, "overForces")) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("overForces[] must hold times");
            }
            overForces.add(Instant.parse(n.asText()));
        }
        List<LockReset> history = new ArrayList<>();
        for (JsonNode n : array(root, "history")) {
            history.add(new LockReset(lock(n.get("lock"), "history[].lock"), text(n, "by"), text(n, "reason"),
                    Instant.parse(text(n, "at"))));
        }
        return new LockState(locks, overForces, history);
    }

    private static Lock lock(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        Lock.Target target = Lock.Target.valueOf(text(n, "target"));
        int zone = -1;
        if (target == Lock.Target.ZONE_HEAT) {
            JsonNode z = n.get("zone");
            if (z == null || !z.isInt()) {
                throw new IllegalArgumentException(where + ".zone must be a whole number");
            }
            zone = z.asInt();
        }
        return new Lock(target, zone, FaultCode.valueOf(text(n, "cause")), Instant.parse(text(n, "at")), text(n, "detail"));
    }

    private static ArrayNode array(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException(field + " must be a list");
        }
        return (ArrayNode) a;
    }

    private static String text(JsonNode n, String field) {
        JsonNode t = n.get(field);
        if (t == null || !t.isTextual()) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return t.asText();
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
