package org.hrsnn.learning.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.task.EvidenceAccumulation;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

class EvidenceSetupTest {
    @Test
    void paperPresetHoldsTheDocumentedValues() {
        EvidenceSetup p = EvidenceSetup.preset("paper");
        double kappa = Math.exp(-1.0 / 20);
        assertEquals(1.7 * (1 - Math.exp(-1.0 / 2000)) / (1 - Math.exp(-1.0 / 20)), p.adaptationStrength, 1e-15);
        assertEquals(0.7, p.cueBias);
        assertEquals(1050, p.delayMs);
        assertEquals(2.0, p.rateReg);
        assertEquals(1 - kappa, p.readoutLr, 1e-15);
        assertEquals(0.0, p.biasLr);
        assertEquals(1 / 0.6, p.recScale, 1e-15);
        assertEquals(1 / 0.6, p.inScale, 1e-15);
        assertEquals(Math.sqrt(2.0 / 102) * (1 - kappa) * 10, p.outScale, 1e-15);
        // Unchanged from ours: network size and time constants.
        EvidenceSetup o = EvidenceSetup.preset("ours");
        assertEquals(o.lif, p.lif);
        assertEquals(o.alif, p.alif);
        assertEquals(o.adaptationTauMs, p.adaptationTauMs);
        assertEquals(0.5, o.cueBias);
        assertEquals(1000, o.delayMs);
        assertEquals(1.0, o.readoutLr);
        assertEquals(1.0, o.biasLr);
    }

    @Test
    void unknownPresetNamesTheKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EvidenceSetup.preset("nature"));
        assertTrue(e.getMessage().contains("preset") && e.getMessage().contains("nature"), e.getMessage());
    }

    @Test
    void builtPiecesCarryTheSettings() {
        EvidenceSetup p = EvidenceSetup.paper();
        p.cueBias = 0.9;
        p.threads = 2;
        p.batch = 3;
        EvidenceAccumulation task = p.task();
        RecurrentSpikingModel.Spec s = p.modelSpec(task.inputs(), task.outputs());
        assertEquals(p.outScale, s.outScale);
        assertEquals(p.adaptationStrength, s.adaptationStrength);
        assertEquals(task.inputs(), s.inputs);
        Trainer.Config c = p.trainerConfig();
        assertEquals(2, c.threads);
        assertEquals(3, c.batch);
        assertEquals(2.0, c.rateRegularization);
    }

    @Test
    void adamStepsOfReadoutAndBiasAreScaled() {
        EvidenceSetup p = EvidenceSetup.paper();
        p.lif = 3;
        p.alif = 3;
        p.biasLr = 0.25; // non-zero, to see the bias range scaled rather than frozen
        RecurrentSpikingModel model = p.model(4, 2, new org.hrsnn.simulator.random.RandomStreams(1));
        double[] params = new double[model.parameterCount()];
        double[] g = new double[params.length];
        java.util.Arrays.fill(g, 1.0);
        p.adam(model).apply(params, g);
        // First Adam step with a constant gradient moves every parameter by lr * scale (up to epsilon).
        assertEquals(-p.lr, params[0], 1e-9);
        assertEquals(-p.lr * p.readoutLr, params[model.outOffset], 1e-9);
        assertEquals(-p.lr * p.readoutLr, params[model.biasOffset - 1], 1e-9);
        assertEquals(-p.lr * 0.25, params[model.biasOffset], 1e-9);
    }
}
