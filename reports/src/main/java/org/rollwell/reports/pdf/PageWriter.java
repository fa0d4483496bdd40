package org.rollwell.reports.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays text, tables and images down A4 pages from the top, starting a new page when the next
 * block does not fit. Text is set in the PDF's standard Helvetica (no font files to ship), so
 * characters outside its WinAnsi encoding are written in ASCII ({@code ≤} as {@code <=}).
 */
final class PageWriter implements AutoCloseable {

    static final float MARGIN_PT = 50;
    static final float BODY_PT = 10;
    private static final float LEADING = 1.35f;

    private final PDDocument doc;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Character, Boolean> encodable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    PageWriter(PDDocument doc) {
        this.doc = doc;
        newPage();
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN_PT;
    }

    void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN_PT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page unless {@code heightPt} still fits above the bottom margin. */
    void keep(float heightPt) {
        if (y - heightPt < MARGIN_PT + 20) {
            newPage();
        }
    }

    void title(String text) {
        line(text, bold, 16, 0);
        space(4);
    }

    void heading(String text) {
        keep(60);
        space(8);
        line(text, bold, 13, 0);
        space(2);
    }

    void subheading(String text) {
        keep(40);
        space(4);
        line(text, bold, BODY_PT + 0.5f, 0);
    }

    void paragraph(String text) {
        wrapped(text, regular, BODY_PT, 0);
    }

    void small(String text) {
        wrapped(text, regular, BODY_PT - 1.5f, 0);
    }

    void bullet(String text) {
        wrapped("- " + text, regular, BODY_PT, 10);
    }

    void space(float pt) {
        y -= pt;
    }

    /** A table row: one cell per column, each column starting at {@code columnsPt} from the left margin. */
    void row(float[] columnsPt, boolean header, String... cells) {
        keep(BODY_PT * LEADING);
        PDFont font = header ? bold : regular;
        y -= BODY_PT * LEADING;
        for (int i = 0; i < cells.length; i++) {
            float maxWidth = (i + 1 < columnsPt.length ? columnsPt[i + 1] : width()) - columnsPt[i] - 4;
            show(fit(ascii(cells[i]), font, BODY_PT, maxWidth), font, BODY_PT, MARGIN_PT + columnsPt[i], y);
        }
    }

    /** {@code image} drawn {@code widthPt} wide, keeping its proportions. */
    void image(BufferedImage image, float widthPt) {
        float heightPt = widthPt * image.getHeight() / image.getWidth();
        keep(heightPt + 4);
        try {
            PDImageXObject xo = LosslessFactory.createFromImage(doc, image);
            y -= heightPt;
            content.drawImage(xo, MARGIN_PT, y, widthPt, heightPt);
            y -= 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String text, PDFont font, float size, float indent) {
        keep(size * LEADING);
        y -= size * LEADING;
        show(ascii(text), font, size, MARGIN_PT + indent, y);
    }

    private void wrapped(String text, PDFont font, float size, float indent) {
        String clean = ascii(text);
        float max = width() - indent - (indent > 0 ? 8 : 0);
        StringBuilder current = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (String word : clean.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (current.length() > 0 && widthOf(candidate, font, size) > max) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        for (int i = 0; i < lines.size(); i++) {
            // continuation lines of a bullet hang under its text
            line(lines.get(i), font, size, i == 0 ? indent : indent + (indent > 0 ? 8 : 0));
        }
        y -= size * 0.25f;
    }

    private void show(String text, PDFont font, float size, float x, float atY) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fit(String text, PDFont font, float size, float maxWidth) {
        if (widthOf(text, font, size) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && widthOf(cut + "...", font, size) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    private float widthOf(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} in characters Helvetica's WinAnsi encoding holds: the few symbols it lacks in ASCII. */
    String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '≤' -> out.append("<=");
                case '≥' -> out.append(">=");
                case '−' -> out.append('-');
                case '→' -> out.append("->");
                case '≈' -> out.append('~');
                case '\n', '\t' -> out.append(' ');
                default -> out.append(encodable.computeIfAbsent(c, this::canEncode) ? c : '?');
            }
        }
        return out.toString();
    }

    private boolean canEncode(char c) {
        try {
            regular.encode(String.valueOf(c));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes "page n of m" at the foot of every page. */
    void footers(String left) {
        try {
            content.close();
            content = null;
            int pages = doc.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    foot.beginText();
                    foot.setFont(regular, 8);
                    foot.newLineAtOffset(MARGIN_PT, MARGIN_PT / 2);
                    foot.showText(ascii(left + " - page " + (i + 1) + " of " + pages));
                    foot.endText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }
}
