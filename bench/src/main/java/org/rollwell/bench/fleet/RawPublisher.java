package org.rollwell.bench.fleet;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One MQTT 3.1.1 connection that publishes at QoS 1 for many simulated beds, written for the fleet run
 * only: a Paho client writes and flushes every message on its own (one system call each, and as many
 * reads for the acknowledgements), which at 10,000 messages a second made the driver cost about as much
 * CPU as the hub it measures. This one encodes into a buffer and sends what a tick due at once, then
 * reads the broker's PUBACKs through a buffer on its own thread. Clean session, no keep-alive (MQTT
 * 3.1.1 §3.1.2.10: 0 turns it off), packet ids 1..65535 round robin with fewer than that unacknowledged.
 */
final class RawPublisher implements AutoCloseable {
    /** Unacknowledged messages at most (MQTT 3.1.1 §2.3.1: ids 1..65535, unique while in flight; choice: margin). */
    private static final int MAX_IN_FLIGHT = 60_000;

    private final Socket socket;
    private final OutputStream out;
    private final AtomicLong acked = new AtomicLong();
    private final Thread reader;
    private long published;
    private int nextId = 1;
    private volatile IOException failure;

    RawPublisher(String brokerUri, String clientId) throws IOException {
        URI uri = URI.create(brokerUri);
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 256 * 1024);
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        // CONNECT: protocol name "MQTT", level 4, flags 0x02 (clean session), keep-alive 0, the client id
        byte[] variable = {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 0};
        out.write(0x10);
        remainingLength(variable.length + 2 + id.length);
        out.write(variable);
        out.write(id.length >> 8);
        out.write(id.length & 0xff);
        out.write(id);
        out.flush();
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        byte[] connack = new byte[4];
        in.readFully(connack);
        if (connack[0] != 0x20 || connack[3] != 0) {
            throw new IOException("broker refused the connection: CONNACK return code " + connack[3]);
        }
        reader = new Thread(() -> readAcks(in), "fleet-acks-" + clientId);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAcks(DataInputStream in) {
        byte[] ack = new byte[4];
        try {
            while (true) {
                in.readFully(ack);
                if ((ack[0] & 0xf0) != 0x40) {
                    throw new IOException("expected PUBACK, got packet type " + ((ack[0] & 0xf0) >> 4));
                }
                acked.incrementAndGet();
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                failure = e;
            }
        }
    }

    /** Encodes one QoS 1 PUBLISH into the buffer (sent at the next {@link #flush} or when the buffer fills). */
    void publish(byte[] topic, byte[] payload) throws IOException {
        if (failure != null) {
            throw failure;
        }
        while (published - acked.get() >= MAX_IN_FLIGHT) {
            out.flush();
            LockSupport.parkNanos(1_000_000);
        }
        out.write(0x32); // PUBLISH, QoS 1
        remainingLength(2 + topic.length + 2 + payload.length);
        out.write(topic.length >> 8);
        out.write(topic.length & 0xff);
        out.write(topic);
        out.write(nextId >> 8);
        out.write(nextId & 0xff);
        out.write(payload);
        nextId = nextId == 65_535 ? 1 : nextId + 1;
        published++;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** How many of the messages published the broker has acknowledged (PUBACK) so far. */
    long acknowledged() {
        return acked.get();
    }

    private void remainingLength(int length) throws IOException {
        // MQTT 3.1.1 §2.2.3: seven bits a byte, the top bit says another follows
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
    }

    @Override
    public void close() throws IOException {
        out.write(0xe0); // DISCONNECT
        out.write(0);
        out.flush();
        socket.close();
    }
}
