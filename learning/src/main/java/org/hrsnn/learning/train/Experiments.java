package org.hrsnn.learning.train;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hrsnn.learning.gradient.Rules;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
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
 *     [preset=ours|paper cueBias= beta= recScale= inScale= outScale= reg= readoutLr= biasLr= threads= testTrials=]:
 *     the setup is {@link EvidenceSetup}'s preset with these keys overriding it (also used by hrsnn learn).
 * Experiments speed rules=snap-2,tbptt-10 seeds=3 iterations=200 density=0.05 n=100 updateEvery=10
 *     online learning speed on the copy task ({@link CopyTaskSetup}; bptt offline, once per batch):
 *     mean loss over seeds per block of iterations (hrsnn learn curves writes the curves and plots).
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
        // preset=paper: the e-prop paper's settings where ours differed; every key still overrides.
        EvidenceSetup e = EvidenceSetup.preset(o.getOrDefault("preset", EvidenceSetup.OURS));
        e.delayMs = num(o, "delayMs", e.delayMs);
        e.cueBias = num(o, "cueBias", e.cueBias);
        e.density = num(o, "density", e.density);
        e.adaptationStrength = num(o, "beta", e.adaptationStrength);
        e.recScale = num(o, "recScale", e.recScale);
        e.inScale = num(o, "inScale", e.inScale);
        e.outScale = num(o, "outScale", e.outScale);
        e.iterations = (int) num(o, "iterations", e.iterations);
        e.batch = (int) num(o, "batch", e.batch);
        e.rateReg = num(o, "reg", e.rateReg);
        e.logEvery = (int) num(o, "log", e.logEvery);
        e.lrDecayEvery = (int) num(o, "lrDecayEvery", e.lrDecayEvery);
        e.lrDecay = num(o, "lrDecay", e.lrDecay);
        e.maxSeconds = num(o, "maxSeconds", e.maxSeconds);
        e.threads = (int) num(o, "threads", e.threads);
        e.lr = num(o, "lr", e.lr);
        e.readoutLr = num(o, "readoutLr", e.readoutLr);
        e.biasLr = num(o, "biasLr", e.biasLr);
        e.testTrials = (int) num(o, "testTrials", e.testTrials);
        EvidenceAccumulation task = e.task();
        RandomStreams streams = new RandomStreams(seed);
        RecurrentSpikingModel model = e.model(task.inputs(), task.outputs(), streams);
        Trainer.Config c = e.trainerConfig();
        Adam adam = e.adam(model);
        Trainer trainer = new Trainer(model, task, () -> Rules.create(rule, model, streams), adam, c, streams);
        TrainingResult r = trainer.run();
        int reached = r.iterationsToError(0.10, 10);
        double test = Trainer.evaluate(model, task, e.testTrials, streams.stream("learning/test"));
        System.out.printf(Locale.ROOT, "RESULT evidence rule=%s preset=%s seed=%d iterations=%d batch=%d delayMs=%.0f "
                        + "iterationsTo10pct=%d finalTrainError10=%.3f testError=%.4f testTrials=%d seconds=%.0f steps=%d%n",
                rule, e.preset, seed, r.loss().length, c.batch, e.delayMs,
                reached, mean(r.error(), 10), test, e.testTrials, r.seconds(), r.steps());
    }

    static void speed(Map<String, String> o) {
        String[] rules = o.getOrDefault("rules", "snap-2,snap-1,e-prop,tbptt-10").split(",");
        int seeds = (int) num(o, "seeds", 3);
        int iters = (int) num(o, "iterations", 200);
        int block = (int) num(o, "block", 20);
        CopyTaskSetup setup = new CopyTaskSetup();
        setup.neurons = (int) num(o, "n", setup.neurons);
        setup.density = num(o, "density", setup.density);
        setup.recScale = num(o, "recScale", setup.recScale);
        setup.periodMs = num(o, "periodMs", setup.periodMs);
        setup.iterations = iters;
        setup.batch = (int) num(o, "batch", setup.batch);
        setup.updateEvery = (int) num(o, "updateEvery", setup.updateEvery);
        setup.rateReg = num(o, "reg", setup.rateReg);
        setup.clip = num(o, "clip", setup.clip);
        setup.lr = num(o, "lr", setup.lr);
        Task task = setup.task();
        System.out.println("rule | mean training loss over " + seeds + " seeds, per block of " + block + " iterations");
        for (String rule : rules) {
            double[] curve = new double[iters];
            double seconds = 0;
            for (int sd = 1; sd <= seeds; sd++) {
                RandomStreams streams = new RandomStreams(sd);
                RecurrentSpikingModel model = setup.model(task, streams);
                TrainingResult r = new Trainer(model, task, Rules.create(rule, model, streams), setup.adam(),
                        setup.trainerConfig(rule), streams).run();
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
