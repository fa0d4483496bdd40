package org.rollwell.app.cli;

import java.io.ByteArrayOutputStream;
import org.rollwell.reports.csv.CsvExport;
import org.rollwell.reports.data.ReportData;
import org.rollwell.reports.fhir.FhirExport;
import org.rollwell.reports.pdf.ClinicianReport;
import org.rollwell.server.ReportRenderer;

/**
 * The server's report port rendered with the reports module: the same PDF, CSV ZIP and FHIR bundle as
 * {@code rollwell report} and {@code export --profile ID --account LOGIN}, from the data the server
 * read inside the signed-in account (the app wires the fronts together; the server never sees reports).
 */
final class ServedReports implements ReportRenderer {

    @Override
    public byte[] render(Kind kind, Request r) {
        ReportData data = ReportData.assemble(r.profile(), StoreInputs.diary(r.diary(), r.firstSessionDay()),
                StoreInputs.records(r.sessions()), StoreInputs.history(r.sessions(), r.diary(), r.zone()), r.asOf());
        if (kind == Kind.FHIR_JSON) {
            return FhirExport.json(data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (kind == Kind.PDF) {
            ClinicianReport.write(data, out);
        } else {
            CsvExport.write(data, out);
        }
        return out.toByteArray();
    }
}
