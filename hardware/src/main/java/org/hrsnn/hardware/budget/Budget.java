package org.hrsnn.hardware.budget;

/**
 * Energy, latency and memory of one run ("inference") of a mapped network, from operation counts
 * times the preset's per-operation costs.
 *
 * @param steps                 steps of the run
 * @param coresUsed             cores holding neurons
 * @param synapticOps           synapse deliveries
 * @param activeUpdates         neuron updates with input or nonzero state
 * @param inactiveUpdates       the other neuron updates
 * @param spikes                spikes of the network's neurons
 * @param withinTileMessages    spike messages to a core of the sender's tile (its own core included)
 * @param eastWestHops          tile hops along mesh rows, summed over messages
 * @param northSouthHops        tile hops along mesh columns
 * @param learningUpdates       on-chip synaptic learning updates (0 without learning)
 * @param synapticEnergyPj      synapticOps x synapticOpPj
 * @param neuronEnergyPj        active and inactive updates x their costs
 * @param routingEnergyPj       within-tile messages and hops x their costs
 * @param learningEnergyPj      learningUpdates x synapticUpdatePj
 * @param meanStepLatencyNs     mean over steps of (busiest core's compute time + slowest route + barrier)
 * @param maxStepLatencyNs      the slowest step
 * @param synapseBitsPerCore    synaptic memory used per core
 */
public record Budget(int steps, int coresUsed, long synapticOps, long activeUpdates, long inactiveUpdates, long spikes,
                     long withinTileMessages, long eastWestHops, long northSouthHops, long learningUpdates,
                     double synapticEnergyPj, double neuronEnergyPj, double routingEnergyPj, double learningEnergyPj,
                     double meanStepLatencyNs, double maxStepLatencyNs, long[] synapseBitsPerCore) {

    /** Total energy of the run, pJ. */
    public double energyPerInferencePj() {
        return synapticEnergyPj + neuronEnergyPj + routingEnergyPj + learningEnergyPj;
    }

    public double energyPerStepPj() {
        return energyPerInferencePj() / steps;
    }

    /** Time of the whole run, ns (steps run one after another). */
    public double latencyPerInferenceNs() {
        return meanStepLatencyNs * steps;
    }

    public long synapseBitsTotal() {
        long s = 0;
        for (long b : synapseBitsPerCore) {
            s += b;
        }
        return s;
    }
}
