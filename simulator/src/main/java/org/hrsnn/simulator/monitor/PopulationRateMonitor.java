package org.hrsnn.simulator.monitor;

import java.util.Arrays;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.Population;

/**
 * Spike counts of the network (or of one population) in consecutive bins [b w, (b + 1) w) of
 * width w = {@code binMs}, and the population rate in Hz per neuron (Brian2 PopulationRateMonitor,
 * binned). Memory is one int per bin, whatever the number of spikes.
 */
public final class PopulationRateMonitor implements Monitor {
    private final double binMs;
    private final String populationName;
    private int first;
    private int end;
    private int[] counts = new int[64];
    private int bins;

    /** Whole network. */
    public PopulationRateMonitor(double binMs) {
        this(binMs, (String) null);
    }

    /** Only the neurons of {@code population}, resolved by name at start. */
    public PopulationRateMonitor(double binMs, Population population) {
        this(binMs, population.name());
    }

    /** Only the neurons of the population called {@code populationName} (null for all). */
    public PopulationRateMonitor(double binMs, String populationName) {
        this.binMs = Check.positive("populationRateMonitor.binMs", binMs);
        this.populationName = populationName;
    }

    @Override
    public void start(Network network, SimulationOptions options) {
        if (populationName == null) {
            first = 0;
            end = network.size();
        } else {
            Population p = network.population(populationName);
            first = p.start();
            end = p.end();
        }
        bins = (int) Math.ceil(options.durationMs() / binMs);
        counts = new int[Math.max(1, bins)];
    }

    @Override
    public void onSpike(int neuron, double timeMs) {
        if (neuron < first || neuron >= end) {
            return;
        }
        int b = (int) (timeMs / binMs);
        if (b >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(b + 1, counts.length * 2));
        }
        counts[b]++;
        bins = Math.max(bins, b + 1);
    }

    @Override
    public void finish(double endTimeMs) {
        bins = Math.max(bins, (int) Math.ceil(endTimeMs / binMs));
        if (bins > counts.length) {
            counts = Arrays.copyOf(counts, bins);
        }
    }

    public double binMs() {
        return binMs;
    }

    /** Spikes per bin. */
    public int[] counts() {
        return Arrays.copyOf(counts, bins);
    }

    /** Left edge of every bin, ms. */
    public double[] binStartsMs() {
        double[] t = new double[bins];
        for (int b = 0; b < bins; b++) {
            t[b] = b * binMs;
        }
        return t;
    }

    /** Mean rate per neuron in every bin, Hz: count / (neurons x binMs / 1000). */
    public double[] ratesHz() {
        double[] r = new double[bins];
        double scale = 1000.0 / (binMs * Math.max(1, end - first));
        for (int b = 0; b < bins; b++) {
            r[b] = counts[b] * scale;
        }
        return r;
    }
}
