package org.hrsnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A spike raster (time in ms against neuron index) saved as PNG with XChart. */
final class RasterPlot {
    /** Beyond this many spikes only an evenly spaced subset is drawn (the PNG cannot show more). */
    static final int MAX_POINTS = 200_000;

    private RasterPlot() {
    }

    /**
     * Writes {@code file} (must end in .png). {@code split} is the first index of the second group
     * of neurons (e.g. the inhibitory population), drawn in another colour; -1 for one group.
     */
    static void write(Path file, int[] neurons, double[] times, int split, double durationMs, String title)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1000).height(600).title(title)
                .xAxisTitle("time (ms)").yAxisTitle("neuron").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(2);
        chart.getStyler().setLegendVisible(split >= 0);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(durationMs);
        int stride = Math.max(1, (neurons.length + MAX_POINTS - 1) / MAX_POINTS);
        int[] counts = new int[2];
        for (int k = 0; k < neurons.length; k += stride) {
            counts[split >= 0 && neurons[k] >= split ? 1 : 0]++;
        }
        double[][] x = {new double[counts[0]], new double[counts[1]]};
        double[][] y = {new double[counts[0]], new double[counts[1]]};
        int[] fill = new int[2];
        for (int k = 0; k < neurons.length; k += stride) {
            int g = split >= 0 && neurons[k] >= split ? 1 : 0;
            x[g][fill[g]] = times[k];
            y[g][fill[g]] = neurons[k];
            fill[g]++;
        }
        String[] names = split >= 0 ? new String[] {"excitatory", "inhibitory"} : new String[] {"spikes"};
        for (int g = 0; g < names.length; g++) {
            double[] xs = x[g].length == 0 ? new double[] {Double.NaN} : x[g];
            double[] ys = y[g].length == 0 ? new double[] {Double.NaN} : y[g];
            chart.addSeries(names[g], xs, ys).setMarker(SeriesMarkers.CIRCLE);
        }
        String name = file.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
