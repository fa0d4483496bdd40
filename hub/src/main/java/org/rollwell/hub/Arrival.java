package org.rollwell.hub;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message as the hub received it from the broker.
 *
 * @param bedId         the bed, from the topic {@code rollwell/<bed>/<kind>}
 * @param kind          telemetry, records, events or availability
 * @param payload       the message text
 * @param json          the text parsed (telemetry, records and events), or null: availability, or not JSON
 * @param arrivedNanos  when it arrived (the hub's monotonic clock), for the ingest lag
 * @param ack           acknowledges it to the broker once it is committed (QoS 1: nothing is lost if the hub dies first)
 */
record Arrival(String bedId, String kind, String payload, JsonNode json, long arrivedNanos, Runnable ack) {
}
