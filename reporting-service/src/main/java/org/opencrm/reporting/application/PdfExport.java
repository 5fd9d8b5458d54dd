package org.opencrm.reporting.application;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Service;

/** A report as a PDF: its title, the period, a bar chart drawn with vector operations, then the table. */
@Service
public class PdfExport {

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final float CHART_HEIGHT = 160;
    private static final int MAX_BARS = 40;

    public void table(ReportTable table, OutputStream out) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDPageContentStream content = new PDPageContentStream(document, page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float y = page.getMediaBox().getHeight() - MARGIN;
            text(content, bold, 18, MARGIN, y, table.title());
            y -= 22;
            text(content, regular, 11, MARGIN, y, table.period());
            y -= 20;
            if (!table.bars().isEmpty()) {
                chart(content, regular, table.bars(), MARGIN, y - CHART_HEIGHT, width);
                y -= CHART_HEIGHT + 30;
            }
            float column = width / Math.max(1, table.header().size());
            row(content, bold, table.header(), y, column);
            y -= LINE;
            for (List<String> row : table.rows()) {
                if (y < MARGIN) {
                    content.close();
                    page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    content = new PDPageContentStream(document, page);
                    y = page.getMediaBox().getHeight() - MARGIN;
                }
                row(content, regular, row, y, column);
                y -= LINE;
            }
            content.close();
            document.save(out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void chart(PDPageContentStream content, PDType1Font font, List<ReportTable.Bar> all, float x,
            float y, float width) throws IOException {
        List<ReportTable.Bar> bars = all.size() > MAX_BARS ? all.subList(0, MAX_BARS) : all;
        double max = bars.stream().mapToDouble(ReportTable.Bar::value).max().orElse(0);
        float slot = width / bars.size();
        float plot = CHART_HEIGHT - LINE;
        content.setStrokingColor(0.3f, 0.3f, 0.3f);
        content.moveTo(x, y + LINE);
        content.lineTo(x + width, y + LINE);
        content.stroke();
        content.setNonStrokingColor(0.18f, 0.42f, 0.75f);
        for (int i = 0; i < bars.size(); i++) {
            double value = Math.max(0, bars.get(i).value());
            float height = max <= 0 ? 0 : (float) (value / max * (plot - LINE));
            content.addRect(x + i * slot + slot * 0.15f, y + LINE, slot * 0.7f, height);
        }
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        if (bars.size() <= 12) {
            for (int i = 0; i < bars.size(); i++) {
                text(content, font, 8, x + i * slot + 2, y + 2, fit(bars.get(i).label(), (int) (slot / 4.5f)));
            }
        }
    }

    private static void row(PDPageContentStream content, PDType1Font font, List<String> cells, float y, float column)
            throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            text(content, font, 9, MARGIN + i * column, y, fit(cells.get(i), (int) (column / 5)));
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text));
        content.endText();
    }

    private static String fit(String text, int characters) {
        String value = text == null ? "" : text;
        return value.length() <= characters || characters < 2 ? value : value.substring(0, characters - 1) + "…";
    }

    /** The standard fonts encode WinAnsi only: anything else shows as '?' rather than failing the export. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : (text == null ? "" : text).toCharArray()) {
            out.append((c >= 32 && c < 127) || (c >= 160 && c <= 255) ? c : c == '…' ? "..." : "?");
        }
        return out.toString();
    }
}
