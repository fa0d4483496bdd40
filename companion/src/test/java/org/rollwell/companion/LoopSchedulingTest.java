package org.rollwell.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the bed's thread says it was granted is what the kernel applied: each request runs on a throw-away
 * thread (never the test's own), which then reads its own schedule back from {@code /proc/thread-self/sched}.
 * Which policy a machine grants depends on the user (root, {@code CAP_SYS_NICE}) and the kernel (6.12 for a
 * short slice): the tests accept any grant but fail when the report and the kernel disagree.
 */
class LoopSchedulingTest {

    /** The kernel's view of a thread: its policy (0 ordinary, 1 FIFO), priority and slice. */
    record Seen(int policy, int prio, long sliceNanos) {
    }

    @Test
    void normal_asks_for_nothing_and_the_thread_keeps_the_kernels_default() throws Exception {
        Outcome o = onFreshThread(LoopScheduling.Policy.NORMAL);
        assertThat(o.granted().policy()).isEqualTo(LoopScheduling.Policy.NORMAL);
        assertThat(o.granted().detail()).contains("asked for nothing");
        if (o.seen() != null) {
            assertThat(o.seen().policy()).isZero();
            assertThat(o.seen().sliceNanos()).isNotEqualTo(LoopScheduling.SLICE_NANOS);
        }
    }

    @Test
    void auto_reports_exactly_what_the_kernel_applied() throws Exception {
        Outcome o = onFreshThread(LoopScheduling.Policy.AUTO);
        assumeTrue(o.seen() != null, "no /proc/thread-self/sched on this system: the grant cannot be read back");
        switch (o.granted().policy()) {
            case REAL_TIME -> {
                assertThat(o.seen().policy()).as("SCHED_FIFO").isEqualTo(1);
                // a real-time thread's kernel priority is 99 − its rt priority
                assertThat(o.seen().prio()).isEqualTo(99 - LoopScheduling.FIFO_PRIORITY);
            }
            case SHORT_SLICE -> {
                assertThat(o.seen().policy()).isZero();
                assertThat(o.seen().sliceNanos()).isEqualTo(LoopScheduling.SLICE_NANOS);
                assertThat(o.granted().detail()).contains("real-time refused");
            }
            case NORMAL -> {
                assertThat(o.seen().policy()).isZero();
                assertThat(o.granted().detail()).contains("refused").doesNotContain("asked for nothing");
            }
            default -> throw new AssertionError("a grant is never " + o.granted().policy());
        }
    }

    @Test
    void a_short_slice_when_granted_is_the_kernels_minimum_and_keeps_the_thread_ordinary() throws Exception {
        Outcome o = onFreshThread(LoopScheduling.Policy.SHORT_SLICE);
        assumeTrue(o.seen() != null, "no /proc/thread-self/sched on this system");
        assertThat(o.seen().policy()).as("never real-time when only a slice was asked").isZero();
        if (o.granted().policy() == LoopScheduling.Policy.SHORT_SLICE) {
            assertThat(o.seen().sliceNanos()).isEqualTo(LoopScheduling.SLICE_NANOS);
        } else {
            assertThat(o.granted().policy()).isEqualTo(LoopScheduling.Policy.NORMAL);
            assertThat(o.granted().detail()).containsAnyOf("slice is not offered", "slice refused", "not known");
        }
    }

    @Test
    void the_options_spelling_is_parsed_and_a_wrong_word_is_refused_naming_the_choices() {
        assertThat(LoopScheduling.Policy.parse("real-time")).isEqualTo(LoopScheduling.Policy.REAL_TIME);
        assertThat(LoopScheduling.Policy.parse(" Short-Slice ")).isEqualTo(LoopScheduling.Policy.SHORT_SLICE);
        assertThat(LoopScheduling.Policy.parse("auto")).isEqualTo(LoopScheduling.Policy.AUTO);
        assertThatThrownBy(() -> LoopScheduling.Policy.parse("fastest"))
                .hasMessageContaining("loop priority")
                .hasMessageContaining("auto, real-time, short-slice or normal")
                .hasMessageContaining("fastest");
    }

    @Test
    void a_grant_is_never_auto() {
        assertThatThrownBy(() -> new LoopScheduling.Granted(LoopScheduling.Policy.AUTO, "x"))
                .hasMessageContaining("never AUTO");
    }

    record Outcome(LoopScheduling.Granted granted, Seen seen) {
    }

    private static Outcome onFreshThread(LoopScheduling.Policy wanted) throws InterruptedException {
        AtomicReference<Outcome> out = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                LoopScheduling.Granted g = LoopScheduling.applyToCurrentThread(wanted);
                out.set(new Outcome(g, seenBySelf()));
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "loop-scheduling-test");
        t.start();
        t.join();
        if (failed.get() != null) {
            throw new AssertionError("asking for " + wanted + " threw", failed.get());
        }
        return out.get();
    }

    private static final Pattern FIELD = Pattern.compile("^(policy|prio|se\\.slice)\\s*:\\s*(\\d+)", Pattern.MULTILINE);

    private static Seen seenBySelf() throws IOException {
        Path sched = Path.of("/proc/thread-self/sched");
        if (!Files.isReadable(sched)) {
            return null;
        }
        String text = Files.readString(sched);
        int policy = -1;
        int prio = -1;
        long slice = -1;
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            switch (m.group(1)) {
                case "policy" -> policy = Integer.parseInt(m.group(2));
                case "prio" -> prio = Integer.parseInt(m.group(2));
                default -> slice = Long.parseLong(m.group(2));
            }
        }
        return policy < 0 ? null : new Seen(policy, prio, slice);
    }
}
