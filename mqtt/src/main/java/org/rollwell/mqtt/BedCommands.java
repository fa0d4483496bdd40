package org.rollwell.mqtt;

/**
 * What a remote may ask of the bed. There is deliberately no start: motion never begins from a
 * remote, only from the person on the bed (a moving-parts rule of the product; docs/mqtt.md).
 * Each method answers in plain words what it did, or why it did nothing.
 */
public interface BedCommands {
    String stop();

    String pause();

    String resume();
}
