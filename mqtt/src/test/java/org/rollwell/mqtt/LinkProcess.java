package org.rollwell.mqtt;

import java.nio.file.Path;

/** A bed's MQTT link alone in its own JVM, so a test can kill it the way a power cut would. */
public final class LinkProcess {
    private LinkProcess() {
    }

    public static void main(String[] args) throws Exception {
        BedLink link = new BedLink(MqttSettings.parse(args[0], null, null, args[1], Path.of(args[2])), 3, "test", new FakeBed(), 1000);
        link.start();
        System.out.println("STARTED");
        System.out.flush();
        // run until killed
        System.in.read();
    }
}
