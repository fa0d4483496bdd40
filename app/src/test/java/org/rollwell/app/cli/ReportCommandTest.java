package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.reports.pdf.ClinicianReport;

/**
 * {@code rollwell report} and {@code rollwell export} end to end: sessions the twin really ran
 * (a clean 40-minute session on 59 days of the 12-week course, and one where the person got up
 * and the bed stopped), Anna's profile and the sample diaries of examples/diaries. The sample
 * report's pages are drawn to PNG in target/report-pages/ for a person to look at.
 */
class ReportCommandTest {

    private static final Path ANNA = Path.of("..", "examples", "profiles", "anna.json");
    private static final Path IMPROVING = Path.of("..", "examples", "diaries", "improving.json");
    private static final Path NOT_IMPROVING = Path.of("..", "examples", "diaries", "not-improving.json");
    private static final String AS_OF = "2026-11-23";
    private static final LocalDate FIRST_SESSION = LocalDate.of(2026, 9, 1);
    private static final LocalDate STOPPED_DAY = FIRST_SESSION.plusDays(17);

    @TempDir
    static Path dir;
    private static Path records;

    @BeforeAll
    static void runTheCourseOnTheTwin() throws IOException {
        Cli clean = Cli.run("simulate", "--scenario", "../examples/scenarios/clean-40min.json", "--json", "-q");
        assertThat(clean.exit()).as(clean.err()).isZero();
        Cli stopped = Cli.run("simulate", "--scenario", "../examples/scenarios/presence-lost.json", "--json", "-q");
        assertThat(stopped.exit()).isEqualTo(Main.EXIT_BLOCKED);
        records = Files.createDirectory(dir.resolve("records"));
        // the studied course: 5 days a week for 12 weeks (Kim et al. 2023 ran 4)
        for (int day = 0; day < 84; day++) {
            LocalDate date = FIRST_SESSION.plusDays(day);
            if (day % 7 < 5) {
                Files.writeString(records.resolve(date + ".json"), date.equals(STOPPED_DAY) ? stopped.out() : clean.out());
            }
        }
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void the_sample_report_holds_every_section_and_is_drawn_to_png_pages() throws IOException, URISyntaxException {
        Path pdf = dir.resolve("report.pdf");
        Path history = CourseHistory.write(ANNA, IMPROVING, dir.resolve("improving-history.json"));
        Cli run = Cli.run("report", "--profile", ANNA.toString(), "--diary", IMPROVING.toString(), "--records",
                records.toString(), "--history", history.toString(), "--date", AS_OF, "--out", pdf.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("60 sessions, verdict LIKELY_BETTER");
        String text = pdfText(pdf);
        for (String section : ClinicianReport.SECTIONS) {
            assertThat(text).contains(section);
        }
        // the figures of 'rollwell progress' for this diary and day (docs/diary-format.md)
        assertThat(text).contains("Daily NRS (0-10) 6.9 3.2 -3.7 points (54.2 % better)")
                .contains("Weekly PEG (0-10) 7.0 2.7 -4.3 points (61.9 % better)")
                .contains("IMMPACT band of the PEG change (Dworkin et al. 2008): SUBSTANTIAL")
                .contains("Effect: baseline minus last 14 days 3.74 NRS points, 95 % Welch interval 2.91 to 4.56")
                .contains("Is it helping? LIKELY_BETTER")
                .contains("60 sessions delivered from 2026-09-01 to 2026-11-21")
                .contains(STOPPED_DAY + ": PRESENCE_LOST")
                // the diary's "too strong" on 2026-09-05 and "too hot" on 2026-09-11 (examples/diaries/improving.json)
                .contains("After the session of 2026-09-05: intensity 5 -> 4 (one step down: the pressure was \"too strong\"")
                .contains("After the session of 2026-09-11: rollers 50 -> 48 °C (2 °C cooler: the heat was \"too hot\"")
                .doesNotContain(ClinicianReport.NO_ADAPTATION)
                .contains("Figure 1.").contains("Figure 2.");

        Path pages = targetDir().resolve("report-pages");
        Files.createDirectories(pages);
        List<Path> written = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 100);
                Path png = pages.resolve("sample-report-page-" + (i + 1) + ".png");
                ImageIO.write(image, "png", png.toFile());
                written.add(png);
            }
        }
        assertThat(written).hasSizeBetween(2, 5).allSatisfy(p -> assertThat(Files.size(p)).isGreaterThan(10_000));
    }

    @Test
    void the_report_of_a_diary_that_is_not_improving_suggests_a_clinical_review() throws IOException {
        Path pdf = dir.resolve("not-improving.pdf");
        Cli run = Cli.run("report", "--profile", ANNA.toString(), "--diary", NOT_IMPROVING.toString(), "--date", AS_OF,
                "--out", pdf.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(pdfText(pdf)).contains("Is it helping? UNCLEAR").contains("Suggested: a clinical review")
                .contains("No session records were given.").contains(ClinicianReport.NO_ADAPTATION);
    }

    @Test
    void the_csv_export_is_a_zip_with_a_row_for_every_session_the_twin_ran() throws IOException {
        Path zip = dir.resolve("export.zip");
        Cli run = Cli.run("export", "--profile", ANNA.toString(), "--diary", IMPROVING.toString(), "--records",
                records.toString(), "--date", AS_OF, "--format", "csv", "--out", zip.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> names = new ArrayList<>();
        String sessions = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().equals("sessions.csv")) {
                    sessions = text;
                }
            }
        }
        assertThat(names).containsExactly("diary.csv", "sessions.csv", "peg-weekly.csv", "progress.csv", "screening.csv");
        assertThat(sessions.split("\r\n")).hasSize(60 + 1);
        assertThat(sessions).contains(STOPPED_DAY + ".json," + STOPPED_DAY + ",FAULTED,");
    }

    @Test
    void the_fhir_export_is_a_bundle_of_pain_observations() throws IOException {
        Path json = dir.resolve("export.json");
        Cli run = Cli.run("export", "--profile", ANNA.toString(), "--diary", IMPROVING.toString(), "--date", AS_OF,
                "--format", "fhir", "--out", json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode bundle = new ObjectMapper().readTree(json.toFile());
        assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asText()).isEqualTo("collection");
        assertThat(bundle.get("entry").get(1).get("resource").get("code").get("coding").get(0).get("code").asText())
                .isIn("72514-3", "91147-9");
    }

    @Test
    void a_bad_session_record_is_refused_with_its_file_path_and_reason() throws IOException {
        Path bad = Files.createDirectory(dir.resolve("bad-records"));
        Files.writeString(bad.resolve("2026-09-02.json"), "{\"status\":\"DONE\",\"segments\":[],\"faults\":[],\"peaks\":{\"forceN\":1}}");
        Cli run = Cli.run("report", "--profile", ANNA.toString(), "--diary", IMPROVING.toString(), "--records",
                bad.toString(), "--out", dir.resolve("x.pdf").toString()).refusedAsBadInput();
        assertThat(run.errLines()).containsExactly("rollwell report: 2026-09-02.json: $.status: must be one of COMPLETED|STOPPED|FAULTED|UNFINISHED|BLOCKED, was \"DONE\"");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void bad_options_and_files_are_refused_naming_the_field() {
        assertThat(Cli.run("export", "--profile", ANNA.toString(), "--diary", IMPROVING.toString(), "--format", "xml",
                "--out", "x").refusedAsBadInput().err()).contains("--format");
        assertThat(Cli.run("report", "--profile", ANNA.toString(), "--diary", "no-such-diary.json", "--out", "x.pdf")
                .refusedAsBadInput().err()).contains("cannot read diary no-such-diary.json: no such file");
        assertThat(Cli.run("report", "--profile", ANNA.toString(), "--diary", IMPROVING.toString(), "--date", "2026-02-30",
                "--out", "x.pdf").refusedAsBadInput().err()).contains("--date: no such date");
        assertThat(Cli.run("report", "--profile", ANNA.toString(), "--diary", IMPROVING.toString(), "--out",
                dir.resolve("no-such-folder").resolve("r.pdf").toString()).refusedAsBadInput().err())
                .contains("--out").contains("cannot write: no such folder");
    }

    /** The module's build folder (target/, or target-SUFFIX/ in side-by-side builds), from where the tests were compiled. */
    private static Path targetDir() throws URISyntaxException {
        return Path.of(ReportCommandTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
