package org.rollwell.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.rollwell.reports.Fixtures;
import org.rollwell.reports.SimulatedPerson;
import org.rollwell.reports.data.ReportData;

class ClinicianReportTest {

    static byte[] pdf(ReportData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClinicianReport.write(data, out);
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // lines joined: a sentence may wrap anywhere
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void the_report_of_a_responder_holds_every_section_in_order_with_its_figures() throws IOException {
        ReportData data = Fixtures.responder(SimulatedPerson.SCORING_SEEDS[0]);
        String text = text(pdf(data));
        int at = -1;
        for (String section : ClinicianReport.SECTIONS) {
            int next = text.indexOf(section, at + 1);
            assertThat(next).as("section %s after position %d", section, at).isGreaterThan(at);
            at = next;
        }
        var p = data.progress();
        assertThat(text).contains("Rollwell report for a clinician")
                .contains("Figure 1. Daily pain (NRS)")
                .contains("Figure 2. Weekly PEG")
                .contains(String.format(java.util.Locale.ROOT, "%.1f", p.baseline().nrs().getAsDouble()))
                .contains(String.format(java.util.Locale.ROOT, "%.1f", p.latest().peg().getAsDouble()))
                .contains("Is it helping? LIKELY_BETTER")
                .contains("Likely better: the mean daily pain")
                .contains("Minimal important change (Ostelo et al. 2008, NRS improvement of 2 points or 30 %): reached")
                .contains("IMMPACT band of the PEG change (Dworkin et al. 2008): " + p.immpact().get().name())
                .contains("60 sessions delivered from 2026-09-01 to 2026-11-21, 2380 min of massage (2400 min planned);"
                        + " 1 ended by a safety stop; 1 blocked before starting.")
                .contains("PRESENCE_LOST")
                .contains(ClinicianReport.NO_ADAPTATION)
                .contains("Screening result: sessions may go ahead")
                .contains("Not allowed PRESS on L4")
                .contains("SCIATICA")
                .contains("2 much improved")
                .doesNotContain("clinical review");
    }

    @Test
    void the_report_of_a_non_responder_says_so_and_suggests_a_clinical_review() throws IOException {
        String text = text(pdf(Fixtures.nonResponder(SimulatedPerson.SCORING_SEEDS[0])));
        assertThat(text).contains("Is it helping? UNCLEAR")
                .contains("6 weeks or more since the first session without a 30 % improvement of the PEG.")
                .contains("Suggested: a clinical review of the back pain, and exercise")
                .contains("Minimal important change (Ostelo et al. 2008, NRS improvement of 2 points or 30 %): not reached")
                .contains("4 no change");
    }

    @Test
    void both_charts_are_drawn_into_the_pain_section_as_images() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(Fixtures.responder(SimulatedPerson.TUNING_SEED)))) {
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images++;
                        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH_PT * 2);
                    }
                }
            }
            assertThat(images).isEqualTo(2);
            assertThat(doc.getNumberOfPages()).isBetween(2, 5);
        }
    }

    @Test
    void a_first_week_report_says_what_is_missing_instead_of_a_verdict() throws IOException {
        ReportData data = ReportData.assemble(Fixtures.anna(), SimulatedPerson.responderDiary(SimulatedPerson.TUNING_SEED),
                List.of(), SimulatedPerson.FIRST_SESSION.plusDays(3));
        String text = text(pdf(data));
        assertThat(text).contains("Is it helping? NOT_ENOUGH_DATA")
                .contains("Not enough data to compare yet: recent pain: only")
                .contains("No session records were given.")
                .contains("No PGIC answered yet");
    }

    @Test
    void the_same_data_gives_the_same_text() throws IOException {
        ReportData data = Fixtures.responder(SimulatedPerson.TUNING_SEED);
        assertThat(text(pdf(data))).isEqualTo(text(pdf(data)));
    }
}
