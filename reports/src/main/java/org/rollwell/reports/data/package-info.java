/**
 * What a clinician's report and the exports are made of: {@link org.rollwell.reports.data.ReportData}
 * assembled from a profile, a pain diary and session records, with the screening, the person's
 * limits and the progress of {@code therapy.outcomes}. Pure: values in, values out.
 */
package org.rollwell.reports.data;
