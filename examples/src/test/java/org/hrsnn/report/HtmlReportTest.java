package org.hrsnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;

class HtmlReportTest {
    private static final String EVIL = "<script>alert('x')</script> & \"quotes\"";

    private static HtmlReport sample() {
        Map<String, Chart<?, ?>> charts = PlotsTest.everyKind();
        HtmlReport report = new HtmlReport("Report " + EVIL);
        report.subtitle("subtitle " + EVIL);
        report.keyFigure("label " + EVIL, "value " + EVIL, "note " + EVIL);
        report.keyFigure("NRMSE", 0.2312345, null);
        HtmlReport.Section a = report.section("Activity " + EVIL);
        a.paragraph("First paragraph " + EVIL + "\n\nSecond paragraph.");
        a.figure("Raster " + EVIL, charts.get("raster"));
        a.figure("Rate", charts.get("rate"));
        HtmlReport.Section b = report.section("Pruning");
        b.table(TablesTest.tricky());
        b.svgFigure("Lines as SVG", charts.get("lines"));
        b.svgFigure("Bars as SVG", charts.get("bars"));
        b.preformatted("hrsnn demo --seed 1 " + EVIL);
        report.section("Pruning"); // same heading twice: ids must still differ
        return report;
    }

    @Test
    void allTextIsEscapedSoNoScriptOrTagIsCreated() {
        String html = sample().render();
        assertFalse(Pattern.compile("<script", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        assertTrue(html.contains("<title>Report &lt;script&gt;"));
        // Every '<' in the document opens one of the elements the builder (or the SVG encoder) writes.
        Set<String> allowed = Set.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1",
                "h2", "p", "section", "dl", "div", "dt", "dd", "span", "nav", "ol", "li", "a", "main", "figure",
                "img", "figcaption", "b", "table", "caption", "thead", "tr", "th", "tbody", "td", "pre", "svg",
                "defs", "clipPath", "rect", "g", "path", "line", "ellipse", "polygon", "polyline", "circle");
        Matcher tag = Pattern.compile("<(/?)([!A-Za-z][A-Za-z0-9]*)").matcher(html);
        while (tag.find()) {
            assertTrue(allowed.contains(tag.group(2)), "unexpected element <" + tag.group(2) + ">");
        }
    }

    @Test
    void embeddedImagesDecodeAtTheChartSize() throws Exception {
        String html = sample().render();
        Matcher m = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int count = 0;
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(image);
            assertEquals(Plots.WIDTH, image.getWidth());
            assertEquals(Plots.HEIGHT, image.getHeight());
            count++;
        }
        assertEquals(2, count);
        assertTrue(html.contains("Figure 4."), "figures numbered across PNG and SVG");
        assertTrue(html.contains("Table 1."));
    }

    @Test
    void tableOfContentsListsEverySectionWithUniqueIds() {
        String html = sample().render();
        Matcher nav = Pattern.compile("<nav class=\"toc\".*?</nav>", Pattern.DOTALL).matcher(html);
        assertTrue(nav.find());
        List<String> links = new ArrayList<>();
        Matcher link = Pattern.compile("href=\"#([^\"]+)\"").matcher(nav.group());
        while (link.find()) {
            links.add(link.group(1));
        }
        assertEquals(3, links.size());
        assertEquals(3, new HashSet<>(links).size(), "repeated headings get distinct ids");
        for (String id : links) {
            assertTrue(html.contains("<section class=\"section\" id=\"" + id + "\">"), id);
        }
        Matcher ids = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1) + " (inline SVGs must not clash)");
        }
    }

    @Test
    void inlineSvgHasNoPrologOrDoctype() {
        String html = sample().render();
        assertFalse(html.contains("<?xml"));
        assertFalse(html.contains("svg11.dtd"));
        assertEquals(1, html.split("<!DOCTYPE", -1).length - 1);
    }

    @Test
    void theSampleReportPassesTheChecker() {
        ReportChecker.Result r = ReportChecker.check(sample().render());
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(2, r.images());
        assertEquals(3, r.tocEntries());
    }

    @Test
    void renderingIsDeterministic() {
        assertEquals(sample().render(), sample().render());
    }

    @Test
    void writeReplacesTheFileWholeAndLeavesNoTemporaries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/report.html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "stale");
        HtmlReport report = sample();
        report.write(file);
        assertEquals(report.render(), Files.readString(file));
        try (Stream<Path> listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void figureFromWrittenFilesEmbedsTheFileBytesAtTheirSize(@TempDir Path dir) throws Exception {
        Chart<?, ?> chart = PlotsTest.everyKind().get("histogram");
        Plots.PlotFiles files = Plots.write(chart, dir, "hist");
        HtmlReport report = new HtmlReport("t");
        report.section("s").figure("from file", files);
        String html = report.render();
        String expected = Base64.getEncoder().encodeToString(Files.readAllBytes(files.png()));
        assertTrue(html.contains("src=\"data:image/png;base64," + expected + "\""));
        assertTrue(html.contains("width=\"800\" height=\"500\""));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(InvalidInputException.class, () -> new HtmlReport(" "));
        HtmlReport report = new HtmlReport("t");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> report.section("s").figure("not a png", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 10, 10));
        assertEquals("figure[not a png].png", e.field());
    }
}
