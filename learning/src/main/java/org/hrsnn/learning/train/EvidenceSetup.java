package org.hrsnn.learning.train;

import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.optim.Optimizer;
import org.hrsnn.learning.task.EvidenceAccumulation;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * The evidence-accumulation training setup in one place (used by {@code Experiments evidence} and
 * {@code hrsnn learn}): task, network, trainer settings and per-range Adam rates. Two presets:
 * {@link #ours()} (the earlier runs) and {@link #paper()} (the e-prop paper's reference code where
 * ours differed; docs/learning.md, "Matching the e-prop paper's setup"). Every field can be
 * overridden after choosing a preset. The paper's derived values (beta, outScale, readoutLr) are
 * computed from the preset's time constants and 100 neurons; overriding a time constant does not
 * recompute them.
 */
public final class EvidenceSetup {
    public static final String OURS = "ours";
    public static final String PAPER = "paper";

    public String preset = OURS;
    // network
    public int lif = 50;
    public int alif = 50;
    public double density = 1.0;
    public double membraneTauMs = 20;
    public double adaptationTauMs = 2000;
    /** beta: threshold increase per unit of the adaptation variable (a <- rho a + z), in units of threshold. */
    public double adaptationStrength = 1.8;
    public double threshold = 0.6;
    public double readoutTauMs = 20;
    public double recScale = 0.5;
    public double inScale = 1.0;
    public double outScale = 1.0;
    // task
    /** Cues per trial (odd); 7 in the published setup. */
    public int cues = 7;
    /** Delay between the last cue and the recall, ms. */
    public double delayMs = 1000;
    /** Probability that a cue falls on the trial's favoured side (0.5: independent fair coins). */
    public double cueBias = 0.5;
    // training
    public int iterations = 300;
    public int batch = 16;
    /** Online update every K steps; 0 = once per batch. */
    public int updateEvery = 0;
    public double clip = Double.POSITIVE_INFINITY;
    /** Coefficient c of c/2 sum_j (f_j - f0)^2. */
    public double rateReg = 1.0;
    public double targetRateHz = 10;
    public double lr = 0.005;
    public int lrDecayEvery = 0;
    public double lrDecay = 1.0;
    /** Adam rate of the readout weights relative to lr. */
    public double readoutLr = 1.0;
    /** Adam rate of the readout biases relative to lr. */
    public double biasLr = 1.0;
    /** Trials of a batch run in parallel (offline training, updateEvery 0, only). */
    public int threads = 1;
    public int logEvery = 10;
    public double maxSeconds = Double.POSITIVE_INFINITY;
    public int testTrials = 256;

    /** The earlier runs' setup. */
    public static EvidenceSetup ours() {
        return new EvidenceSetup();
    }

    /** The e-prop paper's evidence-accumulation code where ours differed. */
    public static EvidenceSetup paper() {
        EvidenceSetup e = new EvidenceSetup();
        e.preset = PAPER;
        double kappa = Math.exp(-1 / e.readoutTauMs);
        e.adaptationStrength = paperAdaptationStrength(e.membraneTauMs, e.adaptationTauMs);
        // W_in ~ N(0, 1/nIn), W_rec ~ N(0, 1/n) (ours scale by vth / sqrt(fan-in)); W_out Glorot
        // uniform (std sqrt(2 / (n + 2))) through a readout filtered with (1 - kappa).
        int n = e.lif + e.alif;
        e.recScale = 1 / e.threshold;
        e.inScale = 1 / e.threshold;
        e.outScale = Math.sqrt(2.0 / (n + 2)) * (1 - kappa) * Math.sqrt(n);
        e.delayMs = 1050;
        e.cueBias = 0.7;
        // reg_f sum_j (f_j - f0)^2 is twice our c/2 sum_j (f_j - f0)^2 for the same coefficient.
        e.rateReg = 2.0;
        // The readout is (1 - kappa) W_out filtered spikes, so W_out's Adam steps are (1 - kappa)
        // times ours; it has no bias (rate 0 keeps ours at 0).
        e.readoutLr = 1 - kappa;
        e.biasLr = 0.0;
        return e;
    }

    /**
     * The e-prop paper's adaptation strength 1.7 in our units: its adaptation variable grows by
     * (1 - rho) / (1 - alpha) per spike relative to ours (a &lt;- rho a + z), so the same threshold
     * rise needs beta = 1.7 (1 - rho) / (1 - alpha), rho = e^{-1/tau_a}, alpha = e^{-1/tau_m} (1 ms steps).
     */
    public static double paperAdaptationStrength(double membraneTauMs, double adaptationTauMs) {
        return 1.7 * (1 - Math.exp(-1 / adaptationTauMs)) / (1 - Math.exp(-1 / membraneTauMs));
    }

    /** {@code ours} or {@code paper}; anything else is invalid input naming {@code preset}. */
    public static EvidenceSetup preset(String name) {
        return switch (name == null ? "" : name) {
            case OURS -> ours();
            case PAPER -> paper();
            default -> throw new InvalidInputException("preset", name, "ours or paper");
        };
    }

    public EvidenceAccumulation task() {
        return new EvidenceAccumulation(cues, 100, 50, delayMs, 150, 1, cueBias);
    }

    /** The network for a task with these input and output counts (the CLI uses it for every task). */
    public RecurrentSpikingModel.Spec modelSpec(int inputs, int outputs) {
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.lifNeurons = lif;
        s.alifNeurons = alif;
        s.inputs = inputs;
        s.outputs = outputs;
        s.density = density;
        s.membraneTauMs = membraneTauMs;
        s.adaptationTauMs = adaptationTauMs;
        s.adaptationStrength = adaptationStrength;
        s.threshold = threshold;
        s.readoutTauMs = readoutTauMs;
        s.recScale = recScale;
        s.inScale = inScale;
        s.outScale = outScale;
        return s;
    }

    public RecurrentSpikingModel model(int inputs, int outputs, RandomStreams streams) {
        return modelSpec(inputs, outputs).build(streams);
    }

    public Trainer.Config trainerConfig() {
        Trainer.Config c = new Trainer.Config();
        c.iterations = iterations;
        c.batch = batch;
        c.updateEvery = updateEvery;
        c.clipNorm = clip;
        c.rateRegularization = rateReg;
        c.targetRateHz = targetRateHz;
        c.logEvery = logEvery;
        c.lrDecayEvery = lrDecayEvery;
        c.lrDecay = lrDecay;
        c.maxSeconds = maxSeconds;
        c.threads = threads;
        return c;
    }

    /** Adam at rate lr with the readout and bias ranges of {@code model} scaled by readoutLr and biasLr. */
    public Adam adam(RecurrentSpikingModel model) {
        Adam adam = new Adam(lr);
        scaleRates(adam, model);
        return adam;
    }

    /** Applies readoutLr to [outOffset, biasOffset) and biasLr to [biasOffset, end) of the parameters. */
    public void scaleRates(Adam adam, RecurrentSpikingModel model) {
        adam.scaleRange(model.outOffset, model.biasOffset, readoutLr);
        adam.scaleRange(model.biasOffset, model.parameterCount(), biasLr);
    }

    /** For the optimizers without per-range rates: refuse scales other than 1 rather than ignore them. */
    public void requireUnscaled(Optimizer opt) {
        if (readoutLr != 1.0) {
            throw new InvalidInputException("readoutLr", readoutLr, "1 with " + opt.name() + " (only adam scales ranges)");
        }
        if (biasLr != 1.0) {
            throw new InvalidInputException("biasLr", biasLr, "1 with " + opt.name() + " (only adam scales ranges)");
        }
    }
}
