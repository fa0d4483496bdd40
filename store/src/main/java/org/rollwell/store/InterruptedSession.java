package org.rollwell.store;

/** A session the startup recovery found RUNNING and marked INTERRUPTED, with what its last checkpoint kept. */
public record InterruptedSession(String accountId, String profileId, String sessionId, double deliveredS) {
}
