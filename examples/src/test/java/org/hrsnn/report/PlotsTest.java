package org.hrsnn.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class PlotsTest {

    /** One chart of every kind, on small made-up data. */
    static Map<String, Chart<?, ?>> everyKind() {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        int[] ids = {0, 1, 2, 0, 1, 2, 3};
        double[] t = {1, 2, 3, 10, 11, 12, 50};
        charts.put("raster", Plots.spikeRaster("Raster", ids, t, 0, 60, 1000));
        charts.put("rate", Plots.populationRate("Rate", t, 4, 0, 60, 10));
        double[] x = {0.1, 0.2, 0.4, 0.8};
        charts.put("lines", Plots.lines("NRMSE vs density", "density", "NRMSE",
                List.of(new PlotSeries("LNP", x, new double[] {0.5, 0.4, 0.3, 0.25}, new double[] {0.05, 0.04, 0.03, 0.02}),
                        PlotSeries.of("random", x, new double[] {0.7, 0.6, 0.4, 0.3})), false));
        charts.put("learning", Plots.learningCurves("Learning", "loss", List.of(
                PlotSeries.indexed("SnAp-1", new double[] {1, 0.5, 0.3, 0.2}, new double[] {0.2, 0.1, 0.1, 0.05}),
                PlotSeries.indexed("e-prop", new double[] {1, 0.7, 0.5, 0.4}, null)), true));
        charts.put("lyapunov", Plots.lyapunovSpectrum("Spectrum", new double[] {2, 0.5, -1, -3}, "before",
                new double[] {0.5, -0.5, -2, -4}, "after"));
        charts.put("overlay", Plots.rasterOverlay("Float vs fixed", "float", ids, t, "fixed", ids, t, 1000));
        charts.put("bars", Plots.bars("Energy", "network", "energy (nJ)", List.of("before", "after"),
                List.of("synaptic", "neuron"), new double[][] {{10, 4}, {3, 3}}, true));
        charts.put("histogram", Plots.histogram("Rates", "rate (Hz)", new double[] {1, 2, 2, 3, 3, 3, 4}, 4));
        return charts;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "PNG decodes");
        return image;
    }

    /** Pixels close to the given colour (anti-aliased edges are off by a little). */
    private static int pixelsNear(BufferedImage image, Color c) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xFF) - c.getRed();
                int dg = ((rgb >> 8) & 0xFF) - c.getGreen();
                int db = (rgb & 0xFF) - c.getBlue();
                if (dr * dr + dg * dg + db * db < 30 * 30) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Document parseSvg(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // The SVG declares the W3C DTD; do not fetch it.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void everyKindRendersAPngOfTheChartSizeWithDataInTheFirstSeriesColour() throws Exception {
        for (Map.Entry<String, Chart<?, ?>> e : everyKind().entrySet()) {
            BufferedImage image = decode(Plots.png(e.getValue()));
            assertEquals(Plots.WIDTH, image.getWidth(), e.getKey());
            assertEquals(Plots.HEIGHT, image.getHeight(), e.getKey());
            // Something other than background was drawn in the palette's first colour.
            assertTrue(pixelsNear(image, Plots.PALETTE[0]) > 20, e.getKey() + " shows data in the first colour");
        }
    }

    @Test
    void pngAtARequestedSize() throws Exception {
        Chart<?, ?> chart = everyKind().get("lines");
        BufferedImage image = decode(Plots.png(chart, 1200, 700));
        assertEquals(1200, image.getWidth());
        assertEquals(700, image.getHeight());
        assertThrows(InvalidInputException.class, () -> Plots.png(chart, 10, 700));
    }

    @Test
    void everyKindGivesAnSvgThatParsesAsXml() throws Exception {
        for (Map.Entry<String, Chart<?, ?>> e : everyKind().entrySet()) {
            String svg = Plots.svg(e.getValue());
            Document doc = parseSvg(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName(), e.getKey());
            assertEquals("0 0 800 500", doc.getDocumentElement().getAttribute("viewBox"), e.getKey());
            assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() > 0, e.getKey() + " has drawn paths");
        }
    }

    @Test
    void writeCreatesBothFilesAndLeavesNoTemporaries(@TempDir Path dir) throws Exception {
        Plots.PlotFiles files = Plots.write(everyKind().get("histogram"), dir.resolve("plots"), "rates-hist");
        assertEquals(dir.resolve("plots/rates-hist.png"), files.png());
        assertEquals(dir.resolve("plots/rates-hist.svg"), files.svg());
        assertEquals(800, decode(Files.readAllBytes(files.png())).getWidth());
        parseSvg(Files.readString(files.svg()));
        try (Stream<Path> listing = Files.list(dir.resolve("plots"))) {
            assertEquals(2, listing.count(), "only the two plots, no .part files");
        }
        assertThrows(InvalidInputException.class, () -> Plots.write(everyKind().get("rate"), dir, "../escape"));
    }

    @Test
    void binnedRateMatchesHandCount() {
        // 4 neurons, 10 ms bins over [0, 25): bins [0,10), [10,20), [20,25) (5 ms wide).
        double[] t = {0.0, 9.99, 10.0, 10.5, 19.0, 21.0, 25.0, -1.0};
        double[] rate = Plots.binnedRateHz(t, 4, 0, 25, 10);
        assertEquals(3, rate.length);
        assertEquals(2 / (4 * 0.010), rate[0], 1e-9);
        assertEquals(3 / (4 * 0.010), rate[1], 1e-9);
        assertEquals(1 / (4 * 0.005), rate[2], 1e-9, "short last bin normalised by its own width; t = 25 excluded");
        assertArrayEquals(new double[] {5, 15, 22.5}, Plots.binCentresMs(3, 0, 25, 10), 1e-12);
    }

    @Test
    void populationRateOfRegularFiringIsTheFiringRate() {
        // 10 neurons each firing every 20 ms (50 Hz) over 1 s.
        int n = 10 * 50;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i / 10) * 20.0 + 0.1 * (i % 10);
        }
        for (double r : Plots.binnedRateHz(t, 10, 0, 1000, 100)) {
            assertEquals(50.0, r, 1e-9);
        }
    }

    @Test
    void histogramCountsEveryFiniteValueOnce() {
        double[] v = {0, 0.5, 1, 1.5, 2, 2, 4, Double.NaN, Double.POSITIVE_INFINITY};
        long[] counts = Plots.histogramCounts(v, 0, 4, 4);
        assertArrayEquals(new long[] {2, 2, 2, 1}, counts, "last bin includes its upper edge");
        XYChart chart = Plots.histogram("h", "x", v, 4);
        assertTrue(chart.getTitle().contains("2 non-finite skipped"), chart.getTitle());
    }

    @Test
    void learningCurveBandsSpanMeanPlusMinusSpreadAndStayOutOfTheLegend() {
        XYChart chart = (XYChart) everyKind().get("learning");
        XYSeries band = chart.getSeriesMap().get("SnAp-1 (band)");
        assertNotNull(band);
        assertFalse(band.isShowInLegend());
        double[] y = band.getYData();
        assertArrayEquals(new double[] {1.2, 0.6, 0.4, 0.25}, java.util.Arrays.copyOfRange(y, 0, 4), 1e-12);
        // Lower edge reversed; log axis: 1 - 0.2 = 0.8, 0.5 - 0.1 = 0.4, 0.3 - 0.1 = 0.2, 0.2 - 0.05 = 0.15.
        assertArrayEquals(new double[] {0.15, 0.2, 0.4, 0.8}, java.util.Arrays.copyOfRange(y, 4, 8), 1e-12);
        assertTrue(chart.getSeriesMap().get("e-prop (band)") == null, "no band without spread");
    }

    @Test
    void overlayKeepsTheSameNeuronsForBothRasters() {
        int n = 40_000;
        int[] ids = new int[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i % 400;
            t[i] = i * 0.01;
        }
        XYChart chart = Plots.rasterOverlay("o", "float", ids, t, "fixed", ids, t, 10_000);
        double[] a = chart.getSeriesMap().get("float").getYData();
        double[] b = chart.getSeriesMap().get("fixed").getYData();
        assertTrue(a.length + b.length <= 10_000);
        assertArrayEquals(a, b, "identical inputs give identical selections");
    }

    @Test
    void badInputIsRejectedWithTheFieldNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new PlotSeries("s", new double[] {1, 2}, new double[] {1}, null));
        assertEquals("series[s].y.length", e.field());
        e = assertThrows(InvalidInputException.class, () -> Plots.lines("t", "x", "y",
                List.of(PlotSeries.of("s", new double[] {1}, new double[] {0})), true));
        assertEquals("lines.series[s].y[0]", e.field());
        e = assertThrows(InvalidInputException.class, () -> Plots.lines("t", "x", "y",
                List.of(PlotSeries.of("s", new double[] {1}, new double[] {1}),
                        PlotSeries.of("s", new double[] {1}, new double[] {2})), false));
        assertEquals("series.name", e.field());
        e = assertThrows(InvalidInputException.class, () -> Plots.bars("t", "x", "y", List.of("a", "b"),
                List.of("s"), new double[][] {{1}}, false));
        assertEquals("bars.values[0].length", e.field());
        e = assertThrows(InvalidInputException.class, () -> Plots.binnedRateHz(new double[0], 0, 0, 1, 1));
        assertEquals("rate.neuronCount", e.field());
    }

    @Test
    void emptyInputsStillRender() throws Exception {
        assertEquals(800, decode(Plots.png(Plots.spikeRaster("none", new int[0], new double[0], 100))).getWidth());
        assertEquals(800, decode(Plots.png(Plots.histogram("none", "x", new double[] {Double.NaN}, 5))).getWidth());
    }
}
