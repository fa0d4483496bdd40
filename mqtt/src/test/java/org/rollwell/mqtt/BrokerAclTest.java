package org.rollwell.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The clinic set-up of docs/mqtt.md (docs/mosquitto/rollwell.acl, as shipped) on a real Mosquitto:
 * a bed cannot write another bed's topics, and cannot be started through a topic it may not write.
 */
class BrokerAclTest {

    @Test
    void a_bed_cannot_publish_into_another_beds_topics() throws Exception {
        Mosquitto.assumeInstalled();
        Path acl = Path.of("..", "docs", "mosquitto", "rollwell.acl").toAbsolutePath().normalize();
        assertThat(acl).exists();
        Path dir = Files.createTempDirectory("rollwell-acl");
        Path passwd = dir.resolve("passwd");
        boolean firstUser = true;
        for (String user : new String[] {"bed1", "bed2", "hub"}) {
            // -c creates the file with the first user; -b takes the password from the command line
            Process p = (firstUser ? new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwd.toString(), user, user + "-secret")
                    : new ProcessBuilder("mosquitto_passwd", "-b", passwd.toString(), user, user + "-secret"))
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
            firstUser = false;
        }
        Files.copy(acl, dir.resolve("rollwell.acl"));
        try (Mosquitto broker = Mosquitto.start("allow_anonymous false\npassword_file " + passwd + "\nacl_file "
                + dir.resolve("rollwell.acl") + "\n");
             Listener hub = new Listener(broker.serverUri(), "hub", "hub", "hub-secret", true, "rollwell/#");
             Listener bed1 = new Listener(broker.serverUri(), "bed1", "bed1", "bed1-secret", true)) {
            // forged first, genuine second: one client's messages reach a subscriber in order (MQTT 3.1.1 §4.6)
            bed1.publish("rollwell/bed2/records", "{\"forged\":true}");
            bed1.publish("rollwell/bed2/command/stop", "PRESS");
            bed1.publish("rollwell/bed1/records", "{\"session\":1}");
            Listener.Received first = hub.await(r -> true);
            assertThat(first.topic()).isEqualTo("rollwell/bed1/records");
            assertThat(hub.drained()).noneMatch(r -> r.topic().startsWith("rollwell/bed2/"));
        }
    }
}
