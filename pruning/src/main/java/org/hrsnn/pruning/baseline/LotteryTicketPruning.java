package org.hrsnn.pruning.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrsnn.learning.gradient.Bptt;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.surrogate.PiecewiseLinear;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.learning.train.TrainingDivergedException;
import org.hrsnn.learning.train.TrainingResult;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Lottery-ticket iterative magnitude pruning (Frankle and Carbin 2019; for spiking networks Kim
 * et al. 2022): train, remove the lowest-|w| fraction of the surviving recurrent synapses, rewind
 * the survivors (and the input and readout weights) to their initial values, train again; repeat
 * until the target density. The ticket is the final mask with the rewound weights, trained once
 * more when {@link LotteryOptions#retrainFinal()}.
 *
 * <p>Training: the network is unrolled as the learning module's discrete LIF/ALIF model
 * ({@link RecurrentSpikingModel#fromNetwork}, dt 1 ms, synaptic weights as voltage jumps
 * w R tau_s / tau_m) with one analog input channel and a leaky readout (tau 1 ms), trained by full
 * BPTT with Adam on one-step-ahead Lorenz prediction ({@link LorenzPredictionTask}), the task the
 * pruned networks are scored on. Magnitudes are those of the trained model parameters (the voltage
 * jumps). Pruned synapses are held at zero after every update and every weight keeps the sign it
 * started with (clipped at zero), so excitatory neurons stay excitatory; the trained weights go
 * back to nA through the same conversion. Random draws: the model's input and readout weights
 * from {@code streams.child("lottery")}, the training trials of round r from
 * {@code streams.child("lottery").child("round" + r)}.
 */
public final class LotteryTicketPruning implements PruningStrategy {
    /** Synaptic (voltage-jump) time step of the unroll, ms; one Lorenz sample per step. */
    public static final double DT_MS = 1.0;
    private static final double READOUT_TAU_MS = 1.0;

    private final LotteryOptions options;

    public LotteryTicketPruning() {
        this(LotteryOptions.DEFAULT);
    }

    public LotteryTicketPruning(LotteryOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "lottery";
    }

    /**
     * One pruning round, recorded for inspection.
     *
     * @param maskBefore       surviving synapses when the round's training started
     * @param rewoundRecurrent recurrent parameters the training started from (initial values on
     *                         the mask, zero elsewhere)
     * @param trainedRecurrent recurrent parameters after training (zero off the mask)
     * @param maskAfter        survivors after removing the lowest |trained| ones
     * @param lossFirst        training loss of the first iteration
     * @param lossLast         training loss of the last iteration
     */
    public record Round(boolean[] maskBefore, double[] rewoundRecurrent, double[] trainedRecurrent,
                        boolean[] maskAfter, double lossFirst, double lossLast) {
    }

    /**
     * The full run: pruned network, final mask over the input network's synapses (CSR order),
     * initial recurrent parameters of the unroll, the rounds, the ticket's final recurrent
     * parameters (model units, mV), diagnostics.
     */
    public record Ticket(Network network, boolean[] mask, double[] initialRecurrent, List<Round> rounds,
                         double[] finalRecurrent, Map<String, Double> diagnostics) {
    }

    @Override
    public PruningResult prune(Network net, double targetDensity, RandomStreams streams) {
        Ticket t = run(net, targetDensity, streams);
        return PruningResult.synapsesOnly(t.network(), t.diagnostics());
    }

    /**
     * Surviving-synapse counts after each round: the fraction per round, raised so that
     * {@code maxRounds} rounds reach the target, the last round landing exactly on it.
     */
    public static int[] schedule(int synapses, int target, double fractionPerRound, int maxRounds) {
        if (target >= synapses) {
            return new int[0];
        }
        double density = (double) target / synapses;
        double rate = Math.max(fractionPerRound, 1 - Math.pow(density, 1.0 / maxRounds));
        List<Integer> counts = new ArrayList<>();
        double kept = synapses;
        int last = synapses;
        while (last > target) {
            kept *= 1 - rate;
            int c = Math.max(target, (int) Math.round(kept));
            if (counts.size() == maxRounds - 1) {
                c = target;
            }
            if (c >= last) {
                c = last - 1;
            }
            counts.add(c);
            last = c;
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The {@code keep} surviving synapses of largest |weight| (ties: lower index kept); every
     * synapse not in {@code mask} stays pruned.
     */
    public static boolean[] pruneLowestMagnitude(double[] weight, boolean[] mask, int keep) {
        double[] score = new double[weight.length];
        int alive = 0;
        for (int k = 0; k < weight.length; k++) {
            // Pruned synapses score below every survivor, so they are never picked again.
            score[k] = mask[k] ? Math.abs(weight[k]) : -1;
            alive += mask[k] ? 1 : 0;
        }
        if (keep > alive) {
            throw new IllegalArgumentException("cannot keep " + keep + " of " + alive + " surviving synapses");
        }
        return TopScores.keep(score, keep);
    }

    public Ticket run(Network net, double targetDensity, RandomStreams streams) {
        int target = PruningStrategy.targetCount(net, targetDensity);
        SynapseMatrix syn = net.synapses();
        int m = syn.size();
        if (m < 2) {
            throw new InvalidInputException("network.synapses", m, "at least 2 recurrent synapses to prune");
        }
        for (int k = 0; k < m; k++) {
            if (!Double.isFinite(syn.weight[k])) {
                throw new InvalidInputException("network.synapses.weight[" + k + "]", syn.weight[k], "a finite weight (nA)");
            }
        }
        long t0 = System.nanoTime();
        RandomStreams own = streams.child("lottery");
        RecurrentSpikingModel model = RecurrentSpikingModel.fromNetwork(net, DT_MS, 1, 1, READOUT_TAU_MS,
                new PiecewiseLinear(), own);
        for (int q = model.inOffset; q < model.outOffset; q++) {
            model.params[q] *= options.inputScale();
        }
        double[] init = model.params.clone();
        boolean[] positive = new boolean[m];
        for (int k = 0; k < m; k++) {
            positive[k] = syn.weight[k] >= 0;
        }
        LorenzPredictionTask task = new LorenzPredictionTask(options.seriesLength(), options.sequenceSteps(),
                options.washoutSteps());
        boolean[] mask = new boolean[m];
        Arrays.fill(mask, true);
        int[] counts = schedule(m, target, options.pruneFractionPerRound(), options.maxRounds());
        List<Round> rounds = new ArrayList<>();
        Map<String, Double> diag = new LinkedHashMap<>();
        int diverged = 0;
        for (int r = 0; r < counts.length; r++) {
            double[] rewound = Arrays.copyOf(model.params, m);
            double[] loss = train(model, task, mask, positive, own.child("round" + r));
            diverged += Double.isNaN(loss[1]) ? 1 : 0;
            double[] trained = Arrays.copyOf(model.params, m);
            boolean[] next = pruneLowestMagnitude(trained, mask, counts[r]);
            rounds.add(new Round(mask, rewound, trained, next, loss[0], loss[1]));
            if (r == 0) {
                diag.put("lottery.loss.dense.first", loss[0]);
                diag.put("lottery.loss.dense.last", loss[1]);
            }
            mask = next;
            rewind(model.params, init, mask);
        }
        if (options.retrainFinal() && counts.length > 0) {
            double[] loss = train(model, task, mask, positive, own.child("round" + counts.length));
            diverged += Double.isNaN(loss[1]) ? 1 : 0;
            diag.put("lottery.loss.ticket.first", loss[0]);
            diag.put("lottery.loss.ticket.last", loss[1]);
        }
        double[] finalRec = Arrays.copyOf(model.params, m);
        // How far training moved the ticket's recurrent weights from their initial values.
        double moved = 0;
        double norm = 0;
        for (int k = 0; k < m; k++) {
            if (mask[k]) {
                moved += (finalRec[k] - init[k]) * (finalRec[k] - init[k]);
                norm += init[k] * init[k];
            }
        }
        diag.put("lottery.recurrentChange", norm > 0 ? Math.sqrt(moved / norm) : 0);
        double[] weightNa = toCurrent(net, finalRec);
        int kept = 0;
        for (boolean b : mask) {
            kept += b ? 1 : 0;
        }
        Network pruned = net.withSynapses(syn.filter(mask, weightNa));
        diag.put("kept", (double) kept);
        diag.put("lottery.rounds", (double) counts.length);
        diag.put("lottery.trainings", (double) (counts.length + (options.retrainFinal() && counts.length > 0 ? 1 : 0)));
        diag.put("lottery.divergedTrainings", (double) diverged);
        diag.put("lottery.seconds", (System.nanoTime() - t0) / 1e9);
        return new Ticket(pruned, mask, Arrays.copyOf(init, m), List.copyOf(rounds), finalRec, diag);
    }

    /** Survivors back to their initial values, pruned synapses zero, input and readout weights initial. */
    static void rewind(double[] params, double[] init, boolean[] mask) {
        System.arraycopy(init, 0, params, 0, params.length);
        for (int k = 0; k < mask.length; k++) {
            if (!mask[k]) {
                params[k] = 0;
            }
        }
    }

    /** Trains in place; returns {first, last} iteration loss (last NaN when training diverged). */
    private double[] train(RecurrentSpikingModel model, LorenzPredictionTask task, boolean[] mask, boolean[] positive,
                           RandomStreams streams) {
        project(model.params, mask, positive);
        if (options.iterationsPerRound() == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Trainer.Config cfg = new Trainer.Config();
        cfg.iterations = options.iterationsPerRound();
        cfg.batch = 1;
        cfg.clipNorm = 1.0;
        cfg.onIteration = it -> project(model.params, mask, positive);
        Trainer trainer = new Trainer(model, task, new Bptt(model), new Adam(options.learningRate()), cfg, streams);
        try {
            TrainingResult res = trainer.run();
            return new double[] {res.loss()[0], res.loss()[res.loss().length - 1]};
        } catch (TrainingDivergedException e) {
            // The trainer restored the last finite parameters; keep them (projected) and go on.
            project(model.params, mask, positive);
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** Pruned synapses to zero; every weight keeps its initial sign (clipped at zero: Dale's law). */
    private static void project(double[] params, boolean[] mask, boolean[] positive) {
        for (int k = 0; k < mask.length; k++) {
            if (!mask[k]) {
                params[k] = 0;
            } else if (positive[k] ? params[k] < 0 : params[k] > 0) {
                params[k] = 0;
            }
        }
    }

    /** Voltage jumps (mV) back to current jumps (nA): w = p tau_m / (R tau_s), tau_s by the initial sign. */
    private static double[] toCurrent(Network net, double[] p) {
        SynapseMatrix syn = net.synapses();
        NeuronParameters np = net.parameters();
        double[] w = new double[p.length];
        for (int i = 0; i < syn.sources; i++) {
            for (int k = syn.rowStart[i]; k < syn.rowStart[i + 1]; k++) {
                int j = syn.target[k];
                double tauS = syn.weight[k] >= 0 ? np.excitatoryTau[j] : np.inhibitoryTau[j];
                w[k] = p[k] * np.membraneTau[j] / (np.resistance[j] * tauS);
            }
        }
        return w;
    }
}
