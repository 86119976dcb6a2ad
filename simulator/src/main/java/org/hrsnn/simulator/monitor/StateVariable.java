package org.hrsnn.simulator.monitor;

/** A per-neuron state variable a {@link StateRecorder} can sample (units in the accessor's javadoc). */
public enum StateVariable {
    /** v, mV. */
    MEMBRANE_POTENTIAL("v_mV"),
    /** I_e, nA. */
    EXCITATORY_CURRENT("I_e_nA"),
    /** I_i, nA (negative or zero). */
    INHIBITORY_CURRENT("I_i_nA"),
    /** a, ALIF adaptation (dimensionless; 0 for LIF). */
    ADAPTATION("a");

    private final String column;

    StateVariable(String column) {
        this.column = column;
    }

    /** A column name with the unit, for tables ("v_mV"). */
    public String column() {
        return column;
    }

    /** Reads this variable of one neuron from a state view. */
    public double read(NeuronStateView state, int neuron) {
        switch (this) {
            case MEMBRANE_POTENTIAL:
                return state.membranePotential(neuron);
            case EXCITATORY_CURRENT:
                return state.excitatoryCurrent(neuron);
            case INHIBITORY_CURRENT:
                return state.inhibitoryCurrent(neuron);
            default:
                return state.adaptation(neuron);
        }
    }
}
