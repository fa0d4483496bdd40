package org.rollwell.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.bed.safety.Fault;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.Lock;
import org.rollwell.bed.safety.LockState;
import org.rollwell.bed.safety.LockStore;
import org.rollwell.bed.safety.LockStoreException;

/** The bed's locks in the database: the same meaning as the bed's lock file, and an audit of every service reset. */
class LocksTest {
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
        static final Instant TRIP = Instant.parse("2026-11-30T07:12:03.123456789Z");

        @Test
        void a_bed_that_never_tripped_has_no_locks() {
            assertThat(db.locks(Database.HOUSEHOLD_BED).load()).isEqualTo(LockState.empty());
        }

        @Test
        void locks_over_force_trips_and_resets_read_back_exactly_as_saved() {
            LockStore store = db.locks(Database.HOUSEHOLD_BED);
            LockState state = LockState.empty()
                    .after(new Fault(FaultCode.HEATER_STUCK_ON, 1L, 2, 61.5), TRIP)
                    .after(new Fault(FaultCode.OVER_FORCE, 2L, -1, 402.0), TRIP.plusSeconds(60))
                    .after(new Fault(FaultCode.OVER_FORCE, 3L, -1, 410.0), TRIP.plusSeconds(3600));
            assertThat(state.lift()).isNotNull();
            store.save(state);
            assertThat(store.load()).isEqualTo(state);

            LockState reset = state.reset(Lock.Target.ZONE_HEAT, 2, "R. Service", "replaced the zone 2 relay",
                    TRIP.plusSeconds(7200));
            store.save(reset);

            LockState read = db.locks(Database.HOUSEHOLD_BED).load();
            assertThat(read).isEqualTo(reset);
            assertThat(read.zone(2)).isNull();
            assertThat(read.history()).singleElement().satisfies(r -> {
                assertThat(r.by()).isEqualTo("R. Service");
                assertThat(r.lock().cause()).isEqualTo(FaultCode.HEATER_STUCK_ON);
            });
        }

        @Test
        void the_reset_history_is_kept_for_good() {
            LockStore store = db.locks(Database.HOUSEHOLD_BED);
            LockState locked = LockState.empty().after(new Fault(FaultCode.HEATER_STUCK_ON, 1L, 0, 61.5), TRIP);
            LockState reset = locked.reset(Lock.Target.ZONE_HEAT, 0, "R. Service", "new relay", TRIP.plusSeconds(60));
            store.save(reset);

            assertThatThrownBy(() -> store.save(LockState.empty()))
                    .isInstanceOf(LockStoreException.class).hasMessageContaining("kept for good");
            assertThat(store.load()).isEqualTo(reset);
        }

        @Test
        void each_bed_keeps_its_own_locks() {
            LockState locked = LockState.empty().after(new Fault(FaultCode.LOAD_CELL_FAILURE, 1L, -1, -3.0), TRIP);
            db.locks("bed-2").save(locked);

            assertThat(db.locks("bed-2").load().lift()).isNotNull();
            assertThat(db.locks(Database.HOUSEHOLD_BED).load()).isEqualTo(LockState.empty());
        }
    }
}
