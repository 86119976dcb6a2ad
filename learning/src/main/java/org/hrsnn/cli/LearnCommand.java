package org.hrsnn.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.gradient.Rules;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.optim.Optimizer;
import org.hrsnn.learning.optim.Sgd;
import org.hrsnn.learning.task.Task;
import org.hrsnn.learning.task.Tasks;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.learning.train.TrainingDivergedException;
import org.hrsnn.learning.train.TrainingResult;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hrsnn learn}: trains a random LIF/ALIF network on a generated task with one learning
 * rule and prints a summary (JSON with --json). Not yet registered with the main command; the
 * CLI module adds it as a subcommand. Exit codes: 0 done, 2 bad input, 3 training diverged (the
 * message names the restored checkpoint).
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "Train a recurrent spiking network online (BPTT, RTRL, SnAp-n, e-prop) on a generated task.")
public final class LearnCommand implements Callable<Integer> {
    @Option(names = "--task", defaultValue = "evidence-accumulation",
            description = "pattern-generation, evidence-accumulation, store-recall, delayed-match-to-sample, n-parity, copy")
    String task;

    @Option(names = "--rule", defaultValue = "e-prop",
            description = "bptt, tbptt-<K>, bptt-stop-gradient, rtrl, snap-<n>, e-prop, e-prop-random; suffix :f32 / :t<threads> for snap-1, e-prop")
    String rule;

    @Option(names = "--lif", defaultValue = "50", description = "number of LIF neurons")
    int lif;

    @Option(names = "--alif", defaultValue = "50", description = "number of ALIF neurons")
    int alif;

    @Option(names = "--density", defaultValue = "1.0", description = "recurrent connection probability")
    double density;

    @Option(names = "--adaptation-tau-ms", defaultValue = "2000", description = "tau_a of ALIF neurons, ms")
    double adaptationTau;

    @Option(names = "--iterations", defaultValue = "100")
    int iterations;

    @Option(names = "--batch", defaultValue = "16")
    int batch;

    @Option(names = "--update-every", defaultValue = "0", description = "online update every K steps (0: offline, once per batch)")
    int updateEvery;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam or sgd")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.005", description = "learning rate")
    double learningRate;

    @Option(names = "--clip", defaultValue = "Infinity", description = "maximum gradient norm")
    double clip;

    @Option(names = "--rate-reg", defaultValue = "1.0", description = "firing-rate regularisation coefficient")
    double rateReg;

    @Option(names = "--target-rate-hz", defaultValue = "10")
    double targetRate;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--json", description = "print a JSON summary")
    boolean json;

    @Override
    public Integer call() {
        try {
            RandomStreams streams = new RandomStreams(seed);
            Task t = Tasks.named(task, streams);
            RecurrentSpikingModel.Spec spec = new RecurrentSpikingModel.Spec();
            spec.lifNeurons = lif;
            spec.alifNeurons = alif;
            spec.inputs = t.inputs();
            spec.outputs = t.outputs();
            spec.density = density;
            spec.adaptationTauMs = adaptationTau;
            spec.inScale = 3;
            RecurrentSpikingModel model = spec.build(streams);
            GradientEstimator est = Rules.create(rule, model, streams);
            Optimizer opt = switch (optimizer) {
                case "adam" -> new Adam(learningRate);
                case "sgd" -> new Sgd(learningRate);
                default -> throw new InvalidInputException("optimizer", optimizer, "adam or sgd");
            };
            Trainer.Config c = new Trainer.Config();
            c.iterations = iterations;
            c.batch = batch;
            c.updateEvery = updateEvery;
            c.clipNorm = clip;
            c.rateRegularization = rateReg;
            c.targetRateHz = targetRate;
            c.logEvery = json ? 0 : Math.max(1, iterations / 10);
            TrainingResult r = new Trainer(model, t, est, opt, c, streams).run();
            double test = Trainer.evaluate(model, t, 64, streams.stream("learning/test"));
            int last = r.loss().length - 1;
            String metric = t.classification() ? "testError" : "testLoss";
            if (json) {
                System.out.printf(Locale.ROOT, "{\"task\":\"%s\",\"rule\":\"%s\",\"iterations\":%d,\"finalLoss\":%.6g,"
                                + "\"%s\":%.6g,\"stateFloats\":%d,\"macsPerStep\":%d,\"seconds\":%.3f,\"steps\":%d}%n",
                        t.name(), est.name(), iterations, r.loss()[last], metric, test, est.cost().stateFloats(),
                        est.cost().macsPerStep(), r.seconds(), r.steps());
            } else {
                System.out.printf(Locale.ROOT, "%s with %s: final loss %.4f, %s %.4f, %.1f s%n", t.name(), est.name(),
                        r.loss()[last], metric, test, r.seconds());
            }
            return 0;
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (TrainingDivergedException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LearnCommand()).execute(args));
    }
}
