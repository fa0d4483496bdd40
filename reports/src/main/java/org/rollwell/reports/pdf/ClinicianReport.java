package org.rollwell.reports.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.rollwell.reports.data.Adaptation;
import org.rollwell.reports.data.ReportData;
import org.rollwell.reports.data.SessionSummary;
import org.rollwell.reports.data.Statements;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.TechniqueBan;
import org.rollwell.therapy.outcomes.Change;
import org.rollwell.therapy.outcomes.Progress;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.profile.PainEntry;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * The PDF a person hands their clinician: profile, screening and restrictions, sessions
 * delivered, NRS and PEG over time with baseline and thresholds, PGIC, the adaptation log and
 * the verdict with its plain-language statement. Text by PDFBox, charts by JFreeChart.
 * The same data always gives the same pages (no clock; the document's dates are the report's day).
 */
public final class ClinicianReport {

    /** Section headings, in order; the tests read them back from the PDF. */
    public static final List<String> SECTIONS = List.of("1. Profile", "2. Screening and restrictions",
            "3. Sessions delivered", "4. Pain over time", "5. Patient Global Impression of Change (PGIC)",
            "6. Adaptation log", "7. Verdict", "Sources");
    /** What the adaptation section says when the sessions called for no change of dose. */
    public static final String NO_ADAPTATION = "No adaptation: the sessions given to the report did not call for a"
            + " change of dose (or no session history was given).";

    private static final float[] TWO_COLUMNS = {0, 190};

    private ClinicianReport() {
    }

    /** Writes the report of {@code data} as a PDF to {@code out}. */
    public static void write(ReportData data, OutputStream out) {
        // Charts and images are drawn without a display: a server or the bed's computer has none.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Rollwell report for a clinician, " + data.asOf());
            info.setCreator("Rollwell");
            try (PageWriter page = new PageWriter(doc)) {
                header(data, page);
                profile(data, page);
                screening(data, page);
                sessions(data.sessions(), page);
                pain(data, page);
                pgic(data, page);
                adaptations(data.adaptations(), page);
                verdict(data.progress(), page);
                sources(page);
                page.footers("Rollwell report for a clinician, as of " + data.asOf());
            }
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(ReportData data, PageWriter page) {
        page.title("Rollwell report for a clinician");
        Progress p = data.progress();
        page.paragraph("As of " + data.asOf() + ". First session " + p.firstSession() + " (day "
                + (p.daysSinceFirstSession() + 1) + " counting it as day 1).");
        page.small("Made by Rollwell, a home thermal roller massage bed, from the person's own pain diary and the"
                + " bed's session records. It measures whether the massage helps this person; it is not a diagnosis.");
    }

    private static void profile(ReportData data, PageWriter page) {
        Profile pr = data.profile();
        page.heading(SECTIONS.get(0));
        int age = data.asOf().getYear() - pr.birthYear();
        page.row(TWO_COLUMNS, false, "Born", pr.birthYear() + " (about " + age + " years old)");
        page.row(TWO_COLUMNS, false, "Height, weight", whole(pr.heightCm()) + " cm, " + whole(pr.weightKg()) + " kg");
        page.row(TWO_COLUMNS, false, "Conditions", pr.conditions().isEmpty() ? "none stated"
                : String.join(", ", pr.conditions().stream().map(Enum::name).sorted().toList()));
        pr.painOnset().ifPresent(d -> page.row(TWO_COLUMNS, false, "Pain began", d.toString()));
        List<String> marks = new ArrayList<>();
        for (PainEntry e : pr.painMap()) {
            marks.add(e.level() + " " + e.side().name().toLowerCase(Locale.ROOT) + " " + e.nrs() + "/10");
        }
        page.row(TWO_COLUMNS, false, "Where it hurts", marks.isEmpty() ? "not marked" : String.join(", ", marks));
        page.row(TWO_COLUMNS, false, "Comfort limits", "intensity up to " + pr.preferences().intensity()
                + " of 10, rollers up to " + whole(pr.preferences().maxRollerTempC()) + " °C, heat "
                + (pr.preferences().heat() ? "on" : "off"));
        page.row(TWO_COLUMNS, false, "Spine map", pr.spineMap().isPresent() ? "measured by a scan"
                : "normative, from height");
    }

    private static void screening(ReportData data, PageWriter page) {
        page.heading(SECTIONS.get(1));
        if (data.screening().blocked()) {
            page.paragraph("Screening result: BLOCKED. No session may start until each reason below is resolved.");
            for (Reason r : data.screening().blocks()) {
                page.bullet(r.code() + ": " + r.message());
            }
        } else {
            page.paragraph("Screening result: sessions may go ahead, within the limits below.");
        }
        List<String> yes = new ArrayList<>();
        for (ScreeningId id : ScreeningId.values()) {
            if (data.profile().says(id)) {
                yes.add(id.name());
            }
        }
        page.paragraph("Answered yes: " + (yes.isEmpty() ? "none" : String.join(", ", yes)) + ".");
        for (Reason r : data.screening().notices()) {
            if (!"CHECK_IN_FROM_PROFILE".equals(r.code())) {
                page.bullet(r.code() + ": " + r.message());
            }
        }
        SafetyEnvelope e = data.envelope();
        page.subheading("Limits for this person (and the rule that set each)");
        float[] cols = {0, 190};
        page.row(cols, false, "Roller force", "<= " + whole(e.maxForceN().value()) + " N  (" + e.maxForceN().setBy() + ")");
        page.row(cols, false, "Roller surface", e.heatAllowed()
                ? String.format(Locale.ROOT, "<= %.1f °C  (%s)", e.maxRollerTempC().value(), e.maxRollerTempC().setBy())
                : "heat off  (" + e.heatSetBy() + ")");
        page.row(cols, false, "Skin estimate", String.format(Locale.ROOT, "<= %.1f °C  (%s)", e.maxSkinTempC().value(),
                e.maxSkinTempC().setBy()));
        page.row(cols, false, "Thermal dose", String.format(Locale.ROOT, "<= %.2f CEM43 min per 10 mm band  (%s)",
                e.cem43CapMin().value(), e.cem43CapMin().setBy()));
        page.row(cols, false, "Intensity", "<= " + whole(e.maxIntensity().value()) + " of 10  (" + e.maxIntensity().setBy() + ")");
        page.row(cols, false, "Stretch lift", "<= " + whole(e.maxStretchLiftMm().value()) + " mm  ("
                + e.maxStretchLiftMm().setBy() + ")");
        for (TechniqueBan ban : e.bans()) {
            String span = ban.from() == ban.to() ? ban.from().name() : ban.from() + "–" + ban.to();
            page.row(cols, false, "Not allowed", ban.technique() + " on " + span + "  (" + ban.setBy() + ")");
        }
        for (ExcludedRange range : e.excluded()) {
            page.row(cols, false, "Rollers keep off", range.reason());
        }
    }

    private static void sessions(SessionSummary s, PageWriter page) {
        page.heading(SECTIONS.get(2));
        if (s.records().isEmpty()) {
            page.paragraph("No session records were given.");
            return;
        }
        String period = s.first().isPresent() ? " from " + s.first().get() + " to " + s.last().get() : "";
        page.paragraph(s.delivered() + " sessions delivered" + period + ", " + minutes(s.deliveredMinutes())
                + " of massage (" + minutes(s.plannedMinutes()) + " planned); " + s.faulted()
                + " ended by a safety stop; " + s.blocked() + " blocked before starting.");
        if (!s.minutesByTechnique().isEmpty()) {
            float[] cols = {0, 190, 300};
            page.row(cols, true, "Technique", "Minutes", "Share");
            for (Map.Entry<String, Double> t : s.minutesByTechnique().entrySet()) {
                double share = s.deliveredMinutes() > 0 ? t.getValue() / s.deliveredMinutes() * 100 : 0;
                page.row(cols, false, t.getKey(), String.format(Locale.ROOT, t.getValue() < 10 ? "%.1f" : "%.0f", t.getValue()),
                        String.format(Locale.ROOT, "%.0f %%", share));
            }
            page.space(4);
        }
        page.subheading("Dose (highest in any session)");
        page.row(TWO_COLUMNS, false, "Roller force", peak(s.peakForceN(), "%.0f N"));
        page.row(TWO_COLUMNS, false, "Roller surface", peak(s.peakRollerTempC(), "%.1f °C"));
        page.row(TWO_COLUMNS, false, "Thermal dose", peak(s.peakCem43Min(), "%.3f CEM43 min in one 10 mm band"));
        page.subheading("Safety events");
        if (s.events().isEmpty()) {
            page.paragraph("No safety events: no session was stopped by the bed.");
        } else {
            for (SessionSummary.Event e : s.events()) {
                page.bullet(e.session().date().map(Object::toString).orElse(e.session().source()) + ": "
                        + e.event().code() + (e.event().kind().isEmpty() || e.event().kind().equals(e.event().code()) ? ""
                        : " (from " + e.event().kind() + ")") + " at "
                        + String.format(Locale.ROOT, "%.1f s", e.event().atS()) + "; the bed went to its safe state.");
            }
        }
    }

    private static void pain(ReportData data, PageWriter page) {
        Progress p = data.progress();
        page.heading(SECTIONS.get(3));
        float[] cols = {0, 150, 250, 350};
        page.row(cols, true, "", "Before sessions", "Latest", "Change");
        page.row(cols, false, "Daily NRS (0-10)", score(p.baseline().nrs()), score(p.latest().nrs()),
                change(p.baseline().nrs(), p.latest().nrs(), p.nrsChangePct()));
        page.row(cols, false, "Weekly PEG (0-10)", score(p.baseline().peg()), score(p.latest().peg()),
                change(p.baseline().peg(), p.latest().peg(), p.pegChangePct()));
        page.space(4);
        page.paragraph("Minimal important change (Ostelo et al. 2008, NRS improvement of 2 points or 30 %): "
                + p.micReached().map(r -> r ? "reached" : "not reached").orElse("not stated yet") + ".");
        page.paragraph("IMMPACT band of the PEG change (Dworkin et al. 2008): "
                + p.immpact().map(i -> i.name() + (p.pegWorsened() ? " (the PEG is worse)" : "")).orElse("not stated yet") + ".");
        page.image(Charts.nrs(data), Charts.WIDTH_PT);
        page.small("Figure 1. Daily pain (NRS) with the first session, the baseline (mean before the first session), the"
                + " minimal important change (Ostelo 2008: 30 % or 2 points below baseline) and the mean of the last 14 days.");
        page.space(8);
        page.image(Charts.peg(data), Charts.WIDTH_PT);
        page.small("Figure 2. Weekly PEG (Krebs et al. 2009: mean of pain, interference with enjoyment and with general"
                + " activity) with the baseline and the IMMPACT bands of improvement (10 %, 30 %, 50 % below baseline).");
    }

    private static void pgic(ReportData data, PageWriter page) {
        page.heading(SECTIONS.get(4));
        List<DiaryEntry.Pgic> answers = data.pgic();
        if (answers.isEmpty()) {
            page.paragraph("No PGIC answered yet (asked at 2, 4 and 6 weeks).");
            return;
        }
        float[] cols = {0, 110, 190};
        page.row(cols, true, "Date", "Weeks in", "Answer (1 very much improved ... 7 very much worse)");
        for (DiaryEntry.Pgic a : answers) {
            // whole weeks since the first session: the PGIC is asked after 2, 4 and 6 weeks
            long week = ChronoUnit.DAYS.between(data.progress().firstSession(), a.date()) / 7;
            page.row(cols, false, a.date().toString(), Long.toString(week), a.pgic() + " " + Statements.pgic(a.pgic()));
        }
    }

    private static void adaptations(List<Adaptation> log, PageWriter page) {
        page.heading(SECTIONS.get(5));
        if (log.isEmpty()) {
            page.paragraph(NO_ADAPTATION);
            return;
        }
        for (Adaptation a : log) {
            page.bullet("After the session of " + a.date() + ": " + a.change() + " (" + a.why() + ")");
        }
    }

    private static void verdict(Progress p, PageWriter page) {
        page.heading(SECTIONS.get(6));
        page.subheading("Is it helping? " + p.verdict());
        page.paragraph(Statements.verdict(p));
        p.effect().ifPresent(e -> page.paragraph(String.format(Locale.ROOT, "Effect: baseline minus last 14 days"
                + " %.2f NRS points, 95 %% Welch interval %.2f to %.2f (positive means less pain now; %d baseline days,"
                + " %d recent days).", e.meanDiff(), e.ciLow(), e.ciHigh(), p.baselineDays(), p.recentDays())));
        for (String line : Statements.advice(p)) {
            page.bullet(line);
        }
        page.small("The interval treats days as independent, which pain ratings are not quite, so it is a guide for one"
                + " person, not a trial. The evidence for massage in low-back pain is modest (Furlan et al. 2015).");
    }

    private static void sources(PageWriter page) {
        page.heading(SECTIONS.get(7));
        page.small("Dworkin RH et al. IMMPACT recommendations. J Pain 2008;9:105-121. Farrar JT et al. Pain"
                + " 2001;94:149-158. Furlan AD et al. Massage for low-back pain. Cochrane 2015;CD001929. Krebs EE et al."
                + " The PEG. J Gen Intern Med 2009;24:733-738. NICE NG59 (2016). Ostelo RWJG et al. Spine 2008;33:90-94."
                + " Welch BL. Biometrika 1947;34:28-35.");
    }

    private static String change(OptionalDouble baseline, OptionalDouble latest, OptionalDouble pct) {
        if (baseline.isEmpty() || latest.isEmpty()) {
            return "not stated";
        }
        double points = Change.points(baseline.getAsDouble(), latest.getAsDouble());
        String text = String.format(Locale.ROOT, "%+.1f points", -points);
        return pct.isPresent() ? text + String.format(Locale.ROOT, " (%.1f %% %s)", Math.abs(pct.getAsDouble()),
                pct.getAsDouble() >= 0 ? "better" : "worse") : text;
    }

    private static String score(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "n/a";
    }

    private static String peak(OptionalDouble value, String format) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "n/a";
    }

    private static String minutes(double minutes) {
        return String.format(Locale.ROOT, "%.0f min", minutes);
    }

    private static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
