package org.rollwell.reports.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rollwell.reports.data.ReportData;
import org.rollwell.reports.data.SessionRecord;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.TechniqueBan;
import org.rollwell.therapy.outcomes.Change;
import org.rollwell.therapy.outcomes.Progress;
import org.rollwell.therapy.plan.Reason;

/**
 * Everything of a report as a ZIP of CSV files (RFC 4180, UTF-8, a header row each):
 * {@code diary.csv} (every entry), {@code sessions.csv} (every session record),
 * {@code peg-weekly.csv} (each PEG with its change from baseline), {@code progress.csv} (the
 * progress summary, one measure a row) and {@code screening.csv} (blocks, notices and limits).
 * The same data gives the same bytes: entries are stamped with the report's day, not the clock.
 */
public final class CsvExport {

    /** The files in the ZIP, in order. */
    public static final List<String> FILES = List.of("diary.csv", "sessions.csv", "peg-weekly.csv", "progress.csv",
            "screening.csv");

    private CsvExport() {
    }

    /** Writes the ZIP of {@code data} to {@code out}. */
    public static void write(ReportData data, OutputStream out) {
        Map<String, String> files = files(data);
        long stamp = data.asOf().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                ZipEntry entry = new ZipEntry(f.getKey());
                entry.setTime(stamp);
                zip.putNextEntry(entry);
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each CSV file's name and text, in {@link #FILES} order. */
    public static Map<String, String> files(ReportData data) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(FILES.get(0), diary(data));
        files.put(FILES.get(1), sessions(data));
        files.put(FILES.get(2), pegWeekly(data));
        files.put(FILES.get(3), progress(data.progress()));
        files.put(FILES.get(4), screening(data));
        return files;
    }

    private static String diary(ReportData data) {
        Csv csv = new Csv().row("date", "kind", "nrs", "pain", "enjoyment", "activity", "pegScore", "pgic", "pressure", "heat");
        for (DiaryEntry e : data.diary().entries()) {
            if (e instanceof DiaryEntry.Nrs n) {
                csv.row(n.date(), n.kind(), n.nrs(), null, null, null, null, null, null, null);
            } else if (e instanceof DiaryEntry.Peg p) {
                csv.row(p.date(), p.kind(), null, p.pain(), p.enjoyment(), p.activity(), dec(p.score(), 2), null, null, null);
            } else if (e instanceof DiaryEntry.Pgic g) {
                csv.row(g.date(), g.kind(), null, null, null, null, null, g.pgic(), null, null);
            } else if (e instanceof DiaryEntry.Feedback f) {
                csv.row(f.date(), f.kind(), null, null, null, null, null, null, f.pressure(), f.heat());
            }
        }
        return csv.toString();
    }

    private static String sessions(ReportData data) {
        Csv csv = new Csv().row("source", "date", "status", "plannedMin", "deliveredMin", "techniques", "peakForceN",
                "peakRollerTempC", "peakCem43Min", "safetyEvents");
        for (SessionRecord r : data.sessions().records()) {
            List<String> techniques = new ArrayList<>();
            for (SessionRecord.Segment s : r.segments()) {
                if (!techniques.contains(s.technique())) {
                    techniques.add(s.technique());
                }
            }
            List<String> events = new ArrayList<>();
            for (SessionRecord.SafetyEvent e : r.events()) {
                events.add(e.code() + " at " + dec(e.atS(), 1) + " s");
            }
            csv.row(r.source(), r.date().map(Object::toString).orElse(""), r.status(), dec(r.plannedS() / 60, 1),
                    dec(r.deliveredS() / 60, 1), String.join(" ", techniques), dec(r.peakForceN(), 1),
                    opt(r.peakRollerTempC(), 2), opt(r.peakCem43Min(), 3), String.join("; ", events));
        }
        return csv.toString();
    }

    private static String pegWeekly(ReportData data) {
        Progress p = data.progress();
        Csv csv = new Csv().row("date", "weekSinceFirstSession", "pain", "enjoyment", "activity", "score",
                "changeFromBaselinePct");
        for (DiaryEntry.Peg peg : data.diary().pegs()) {
            long days = ChronoUnit.DAYS.between(p.firstSession(), peg.date());
            String week = days < 0 ? "baseline" : Long.toString(days / 7 + 1);
            String pct = "";
            if (p.baseline().peg().isPresent() && days >= 0) {
                OptionalDouble c = Change.percent(p.baseline().peg().getAsDouble(), peg.score());
                pct = c.isPresent() ? dec(c.getAsDouble(), 1) : "";
            }
            csv.row(peg.date(), week, peg.pain(), peg.enjoyment(), peg.activity(), dec(peg.score(), 2), pct);
        }
        return csv.toString();
    }

    private static String progress(Progress p) {
        Csv csv = new Csv().row("measure", "value");
        csv.row("asOf", p.asOf());
        csv.row("firstSessionDate", p.firstSession());
        csv.row("baselineNrs", opt(p.baseline().nrs(), 2));
        csv.row("baselineNrsDays", p.baselineDays());
        csv.row("baselinePeg", opt(p.baseline().peg(), 2));
        csv.row("latestNrs", opt(p.latest().nrs(), 2));
        csv.row("latestNrsFrom", p.recentFrom());
        csv.row("latestNrsDays", p.recentDays());
        csv.row("latestPeg", opt(p.latest().peg(), 2));
        csv.row("nrsChangePct", opt(p.nrsChangePct(), 1));
        csv.row("pegChangePct", opt(p.pegChangePct(), 1));
        csv.row("immpact", p.immpact().map(Enum::name).orElse(""));
        csv.row("micReached", p.micReached().map(Object::toString).orElse(""));
        csv.row("verdict", p.verdict());
        csv.row("effectMeanDiff", p.effect().map(e -> dec(e.meanDiff(), 2)).orElse(""));
        csv.row("effectCiLow", p.effect().map(e -> dec(e.ciLow(), 2)).orElse(""));
        csv.row("effectCiHigh", p.effect().map(e -> dec(e.ciHigh(), 2)).orElse(""));
        csv.row("reviewSuggested", p.reviewSuggested());
        for (String m : p.missing()) {
            csv.row("missing", m);
        }
        return csv.toString();
    }

    private static String screening(ReportData data) {
        Csv csv = new Csv().row("kind", "code", "value", "setBy", "text");
        for (Reason r : data.screening().blocks()) {
            csv.row("block", r.code(), "", "", r.message());
        }
        for (Reason r : data.screening().notices()) {
            csv.row("notice", r.code(), "", "", r.message());
        }
        SafetyEnvelope e = data.envelope();
        csv.row("limit", "maxForceN", dec(e.maxForceN().value(), 1), e.maxForceN().setBy(), "");
        csv.row("limit", "maxRollerTempC", e.heatAllowed() ? dec(e.maxRollerTempC().value(), 1) : "off",
                e.heatAllowed() ? e.maxRollerTempC().setBy() : e.heatSetBy(), "");
        csv.row("limit", "maxSkinTempC", dec(e.maxSkinTempC().value(), 1), e.maxSkinTempC().setBy(), "");
        csv.row("limit", "cem43CapMin", dec(e.cem43CapMin().value(), 2), e.cem43CapMin().setBy(), "");
        csv.row("limit", "maxIntensity", dec(e.maxIntensity().value(), 0), e.maxIntensity().setBy(), "");
        csv.row("limit", "maxStretchLiftMm", dec(e.maxStretchLiftMm().value(), 1), e.maxStretchLiftMm().setBy(), "");
        for (TechniqueBan ban : e.bans()) {
            csv.row("ban", ban.technique(), ban.from() + "-" + ban.to(), ban.setBy(), "");
        }
        for (var range : e.excluded()) {
            csv.row("excluded", "rangeMm", dec(range.fromMm(), 1) + "-" + dec(range.toMm(), 1), "", range.reason());
        }
        return csv.toString();
    }

    private static String dec(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private static String opt(OptionalDouble value, int places) {
        return value.isPresent() ? dec(value.getAsDouble(), places) : "";
    }
}
