package org.hrsnn.hardware.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.task.EvidenceAccumulation;
import org.hrsnn.learning.train.EvidenceSetup;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class OnChipLearningSweepTest {
    private static final HardwarePreset LOIHI = HardwarePresets.loihi1();

    /** The chip learns the setup's network and task: the paper's adaptation strength, cue bias and delay, not the old 1.8. */
    @Test
    void modelAndTaskComeFromTheEvidenceSetup() {
        OnChipLearningSweep.Settings s = new OnChipLearningSweep.Settings();
        EvidenceAccumulation task = s.setup.task();
        assertEquals(1050, s.setup.delayMs);
        assertEquals(7, s.setup.cues);
        RecurrentSpikingModel m = OnChipLearningSweep.model(task, s, new RandomStreams(1));
        double beta = EvidenceSetup.paperAdaptationStrength(20, 2000);
        assertTrue(beta < 0.02, "the paper's 1.7 in our units is about 0.017: " + beta);
        for (int j = 0; j < m.n; j++) {
            assertEquals(j < s.setup.lif ? 0 : beta, m.beta[j], 1e-15, "beta of neuron " + j);
        }
        s.setup = EvidenceSetup.ours();
        s.setup.cues = 3;
        RecurrentSpikingModel ours = OnChipLearningSweep.model(s.setup.task(), s, new RandomStreams(1));
        assertEquals(1.8, ours.beta[ours.n - 1]);
        assertEquals(3 * (100 + 50) + 1000 + 150, s.setup.task().steps(), "3 cues of 100 ms, each with a 50 ms gap, delay, recall");
    }

    /** The float and the fixed-point rows share one schedule: online, batch 1, every epoch, the setup's rates. */
    @Test
    void trainerConfigIsOnlineOneTrialAtATime() {
        OnChipLearningSweep.Settings s = new OnChipLearningSweep.Settings();
        s.trials = 7;
        s.epochSteps = 31;
        s.setup.lrDecayEvery = 3;
        s.setup.lrDecay = 0.5;
        Trainer.Config c = OnChipLearningSweep.trainerConfig(s, 0);
        assertEquals(7, c.iterations);
        assertEquals(1, c.batch);
        assertEquals(31, c.updateEvery);
        assertEquals(3, c.lrDecayEvery);
        assertEquals(0.5, c.lrDecay);
        assertEquals(s.setup.rateReg, c.rateRegularization);
    }

    /** The learning-rate schedule reaches the float optimiser behind the integer weights. */
    @Test
    void scheduleScalesTheRateOfTheRoundedOptimiser() {
        EvidenceSetup e = EvidenceSetup.paper();
        e.cues = 1;
        e.delayMs = 10;
        EvidenceAccumulation task = e.task();
        RandomStreams streams = new RandomStreams(2);
        RecurrentSpikingModel m = e.model(task.inputs(), task.outputs(), streams);
        LearningFormat f = LearningFormat.of(LOIHI).withEpochSteps(63).withTraceBits(16);
        Adam adam = e.adam(m);
        FixedPointWeights w = new FixedPointWeights(m, f, adam, 8, true, streams);
        FixedPointEprop rule = new FixedPointEprop(m, f, FixedPointEprop.Variant.EPROP, streams);
        Trainer.Config c = new Trainer.Config();
        c.iterations = 5;
        c.batch = 1;
        c.updateEvery = 63;
        c.lrDecayEvery = 2;
        c.lrDecay = 0.5;
        int[] seen = new int[1];
        c.onIteration = done -> seen[0] = done;
        new FixedPointTrainer(m, task, new FixedPointForwardPass(m, w, LOIHI), rule, w, c, streams).run();
        assertEquals(5, seen[0], "progress reports every trial");
        assertEquals(e.lr * 0.25, adam.learningRate(), 1e-15, "two decays in five trials");
        assertEquals(adam.learningRate(), w.learningRate());

        c.batch = 2;
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> new FixedPointTrainer(m, task, new FixedPointForwardPass(m, w, LOIHI), rule, w, c, streams));
        assertTrue(bad.getMessage().contains("batch"), bad.getMessage());
    }

    /** SGD has no per-range rates: the paper setup's scaled readout rate is refused by name, not ignored. */
    @Test
    void sgdWithThePapersReadoutRateIsRefused() {
        OnChipLearningSweep.Settings s = new OnChipLearningSweep.Settings();
        s.optimizer = "sgd";
        s.trials = 1;
        s.testTrials = 1;
        s.traceBits = new int[] {16};
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new OnChipLearningSweep().run(LOIHI, s));
        assertTrue(e.getMessage().contains("readoutLr"), e.getMessage());
    }

    /** An eps_a range that one of the widths cannot hold is refused before any row trains. */
    @Test
    void anEpsARangeTooWideForOneWidthFailsBeforeTraining() {
        OnChipLearningSweep.Settings s = new OnChipLearningSweep.Settings();
        s.trials = 100_000; // would take hours: the refusal must come first
        s.traceBits = new int[] {16, 7};
        s.adaptationHeadroomBits = 7;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new OnChipLearningSweep().run(LOIHI, s));
        assertEquals("adaptationHeadroomBits", e.field());
    }
}
