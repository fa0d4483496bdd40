package org.rollwell.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The messages a bed must not lose (session records, events) while its broker is away: one file
 * per message in a folder, named by a sequence number, written to a temporary name, forced to disk
 * and then renamed, so a crash leaves either the whole message or none of it. Delivered oldest
 * first and removed only once the broker has acknowledged it (QoS 1), so nothing is lost and the
 * order is kept; a message sent twice across a crash is possible, and the hub stores it once.
 */
public final class Outbox {
    private static final String SUFFIX = ".msg";

    /** One waiting message and its place in the queue. */
    public record Entry(long sequence, Message message) {
    }

    private final Path dir;
    private final TreeSet<Long> waiting = new TreeSet<>();
    private long next;

    public Outbox(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".tmp")) {
                        // a message a crash cut off before it was whole: it was never acknowledged to its writer
                        Files.deleteIfExists(f);
                    } else if (name.endsWith(SUFFIX)) {
                        waiting.add(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("outbox " + dir + ": cannot be read", e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("outbox " + dir + ": holds a file that is not an outbox message", e);
        }
        next = waiting.isEmpty() ? 1 : waiting.last() + 1;
    }

    /** Keeps the message on disk until {@link #remove}; returns its sequence number. */
    public synchronized long append(Message m) {
        long seq = next++;
        Path tmp = dir.resolve(name(seq) + ".tmp");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(m.topic());
                out.writeByte(m.qos());
                out.writeBoolean(m.retained());
                out.writeInt(m.payload().length);
                out.write(m.payload());
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(bytes.toByteArray()));
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(name(seq)), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox " + dir + ": cannot keep a message for " + m.topic(), e);
        }
        waiting.add(seq);
        return seq;
    }

    /** The oldest waiting message. */
    public synchronized Optional<Entry> oldest() {
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        long seq = waiting.first();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(dir.resolve(name(seq))))) {
            String topic = in.readUTF();
            int qos = in.readByte();
            boolean retained = in.readBoolean();
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return Optional.of(new Entry(seq, new Message(topic, payload, qos, retained)));
        } catch (IOException e) {
            throw new UncheckedIOException("outbox " + dir + ": message " + seq + " cannot be read", e);
        }
    }

    /** Forgets a message the broker acknowledged. */
    public synchronized void remove(long sequence) {
        try {
            Files.deleteIfExists(dir.resolve(name(sequence)));
        } catch (IOException e) {
            throw new UncheckedIOException("outbox " + dir + ": message " + sequence + " cannot be removed", e);
        }
        waiting.remove(sequence);
    }

    public synchronized int size() {
        return waiting.size();
    }

    private static String name(long seq) {
        return String.format("%020d", seq) + SUFFIX;
    }
}
