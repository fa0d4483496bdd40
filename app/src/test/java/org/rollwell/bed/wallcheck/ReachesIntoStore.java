package org.rollwell.bed.wallcheck;

import org.rollwell.store.Database;

/** Deliberately breaks the store wall, so ModuleWallsTest can show its rule would catch it. */
public final class ReachesIntoStore {
    public String householdBed() {
        return Database.sqliteUrl(java.nio.file.Path.of("/tmp"));
    }
}
