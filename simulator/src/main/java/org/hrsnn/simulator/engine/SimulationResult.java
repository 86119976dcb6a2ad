package org.hrsnn.simulator.engine;

/**
 * What every run reports: total spikes, synaptic events delivered (recurrent and input),
 * spikes per neuron, and the wall time of the simulation loop (set-up excluded).
 */
public record SimulationResult(String engine, int neurons, double durationMs, long spikes,
                               long synapticEvents, int[] spikeCounts, double wallSeconds) {

    /** Mean firing rate over all neurons, Hz. */
    public double meanRateHz() {
        return spikes / (double) neurons / (durationMs / 1000.0);
    }

    /** Per-neuron firing rates, Hz. */
    public double[] ratesHz() {
        double[] r = new double[spikeCounts.length];
        double s = durationMs / 1000.0;
        for (int i = 0; i < r.length; i++) {
            r[i] = spikeCounts[i] / s;
        }
        return r;
    }

    /** Wall seconds per biological second. */
    public double wallPerBioSecond() {
        return wallSeconds / (durationMs / 1000.0);
    }

    public double synapticEventsPerWallSecond() {
        return synapticEvents / wallSeconds;
    }
}
