package org.hrsnn.simulator.network;

/** The neuron models a population can have. */
public enum NeuronModel {
    /** Current-based LIF with exponential excitatory and inhibitory synaptic currents. */
    LIF,
    /** LIF with an adaptive threshold A = V_th + beta a, tau_a da/dt = -a, a += 1 per spike. */
    ALIF
}
