package org.hrsnn.simulator.network;

/**
 * Per-neuron parameters as structure-of-arrays: entry i of every array belongs to neuron i.
 *
 * <p>Units: times in ms, potentials in mV, resistance in MOhm, currents in nA (so R I is in mV).
 * The arrays are shared, not copied: engines and analyses read them and must never write them.
 *
 * <p>Model (MODELS.md section 1): tau_m dv/dt = -(v - E_L) + R (I_e + I_i + I_bias);
 * tau_e dI_e/dt = -I_e; tau_i dI_i/dt = -I_i; v > V_th: spike, v = V_reset, v held for t_ref.
 * ALIF adds a threshold V_th + adaptationStrength * a with tau_a da/dt = -a, a += 1 per spike;
 * for LIF neurons adaptationStrength is 0.
 */
public final class NeuronParameters {
    public final int size;
    /** tau_m, ms, > 0. */
    public final double[] membraneTau;
    /** tau_e of the excitatory synaptic current, ms, > 0. */
    public final double[] excitatoryTau;
    /** tau_i of the inhibitory synaptic current, ms, > 0. */
    public final double[] inhibitoryTau;
    /** V_th, mV. */
    public final double[] threshold;
    /** V_reset, mV, < V_th. */
    public final double[] resetPotential;
    /** E_L, the leak reversal (resting) potential, mV. */
    public final double[] leakPotential;
    /** R, MOhm, > 0. */
    public final double[] resistance;
    /** t_ref, ms, >= 0. */
    public final double[] refractoryPeriod;
    /** I_bias, nA. */
    public final double[] biasCurrent;
    /** tau_a, ms, > 0 (ALIF; unused where adaptationStrength is 0). */
    public final double[] adaptationTau;
    /** beta, mV per unit of adaptation (0 for LIF). */
    public final double[] adaptationStrength;
    /** v at t = 0, mV. */
    public final double[] initialPotential;

    public NeuronParameters(double[] membraneTau, double[] excitatoryTau, double[] inhibitoryTau,
                            double[] threshold, double[] resetPotential, double[] leakPotential,
                            double[] resistance, double[] refractoryPeriod, double[] biasCurrent,
                            double[] adaptationTau, double[] adaptationStrength, double[] initialPotential) {
        this.size = membraneTau.length;
        this.membraneTau = membraneTau;
        this.excitatoryTau = excitatoryTau;
        this.inhibitoryTau = inhibitoryTau;
        this.threshold = threshold;
        this.resetPotential = resetPotential;
        this.leakPotential = leakPotential;
        this.resistance = resistance;
        this.refractoryPeriod = refractoryPeriod;
        this.biasCurrent = biasCurrent;
        this.adaptationTau = adaptationTau;
        this.adaptationStrength = adaptationStrength;
        this.initialPotential = initialPotential;
        for (double[] a : new double[][] {excitatoryTau, inhibitoryTau, threshold, resetPotential,
                leakPotential, resistance, refractoryPeriod, biasCurrent, adaptationTau,
                adaptationStrength, initialPotential}) {
            if (a.length != size) {
                throw new IllegalArgumentException("all parameter arrays must have length " + size);
            }
        }
    }

    /** Deep copy, for transformations (pruning, re-tuning) that build a new description. */
    public NeuronParameters copy() {
        return new NeuronParameters(membraneTau.clone(), excitatoryTau.clone(), inhibitoryTau.clone(),
                threshold.clone(), resetPotential.clone(), leakPotential.clone(), resistance.clone(),
                refractoryPeriod.clone(), biasCurrent.clone(), adaptationTau.clone(),
                adaptationStrength.clone(), initialPotential.clone());
    }

    /** The subset of neurons {@code keep} (ascending indices), in that order. */
    public NeuronParameters select(int[] keep) {
        return new NeuronParameters(pick(membraneTau, keep), pick(excitatoryTau, keep),
                pick(inhibitoryTau, keep), pick(threshold, keep), pick(resetPotential, keep),
                pick(leakPotential, keep), pick(resistance, keep), pick(refractoryPeriod, keep),
                pick(biasCurrent, keep), pick(adaptationTau, keep), pick(adaptationStrength, keep),
                pick(initialPotential, keep));
    }

    private static double[] pick(double[] a, int[] keep) {
        double[] out = new double[keep.length];
        for (int k = 0; k < keep.length; k++) {
            out[k] = a[keep[k]];
        }
        return out;
    }
}
