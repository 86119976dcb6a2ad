package org.hrsnn.hardware.preset;

/**
 * Energy (pJ) and time (ns) per operation. Cores work in parallel within a step; a step lasts as
 * long as its busiest core plus the routing of its spikes and a barrier.
 *
 * @param synapticOpPj            one synapse delivering one spike
 * @param synapticUpdatePj        one on-chip learning update of one synapse
 * @param neuronUpdateActivePj    one neuron update with input or nonzero state
 * @param neuronUpdateInactivePj  one neuron update with nothing to do
 * @param spikeWithinTilePj       one spike sent to a core of the same tile
 * @param hopEastWestPj           one tile hop along a mesh row
 * @param hopNorthSouthPj         one tile hop along a mesh column
 * @param synapticOpNs            time per synaptic op on a core
 * @param synapticUpdateNs        time per learning update on a core
 * @param neuronUpdateActiveNs    time per active neuron update
 * @param neuronUpdateInactiveNs  time per inactive neuron update
 * @param spikeWithinTileNs       latency of a spike within a tile
 * @param hopEastWestNs           latency per east-west hop
 * @param hopNorthSouthNs         latency per north-south hop
 * @param barrierNs               end-of-step synchronisation when every core used sits in one tile
 * @param barrierPerHopNs         growth of the barrier per tile hop of the span of the tiles used (the
 *                                east-west plus north-south extent of their bounding rectangle on the
 *                                mesh): the synchronisation has to cross that distance
 */
public record OperationCosts(double synapticOpPj, double synapticUpdatePj, double neuronUpdateActivePj,
                             double neuronUpdateInactivePj, double spikeWithinTilePj, double hopEastWestPj,
                             double hopNorthSouthPj, double synapticOpNs, double synapticUpdateNs,
                             double neuronUpdateActiveNs, double neuronUpdateInactiveNs, double spikeWithinTileNs,
                             double hopEastWestNs, double hopNorthSouthNs, double barrierNs, double barrierPerHopNs) {

    /** Barrier time (ns) of a step when the tiles used span {@code spanHops} hops of the mesh. */
    public double barrierNs(int spanHops) {
        return barrierNs + barrierPerHopNs * spanHops;
    }
}
