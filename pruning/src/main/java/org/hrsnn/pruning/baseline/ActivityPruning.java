package org.hrsnn.pruning.baseline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hrsnn.pruning.NetworkSurgery;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.pruning.evaluation.SurrogateRates;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Activity-based pruning of the simulated dense network: first the {@code neuronFraction}
 * least active neurons are removed, then the synapses of least activity
 * (presynaptic rate x |w|, the mean current a synapse carries) until round(density x
 * synapses of the input network) remain. Rates come from a spiking run of {@code engine}
 * (spike counts over the run) or, without an engine, from the rate surrogate
 * ({@link SurrogateRates}, mean rate over {@code steps} after 200 transient steps).
 * The paper's baseline prunes a trained network; hrsnn prunes before training, so here the
 * dense network is simulated untrained.
 */
public final class ActivityPruning implements PruningStrategy {
    private final Engine engine;
    private final SimulationOptions simulation;
    private final double neuronFraction;
    private final int steps;

    /** Rates from the rate surrogate; synapses only. */
    public ActivityPruning() {
        this(null, null, 0.0);
    }

    public ActivityPruning(Engine engine, SimulationOptions simulation, double neuronFraction) {
        if (!(neuronFraction >= 0 && neuronFraction < 1)) {
            throw new InvalidInputException("activity.neuronFraction", neuronFraction, "a fraction in [0, 1)");
        }
        if (engine != null && simulation == null) {
            throw new IllegalArgumentException("an engine needs simulation options");
        }
        this.engine = engine;
        this.simulation = simulation;
        this.neuronFraction = neuronFraction;
        this.steps = 1000;
    }

    @Override
    public String name() {
        return "activity";
    }

    /** Mean rate of every neuron, Hz. */
    public double[] rates(Network net) {
        if (engine != null) {
            return engine.run(net, simulation).ratesHz();
        }
        return SurrogateRates.meanRatesHz(net, SurrogateOptions.DEFAULT, 200, steps);
    }

    @Override
    public PruningResult prune(Network net, double targetDensity, RandomStreams streams) {
        int target = PruningStrategy.targetCount(net, targetDensity);
        int n = net.size();
        int remove = (int) Math.round(neuronFraction * n);
        if (n - remove < 2) {
            throw new InvalidInputException("activity.neuronFraction", neuronFraction, "a fraction leaving at least 2 neurons");
        }
        double[] rate = rates(net);
        int[] kept = new int[n - remove];
        boolean[] keepNeuron = TopScores.keep(rate, n - remove);
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (keepNeuron[i]) {
                kept[p++] = i;
            }
        }
        Network sub = remove == 0 ? net : NetworkSurgery.keepNeurons(net, kept);
        SynapseMatrix s = sub.synapses();
        double[] score = new double[s.size()];
        for (int j = 0; j < s.sources; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                score[k] = rate[kept[j]] * Math.abs(s.weight[k]);
            }
        }
        int count = Math.min(target, s.size());
        Map<String, Double> diag = new LinkedHashMap<>();
        diag.put("neurons.removed", (double) remove);
        diag.put("kept", (double) count);
        double mean = 0;
        for (double r : rate) {
            mean += r;
        }
        diag.put("dense.meanRateHz", mean / n);
        return new PruningResult(sub.withSynapses(s.filter(TopScores.keep(score, count), null)), kept, diag);
    }
}
