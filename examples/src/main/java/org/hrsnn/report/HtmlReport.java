package org.hrsnn.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.hrsnn.simulator.InvalidInputException;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Builds one self-contained HTML report: a title, a box of key figures, a table of contents and
 * numbered sections of paragraphs, figures and tables. Figures are embedded (PNG as base64 data
 * URIs, or inline SVG), the style sheet is inline, and there is no script, so the file reads the
 * same offline, mailed or archived. All text is escaped: a title containing {@code <script>}
 * shows as those characters.
 *
 * <pre>{@code
 * HtmlReport report = new HtmlReport("hrsnn demo");
 * report.keyFigure("NRMSE after LNP", "0.231", "at 10 % density");
 * HtmlReport.Section s = report.section("Pruning");
 * s.paragraph("...").figure("NRMSE vs density", chart).table(table);
 * report.write(outputFolder.resolve("report.html"));
 * }</pre>
 *
 * The output depends only on what was added (no clock, no random ids), so the same inputs give
 * the same bytes.
 */
public final class HtmlReport {
    private final String title;
    private final List<String> subtitles = new ArrayList<>();
    private final List<String[]> keyFigures = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private int figureCount;
    private int tableCount;

    public HtmlReport(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("report.title", title, "a non-empty title");
        }
        this.title = title;
    }

    /** A line under the title (configuration, seed, date supplied by the caller). */
    public HtmlReport subtitle(String text) {
        subtitles.add(requireText("report.subtitle", text));
        return this;
    }

    /** One entry of the key-figures box at the top, e.g. ("spikes simulated", "1,234,567", null). */
    public HtmlReport keyFigure(String label, String value, String note) {
        keyFigures.add(new String[] {requireText("keyFigure.label", label), requireText("keyFigure.value", value),
            note});
        return this;
    }

    /** A numeric key figure shown to 4 significant digits with its unit (unit may be null). */
    public HtmlReport keyFigure(String label, double value, String unit) {
        String shown = Double.isFinite(value) ? Table.defaultNumber(value) : Double.toString(value);
        return keyFigure(label, unit == null || unit.isBlank() ? shown : shown + " " + unit, null);
    }

    /** Starts a new numbered section; add content to the returned object. */
    public Section section(String heading) {
        Section s = new Section(requireText("section.heading", heading), sections.size() + 1);
        sections.add(s);
        return s;
    }

    /** One numbered section with its content in the order it was added. */
    public final class Section {
        private final String heading;
        private final int number;
        private final String id;
        private final StringBuilder body = new StringBuilder();

        private Section(String heading, int number) {
            this.heading = heading;
            this.number = number;
            this.id = "s" + number + "-" + slug(heading);
        }

        public String id() {
            return id;
        }

        /** A paragraph of plain text; blank lines split it into several paragraphs. */
        public Section paragraph(String text) {
            for (String p : requireText("section[" + heading + "].paragraph", text).split("\\R\\s*\\R")) {
                body.append("<p>").append(escape(p.strip())).append("</p>\n");
            }
            return this;
        }

        /** Preformatted text (a configuration, a command line), shown in a monospace box. */
        public Section preformatted(String text) {
            body.append("<pre>").append(escape(requireText("section[" + heading + "].preformatted", text)))
                    .append("</pre>\n");
            return this;
        }

        /** A chart rendered to PNG and embedded as a data URI. */
        public Section figure(String caption, Chart<?, ?> chart) {
            return figure(caption, Plots.png(chart), chart.getWidth(), chart.getHeight());
        }

        /**
         * The PNG written by {@link Plots#write} embedded as a data URI (no second rendering),
         * shown at the size stored in the PNG header.
         */
        public Section figure(String caption, Plots.PlotFiles files) {
            byte[] png;
            try {
                png = Files.readAllBytes(files.png());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + files.png(), e);
            }
            // PNG: 8-byte signature, IHDR chunk length and type (8 bytes), then width and height (big-endian).
            if (png.length < 24) {
                throw new InvalidInputException("figure[" + caption + "].png", files.png().toString(), "a PNG file");
            }
            ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
            return figure(caption, png, header.getInt(), header.getInt());
        }

        /** PNG bytes embedded as a data URI, shown at width x height CSS px (scaled down to fit). */
        public Section figure(String caption, byte[] png, int width, int height) {
            if (png == null || png.length < 8 || (png[0] & 0xFF) != 0x89 || png[1] != 'P' || png[2] != 'N'
                    || png[3] != 'G') {
                throw new InvalidInputException("figure[" + caption + "].png", png == null ? null : png.length + " bytes",
                        "PNG data (starting with the PNG signature)");
            }
            String cap = requireText("figure.caption", caption);
            int n = ++figureCount;
            body.append("<figure id=\"fig").append(n).append("\">\n<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\" alt=\"").append(escape(cap))
                    .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">\n")
                    .append("<figcaption><b>Figure ").append(n).append(".</b> ").append(escape(cap))
                    .append("</figcaption>\n</figure>\n");
            return this;
        }

        /**
         * A chart as inline SVG (sharp at any zoom; larger than PNG for rasters with many points).
         * Element ids inside the SVG are prefixed per figure so several SVGs can share the page.
         */
        public Section svgFigure(String caption, Chart<?, ?> chart) {
            String cap = requireText("figure.caption", caption);
            int n = ++figureCount;
            String svg = Plots.svg(chart);
            int start = svg.indexOf("<svg");
            if (start < 0) {
                throw new IllegalStateException("SVG encoder produced no <svg> element");
            }
            // Drop the XML prolog and DOCTYPE (meaningless, and an external DTD URL, inside HTML).
            svg = svg.substring(start);
            String prefix = "fig" + n + "-";
            svg = svg.replace("id=\"", "id=\"" + prefix).replace("url(#", "url(#" + prefix)
                    .replace("href=\"#", "href=\"#" + prefix);
            svg = "<svg role=\"img\" aria-label=\"" + escape(cap) + "\"" + svg.substring("<svg".length());
            body.append("<figure id=\"fig").append(n).append("\">\n<div class=\"svg\">").append(svg)
                    .append("</div>\n<figcaption><b>Figure ").append(n).append(".</b> ").append(escape(cap))
                    .append("</figcaption>\n</figure>\n");
            return this;
        }

        /** A table with its title as caption; numbers right-aligned in their column's format. */
        public Section table(Table table) {
            int n = ++tableCount;
            body.append("<div class=\"table-wrap\"><table id=\"tab").append(n).append("\">\n<caption><b>Table ")
                    .append(n).append(".</b> ").append(escape(table.title())).append("</caption>\n<thead><tr>");
            for (Table.Column c : table.columns()) {
                body.append("<th>").append(escape(c.header())).append("</th>");
            }
            body.append("</tr></thead>\n<tbody>\n");
            for (int r = 0; r < table.rowCount(); r++) {
                body.append("<tr>");
                for (int c = 0; c < table.columnCount(); c++) {
                    boolean numeric = table.cell(r, c) instanceof Number;
                    body.append(numeric ? "<td class=\"num\">" : "<td>").append(escape(table.display(r, c)))
                            .append("</td>");
                }
                body.append("</tr>\n");
            }
            body.append("</tbody>\n</table></div>\n");
            return this;
        }
    }

    /** The whole document. */
    public String render() {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String s : subtitles) {
            sb.append("<p class=\"subtitle\">").append(escape(s)).append("</p>\n");
        }
        sb.append("</header>\n");
        if (!keyFigures.isEmpty()) {
            sb.append("<section class=\"key-figures\" aria-label=\"Key figures\">\n<h2>Key figures</h2>\n<dl>\n");
            for (String[] k : keyFigures) {
                sb.append("<div class=\"kf\"><dt>").append(escape(k[0])).append("</dt><dd>").append(escape(k[1]));
                if (k[2] != null && !k[2].isBlank()) {
                    sb.append("<span class=\"note\">").append(escape(k[2])).append("</span>");
                }
                sb.append("</dd></div>\n");
            }
            sb.append("</dl>\n</section>\n");
        }
        sb.append("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        for (Section s : sections) {
            sb.append("<li><a href=\"#").append(s.id).append("\">").append(escape(s.heading)).append("</a></li>\n");
        }
        sb.append("</ol>\n</nav>\n<main>\n");
        for (Section s : sections) {
            sb.append("<section class=\"section\" id=\"").append(s.id).append("\">\n<h2>").append(s.number)
                    .append(". ").append(escape(s.heading)).append("</h2>\n").append(s.body).append("</section>\n");
        }
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** Writes the document (UTF-8) through a temporary file moved into place. */
    public void write(Path file) {
        AtomicFiles.write(file, render().getBytes(StandardCharsets.UTF_8));
    }

    /** HTML-escapes text for element content and double- or single-quoted attribute values. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters other than tab/newline are invalid in HTML; drop them.
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String slug(String heading) {
        String s = heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "section" : s;
    }

    private static String requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, text, "non-empty text");
        }
        return text;
    }

    private static final String CSS = """
            :root { --ink: #1f2328; --muted: #5c6370; --line: #d8dde3; --accent: #0072b2; --panel: #f5f7f9; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 1060px; padding: 24px 28px 64px; color: var(--ink);
                   font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
            h1 { font-size: 30px; margin: 8px 0 4px; }
            h2 { font-size: 22px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            .subtitle { color: var(--muted); margin: 2px 0; }
            .key-figures h2, .toc h2 { border: none; font-size: 18px; margin: 0 0 10px; }
            .key-figures { background: var(--panel); border: 1px solid var(--line); border-left: 5px solid var(--accent);
                           border-radius: 6px; padding: 16px 20px; margin: 20px 0; }
            .key-figures dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px 24px; margin: 0; }
            .kf dt { color: var(--muted); font-size: 14px; }
            .kf dd { margin: 0; font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
            .kf .note { display: block; font-size: 13px; font-weight: 400; color: var(--muted); }
            .toc { border: 1px solid var(--line); border-radius: 6px; padding: 14px 20px; margin: 20px 0; }
            .toc ol { margin: 0; padding-left: 24px; columns: 2; }
            a { color: var(--accent); }
            figure { margin: 20px 0; }
            figure img, figure .svg svg { display: block; max-width: 100%; height: auto; border: 1px solid var(--line);
                                          box-sizing: content-box; } /* border outside: PNG shown 1:1, not resampled */
            figcaption { color: var(--muted); font-size: 14px; margin-top: 6px; }
            .table-wrap { overflow-x: auto; margin: 20px 0; }
            table { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; }
            caption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: 6px; }
            th, td { border-bottom: 1px solid var(--line); padding: 5px 12px; text-align: left; }
            th { background: var(--panel); border-bottom: 2px solid var(--line); }
            td.num { text-align: right; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            pre { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 10px 14px; overflow-x: auto; font-size: 13px; }
            @media print { body { max-width: none; } .toc { break-after: page; } figure, table { break-inside: avoid; } }
            """;
}
