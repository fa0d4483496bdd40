package org.rollwell.reports.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.rollwell.reports.Fixtures;
import org.rollwell.reports.SimulatedPerson;
import org.rollwell.reports.data.ReportData;
import org.rollwell.therapy.diary.DiaryEntry;

class CsvExportTest {

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static byte[] zip(ReportData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(data, out);
        return out.toByteArray();
    }

    @Test
    void the_zip_holds_one_csv_per_kind_with_a_row_for_every_diary_entry_and_session() throws IOException {
        ReportData data = Fixtures.responder(SimulatedPerson.SCORING_SEEDS[1]);
        Map<String, String> files = unzip(zip(data));
        assertThat(files.keySet()).containsExactlyElementsOf(CsvExport.FILES);
        String[] diary = files.get("diary.csv").split("\r\n");
        assertThat(diary[0]).isEqualTo("date,kind,nrs,pain,enjoyment,activity,pegScore,pgic,pressure,heat");
        assertThat(diary).hasSize(data.diary().entries().size() + 1);
        String[] sessions = files.get("sessions.csv").split("\r\n");
        assertThat(sessions).hasSize(61 + 1);
        assertThat(files.get("sessions.csv")).contains("2026-09-18.json,2026-09-18,FAULTED,40.0,20.0,WARM ROLL KNEAD,142.5,44.80,0.412,PRESENCE_LOST at 1200.0 s\r\n");
        String[] peg = files.get("peg-weekly.csv").split("\r\n");
        assertThat(peg).hasSize(data.diary().pegs().size() + 1);
        assertThat(peg[1]).startsWith("2026-08-18,baseline,");
        assertThat(files.get("progress.csv")).contains("verdict,LIKELY_BETTER\r\n").contains("micReached,true\r\n");
        assertThat(files.get("screening.csv")).contains("ban,PRESS,L4-S1,SCIATICA,\r\n");
    }

    @Test
    void a_peg_row_carries_its_items_score_and_change_from_baseline() throws IOException {
        ReportData data = Fixtures.responder(SimulatedPerson.TUNING_SEED);
        DiaryEntry.Peg last = data.diary().pegs().get(data.diary().pegs().size() - 1);
        double baseline = data.progress().baseline().peg().getAsDouble();
        String row = String.format(java.util.Locale.ROOT, "%s,12,%d,%d,%d,%.2f,%.1f", last.date(), last.pain(),
                last.enjoyment(), last.activity(), last.score(), (baseline - last.score()) / baseline * 100);
        assertThat(unzip(zip(data)).get("peg-weekly.csv")).endsWith(row + "\r\n");
    }

    @Test
    void fields_are_quoted_as_rfc_4180_says() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(new Csv().row("x", null, 3).toString()).isEqualTo("x,,3\r\n");
    }

    @Test
    void every_row_of_every_file_reads_back_with_as_many_fields_as_its_header() throws IOException {
        // Clara's notices and limits hold commas and quotes; an RFC 4180 reader must still see whole fields.
        String clara = java.nio.file.Files.readString(java.nio.file.Path.of("..", "examples", "profiles", "clara.json"))
                .replace("\"NO_DIAGNOSIS\": false", "\"NO_DIAGNOSIS\": true");
        var profile = ((org.rollwell.therapy.input.ParseResult.Parsed<org.rollwell.therapy.profile.Profile>)
                org.rollwell.therapy.profile.ProfileParser.parse(clara)).value();
        ReportData data = ReportData.assemble(profile, SimulatedPerson.nonResponderDiary(SimulatedPerson.TUNING_SEED),
                SimulatedPerson.sessions(), SimulatedPerson.AS_OF);
        Map<String, String> files = unzip(zip(data));
        assertThat(files.get("screening.csv")).contains("notice,NO_DIAGNOSIS,,,\"No clinician");
        for (Map.Entry<String, String> f : files.entrySet()) {
            java.util.List<java.util.List<String>> rows = read(f.getValue());
            for (java.util.List<String> row : rows) {
                assertThat(row).as("%s row %s", f.getKey(), row).hasSameSizeAs(rows.get(0));
            }
        }
    }

    /** An RFC 4180 reader: records end in CRLF, quoted fields may hold commas, quotes ("") and line breaks. */
    private static java.util.List<java.util.List<String>> read(String text) {
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        java.util.List<String> row = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(row).as("the last record ends in CRLF").isEmpty();
        return rows;
    }

    @Test
    void the_same_data_gives_the_same_bytes() {
        ReportData data = Fixtures.responder(SimulatedPerson.TUNING_SEED);
        assertThat(zip(data)).isEqualTo(zip(data));
    }
}
