package org.hrsnn.simulator.network;

/**
 * A named, contiguous block of neurons [start, start + size) of one model and one Dale sign.
 */
public record Population(String name, int start, int size, NeuronModel model, DaleSign sign) {
    public int end() {
        return start + size;
    }

    public boolean contains(int neuron) {
        return neuron >= start && neuron < start + size;
    }
}
