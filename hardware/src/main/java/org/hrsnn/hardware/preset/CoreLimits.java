package org.hrsnn.hardware.preset;

/**
 * What fits on the chip: cores (grouped into tiles on a 2-D mesh of {@code meshColumns} tiles per
 * row), and per core the neurons, synaptic memory (bits), input axons (distinct presynaptic
 * sources), output axons (distinct (source neuron, destination core) routes) and neuron
 * prototypes (distinct (du, dv) configurations). {@code externalInputs} caps the number of input
 * channels of the whole chip (0 = no cap).
 */
public record CoreLimits(int cores, int coresPerTile, int meshColumns, int neuronsPerCore,
                         long synapticMemoryBitsPerCore, int inputAxonsPerCore, int outputAxonsPerCore,
                         int prototypesPerCore, int externalInputs) {

    /** Tile index of a core. */
    public int tileOf(int core) {
        return core / coresPerTile;
    }
}
