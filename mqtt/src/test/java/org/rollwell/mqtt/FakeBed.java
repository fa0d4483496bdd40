package org.rollwell.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bed that only remembers what a remote asked of it. */
final class FakeBed implements BedCommands {
    final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public String stop() {
        asked.add("stop");
        return "stopped: the rollers are lowered and the heat is off";
    }

    @Override
    public String pause() {
        asked.add("pause");
        return "paused";
    }

    @Override
    public String resume() {
        asked.add("resume");
        return "resumed";
    }
}
