package org.hrsnn.simulator.network;

/**
 * The per-neuron parameters a population specifies, with the configuration key, the unit,
 * the valid range (checked on every sampled value) and the default.
 */
public enum NeuronParameter {
    MEMBRANE_TAU("membraneTau", "ms", Double.MIN_VALUE, Double.MAX_VALUE, 20.0),
    EXCITATORY_TAU("excitatoryTau", "ms", Double.MIN_VALUE, Double.MAX_VALUE, 5.0),
    INHIBITORY_TAU("inhibitoryTau", "ms", Double.MIN_VALUE, Double.MAX_VALUE, 10.0),
    THRESHOLD("threshold", "mV", -Double.MAX_VALUE, Double.MAX_VALUE, -50.0),
    RESET_POTENTIAL("resetPotential", "mV", -Double.MAX_VALUE, Double.MAX_VALUE, -60.0),
    LEAK_POTENTIAL("leakPotential", "mV", -Double.MAX_VALUE, Double.MAX_VALUE, -60.0),
    RESISTANCE("resistance", "MOhm", Double.MIN_VALUE, Double.MAX_VALUE, 1.0),
    REFRACTORY_PERIOD("refractoryPeriod", "ms", 0.0, Double.MAX_VALUE, 2.0),
    BIAS_CURRENT("biasCurrent", "nA", -Double.MAX_VALUE, Double.MAX_VALUE, 0.0),
    ADAPTATION_TAU("adaptationTau", "ms", Double.MIN_VALUE, Double.MAX_VALUE, 200.0),
    ADAPTATION_STRENGTH("adaptationStrength", "mV", 0.0, Double.MAX_VALUE, 0.0),
    INITIAL_POTENTIAL("initialPotential", "mV", -Double.MAX_VALUE, Double.MAX_VALUE, -60.0);

    private final String key;
    private final String unit;
    private final double lower;
    private final double upper;
    private final double defaultValue;

    NeuronParameter(String key, String unit, double lower, double upper, double defaultValue) {
        this.key = key;
        this.unit = unit;
        this.lower = lower;
        this.upper = upper;
        this.defaultValue = defaultValue;
    }

    /** The configuration key, e.g. "membraneTau". */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** Smallest allowed value (Double.MIN_VALUE means "strictly positive"). */
    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    public double defaultValue() {
        return defaultValue;
    }

    /** Human-readable allowed range for error messages. */
    public String allowed() {
        String u = " " + unit;
        if (lower == Double.MIN_VALUE) {
            return "a finite number > 0" + u;
        }
        if (lower == 0.0) {
            return "a finite number >= 0" + u;
        }
        return "a finite number" + u;
    }

    public static NeuronParameter fromKey(String key) {
        for (NeuronParameter p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }
}
