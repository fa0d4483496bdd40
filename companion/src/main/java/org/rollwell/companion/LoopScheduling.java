package org.rollwell.companion;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.util.Locale;
import java.util.Objects;

/**
 * How the bed's control-loop thread asks the operating system to run it before the web server's threads.
 * A 100 Hz loop that waits for a CPU behind request threads starts its periods late (issue 11: lateness
 * p99 ≤ 1 ms under the bench's load); Java's own thread priorities do nothing on Linux without root, so the
 * loop's thread asks the kernel itself, on itself, once, at start:
 *
 * <ul>
 *   <li>{@link Policy#REAL_TIME}: {@code SCHED_FIFO} at {@link #FIFO_PRIORITY}: the loop runs as soon as it
 *       wakes, ahead of every ordinary thread. Needs root, {@code CAP_SYS_NICE} or an {@code RLIMIT_RTPRIO}
 *       (systemd's {@code LimitRTPRIO=}); the kernel's real-time throttling (95 % of each second by default,
 *       {@code /proc/sys/kernel/sched_rt_runtime_us}) still leaves the rest of the system a share.</li>
 *   <li>{@link Policy#SHORT_SLICE}: an ordinary thread with a {@link #SLICE_NANOS} time slice, which any
 *       user may ask for: Linux's EEVDF scheduler (6.12 and later) lets a waking thread with a shorter slice
 *       preempt the running one, so the loop waits for a CPU at most about that long.</li>
 *   <li>{@link Policy#NORMAL}: nothing asked; the kernel's defaults.</li>
 * </ul>
 *
 * {@link Policy#AUTO} tries them in that order and keeps the first the kernel grants. What was granted is
 * read back from the kernel, never assumed, and reported (the server's start line, {@code GET /api/bed}).
 * A refusal is not an error: the loop runs either way, its lateness is measured and shown, and the
 * supervisor's loop-gap trip and the board's dead-man stand behind it whatever the schedule.
 */
public final class LoopScheduling {
    /** What the loop's thread asks for. */
    public enum Policy {
        AUTO, REAL_TIME, SHORT_SLICE, NORMAL;

        /** The words {@link #parse} accepts. */
        public static final String CHOICES = "auto, real-time, short-slice or normal";

        /** Parses {@code auto}, {@code real-time}, {@code short-slice} or {@code normal} (the CLI's spelling). */
        public static Policy parse(String text) {
            String t = Objects.requireNonNull(text, "text").trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Policy p : values()) {
                if (p.name().equals(t)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("loop priority: must be " + CHOICES + ", was "
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text));
        }
    }

    /** What the kernel granted, and in words why (what it refused on the way, if anything). */
    public record Granted(Policy policy, String detail) {
        public Granted {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(detail, "detail");
            if (policy == Policy.AUTO) {
                throw new IllegalArgumentException("policy: a grant is never AUTO");
            }
        }

        /** Nothing asked yet (the thread has not started). */
        static final Granted NOT_YET = new Granted(Policy.NORMAL, "the loop's thread has not started");
    }

    /**
     * {@code SCHED_FIFO} priority (choice): above every ordinary thread, below the kernel's threaded interrupt
     * handlers (priority 50, Linux's default for {@code irq/} threads), so a device's interrupts still run.
     */
    static final int FIFO_PRIORITY = 20;
    /** The shortest slice Linux accepts for an ordinary thread (kernel/sched/syscalls.c, 6.12: 100 µs–100 ms). */
    static final long SLICE_NANOS = 100_000L;

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;
    /** {@code struct sched_attr} as first published (SCHED_ATTR_SIZE_VER0), bytes. */
    private static final int SCHED_ATTR_SIZE = 48;

    private LoopScheduling() {
    }

    /** Asks for {@code wanted} for the CALLING thread and returns what the kernel granted. Never throws for a refusal. */
    public static Granted applyToCurrentThread(Policy wanted) {
        Objects.requireNonNull(wanted, "wanted");
        if (wanted == Policy.NORMAL) {
            return new Granted(Policy.NORMAL, "the kernel's default schedule (asked for nothing)");
        }
        if (!Platform.isLinux()) {
            return new Granted(Policy.NORMAL, "the kernel's default schedule (priorities are asked for on Linux only)");
        }
        try {
            return ask(wanted, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        } catch (LinkageError | RuntimeException e) {
            // the bed's thread must run whatever the native side does (no JNA for this machine, a C library
            // without a call): it runs on the default schedule and says why
            return new Granted(Policy.NORMAL, "the kernel's default schedule (the C library could not be asked: "
                    + e.getMessage() + ")");
        }
    }

    private static Granted ask(Policy wanted, NativeLibrary c) {
        StringBuilder refused = new StringBuilder();
        if (wanted == Policy.AUTO || wanted == Policy.REAL_TIME) {
            int rc = c.getFunction("sched_setscheduler").invokeInt(new Object[] {0, SCHED_FIFO, new int[] {FIFO_PRIORITY}});
            if (rc == 0 && policyOf(c) == SCHED_FIFO) {
                return new Granted(Policy.REAL_TIME, "real-time (SCHED_FIFO, priority " + FIFO_PRIORITY + ")");
            }
            refused.append("real-time refused (").append(errno(rc)).append(")");
            if (wanted == Policy.REAL_TIME) {
                return new Granted(Policy.NORMAL, "the kernel's default schedule: " + refused);
            }
        }
        String slice = shortSlice(c);
        if (slice == null) {
            return new Granted(Policy.SHORT_SLICE, "a " + SLICE_NANOS / 1_000 + " µs time slice"
                    + (refused.length() == 0 ? "" : " (" + refused + ")"));
        }
        if (refused.length() > 0) {
            refused.append("; ");
        }
        return new Granted(Policy.NORMAL, "the kernel's default schedule: " + refused + slice);
    }

    /** Sets this thread's slice; null when granted, else why not. */
    private static String shortSlice(NativeLibrary c) {
        long[] calls = sysCalls();
        if (calls == null) {
            return "a short slice is not known on " + System.getProperty("os.arch");
        }
        Function syscall = c.getFunction("syscall");
        try (Memory attr = new Memory(SCHED_ATTR_SIZE)) {
            attr.clear();
            long rc = syscall.invokeLong(new Object[] {new NativeLong(calls[1]), 0, attr, SCHED_ATTR_SIZE, 0});
            if (rc != 0) {
                return "a short slice refused (sched_getattr: " + errno(rc) + ")";
            }
            // keep the thread's nice value and everything else; ask only for an ordinary thread with a short slice
            attr.setInt(0, SCHED_ATTR_SIZE);
            attr.setInt(4, SCHED_OTHER);
            attr.setLong(8, 0);
            attr.setLong(24, SLICE_NANOS);
            rc = syscall.invokeLong(new Object[] {new NativeLong(calls[0]), 0, attr, 0});
            if (rc != 0) {
                return "a short slice refused (sched_setattr: " + errno(rc) + ")";
            }
            attr.clear();
            rc = syscall.invokeLong(new Object[] {new NativeLong(calls[1]), 0, attr, SCHED_ATTR_SIZE, 0});
            // kernels before 6.12 accept the call but keep their own slice: only a read-back shows the grant
            if (rc != 0 || attr.getLong(24) != SLICE_NANOS) {
                return "a short slice is not offered by this kernel (Linux 6.12 or later has it)";
            }
            return null;
        }
    }

    /** {sched_setattr, sched_getattr} for this machine (the kernel's syscall tables), or null. */
    private static long[] sysCalls() {
        switch (System.getProperty("os.arch", "")) {
            case "amd64":
            case "x86_64":
                return new long[] {314, 315};
            case "aarch64":
            case "riscv64":
                return new long[] {274, 275};
            case "arm":
                return new long[] {380, 381};
            case "x86":
            case "i386":
                return new long[] {351, 352};
            default:
                return null;
        }
    }

    private static int policyOf(NativeLibrary c) {
        return c.getFunction("sched_getscheduler").invokeInt(new Object[] {0});
    }

    private static String errno(long rc) {
        int e = Native.getLastError();
        String name = switch (e) {
            case 1 -> "EPERM: not permitted to this user";
            case 22 -> "EINVAL";
            case 38 -> "ENOSYS";
            default -> "errno " + e;
        };
        return rc == 0 ? "not applied" : name;
    }
}
