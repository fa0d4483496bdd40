package org.rollwell.companion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.rollwell.bed.io.BedIo;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.loop.RealTimeRunner;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.ServiceLocks;
import org.rollwell.bed.scan.ScanRoutine;
import org.rollwell.bed.session.SessionRunner;
import org.rollwell.companion.workflow.ScanStep;
import org.rollwell.companion.workflow.SessionStep;
import org.rollwell.companion.workflow.SessionWorkflow;
import org.rollwell.therapy.plan.SessionPlan;

/**
 * One bed, one thing at a time, over any {@link BedIo}: a session (a plan run by the bed's
 * {@link SessionRunner}) or a spine scan ({@link ScanRoutine}), each built by the one
 * {@link SessionWorkflow} the CLI's simulation runs too, under its own safety supervisor and the
 * bed's shared {@link ServiceLocks}. The bed has its own thread: while something runs it ticks the
 * control loop at absolute deadlines ({@link RealTimeRunner}, {@link Pacing}); at rest it
 * reads the sensors once a second. Every request that touches the bed runs on that thread, so the
 * {@code BedIo} is never used by two threads. Listeners are called on a separate event thread, so a
 * slow database never delays a tick.
 *
 * <p>Motion never starts on an empty bed: a start is refused while the presence mat reports nobody
 * (DOMAIN.md §5 "Moving parts and remote control").
 */
public final class BedService implements AutoCloseable {
    /** Checkpoints every 2 s of wall time: issue 11 asks for at least every 5 s; 2 s leaves room for a slow write (choice). */
    public static final double CHECKPOINT_S = 2.0;
    static final long CHECKPOINT_NANOS = (long) (CHECKPOINT_S * 1e9);
    /** At rest the sensors are read once a second (issue 11: one frame a second at rest). */
    static final long REST_READ_NANOS = 1_000_000_000L;
    /** How long a caller waits for the bed's thread to take up a request, s (choice: far above one period). */
    static final long CALL_TIMEOUT_S = 10;
    /** How long close() waits for a running session to reach the safe state, s (choice: a lift lowers 40 mm at 10 mm/s in 4 s). */
    static final long CLOSE_TIMEOUT_S = 30;
    /** The words a person reads when the bed is empty (the contract's bed-empty problem). */
    public static final String LIE_DOWN = "Lie down on the bed, then start again.";

    private final BedIo io;
    private final BedSpec spec;
    private final Pacing pacing;
    private final ServiceLocks locks;
    private final boolean simulated;
    private final Snapshot snapshot;
    private final TickLateness lateness = new TickLateness();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rollwell-bed-events");
        t.setDaemon(true);
        return t;
    });
    private final SessionWorkflow workflow;
    /** The bed as the workflow sees it: the same bed, clock and locks for every scan and session. */
    private final SessionWorkflow.Bed bed;
    private final SensorFrame restFrame;
    private final Thread thread;
    private final LoopScheduling.Policy scheduling;
    private final CountDownLatch scheduled = new CountDownLatch(1);
    private volatile LoopScheduling.Granted granted = LoopScheduling.Granted.NOT_YET;
    private volatile boolean closeRequested;
    private volatile boolean closed;
    private volatile Activity current;
    private long lastWallNanos;

    /**
     * @param io       the bed (a real driver, or the twin)
     * @param pacing   the clocks and the time scale
     * @param locks    the bed's service locks (kept in the store by the caller)
     */
    public BedService(BedIo io, Pacing pacing, ServiceLocks locks) {
        this(io, pacing, locks, LoopScheduling.Policy.NORMAL);
    }

    /**
     * @param io         the bed (a real driver, or the twin)
     * @param pacing     the clocks and the time scale
     * @param locks      the bed's service locks (kept in the store by the caller)
     * @param scheduling what the bed's thread asks the operating system for when it starts ({@link LoopScheduling})
     */
    public BedService(BedIo io, Pacing pacing, ServiceLocks locks, LoopScheduling.Policy scheduling) {
        this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
        this.io = Objects.requireNonNull(io, "io");
        this.spec = io.spec();
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.simulated = pacing.simulated() != null;
        this.snapshot = new Snapshot(spec.heaterZones());
        this.restFrame = new SensorFrame(spec.heaterZones());
        this.workflow = new SessionWorkflow(spec);
        this.bed = new SessionWorkflow.Bed(io, pacing.loopTicker(), locks);
        this.thread = new Thread(this::drive, "rollwell-bed");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts the bed's thread; returns this. */
    public BedService start() {
        lastWallNanos = pacing.wall().nanos();
        thread.start();
        return this;
    }

    /**
     * Starts {@code plan} for {@code owner}.
     *
     * @throws BedRefusal BUSY while another session or scan uses the bed (naming its profile), FAULTED while a
     *                    fault stands, EMPTY when nobody lies on the bed, LOCKED when the lift is locked, PLAN
     *                    when the plan is blocked or does not fit this bed
     */
    public SessionHandle startSession(SessionPlan plan, Owner owner, SessionListener listener) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(owner, "owner");
        return call(() -> {
            requireFree();
            if (plan.status() != SessionPlan.Status.OK) {
                throw new BedRefusal(BedRefusal.Why.PLAN, "a blocked plan cannot run: " + plan.reasons());
            }
            requirePresence();
            SessionStep step;
            try {
                step = workflow.session(bed, plan, null);
            } catch (IllegalStateException e) {
                throw new BedRefusal(BedRefusal.Why.LOCKED, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new BedRefusal(BedRefusal.Why.PLAN, e.getMessage());
            }
            SessionHandle handle = new SessionHandle(owner, step.loop(), step.runner(), listener, this);
            current = handle;
            return handle;
        });
    }

    /** Starts a spine scan for {@code owner} under the bed's own envelope; refused as {@link #startSession} is. */
    public ScanJob startScan(Owner owner) {
        Objects.requireNonNull(owner, "owner");
        return call(() -> {
            requireFree();
            requirePresence();
            // under the bed's own envelope: the server's scan comes before any plan (choice)
            ScanStep step = workflow.scan(bed, null);
            ScanJob job = new ScanJob(owner, step.loop(), step.routine());
            current = job;
            return job;
        });
    }

    /** The session on the bed (running, or ended with a fault not yet acknowledged), if any. */
    public java.util.Optional<SessionHandle> session() {
        return current instanceof SessionHandle h ? java.util.Optional.of(h) : java.util.Optional.empty();
    }

    /**
     * Acknowledges the fault that ended {@code accountId}'s session or scan: the bed is free again (a lock the
     * trip set stays until a service reset, DOMAIN.md §5 "Latches").
     *
     * @throws BedRefusal NOTHING_RUNNING when that account has no fault standing
     */
    public void acknowledge(String accountId) {
        call(() -> {
            Activity a = current;
            if (a == null || !a.owner.accountId().equals(accountId) || !a.faulted()) {
                throw new BedRefusal(BedRefusal.Why.NOTHING_RUNNING, "no fault of this account stands on the bed");
            }
            a.loop.supervisor().acknowledge();
            a.acknowledged = true;
            if (a.ended) {
                current = null;
            }
            return null;
        });
    }

    /** The bed now. */
    public BedStatus status() {
        Activity a = current;
        List<BedStatus.LockView> views = new ArrayList<>();
        for (Lock lock : locks.state().locks()) {
            views.add(new BedStatus.LockView(lock.what(), lock.cause().name() + ": " + lock.detail()));
        }
        String state = a == null ? "IDLE" : snapshot.frame().state();
        return new BedStatus(state, snapshot.presence(), a == null ? null : a.owner, views, simulated);
    }

    /** The latest live frame (built now from the bed's last snapshot). */
    public LiveFrame frame() {
        return snapshot.frame();
    }

    /**
     * The schedule the operating system granted the bed's thread; waits (at most 2 s) for the thread to have
     * asked, as it does first thing when it starts.
     */
    public LoopScheduling.Granted scheduling() {
        try {
            scheduled.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return granted;
    }

    /** How late the real periods started: for the bench. */
    public TickLateness lateness() {
        return lateness;
    }

    public BedSpec spec() {
        return spec;
    }

    /**
     * Runs {@code work} on the bed's thread between two ticks and returns its answer (the simulator's
     * controls put a body on the twin or inject a fault this way).
     */
    public <T> T onBedThread(Callable<T> work) {
        return call(work);
    }

    /** Runs a listener call on the event thread. */
    void event(Runnable r) {
        events.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                System.err.println("rollwell: a session listener failed: " + e);
            }
        });
    }

    /**
     * Stops a running session through its cool-down until the safe state (heaters off, lift lowered; the
     * board's dead-man stops the carriage when the loop falls silent), hands its record to its listener,
     * stops the bed's thread and waits for the listener calls to finish.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeRequested = true;
        LockSupport.unpark(thread);
        try {
            if (thread.isAlive()) {
                thread.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_S));
            }
            events.shutdown();
            events.awaitTermination(CALL_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Refuses now, before any planning, while the bed is busy or a fault stands (the start itself checks
     * again on the bed's thread, where the answer is final).
     *
     * @throws BedRefusal BUSY naming the profile using the bed, or FAULTED
     */
    public void requireFree() {
        Activity a = current;
        if (a == null) {
            return;
        }
        if (a.ended && a.faulted()) {
            throw new BedRefusal(BedRefusal.Why.FAULTED, "a fault stands on the bed since " + a.owner.profileName()
                    + "'s last run: acknowledge it first");
        }
        throw new BedRefusal(BedRefusal.Why.BUSY, "the bed is in use by " + a.owner.profileName());
    }

    private void requirePresence() {
        readAtRest();
        if (!restFrame.presence) {
            throw new BedRefusal(BedRefusal.Why.EMPTY, "the presence mat reports nobody on the bed. " + LIE_DOWN);
        }
    }

    private <T> T call(Callable<T> work) {
        if (Thread.currentThread() == thread) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (closeRequested || !thread.isAlive()) {
            throw new BedRefusal(BedRefusal.Why.NOTHING_RUNNING, "the bed is shutting down or not started");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        commands.add(() -> {
            try {
                answer.complete(work.call());
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        LockSupport.unpark(thread);
        try {
            return answer.get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the bed did not take up the request within " + CALL_TIMEOUT_S + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bed");
        }
    }

    /** The bed's thread: a period-paced loop while something runs, a 1 Hz read at rest. */
    private void drive() {
        try {
            granted = LoopScheduling.applyToCurrentThread(scheduling);
        } finally {
            scheduled.countDown();
        }
        RealTimeRunner driver = new RealTimeRunner(pacing.wall(), spec.periodNanos(), lateness);
        long lastRest = Long.MIN_VALUE;
        boolean stopAsked = false;
        Activity paced = null;
        while (true) {
            Runnable command;
            boolean ranCommand = false;
            while ((command = commands.poll()) != null) {
                command.run();
                ranCommand = true;
            }
            Activity a = current;
            if (ranCommand) {
                // a request may have changed the bed (the twin's person lay down): the next rest frame shows it at once
                lastRest = Long.MIN_VALUE;
            }
            if (a == null) {
                if (closeRequested) {
                    break;
                }
                long now = pacing.wall().nanos();
                if (lastRest == Long.MIN_VALUE || now - lastRest >= REST_READ_NANOS) {
                    readAtRest();
                    snapshot.update(restFrame, "IDLE", false, -1, null, -1, null, null, null);
                    lastRest = now;
                }
                LockSupport.parkNanos(this, Math.max(1, REST_READ_NANOS - (pacing.wall().nanos() - lastRest)));
                driver.restart();
                continue;
            }
            if (a != paced) {
                // a new session's or scan's first period starts when its loop exists: the time its command took to
                // build it (a plan, the loop, on a cold JVM their classes) is no lateness of a period
                paced = a;
                driver.restart();
            }
            if (closeRequested && !stopAsked) {
                stopAsked = true;
                a.stop("the companion is shutting down");
            }
            driver.period(a.loop, pacing.simulated(), pacing.timeScale());
            lastWallNanos = pacing.wall().nanos();
            String state = a.faulted() ? "FAULTED" : a.state();
            snapshot.update(a.loop.sensors(), state, !a.finished(), a.segment(), a.technique(), a.secondsLeft(),
                    a.loop.supervisor().fault(), a.map(), a.owner.accountId());
            a.afterPeriod(lastWallNanos);
            if (!a.ended && (a.finished() || (closeRequested && safeNow(a.loop)))) {
                a.ended = true;
                a.onEnded();
            }
            if (a.releasesBed() || (closeRequested && a.ended)) {
                current = null;
                lastRest = Long.MIN_VALUE;
            }
        }
    }

    /** Heaters off and the lift lowered: what a shutdown waits for before the loop falls silent. */
    private static boolean safeNow(ControlLoop loop) {
        if (loop.commands().heaterMains || !loop.status().liftLowered) {
            return false;
        }
        for (double duty : loop.commands().heaterDuty) {
            if (duty > 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads the sensors at rest, first letting the twin's time catch up with the wall (× the time scale). */
    private void readAtRest() {
        long now = pacing.wall().nanos();
        if (pacing.simulated() != null) {
            pacing.simulated().advance(Math.max(0, now - lastWallNanos) * pacing.timeScale());
        }
        lastWallNanos = now;
        io.read(restFrame);
        restFrame.timeNanos = pacing.loopTicker().nanos();
    }
}
