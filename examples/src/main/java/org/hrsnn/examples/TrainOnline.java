package org.hrsnn.examples;

import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.gradient.Rules;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.task.EvidenceAccumulation;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.learning.train.TrainingResult;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Train a small recurrent LIF/ALIF network online with e-prop (or another rule) on a short
 * evidence-accumulation task and print the error before and after.
 * {@code java -cp hrsnn.jar org.hrsnn.examples.TrainOnline [rule] [iterations]} (default e-prop, 40).
 */
public final class TrainOnline {
    private TrainOnline() {
    }

    public static void main(String[] args) {
        String rule = args.length > 0 ? args[0] : "e-prop";                    // snap-1, snap-2, bptt, ...
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        EvidenceAccumulation task = new EvidenceAccumulation(3, 40, 20, 100, 40, 1);   // 3 cues, 1 ms steps
        RecurrentSpikingModel.Spec spec = new RecurrentSpikingModel.Spec();
        spec.lifNeurons = 12;
        spec.alifNeurons = 12;
        spec.adaptationTauMs = 500;
        spec.density = 0.3;
        spec.tauSpread = 0.5;
        spec.recScale = 0.5;
        spec.inputs = task.inputs();
        spec.outputs = task.outputs();
        RandomStreams streams = new RandomStreams(7);
        RecurrentSpikingModel model = spec.build(streams);
        double before = Trainer.evaluate(model, task, 32, streams.stream("test-before"));
        GradientEstimator estimator = Rules.create(rule, model, streams);
        Trainer.Config config = new Trainer.Config();
        config.iterations = iterations;
        config.batch = 8;
        config.rateRegularization = 1;
        config.clipNorm = 10;
        TrainingResult r = new Trainer(model, task, estimator, new Adam(0.01), config, streams).run();
        double after = Trainer.evaluate(model, task, 32, streams.stream("test-after"));
        System.out.printf("%s: %d iterations, %d steps in %.2f s; test error %.3f -> %.3f; state %d numbers, %d MACs/step%n",
                rule, iterations, r.steps(), r.seconds(), before, after, estimator.cost().stateFloats(),
                estimator.cost().macsPerStep());
    }
}
