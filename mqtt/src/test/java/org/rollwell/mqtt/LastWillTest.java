package org.rollwell.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bed whose computer dies shows as unavailable in Home Assistant: the broker publishes its last will. */
class LastWillTest {
    @TempDir
    Path tmp;

    @Test
    void a_killed_bed_process_is_marked_offline_by_the_broker() throws Exception {
        Mosquitto.assumeInstalled();
        try (Mosquitto broker = Mosquitto.start();
             Listener ha = new Listener(broker.serverUri(), "rollwell/bed9/availability")) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process bed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LinkProcess.class.getName(),
                    broker.url(), "bed9", tmp.resolve("outbox").toString()).redirectErrorStream(true).start();
            try {
                assertThat(ha.awaitTopic("rollwell/bed9/availability").text()).isEqualTo("online");
                bed.destroyForcibly().waitFor();
                Listener.Received will = ha.awaitTopic("rollwell/bed9/availability");
                assertThat(will.text()).isEqualTo("offline");
            } finally {
                bed.destroyForcibly();
            }
        }
        // and it stays so for a Home Assistant that connects later (the will is retained)
    }
}
