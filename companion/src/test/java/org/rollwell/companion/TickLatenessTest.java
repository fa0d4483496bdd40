package org.rollwell.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The loop's lateness histogram: the figures the bench reads, and a reader never holding up the bed's thread. */
class TickLatenessTest {

    @Test
    void quantiles_are_read_to_the_upper_edge_of_their_50_microsecond_bin() {
        TickLateness l = new TickLateness();
        assertThat(l.quantileNanos(0.99)).as("nothing measured yet").isZero();
        for (int i = 0; i < 98; i++) {
            l.record(20_000);
        }
        l.record(3_000_000);
        l.record(3_010_000);
        l.overrun();
        assertThat(l.count()).isEqualTo(100);
        assertThat(l.quantileNanos(0.50)).isEqualTo(50_000);
        assertThat(l.quantileNanos(0.98)).isEqualTo(50_000);
        assertThat(l.quantileNanos(0.99)).isEqualTo(3_050_000);
        assertThat(l.worstNanos()).isEqualTo(3_010_000);
        assertThat(l.overruns()).isEqualTo(1);
    }

    @Test
    void a_period_later_than_the_histogram_reaches_is_reported_at_its_true_lateness() {
        TickLateness l = new TickLateness();
        l.record(-5_000);
        l.record(45_000_000);
        assertThat(l.quantileNanos(0.5)).as("early counts as on time").isEqualTo(50_000);
        assertThat(l.quantileNanos(1.0)).isEqualTo(45_000_000);
    }

    @Test
    void a_quantile_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> new TickLateness().quantileNanos(1.5)).hasMessageContaining("q: must be 0–1");
    }

    @Test
    void readers_running_beside_the_writer_lose_no_period_and_see_consistent_figures() throws Exception {
        TickLateness l = new TickLateness();
        int periods = 400_000;
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            long last = 0;
            while (!done.get()) {
                long n = l.count();
                long p99 = l.quantileNanos(0.99);
                if (n < last) {
                    wrong.set("the count went back from " + last + " to " + n);
                }
                // every period is 10 or 60 µs late: a torn copy of the bins would show another edge
                if (n > 0 && p99 != 50_000 && p99 != 100_000) {
                    wrong.set("p99 " + p99 + " ns is no bin this writer filled");
                }
                last = n;
            }
        }, "tick-lateness-reader");
        reader.start();
        for (int i = 0; i < periods; i++) {
            l.record(i % 50 == 0 ? 60_000 : 10_000);
        }
        done.set(true);
        reader.join();
        assertThat(wrong.get()).isNull();
        assertThat(l.count()).isEqualTo(periods);
        assertThat(l.quantileNanos(0.97)).isEqualTo(50_000);
        assertThat(l.quantileNanos(0.99)).isEqualTo(100_000);
    }
}
