package org.rollwell.bed.wallcheck;

import org.rollwell.reports.data.ReportData;

/** Deliberately breaks the reports wall, so ModuleWallsTest can show its rule would catch it. */
public final class ReachesIntoReports {
    public boolean hasReport(ReportData data) {
        return data != null;
    }
}
