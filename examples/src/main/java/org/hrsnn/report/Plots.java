package org.hrsnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.hrsnn.simulator.InvalidInputException;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of an hrsnn report, in one consistent style (Okabe-Ito colours, which stay
 * distinguishable for colour-blind readers; axis titles with units; legend under the plot),
 * sized {@value #WIDTH} x {@value #HEIGHT} px.
 *
 * <p>Each builder returns an XChart chart; {@link #write(Chart, Path, String)} writes it as PNG
 * and SVG, {@link #png(Chart)} gives the PNG bytes to embed in an {@link HtmlReport}. Rendering
 * is headless: loading this class sets {@code java.awt.headless=true} unless it was set already.
 */
public final class Plots {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;
    /** Default most spikes drawn in a raster (see {@link RasterSample} for the rule). */
    public static final int DEFAULT_MAX_RASTER_POINTS = 20_000;

    /** Okabe-Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, black, yellow. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL,
    };
    /** Hollow circle: leaves room for a {@link #DOT} of the other raster inside it. */
    private static final Marker RING = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size));
        }
    };
    /** Filled circle of under half the marker size: fits inside a {@link #RING}. */
    private static final Marker DOT = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double d = 0.45 * size;
            g.fill(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
        }
    };
    private static final Pattern BASE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Plots() {
    }

    // ---------------------------------------------------------------- spike rasters

    /**
     * Spike raster (time in ms vs neuron id), time axis spanning the spikes' own range. At most
     * maxPoints spikes are drawn, chosen by the rule documented in {@link RasterSample} (whole
     * trains of every m-th neuron, else even thinning); the title says how many are shown.
     */
    public static XYChart spikeRaster(String title, int[] neurons, double[] timesMs, int maxPoints) {
        RasterSample sample = RasterSample.select(neurons, timesMs, maxPoints);
        return raster(title, neurons, timesMs, sample, sample.timeMinMs(), sample.timeMaxMs());
    }

    /**
     * Spike raster over an explicit window (usually the simulated duration), so that silent
     * stretches at the start or end stay visible.
     */
    public static XYChart spikeRaster(String title, int[] neurons, double[] timesMs, double startMs,
            double endMs, int maxPoints) {
        checkWindow(startMs, endMs);
        RasterSample sample = RasterSample.select(neurons, timesMs, maxPoints);
        return raster(title, neurons, timesMs, sample, startMs, endMs);
    }

    private static XYChart raster(String title, int[] neurons, double[] timesMs, RasterSample sample,
            double startMs, double endMs) {
        XYChart chart = xyChart(title + " (" + sample.note() + ")", "time (ms)", "neuron");
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setLegendVisible(false);
        if (sample.keptCount() > 0) {
            XYSeries s = chart.addSeries("spikes", sample.timesOf(timesMs), sample.neuronsOf(neurons));
            scatter(s, 0, SeriesMarkers.CIRCLE);
            setRanges(chart, startMs, endMs, sample.neuronMin() - 0.5, sample.neuronMax() + 0.5);
        } else {
            emptyNotice(chart, "no spikes");
        }
        return roundTicks(chart);
    }

    /**
     * Two rasters of the same network on one plot, e.g. float engine (rings) and fixed-point
     * emulator (small dots): a dot inside a ring is a spike both produced, a lone ring or a lone
     * dot a mismatch. Both rasters are thinned by one shared rule (applied to their union),
     * so the same neurons are shown for both.
     */
    public static XYChart rasterOverlay(String title, String labelA, int[] neuronsA, double[] timesMsA,
            String labelB, int[] neuronsB, double[] timesMsB, int maxPoints) {
        if (labelA == null || labelA.isBlank() || labelB == null || labelB.isBlank() || labelA.equals(labelB)) {
            throw new InvalidInputException("overlay.labels", labelA + " / " + labelB, "two distinct non-empty labels");
        }
        RasterSample.validate(neuronsA, timesMsA, "overlay." + labelA);
        RasterSample.validate(neuronsB, timesMsB, "overlay." + labelB);
        int nA = neuronsA.length;
        int nB = neuronsB.length;
        int[] neurons = new int[nA + nB];
        double[] times = new double[nA + nB];
        System.arraycopy(neuronsA, 0, neurons, 0, nA);
        System.arraycopy(neuronsB, 0, neurons, nA, nB);
        System.arraycopy(timesMsA, 0, times, 0, nA);
        System.arraycopy(timesMsB, 0, times, nA, nB);
        RasterSample sample = RasterSample.select(neurons, times, maxPoints);
        int[] kept = sample.keptIndices();
        int keptA = 0;
        for (int idx : kept) {
            if (idx < nA) {
                keptA++;
            }
        }
        double[] xA = new double[keptA];
        double[] yA = new double[keptA];
        double[] xB = new double[kept.length - keptA];
        double[] yB = new double[kept.length - keptA];
        int a = 0;
        int b = 0;
        for (int idx : kept) {
            if (idx < nA) {
                xA[a] = times[idx];
                yA[a++] = neurons[idx];
            } else {
                xB[b] = times[idx];
                yB[b++] = neurons[idx];
            }
        }
        String note = sample.isComplete()
                ? String.format(Locale.ROOT, "%,d vs %,d spikes", nA, nB)
                : sample.note();
        XYChart chart = xyChart(title + " (" + note + ")", "time (ms)", "neuron");
        chart.getStyler().setMarkerSize(8);
        if (kept.length == 0) {
            emptyNotice(chart, "no spikes");
            return chart;
        }
        // Empty series cannot be drawn by XChart; a raster with no spikes is simply left out.
        if (xA.length > 0) {
            scatter(chart.addSeries(labelA, xA, yA), 0, RING);
        }
        if (xB.length > 0) {
            scatter(chart.addSeries(labelB, xB, yB), 1, DOT);
        }
        setRanges(chart, sample.timeMinMs(), sample.timeMaxMs(), sample.neuronMin() - 0.5,
                sample.neuronMax() + 0.5);
        return roundTicks(chart);
    }

    // ---------------------------------------------------------------- rates

    /**
     * Population rate in Hz per neuron in bins of binMs over [startMs, endMs): spikes in the bin
     * / (neuronCount * bin width in s). Spikes outside the window are ignored; the last bin may be
     * shorter than binMs and is normalised by its own width.
     */
    public static double[] binnedRateHz(double[] timesMs, int neuronCount, double startMs, double endMs,
            double binMs) {
        checkWindow(startMs, endMs);
        if (neuronCount <= 0) {
            throw new InvalidInputException("rate.neuronCount", neuronCount, "an integer > 0");
        }
        if (!(binMs > 0) || !Double.isFinite(binMs)) {
            throw new InvalidInputException("rate.binMs", binMs, "a finite bin width > 0 ms");
        }
        int bins = (int) Math.ceil((endMs - startMs) / binMs - 1e-9);
        bins = Math.max(bins, 1);
        long[] counts = new long[bins];
        for (double t : timesMs) {
            if (t >= startMs && t < endMs) {
                counts[Math.min((int) ((t - startMs) / binMs), bins - 1)]++;
            }
        }
        double[] rate = new double[bins];
        for (int i = 0; i < bins; i++) {
            double widthMs = Math.min(binMs, endMs - (startMs + i * binMs));
            rate[i] = counts[i] / (neuronCount * widthMs * 1e-3);
        }
        return rate;
    }

    /** Centres in ms of the bins used by {@link #binnedRateHz}. */
    public static double[] binCentresMs(int bins, double startMs, double endMs, double binMs) {
        double[] centres = new double[bins];
        for (int i = 0; i < bins; i++) {
            double lo = startMs + i * binMs;
            centres[i] = 0.5 * (lo + Math.min(lo + binMs, endMs));
        }
        return centres;
    }

    /** Population rate over time, computed from spike times (see {@link #binnedRateHz}). */
    public static XYChart populationRate(String title, double[] timesMs, int neuronCount, double startMs,
            double endMs, double binMs) {
        double[] rate = binnedRateHz(timesMs, neuronCount, startMs, endMs, binMs);
        double[] centres = binCentresMs(rate.length, startMs, endMs, binMs);
        String fullTitle = String.format(Locale.ROOT, "%s (%d neurons, %s ms bins)", title, neuronCount,
                trim(binMs));
        return populationRate(fullTitle, List.of(PlotSeries.of("population", centres, rate)));
    }

    /** One or more population-rate traces (x in ms, y in Hz), e.g. excitatory and inhibitory. */
    public static XYChart populationRate(String title, List<PlotSeries> traces) {
        XYChart chart = xyChart(title, "time (ms)", "rate (Hz per neuron)");
        checkNames(traces);
        chart.getStyler().setLegendVisible(traces.size() > 1);
        for (int i = 0; i < traces.size(); i++) {
            PlotSeries t = traces.get(i);
            XYSeries s = chart.addSeries(t.name(), t.x(), t.y());
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(PALETTE[i % PALETTE.length]);
            s.setLineWidth(1.5f);
        }
        chart.getStyler().setYAxisMin(0.0);
        return roundTicks(chart);
    }

    // ---------------------------------------------------------------- curves

    /**
     * Several series with markers and lines; a series with a spread gets error bars of
     * +- spread (e.g. NRMSE vs density per pruning strategy, mean +- sd over seeds).
     */
    public static XYChart lines(String title, String xAxisTitle, String yAxisTitle, List<PlotSeries> series,
            boolean logY) {
        checkNames(series);
        XYChart chart = xyChart(title, xAxisTitle, yAxisTitle);
        AxesChartStyler styler = chart.getStyler();
        styler.setYAxisLogarithmic(logY);
        if (logY) {
            requirePositive(series, "lines");
        }
        for (int i = 0; i < series.size(); i++) {
            PlotSeries p = series.get(i);
            XYSeries s = p.hasSpread()
                    ? chart.addSeries(p.name(), p.x(), p.y(), p.spread())
                    : chart.addSeries(p.name(), p.x(), p.y());
            line(s, i, true);
        }
        return roundTicks(chart);
    }

    /**
     * Learning curves: loss or error against iteration for several learning rules. A series
     * with a spread is drawn with a translucent band of y +- spread (on a log axis the band's
     * lower edge is clipped to half the smallest positive value, since a log axis cannot show 0).
     */
    public static XYChart learningCurves(String title, String yAxisTitle, List<PlotSeries> curves, boolean logY) {
        checkNames(curves);
        if (logY) {
            requirePositive(curves, "learningCurves");
        }
        XYChart chart = xyChart(title, "iteration", yAxisTitle);
        chart.getStyler().setYAxisLogarithmic(logY);
        double floor = Double.POSITIVE_INFINITY;
        for (PlotSeries c : curves) {
            for (double y : c.y()) {
                floor = Math.min(floor, y);
            }
        }
        floor = 0.5 * floor;
        Set<String> used = new HashSet<>();
        for (PlotSeries c : curves) {
            used.add(c.name());
        }
        // Bands first so every line is drawn over every band.
        for (int i = 0; i < curves.size(); i++) {
            PlotSeries c = curves.get(i);
            if (!c.hasSpread()) {
                continue;
            }
            int n = c.size();
            double[] bx = new double[2 * n];
            double[] by = new double[2 * n];
            for (int k = 0; k < n; k++) {
                bx[k] = c.x()[k];
                by[k] = c.y()[k] + c.spread()[k];
                bx[2 * n - 1 - k] = c.x()[k];
                double lower = c.y()[k] - c.spread()[k];
                by[2 * n - 1 - k] = logY ? Math.max(lower, floor) : lower;
            }
            String bandName = c.name() + " (band)";
            while (used.contains(bandName)) {
                bandName = bandName + "'";
            }
            used.add(bandName);
            XYSeries band = chart.addSeries(bandName, bx, by);
            band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            Color colour = PALETTE[i % PALETTE.length];
            band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
            band.setLineColor(new Color(0, 0, 0, 0));
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);
        }
        for (int i = 0; i < curves.size(); i++) {
            PlotSeries c = curves.get(i);
            XYSeries s = chart.addSeries(c.name(), c.x(), c.y());
            line(s, i, c.size() <= 40);
        }
        return roundTicks(chart);
    }

    /**
     * Lyapunov spectrum: exponent (1/s) against index, one series per spectrum (e.g. before and
     * after pruning), with a line at 0 separating expanding from contracting directions. Either
     * spectrum may be null.
     */
    public static XYChart lyapunovSpectrum(String title, double[] before, String beforeLabel, double[] after,
            String afterLabel) {
        if (before == null && after == null) {
            throw new InvalidInputException("lyapunovSpectrum.before/after", null, "at least one spectrum");
        }
        List<PlotSeries> series = new ArrayList<>();
        if (before != null) {
            series.add(PlotSeries.indexed(beforeLabel, before, null));
        }
        if (after != null) {
            series.add(PlotSeries.indexed(afterLabel, after, null));
        }
        checkNames(series);
        XYChart chart = xyChart(title, "exponent index", "Lyapunov exponent (1/s)");
        for (int i = 0; i < series.size(); i++) {
            PlotSeries p = series.get(i);
            line(chart.addSeries(p.name(), p.x(), p.y()), i, p.size() <= 100);
        }
        chart.addAnnotation(new AnnotationLine(0.0, false, false));
        chart.getStyler().setAnnotationLineColor(new Color(0x888888));
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        return roundTicks(chart);
    }

    // ---------------------------------------------------------------- bars and histograms

    /**
     * Grouped (side by side) or stacked bars: values[s][c] is series s in category c. For an
     * energy breakdown, categories = before/after pruning and series = operation types, stacked;
     * or categories = operation types and series = before/after, grouped.
     */
    public static CategoryChart bars(String title, String xAxisTitle, String yAxisTitle, List<String> categories,
            List<String> seriesNames, double[][] values, boolean stacked) {
        if (categories == null || categories.isEmpty()) {
            throw new InvalidInputException("bars.categories", categories, "at least one category");
        }
        if (seriesNames == null || values == null || seriesNames.size() != values.length || values.length == 0) {
            throw new InvalidInputException("bars.values.length", values == null ? null : values.length,
                    "one row per series name (" + (seriesNames == null ? 0 : seriesNames.size()) + "), at least one");
        }
        if (new HashSet<>(seriesNames).size() != seriesNames.size()) {
            throw new InvalidInputException("bars.seriesNames", seriesNames, "distinct names");
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        style(chart.getStyler());
        chart.getStyler().setStacked(stacked);
        chart.getStyler().setAvailableSpaceFill(stacked ? 0.5 : 0.8);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        for (int s = 0; s < values.length; s++) {
            if (values[s].length != categories.size()) {
                throw new InvalidInputException("bars.values[" + s + "].length", values[s].length,
                        "the number of categories (" + categories.size() + ")");
            }
            List<Double> ys = new ArrayList<>(values[s].length);
            for (int c = 0; c < values[s].length; c++) {
                double v = values[s][c];
                if (!Double.isFinite(v) || (stacked && v < 0)) {
                    throw new InvalidInputException("bars.values[" + s + "][" + c + "]", v,
                            stacked ? "a finite number >= 0 (stacked bars)" : "a finite number");
                }
                ys.add(v);
            }
            CategorySeries series = chart.addSeries(seriesNames.get(s), categories, ys);
            series.setFillColor(PALETTE[s % PALETTE.length]);
        }
        return chart;
    }

    /**
     * Counts of values in equal bins over [min, max] of the finite values (the last bin closed).
     * Non-finite values are skipped.
     */
    public static long[] histogramCounts(double[] values, double min, double max, int bins) {
        if (bins <= 0) {
            throw new InvalidInputException("histogram.bins", bins, "an integer > 0");
        }
        long[] counts = new long[bins];
        double width = (max - min) / bins;
        for (double v : values) {
            if (!Double.isFinite(v) || v < min || v > max) {
                continue;
            }
            int b = width > 0 ? (int) ((v - min) / width) : 0;
            counts[Math.min(b, bins - 1)]++;
        }
        return counts;
    }

    /**
     * Histogram of values (e.g. per-neuron rates in Hz, membrane time constants in ms) in
     * {@code bins} equal bins spanning the finite values; non-finite values are skipped and
     * counted in the title.
     */
    public static XYChart histogram(String title, String xAxisTitle, double[] values, int bins) {
        if (values == null) {
            throw new InvalidInputException("histogram.values", null, "a non-null array");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                finite++;
            }
        }
        String note = String.format(Locale.ROOT, "n = %,d", finite)
                + (finite < values.length ? String.format(Locale.ROOT, ", %,d non-finite skipped",
                        values.length - finite) : "");
        XYChart chart = xyChart(title + " (" + note + ")", xAxisTitle, "count");
        chart.getStyler().setLegendVisible(false);
        if (finite == 0) {
            histogramCounts(values, 0, 1, bins); // validates bins
            emptyNotice(chart, "no finite values");
            return chart;
        }
        if (max == min) {
            // One distinct value: a unit-wide bin around it.
            min -= 0.5;
            max += 0.5;
        }
        long[] counts = histogramCounts(values, min, max, bins);
        double width = (max - min) / bins;
        // Step outline: each bin is a flat top from its left to its right edge.
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = min;
        y[0] = 0;
        for (int b = 0; b < bins; b++) {
            x[1 + 2 * b] = min + b * width;
            y[1 + 2 * b] = counts[b];
            x[2 + 2 * b] = b == bins - 1 ? max : min + (b + 1) * width;
            y[2 + 2 * b] = counts[b];
        }
        x[2 * bins + 1] = max;
        y[2 * bins + 1] = 0;
        XYSeries s = chart.addSeries("counts", x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        Color c = PALETTE[0];
        s.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
        s.setLineColor(c);
        s.setLineWidth(1.2f);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(min);
        chart.getStyler().setXAxisMax(max);
        return roundTicks(chart);
    }

    // ---------------------------------------------------------------- output

    /** The chart as PNG at its own size. */
    public static byte[] png(Chart<?, ?> chart) {
        return png(chart, chart.getWidth(), chart.getHeight());
    }

    /** The chart as PNG at width x height px (layout is recomputed for the size). */
    public static byte[] png(Chart<?, ?> chart, int width, int height) {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new InvalidInputException("png.size", width + "x" + height, "100..10000 px in each direction");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart as an SVG document (text stays text) at its own size. */
    public static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Paths of the files written by {@link #write}. */
    public record PlotFiles(Path png, Path svg) {
    }

    /**
     * Writes {@code folder/baseName.png} and {@code folder/baseName.svg}, each atomically.
     *
     * @param baseName file name without extension: letters, digits, '.', '_', '-'
     */
    public static PlotFiles write(Chart<?, ?> chart, Path folder, String baseName) {
        if (baseName == null || !BASE_NAME.matcher(baseName).matches()) {
            throw new InvalidInputException("plot.baseName", baseName,
                    "letters, digits, '.', '_' or '-' (no path separators), starting with a letter or digit");
        }
        Path png = folder.resolve(baseName + ".png");
        Path svg = folder.resolve(baseName + ".svg");
        AtomicFiles.write(png, png(chart));
        AtomicFiles.write(svg, svg(chart).getBytes(StandardCharsets.UTF_8));
        return new PlotFiles(png, svg);
    }

    // ---------------------------------------------------------------- style

    private static XYChart xyChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        style(chart.getStyler());
        return chart;
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0x999999));
        styler.setPlotGridLinesColor(new Color(0xE3E3E3));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setSeriesColors(PALETTE);
        styler.setSeriesMarkers(MARKERS);
        styler.setMarkerSize(7);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setAntiAlias(true);
        styler.setChartPadding(12);
        styler.setLocale(Locale.ROOT);
        styler.setToolTipsEnabled(false);
    }

    private static void scatter(XYSeries s, int colourIndex, Marker marker) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(PALETTE[colourIndex % PALETTE.length]);
    }

    private static void line(XYSeries s, int index, boolean markers) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        Color c = PALETTE[index % PALETTE.length];
        s.setLineColor(c);
        s.setLineWidth(2f);
        s.setMarker(markers ? MARKERS[index % MARKERS.length] : SeriesMarkers.NONE);
        s.setMarkerColor(c);
    }

    private static void setRanges(XYChart chart, double xMin, double xMax, double yMin, double yMax) {
        if (xMax <= xMin) {
            // A single spike time: a 1 ms window around it, so the axis has a width.
            xMin -= 0.5;
            xMax += 0.5;
        }
        chart.getStyler().setXAxisMin(xMin);
        chart.getStyler().setXAxisMax(xMax);
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
    }

    /** XChart cannot draw a chart without a series: an invisible point plus the notice in the title. */
    private static void emptyNotice(XYChart chart, String notice) {
        chart.setTitle(chart.getTitle().replaceFirst(" \\(.*\\)$", "") + " (" + notice + ")");
        XYSeries s = chart.addSeries("empty", new double[] {0}, new double[] {0});
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
    }

    /**
     * XChart places x ticks on the data values themselves when the distinct x values are equally
     * spaced (binned rates, iterations, histogram edges), which gives labels like 2.5, 62.5, ...
     * One invisible point off that grid makes it fall back to round tick values.
     */
    private static XYChart roundTicks(XYChart chart) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double anyY = Double.NaN;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double x : s.getXData()) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
            }
            if (s.getYData().length > 0) {
                anyY = s.getYData()[0];
            }
        }
        if (!(xMax > xMin) || Double.isNaN(anyY)) {
            return chart;
        }
        // 1/pi of the way along: not on any grid of a few thousand equal steps.
        double x = xMin + (xMax - xMin) / Math.PI;
        String name = " ";
        while (chart.getSeriesMap().containsKey(name)) {
            name = name + " ";
        }
        XYSeries hidden = chart.addSeries(name, new double[] {x}, new double[] {anyY});
        hidden.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        hidden.setMarker(SeriesMarkers.NONE);
        hidden.setShowInLegend(false);
        return chart;
    }

    private static void checkWindow(double startMs, double endMs) {
        if (!Double.isFinite(startMs) || !Double.isFinite(endMs) || !(endMs > startMs)) {
            throw new InvalidInputException("window", "[" + startMs + ", " + endMs + "] ms",
                    "finite start < end in ms");
        }
    }

    private static void checkNames(List<PlotSeries> series) {
        if (series == null || series.isEmpty()) {
            throw new InvalidInputException("series", series, "at least one series");
        }
        Set<String> names = new HashSet<>();
        for (PlotSeries s : series) {
            if (!names.add(s.name())) {
                throw new InvalidInputException("series.name", s.name(), "distinct legend labels");
            }
        }
    }

    private static void requirePositive(List<PlotSeries> series, String what) {
        for (PlotSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                if (!(s.y()[i] > 0)) {
                    throw new InvalidInputException(what + ".series[" + s.name() + "].y[" + i + "]", s.y()[i],
                            "a value > 0 on a logarithmic axis");
                }
            }
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
