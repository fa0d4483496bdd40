package org.rollwell.bed.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LastingTest {
    private static final long MS = 1_000_000L;

    @Test
    void a_fifty_millisecond_window_at_100_hz_is_met_by_the_fifth_sample_in_a_row() {
        Lasting overForce = new Lasting(0.050, 10 * MS);
        for (int i = 0; i < 4; i++) {
            assertThat(overForce.update(true, i * 10 * MS)).as("sample %s", i + 1).isFalse();
        }
        assertThat(overForce.update(true, 40 * MS)).isTrue();
        assertThat(overForce.heldNanos(40 * MS)).isEqualTo(50 * MS);
    }

    @Test
    void one_false_sample_starts_the_window_again() {
        Lasting window = new Lasting(0.030, 10 * MS);
        window.update(true, 0);
        window.update(true, 10 * MS);
        assertThat(window.update(false, 20 * MS)).isFalse();
        assertThat(window.update(true, 30 * MS)).isFalse();
        assertThat(window.update(true, 40 * MS)).isFalse();
        assertThat(window.update(true, 50 * MS)).isTrue();
    }

    @Test
    void the_window_is_a_time_so_a_slower_loop_needs_fewer_samples() {
        Lasting at50Hz = new Lasting(0.050, 20 * MS);
        assertThat(at50Hz.update(true, 0)).isFalse();
        assertThat(at50Hz.update(true, 20 * MS)).isFalse();
        assertThat(at50Hz.update(true, 40 * MS)).as("3 samples of 20 ms cover 60 ms").isTrue();
    }

    @Test
    void restart_opens_a_new_window_while_the_condition_holds() {
        Lasting window = new Lasting(0.030, 10 * MS);
        window.update(true, 0);
        window.update(true, 10 * MS);
        assertThat(window.update(true, 20 * MS)).isTrue();
        window.restart(20 * MS);
        assertThat(window.update(true, 30 * MS)).isFalse();
    }

    @Test
    void a_negative_window_is_refused_naming_it() {
        assertThatThrownBy(() -> new Lasting(-1, 10 * MS)).hasMessageContaining("windowS");
    }
}
