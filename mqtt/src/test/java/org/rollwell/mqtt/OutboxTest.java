package org.rollwell.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records and events survive a crash of the bed's computer, whole, in order, each once. */
class OutboxTest {
    @TempDir
    Path dir;

    private static Message record(int n) {
        return new Message("rollwell/bed1/records", ("{\"session\":" + n + "}").getBytes(), 1, false);
    }

    @Test
    void messages_come_back_oldest_first_after_a_restart() {
        Outbox before = new Outbox(dir);
        for (int i = 1; i <= 5; i++) {
            before.append(record(i));
        }
        before.remove(before.oldest().orElseThrow().sequence());

        Outbox after = new Outbox(dir);
        assertThat(after.size()).isEqualTo(4);
        for (int i = 2; i <= 5; i++) {
            Outbox.Entry e = after.oldest().orElseThrow();
            assertThat(e.message().text()).isEqualTo("{\"session\":" + i + "}");
            assertThat(e.message().topic()).isEqualTo("rollwell/bed1/records");
            after.remove(e.sequence());
        }
        assertThat(after.oldest()).isEmpty();
        // new messages after a restart still sort after the old ones
        after.append(record(6));
        assertThat(new Outbox(dir).oldest().orElseThrow().message().text()).contains("6");
    }

    @Test
    void a_message_a_crash_cut_off_halfway_is_dropped_and_the_rest_kept() throws Exception {
        Outbox out = new Outbox(dir);
        out.append(record(1));
        Files.writeString(dir.resolve("00000000000000000002.msg.tmp"), "half");
        Outbox after = new Outbox(dir);
        assertThat(after.size()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("00000000000000000002.msg.tmp"))).isFalse();
    }

    @Test
    void a_folder_holding_something_else_is_refused_by_name() throws Exception {
        Files.writeString(dir.resolve("notes.msg"), "x");
        assertThatThrownBy(() -> new Outbox(dir)).hasMessageContaining(dir.toString()).hasMessageContaining("not an outbox message");
    }
}
