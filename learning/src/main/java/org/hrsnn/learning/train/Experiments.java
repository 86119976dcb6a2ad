package org.hrsnn.learning.train;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.gradient.Rules;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.task.CopyTask;
import org.hrsnn.learning.task.EvidenceAccumulation;
import org.hrsnn.learning.task.Task;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Benchmark command for the learning results (runs for minutes; not a test).
 *
 * <pre>
 * Experiments evidence rule=e-prop iterations=300 batch=16 delayMs=1000 seed=1 lr=0.005 [lrDecayEvery=100 lrDecay=0.5 maxSeconds=1800]
 *     50 LIF + 50 ALIF (tau_a 2 s), all-to-all, evidence accumulation; prints the training error
 *     per iteration block and the iteration at which the 10-iteration mean error fell below 10 %.
 * Experiments speed rules=snap-2,tbptt-10 seeds=3 iterations=200 density=0.05 n=100 updateEvery=10
 *     online learning speed on the copy task: mean loss over seeds per block of iterations.
 * </pre>
 */
public final class Experiments {
    private Experiments() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            throw new InvalidInputException("experiment", "", "evidence or speed");
        }
        Map<String, String> o = new HashMap<>();
        for (int k = 1; k < args.length; k++) {
            String[] kv = args[k].split("=", 2);
            if (kv.length != 2) {
                throw new InvalidInputException("argument", args[k], "key=value");
            }
            o.put(kv[0], kv[1]);
        }
        switch (args[0]) {
            case "evidence" -> evidence(o);
            case "speed" -> speed(o);
            default -> throw new InvalidInputException("experiment", args[0], "evidence or speed");
        }
    }

    private static double num(Map<String, String> o, String key, double dflt) {
        return o.containsKey(key) ? Double.parseDouble(o.get(key)) : dflt;
    }

    static void evidence(Map<String, String> o) {
        String rule = o.getOrDefault("rule", "e-prop");
        long seed = (long) num(o, "seed", 1);
        // preset=paper: the settings of the e-prop paper's evidence-accumulation code where ours
        // differed (docs/learning.md, "Matching the e-prop paper's setup"); every key can still be
        // overridden one by one.
        boolean paper = o.getOrDefault("preset", "ours").equals("paper");
        if (!paper && !o.getOrDefault("preset", "ours").equals("ours")) {
            throw new InvalidInputException("preset", o.get("preset"), "ours or paper");
        }
        double tauM = 20;
        double tauA = 2000;
        double tauOut = 20;
        double kappa = Math.exp(-1 / tauOut);
        double vth = 0.6;
        // The paper's beta 1.7 multiplies an adaptation variable that grows by (1 - rho) / (1 - alpha)
        // per spike relative to ours (a <- rho a + z): the same threshold in our units.
        double paperBeta = 1.7 * (1 - Math.exp(-1 / tauA)) / (1 - Math.exp(-1 / tauM));
        EvidenceAccumulation task = new EvidenceAccumulation(7, 100, 50, num(o, "delayMs", paper ? 1050 : 1000), 150,
                1, num(o, "cueBias", paper ? 0.7 : 0.5));
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.lifNeurons = 50;
        s.alifNeurons = 50;
        s.inputs = task.inputs();
        s.outputs = 2;
        s.density = num(o, "density", 1.0);
        s.membraneTauMs = tauM;
        s.adaptationTauMs = tauA;
        s.adaptationStrength = num(o, "beta", paper ? paperBeta : 1.8);
        s.threshold = vth;
        s.readoutTauMs = tauOut;
        // paper: W_in ~ N(0, 1/nIn), W_rec ~ N(0, 1/n) (ours scale by vth / sqrt(fan-in)); W_out Glorot
        // uniform (std sqrt(2 / (n + 2))) through a readout filtered with (1 - kappa).
        s.recScale = num(o, "recScale", paper ? 1 / vth : 0.5);
        s.inScale = num(o, "inScale", paper ? 1 / vth : 1.0);
        s.outScale = num(o, "outScale", paper ? Math.sqrt(2.0 / 102) * (1 - kappa) * Math.sqrt(100) : 1.0);
        RandomStreams streams = new RandomStreams(seed);
        RecurrentSpikingModel model = s.build(streams);
        Trainer.Config c = new Trainer.Config();
        c.iterations = (int) num(o, "iterations", 300);
        c.batch = (int) num(o, "batch", 16);
        // paper: reg_f sum_j (f_j - f0)^2 is twice our c/2 sum_j (f_j - f0)^2 for the same coefficient.
        c.rateRegularization = num(o, "reg", paper ? 2.0 : 1.0);
        c.targetRateHz = 10;
        c.logEvery = (int) num(o, "log", 10);
        c.lrDecayEvery = (int) num(o, "lrDecayEvery", 0);
        c.lrDecay = num(o, "lrDecay", 1.0);
        c.maxSeconds = num(o, "maxSeconds", Double.POSITIVE_INFINITY);
        c.threads = (int) num(o, "threads", 1);
        Adam adam = new Adam(num(o, "lr", 0.005));
        // paper: the readout is (1 - kappa) W_out filtered spikes, so W_out's Adam steps are (1 - kappa)
        // times ours; it has no bias (rate 0 keeps ours at 0).
        adam.scaleRange(model.outOffset, model.biasOffset, num(o, "readoutLr", paper ? 1 - kappa : 1.0));
        adam.scaleRange(model.biasOffset, model.parameterCount(), num(o, "biasLr", paper ? 0.0 : 1.0));
        Trainer trainer = new Trainer(model, task, () -> Rules.create(rule, model, streams), adam, c, streams);
        TrainingResult r = trainer.run();
        int reached = r.iterationsToError(0.10, 10);
        double test = Trainer.evaluate(model, task, (int) num(o, "testTrials", 256), streams.stream("learning/test"));
        System.out.printf(Locale.ROOT, "RESULT evidence rule=%s preset=%s seed=%d iterations=%d batch=%d delayMs=%.0f "
                        + "iterationsTo10pct=%d finalTrainError10=%.3f testError=%.4f testTrials=%d seconds=%.0f steps=%d%n",
                rule, paper ? "paper" : "ours", seed, r.loss().length, c.batch, num(o, "delayMs", paper ? 1050 : 1000),
                reached, mean(r.error(), 10), test, (int) num(o, "testTrials", 256), r.seconds(), r.steps());
    }

    static void speed(Map<String, String> o) {
        String[] rules = o.getOrDefault("rules", "snap-2,snap-1,e-prop,tbptt-10").split(",");
        int seeds = (int) num(o, "seeds", 3);
        int iters = (int) num(o, "iterations", 200);
        int block = (int) num(o, "block", 20);
        Task task = new CopyTask(4, 3, num(o, "periodMs", 20), 1);
        System.out.println("rule | mean training loss over " + seeds + " seeds, per block of " + block + " iterations");
        for (String rule : rules) {
            double[] curve = new double[iters];
            double seconds = 0;
            for (int sd = 1; sd <= seeds; sd++) {
                RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
                s.lifNeurons = (int) num(o, "n", 100) / 2;
                s.alifNeurons = (int) num(o, "n", 100) - s.lifNeurons;
                s.adaptationTauMs = 200;
                s.inputs = task.inputs();
                s.outputs = task.outputs();
                s.density = num(o, "density", 0.05);
                s.tauSpread = 0.5;
                s.recScale = num(o, "recScale", 1.0);
                RandomStreams streams = new RandomStreams(sd);
                RecurrentSpikingModel model = s.build(streams);
                Trainer.Config c = new Trainer.Config();
                c.iterations = iters;
                c.batch = (int) num(o, "batch", 4);
                c.updateEvery = (int) num(o, "updateEvery", 10);
                c.rateRegularization = num(o, "reg", 0.5);
                c.clipNorm = num(o, "clip", 10);
                TrainingResult r = new Trainer(model, task, Rules.create(rule, model, streams),
                        new Adam(num(o, "lr", 0.003)), c, streams).run();
                for (int i = 0; i < iters; i++) {
                    curve[i] += r.loss()[i] / seeds;
                }
                seconds += r.seconds();
            }
            StringBuilder sb = new StringBuilder(rule + " |");
            for (int b = 0; b + block <= iters; b += block) {
                double m = 0;
                for (int i = b; i < b + block; i++) {
                    m += curve[i] / block;
                }
                sb.append(String.format(Locale.ROOT, " %.3f", m));
            }
            sb.append(String.format(Locale.ROOT, " | %.0f s", seconds));
            System.out.println(sb);
        }
    }

    private static double mean(double[] a, int last) {
        double s = 0;
        int from = Math.max(0, a.length - last);
        for (int i = from; i < a.length; i++) {
            s += a[i];
        }
        return s / (a.length - from);
    }
}
