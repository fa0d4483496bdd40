package org.rollwell.reports.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.rollwell.reports.data.ReportData;
import org.rollwell.therapy.outcomes.Change;
import org.rollwell.therapy.outcomes.Progress;
import org.rollwell.therapy.outcomes.Series;

/**
 * The report's two charts, drawn by JFreeChart: daily NRS and weekly PEG over time, with the
 * first session, the baseline and the thresholds marked (Ostelo's minimal important change on
 * the NRS; the IMMPACT bands on the PEG). Drawn at twice the size they are printed, so the
 * PDF's images stay sharp when printed.
 */
final class Charts {

    /** Printed size of a chart, in PDF points (choice: the text width, a third of the page). */
    static final int WIDTH_PT = 495;
    static final int HEIGHT_PT = 230;
    private static final int SCALE = 2;

    private static final Color NRS_COLOR = new Color(0x1f, 0x5f, 0xa8);
    private static final Color PEG_COLOR = new Color(0x8a, 0x3f, 0x96);
    private static final Color BASELINE_COLOR = new Color(0x55, 0x55, 0x55);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    private static final Color THRESHOLD_COLOR = new Color(0x1e, 0x8a, 0x3c);

    private Charts() {
    }

    /** Daily NRS with the first session, the baseline, Ostelo's minimal important change and the recent mean. */
    static BufferedImage nrs(ReportData data) {
        Progress p = data.progress();
        TimeSeries daily = series("daily NRS", data.series().dailyNrs());
        TimeSeriesCollection set = new TimeSeriesCollection(daily);
        XYPlot plot = plot(set, "NRS (0-10)", NRS_COLOR);
        firstSession(plot, data.series().firstSession());
        OptionalDouble baseline = p.baseline().nrs();
        if (baseline.isPresent()) {
            double b = baseline.getAsDouble();
            level(plot, b, String.format(Locale.ROOT, "baseline %.1f", b), BASELINE_COLOR, TextAnchor.BOTTOM_RIGHT);
            // Ostelo 2008: 30 % or 2 points; whichever is reached first is the line to pass.
            double mic = b - Math.min(Change.MIC_POINTS, b * Change.MIC_PCT / 100);
            level(plot, mic, String.format(Locale.ROOT, "MIC (30 %% or 2 points) %.1f", mic), THRESHOLD_COLOR,
                    TextAnchor.TOP_RIGHT);
        }
        if (p.latest().nrs().isPresent()) {
            TimeSeries recent = new TimeSeries("mean of the last 14 days");
            recent.add(day(p.recentFrom()), p.latest().nrs().getAsDouble());
            recent.addOrUpdate(day(p.asOf()), p.latest().nrs().getAsDouble());
            set.addSeries(recent);
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            r.setSeriesPaint(1, Color.BLACK);
            r.setSeriesStroke(1, new BasicStroke(3f));
            r.setSeriesShapesVisible(1, false);
        }
        return draw(new JFreeChart("Daily pain (NRS)", titleFont(), plot, true));
    }

    /** Weekly PEG with the first session, the baseline and the IMMPACT bands below it. */
    static BufferedImage peg(ReportData data) {
        Progress p = data.progress();
        TimeSeriesCollection set = new TimeSeriesCollection(series("weekly PEG", data.series().weeklyPeg()));
        XYPlot plot = plot(set, "PEG (0-10)", PEG_COLOR);
        ((XYLineAndShapeRenderer) plot.getRenderer()).setSeriesShapesVisible(0, true);
        firstSession(plot, data.series().firstSession());
        OptionalDouble baseline = p.baseline().peg();
        if (baseline.isPresent() && baseline.getAsDouble() > 0) {
            double b = baseline.getAsDouble();
            // IMMPACT (Dworkin et al. 2008) bands of the PEG change: 10 % minimal, 30 % moderate, 50 % substantial.
            band(plot, b * 0.7, b * 0.9, "minimal (10-30 %)", new Color(0xf6, 0xee, 0xc8));
            band(plot, b * 0.5, b * 0.7, "moderate (30-50 %)", new Color(0xdc, 0xef, 0xd4));
            band(plot, 0, b * 0.5, "substantial (>= 50 %)", new Color(0xc4, 0xe6, 0xcf));
            level(plot, b, String.format(Locale.ROOT, "baseline %.1f", b), BASELINE_COLOR, TextAnchor.BOTTOM_RIGHT);
        }
        return draw(new JFreeChart("Weekly PEG (pain, enjoyment, activity)", titleFont(), plot, true));
    }

    private static TimeSeries series(String name, List<Series.Point> points) {
        TimeSeries s = new TimeSeries(name);
        for (Series.Point point : points) {
            s.addOrUpdate(day(point.date()), point.value());
        }
        return s;
    }

    private static XYPlot plot(TimeSeriesCollection set, String rangeLabel, Color color) {
        DateAxis time = new DateAxis();
        SimpleDateFormat format = new SimpleDateFormat("d MMM", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(format);
        NumberAxis range = new NumberAxis(rangeLabel);
        range.setRange(0, 10);
        range.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        XYPlot plot = new XYPlot(set, time, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        return plot;
    }

    private static void firstSession(XYPlot plot, LocalDate first) {
        ValueMarker m = new ValueMarker(day(first).getFirstMillisecond());
        m.setPaint(Color.DARK_GRAY);
        m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
        m.setLabel("first session");
        m.setLabelFont(labelFont());
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelBackgroundColor(TRANSPARENT);
        plot.addDomainMarker(m);
    }

    private static void level(XYPlot plot, double value, String label, Color color, TextAnchor text) {
        ValueMarker m = new ValueMarker(value);
        m.setPaint(color);
        m.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 3}, 0));
        m.setLabel(label);
        m.setLabelFont(labelFont());
        m.setLabelPaint(color);
        m.setLabelAnchor(RectangleAnchor.RIGHT);
        m.setLabelTextAnchor(text);
        m.setLabelBackgroundColor(TRANSPARENT);
        plot.addRangeMarker(m, Layer.FOREGROUND);
    }

    private static void band(XYPlot plot, double from, double to, String label, Color color) {
        Marker m = new IntervalMarker(from, to);
        m.setPaint(color);
        m.setLabel(label);
        m.setLabelFont(labelFont());
        m.setLabelAnchor(RectangleAnchor.LEFT);
        m.setLabelTextAnchor(TextAnchor.CENTER_LEFT);
        m.setLabelBackgroundColor(TRANSPARENT);
        plot.addRangeMarker(m, Layer.BACKGROUND);
    }

    private static Day day(LocalDate date) {
        return new Day(java.util.Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()), TimeZone.getTimeZone("UTC"),
                Locale.ROOT);
    }

    private static Font titleFont() {
        return new Font(Font.SANS_SERIF, Font.BOLD, 13);
    }

    private static Font labelFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    }

    private static BufferedImage draw(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(labelFont());
        BufferedImage image = new BufferedImage(WIDTH_PT * SCALE, HEIGHT_PT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH_PT, HEIGHT_PT));
        } finally {
            g.dispose();
        }
        return image;
    }
}
