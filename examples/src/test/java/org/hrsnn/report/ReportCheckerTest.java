package org.hrsnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCheckerTest {

    private static String good() {
        HtmlReport report = new HtmlReport("checked");
        report.section("One").paragraph("text").figure("hist",
                Plots.histogram("h", "x", new double[] {1, 2, 2, 3}, 3));
        report.section("Two").paragraph("more");
        return report.render();
    }

    private static boolean mentions(ReportChecker.Result r, String fragment) {
        return r.problems().stream().anyMatch(p -> p.contains(fragment));
    }

    @Test
    void aGoodReportPasses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        Files.writeString(file, good(), StandardCharsets.UTF_8);
        ReportChecker.Result r = ReportChecker.check(file);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(1, r.images());
        assertEquals(2, r.tocEntries());
    }

    @Test
    void anImageWhoseBytesAreNotAnImageFails() {
        String bogus = Base64.getEncoder().encodeToString("definitely not a PNG".getBytes(StandardCharsets.US_ASCII));
        String html = good().replaceFirst("data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64," + bogus);
        ReportChecker.Result r = ReportChecker.check(html);
        assertFalse(r.ok());
        assertTrue(mentions(r, "not a readable png image"), r.problems().toString());
    }

    @Test
    void aTruncatedImageFails() {
        String html = good();
        int start = html.indexOf("base64,") + "base64,".length();
        // Keep the PNG signature and header, drop the image data (length a multiple of 4).
        String truncated = html.substring(0, start + 200) + html.substring(html.indexOf('"', start));
        ReportChecker.Result r = ReportChecker.check(truncated);
        assertFalse(r.ok(), "a cut-off PNG must not pass");
    }

    @Test
    void badBase64AndNonEmbeddedImagesFail() {
        ReportChecker.Result r = ReportChecker.check(good().replaceFirst("base64,", "base64,%%%"));
        assertTrue(mentions(r, "base64 does not decode"), r.problems().toString());
        r = ReportChecker.check(good().replaceFirst("src=\"data:[^\"]*\"", "src=\"plots/raster.png\""));
        assertTrue(mentions(r, "not an embedded data:image"), r.problems().toString());
    }

    @Test
    void externalReferencesFail() {
        String base = good();
        ReportChecker.Result r = ReportChecker.check(
                base.replace("</head>", "<link rel=\"stylesheet\" href=\"https://cdn.example.org/x.css\"></head>"));
        assertTrue(mentions(r, "external reference href=https://cdn.example.org"), r.problems().toString());
        r = ReportChecker.check(base.replaceFirst("src=\"data:[^\"]*\"", "src=\"http://example.org/a.png\""));
        assertTrue(mentions(r, "external reference src=http://example.org"), r.problems().toString());
        r = ReportChecker.check(base.replace("</style>", "body { background: url('//example.org/bg.png'); }</style>"));
        assertTrue(mentions(r, "url(//example.org/bg.png"), r.problems().toString());
        r = ReportChecker.check(base.replace("<style>", "<style>@import 'other.css';"));
        assertTrue(mentions(r, "@import"), r.problems().toString());
    }

    @Test
    void aContentsEntryWithoutItsSectionFails() {
        String html = good().replaceFirst("<section class=\"section\" id=\"s2-two\">", "<section class=\"section\">");
        ReportChecker.Result r = ReportChecker.check(html);
        assertTrue(mentions(r, "#s2-two, which does not exist"), r.problems().toString());
        r = ReportChecker.check(good().replaceFirst("<nav class=\"toc\"", "<nav class=\"contents\""));
        assertTrue(mentions(r, "no table of contents"), r.problems().toString());
    }

    @Test
    void aScriptElementFails() {
        ReportChecker.Result r = ReportChecker.check(good().replace("</body>", "<script>1</script></body>"));
        assertTrue(mentions(r, "<script>"), r.problems().toString());
    }
}
