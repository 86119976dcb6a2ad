package org.hrsnn.hardware.learning;

import java.util.Locale;
import org.hrsnn.hardware.preset.OperationCosts;
import org.hrsnn.learning.model.RecurrentSpikingModel;

/**
 * Memory and work of the fixed-point learning rule on one network, by formula:
 * <ul>
 * <li>learned parameters p = recurrent synapses + neurons x input channels; of these, a = those whose
 *     postsynaptic neuron adapts (ALIF);</li>
 * <li>per-neuron traces: e-prop keeps zbar once per presynaptic neuron and input channel
 *     (n + inputs values); SnAp-1 none;</li>
 * <li>per-synapse traces: ebar for every parameter (p), eps_a for the ALIF ones (a), and for SnAp-1
 *     eps_v for every parameter (p);</li>
 * <li>trace memory = trace values x traceBits; accumulator memory = p x accumulatorBits;</li>
 * <li>synaptic updates per step = p (every parameter's traces and accumulator change every step)
 *     + p / E weight writes (one per parameter per learning epoch of E steps);</li>
 * <li>energy per step = synaptic updates per step x synapticUpdatePj; time per step = the same count
 *     x synapticUpdateNs (serial on one core; divide by the cores that hold the synapses).</li>
 * </ul>
 */
public record LearningBudget(String rule, int traceBits, int accumulatorBits, int weightBits, int epochSteps,
                             long parameters, long alifParameters, long perNeuronTraces, long perSynapseTraces) {

    public static LearningBudget of(RecurrentSpikingModel model, LearningFormat f, FixedPointEprop.Variant variant) {
        long p = model.stateParameters();
        long a = 0;
        for (int j = 0; j < model.n; j++) {
            if (model.beta[j] != 0) {
                a += model.inStart[j + 1] - model.inStart[j] + model.inputs;
            }
        }
        boolean eprop = variant == FixedPointEprop.Variant.EPROP;
        long perNeuron = eprop ? model.n + model.inputs : 0;
        long perSynapse = p + a + (eprop ? 0 : p);
        return new LearningBudget(eprop ? "e-prop" : "snap-1", f.traceBits(), f.accumulatorBits(), f.weightBits(),
                f.epochSteps(), p, a, perNeuron, perSynapse);
    }

    public long traceValues() {
        return perNeuronTraces + perSynapseTraces;
    }

    public long traceMemoryBits() {
        return traceValues() * traceBits;
    }

    public long accumulatorMemoryBits() {
        return parameters * accumulatorBits;
    }

    /** Trace plus accumulator memory, bytes (bits / 8, rounded up). */
    public long learningMemoryBytes() {
        return (traceMemoryBits() + accumulatorMemoryBits() + 7) / 8;
    }

    /** Learning memory held per synapse (its traces and accumulator), bits, averaged over parameters. */
    public double bitsPerSynapse() {
        return parameters == 0 ? 0 : (double) (perSynapseTraces * traceBits + accumulatorMemoryBits()) / parameters;
    }

    /** Learning memory held per presynaptic neuron or input channel (zbar), bits. */
    public int bitsPerNeuron() {
        return perNeuronTraces == 0 ? 0 : traceBits;
    }

    public double updatesPerStep() {
        return parameters + (double) parameters / epochSteps;
    }

    public double energyPerStepPj(OperationCosts c) {
        return updatesPerStep() * c.synapticUpdatePj();
    }

    public double timePerStepNs(OperationCosts c) {
        return updatesPerStep() * c.synapticUpdateNs();
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d parameters, %d per-neuron and %d per-synapse traces of %d bits, "
                        + "%d-bit accumulators, %.1f synaptic updates per step (epoch %d)", parameters, perNeuronTraces,
                perSynapseTraces, traceBits, accumulatorBits, updatesPerStep(), epochSteps);
    }
}
