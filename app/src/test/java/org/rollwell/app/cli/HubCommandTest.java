package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code rollwell hub} refuses a database or broker it cannot use, naming the option, before it starts anything. */
class HubCommandTest {

    @Test
    void a_sqlite_database_is_refused_the_hub_needs_postgresql() {
        assertThat(Cli.run("hub", "--db", "jdbc:sqlite:/tmp/hub.db", "--mqtt", "mqtt://127.0.0.1:1883")
                .refusedAsBadInput().errLines())
                .containsExactly("rollwell hub: --db: the hub keeps its data in PostgreSQL, jdbc:postgresql://HOST:PORT/NAME;"
                        + " was 'jdbc:sqlite:/tmp/hub.db'");
    }

    @Test
    void a_broker_address_that_is_not_mqtt_is_refused() {
        assertThat(Cli.run("hub", "--db", "jdbc:postgresql://127.0.0.1:1/clinic", "--mqtt", "http://broker")
                .refusedAsBadInput().errLines())
                .containsExactly("rollwell hub: --mqtt: must start with mqtt:// or mqtts://, was 'http://broker'");
    }
}
