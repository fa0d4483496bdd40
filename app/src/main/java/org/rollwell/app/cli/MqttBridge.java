package org.rollwell.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.rollwell.bed.record.SegmentResult;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.companion.BedService;
import org.rollwell.companion.LiveFrame;
import org.rollwell.companion.Owner;
import org.rollwell.companion.SessionHandle;
import org.rollwell.mqtt.BedCommands;
import org.rollwell.mqtt.BedLink;
import org.rollwell.mqtt.BedTelemetry;
import org.rollwell.mqtt.MqttSettings;

/**
 * {@code rollwell serve --mqtt}: the bed's state to the broker once a second, each finished session's
 * record through the link's outbox, and stop / pause / resume from Home Assistant to the running
 * session. There is no start: a session starts only from the person on the bed (docs/mqtt.md).
 */
final class MqttBridge implements BedCommands, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Telemetry once a second (issue 14: "telemetry once a second"). */
    private static final long PERIOD_MS = 1_000;

    private final BedService bed;
    private final BedLink link;
    private final ScheduledExecutorService timer;
    private final Function<Owner, Optional<Integer>> painChange;
    private SessionHandle reported;
    /** Who lay on the bed for its last session since serve started; null before the first. */
    private Owner lastOwner;

    private MqttBridge(BedService bed, MqttSettings settings, String version, Function<Owner, Optional<Integer>> painChange) {
        this.bed = bed;
        this.painChange = painChange;
        this.link = new BedLink(settings, bed.spec().heaterZones(), version, this, 30_000);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-telemetry");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param painChange the last rated session's pain change of a person (after − before, NRS
     *                   points), read from the store
     */
    static MqttBridge start(BedService bed, MqttSettings settings, String version,
                            Function<Owner, Optional<Integer>> painChange) {
        MqttBridge bridge = new MqttBridge(bed, settings, version, painChange);
        bridge.link.start();
        bridge.timer.scheduleAtFixedRate(bridge::tick, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        return bridge;
    }

    private void tick() {
        try {
            LiveFrame f = bed.frame();
            List<Double> temps = new ArrayList<>();
            for (double c : f.rollerTempsC()) {
                temps.add(c);
            }
            String fault = f.faults().isEmpty() ? null : f.faults().get(0).code();
            Optional<SessionHandle> session = bed.session();
            session.ifPresent(h -> lastOwner = h.owner());
            // the person rates the pain after the session once it has ended, so it is read anew every second
            Integer pain = lastPainChange();
            link.publish(new BedTelemetry(haState(f.state()), f.technique(), f.secondsLeft(), f.positionMm(), f.forceN(),
                    temps, bed.status().personOnBed(), fault, pain));
            session.ifPresent(h -> {
                if (h != reported && h.record() != null) {
                    reported = h;
                    link.sendRecord(recordJson(h));
                }
            });
        } catch (RuntimeException e) {
            // one missed second of telemetry is a gap the hub reports; the bed itself is not touched
            System.getLogger(MqttBridge.class.getName()).log(System.Logger.Level.WARNING, "telemetry: {0}", e.getMessage());
        }
    }

    /** Null before the first session, or when the person's diary cannot be read (a profile deleted since). */
    private Integer lastPainChange() {
        if (lastOwner == null) {
            return null;
        }
        try {
            return painChange.apply(lastOwner).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The five states Home Assistant shows, from the bed's own. */
    static String haState(String bedState) {
        return switch (bedState) {
            case "IDLE" -> "idle";
            case "WARMING" -> "warming";
            case "PAUSED" -> "paused";
            case "FAULTED" -> "faulted";
            default -> "running";
        };
    }

    private static String recordJson(SessionHandle h) {
        SessionRecord r = h.record();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", h.owner().profileId() + "-" + System.identityHashCode(h) + "-" + System.currentTimeMillis());
        node.put("profile", h.owner().profileName());
        node.put("outcome", r.outcome().name());
        double planned = 0;
        double delivered = 0;
        for (SegmentResult s : r.segments()) {
            planned += s.plannedS();
            delivered += s.deliveredS();
        }
        node.put("plannedS", Math.round(planned));
        node.put("deliveredS", Math.round(delivered));
        node.put("fault", r.fault() == null ? null : r.fault().code().name());
        return node.toString();
    }

    @Override
    public String stop() {
        return bed.session().map(h -> {
            h.stopSession();
            return "stopping: the heat goes off, the lift lowers and the carriage goes home";
        }).orElse("nothing to stop: the bed is at rest");
    }

    @Override
    public String pause() {
        return bed.session().map(h -> {
            h.pause();
            return "paused";
        }).orElse("nothing to pause: the bed is at rest");
    }

    @Override
    public String resume() {
        return bed.session().map(h -> {
            h.resume();
            return "resumed";
        }).orElse("nothing to resume: the bed is at rest");
    }

    @Override
    public void close() {
        timer.shutdownNow();
        link.close();
    }
}
