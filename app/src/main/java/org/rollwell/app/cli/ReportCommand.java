package org.rollwell.app.cli;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rollwell.reports.data.ReportData;
import org.rollwell.reports.pdf.ClinicianReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollwell report}: a PDF for a clinician from a profile, a pain diary and session records. */
@Command(name = "report",
        header = "Write a PDF report for a clinician from a diary and sessions.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Writes a PDF a person can hand their clinician (docs/reports.md): profile summary, screening result"
                        + " and restrictions, sessions delivered (count, minutes, techniques, dose, safety events), charts"
                        + " of daily pain (NRS) and the weekly PEG with baseline and thresholds, PGIC, the adaptation log"
                        + " and whether the sessions are helping.",
                "Exit 0 with the report written, 2 for a bad file or option (each problem on its own line)."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReportInputs inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
    Path out;

    @Override
    public Integer call() {
        ReportData data = inputs.read("report");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ClinicianReport.write(data, pdf);
        ReportInputs.write("report", out, pdf.toByteArray());
        spec.commandLine().getOut().println("Wrote " + out + ": report as of " + data.asOf() + ", "
                + data.sessions().delivered() + " sessions, verdict " + data.progress().verdict() + ".");
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
