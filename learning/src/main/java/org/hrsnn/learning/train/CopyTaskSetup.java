package org.hrsnn.learning.train;

import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.task.CopyTask;
import org.hrsnn.learning.task.Task;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * The copy-task online-learning setup in one place (used by {@code Experiments speed} and
 * {@code hrsnn learn curves}): a sparse LIF/ALIF network (half each, tau_a 200 ms, membrane time
 * constants spread by 50 %), CopyTask(4 symbols, 3 steps, 20 ms periods), online updates every 10
 * steps, batch 4, rate regularisation 0.5, gradient clip 10, Adam 0.003. Every field can be
 * overridden. Offline rules (BPTT, see {@link #offline}) are trained once per batch instead.
 */
public final class CopyTaskSetup {
    public int neurons = 100;
    public double density = 0.05;
    public double recScale = 1.0;
    /** Length of one symbol period of the copy task, ms. */
    public double periodMs = 20;
    public int iterations = 300;
    public int batch = 4;
    /** Online update every K steps for online rules. */
    public int updateEvery = 10;
    public double rateReg = 0.5;
    public double clip = 10;
    public double lr = 0.003;

    public Task task() {
        return new CopyTask(4, 3, periodMs, 1);
    }

    public RecurrentSpikingModel.Spec modelSpec(int inputs, int outputs) {
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.lifNeurons = neurons / 2;
        s.alifNeurons = neurons - s.lifNeurons;
        s.adaptationTauMs = 200;
        s.inputs = inputs;
        s.outputs = outputs;
        s.density = density;
        s.tauSpread = 0.5;
        s.recScale = recScale;
        return s;
    }

    /** The network for {@code task} drawn from {@code streams} (seed s: {@code new RandomStreams(s)}). */
    public RecurrentSpikingModel model(Task task, RandomStreams streams) {
        return modelSpec(task.inputs(), task.outputs()).build(streams);
    }

    /** Whether {@code rule} (a module rule name) learns offline, from the whole trial: bptt and its variants. */
    public static boolean offline(String rule) {
        return rule.equals("bptt") || rule.startsWith("bptt-") || rule.startsWith("bptt:");
    }

    /** Trainer settings for {@code rule}: updateEvery for online rules, 0 (once per batch) for offline ones. */
    public Trainer.Config trainerConfig(String rule) {
        Trainer.Config c = new Trainer.Config();
        c.iterations = iterations;
        c.batch = batch;
        c.updateEvery = offline(rule) ? 0 : updateEvery;
        c.rateRegularization = rateReg;
        c.clipNorm = clip;
        return c;
    }

    public Adam adam() {
        return new Adam(lr);
    }
}
