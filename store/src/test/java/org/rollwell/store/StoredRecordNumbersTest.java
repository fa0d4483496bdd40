package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A session record's figures that do not apply (a segment a fault cut off before it began has no force or
 * temperature error) are stored null and read back null; JSON has no NaN, so a record holding one is refused.
 */
class StoredRecordNumbersTest {
    /** A stopped session's record as the server writes it: the second segment was never reached. */
    static final String RECORD = "{\"outcome\":\"STOPPED\",\"segments\":["
            + "{\"index\":0,\"technique\":\"WARM\",\"plannedS\":180.0,\"deliveredS\":180.0,\"forceErrorPct\":2.5,"
            + "\"positionErrorMm\":0.4,\"tempErrorC\":0.3,\"tempMaxErrorC\":0.8,\"meanForceTargetN\":80.0,"
            + "\"plannedForceN\":80.0,\"meanForceN\":79.1},"
            + "{\"index\":1,\"technique\":\"KNEAD\",\"plannedS\":600.0,\"deliveredS\":0.0,\"forceErrorPct\":null,"
            + "\"positionErrorMm\":null,\"tempErrorC\":null,\"tempMaxErrorC\":null,\"meanForceTargetN\":null,"
            + "\"plannedForceN\":120.0,\"meanForceN\":null}],"
            + "\"events\":[{\"atNanos\":9000000000,\"kind\":\"STOP\",\"detail\":\"stopped by the person\"}]}";

    @Nested
    class OnSqlite extends Contract {
        @Override
        Database.Engine engine() {
            return Database.Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgresql extends Contract {
        @Override
        Database.Engine engine() {
            return Database.Engine.POSTGRESQL;
        }
    }

    abstract static class Contract extends OnEachEngine {
        String home;
        String anna;

        @BeforeEach
        void household() {
            home = db.accounts().create("home", Samples.BCRYPT, Account.Role.USER).id();
            anna = db.profiles().create(home, "Anna", Samples.profile("anna")).id();
        }

        private String running() {
            return db.sessions().start(home, anna, new NewSession(5, 780, "{\"segments\":[]}")).id();
        }

        @Test
        void a_record_with_figures_that_do_not_apply_reads_back_exactly_with_nulls() {
            String id = running();
            db.sessions().finish(home, id, SessionStatus.STOPPED, 180, 0.1, RECORD);

            String back = db.sessions().find(home, id).orElseThrow().recordJson().orElseThrow();
            assertThat(back).isEqualTo(RECORD).contains("\"forceErrorPct\":null").doesNotContain("NaN");
        }

        @Test
        void a_record_holding_nan_is_refused_naming_the_field_and_the_session_keeps_running() {
            String id = running();
            for (String bad : new String[] {RECORD.replace("\"forceErrorPct\":null", "\"forceErrorPct\":\"NaN\""),
                    RECORD.replace("\"tempErrorC\":null", "\"tempErrorC\":NaN"),
                    RECORD.replace("\"meanForceN\":null", "\"meanForceN\":-Infinity")}) {
                assertThatThrownBy(() -> db.sessions().finish(home, id, SessionStatus.STOPPED, 180, 0.1, bad))
                        .isInstanceOf(RefusedInputException.class)
                        .hasMessageContaining("recordJson").hasMessageContaining("null");
            }
            assertThat(db.sessions().find(home, id).orElseThrow().status()).isEqualTo(SessionStatus.RUNNING);
        }
    }
}
