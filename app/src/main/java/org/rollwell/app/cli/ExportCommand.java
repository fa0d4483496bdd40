package org.rollwell.app.cli;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rollwell.reports.csv.CsvExport;
import org.rollwell.reports.data.ReportData;
import org.rollwell.reports.fhir.FhirExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollwell export}: everything as a ZIP of CSV files, or the pain scores as a FHIR R4 bundle. */
@Command(name = "export",
        header = "Export diary, sessions and progress as CSV or FHIR R4.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "csv: a ZIP of CSV files (RFC 4180): diary entries, sessions, the weekly PEG, the progress summary and"
                        + " the screening with its limits. fhir: a FHIR R4 Bundle of Observations, each pain rating as"
                        + " LOINC 72514-3 and each PEG as LOINC 91147-9 with its three items (docs/reports.md).",
                "Exit 0 with the file written, 2 for a bad file or option (each problem on its own line)."})
final class ExportCommand implements Callable<Integer> {

    /** What to export. */
    enum Format { csv, fhir }

    @Spec
    CommandSpec spec;

    @Mixin
    ReportInputs inputs;

    @Option(names = "--format", required = true, paramLabel = "csv|fhir", description = "csv (a ZIP) or fhir (JSON).")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the ZIP or the JSON.")
    Path out;

    @Override
    public Integer call() {
        ReportData data = inputs.read("export");
        byte[] bytes;
        String what;
        if (format == Format.csv) {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            CsvExport.write(data, zip);
            bytes = zip.toByteArray();
            what = "ZIP of " + String.join(", ", CsvExport.FILES);
        } else {
            var bundle = FhirExport.bundle(data);
            bytes = FhirExport.json(bundle);
            // the first entry is the Patient, every other one an Observation
            what = "FHIR R4 Bundle of " + (bundle.getEntry().size() - 1) + " Observations";
        }
        ReportInputs.write("export", out, bytes);
        spec.commandLine().getOut().println("Wrote " + out + ": " + what + ", as of " + data.asOf() + ".");
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
