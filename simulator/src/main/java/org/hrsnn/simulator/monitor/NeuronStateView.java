package org.hrsnn.simulator.monitor;

/**
 * The state of any neuron at the current sample time, computed on demand (the event engine
 * evaluates the exact solution at that time without changing its own state).
 */
public interface NeuronStateView {
    /** v, mV. */
    double membranePotential(int neuron);

    /** I_e, nA. */
    double excitatoryCurrent(int neuron);

    /** I_i, nA (negative or zero). */
    double inhibitoryCurrent(int neuron);

    /** a, the ALIF adaptation variable (dimensionless; 0 for LIF). */
    double adaptation(int neuron);
}
