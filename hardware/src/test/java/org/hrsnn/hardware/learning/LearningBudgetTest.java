package org.hrsnn.hardware.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.preset.OperationCosts;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.surrogate.PiecewiseLinear;
import org.junit.jupiter.api.Test;

class LearningBudgetTest {

    /** 3 neurons (neuron 2 adapts), synapses 0->1, 0->2, 1->2, 2->0, 2 input channels. */
    static RecurrentSpikingModel model() {
        int[] rowStart = {0, 2, 3, 4};
        int[] target = {1, 2, 2, 0};
        double a = Math.exp(-1 / 20.0);
        double[] params = new double[4 + 3 * 2 + 1 * 3 + 1];
        return RecurrentSpikingModel.of(rowStart, target, 2, 1, new double[] {a, a, a},
                new double[] {0.999, 0.999, 0.999}, new double[] {0, 0, 1.8}, new double[] {0.6, 0.6, 0.6},
                0.95, 1.0, new PiecewiseLinear(), false, params);
    }

    @Test
    void countsFollowTheFormulas() {
        LearningFormat f = new LearningFormat(7, 9, 16, 63, true, 12);
        LearningBudget e = LearningBudget.of(model(), f, FixedPointEprop.Variant.EPROP);
        assertEquals(4 + 6, e.parameters());
        assertEquals(2 + 2, e.alifParameters()); // neuron 2: 2 recurrent in-synapses + 2 inputs
        assertEquals(3 + 2, e.perNeuronTraces()); // zbar per neuron and input channel
        assertEquals(10 + 4, e.perSynapseTraces()); // ebar for all, eps_a for ALIF targets
        assertEquals((5 + 14) * 7, e.traceMemoryBits());
        assertEquals(10 * 16, e.accumulatorMemoryBits());
        assertEquals((133 + 160 + 7) / 8, e.learningMemoryBytes());
        assertEquals(7, e.bitsPerNeuron());
        assertEquals((14 * 7 + 160) / 10.0, e.bitsPerSynapse(), 1e-12);
        assertEquals(10 + 10 / 63.0, e.updatesPerStep(), 1e-12);
        OperationCosts c = HardwarePresets.loihi1().costs();
        assertEquals((10 + 10 / 63.0) * 120, e.energyPerStepPj(c), 1e-9);
        assertEquals((10 + 10 / 63.0) * 6.1, e.timePerStepNs(c), 1e-9);

        LearningBudget s = LearningBudget.of(model(), f, FixedPointEprop.Variant.SNAP1);
        assertEquals(0, s.perNeuronTraces());
        assertEquals(10 + 4 + 10, s.perSynapseTraces()); // plus eps_v per synapse
        assertEquals(0, s.bitsPerNeuron());
    }
}
