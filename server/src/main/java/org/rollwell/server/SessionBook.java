package org.rollwell.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.companion.SessionListener;
import org.rollwell.store.Checkpoint;
import org.rollwell.store.SessionRepository;
import org.rollwell.store.SessionStatus;

/**
 * Keeps one session's stored row in step with the bed: its checkpoints and its end with the record.
 * The bed starts before the row exists (a refused start leaves no row), so calls wait briefly for it.
 */
final class SessionBook implements SessionListener {
    /** How long the end waits for the row's id, s (choice: the start writes it within milliseconds). */
    private static final long ID_WAIT_S = 10;

    private final SessionRepository sessions;
    private final String account;
    private final CountDownLatch known = new CountDownLatch(1);
    private volatile String sessionId;

    SessionBook(SessionRepository sessions, String account) {
        this.sessions = sessions;
        this.account = account;
    }

    void stored(String id) {
        sessionId = id;
        known.countDown();
    }

    @Override
    public void checkpoint(Progress p) {
        String id = sessionId;
        if (id == null) {
            return;
        }
        sessions.checkpoint(account, id, new Checkpoint(p.deliveredS(), p.cem43MaxBandMin(), json(Map.of(
                "segment", p.segment(), "state", p.state(), "deliveredS", p.deliveredS()))));
    }

    @Override
    public void finished(SessionRecord record, Progress p) {
        try {
            if (!known.await(ID_WAIT_S, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        SessionStatus end = switch (record.outcome()) {
            case COMPLETED -> SessionStatus.COMPLETED;
            case FAULTED -> SessionStatus.FAULTED;
            // a session cut off by a shutdown counts as stopped: it ended in the safe state on purpose
            case STOPPED, UNFINISHED -> SessionStatus.STOPPED;
        };
        sessions.finish(account, sessionId, end, p.deliveredS(), p.cem43MaxBandMin(), json(record));
    }

    static String json(Object value) {
        try {
            return JsonBodies.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a session record", e);
        }
    }
}
