package org.hrsnn.pruning.evaluation;

import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.pruning.lyapunov.LyapunovSpectrum;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Evaluates a pruned network against its dense original on the same footing for every
 * strategy. Streams (fixed names, so every strategy sees the same probes and inputs):
 * eval/lyapunov, eval/laplacian, eval/memory, eval/lorenz, eval/rossler, eval/mackeyGlass.
 */
public final class PruningEvaluation {
    private PruningEvaluation() {
    }

    public static EvaluationReport evaluate(String strategy, Network dense, PruningResult pruned, EvaluationOptions o,
                                            RandomStreams streams) {
        Network net = pruned.network();
        int n = net.size();
        int m = net.synapses().size();
        double density = n > 1 ? m / ((double) n * (n - 1)) : 0;
        LifSurrogateDynamics f = new LifSurrogateDynamics(net, o.surrogate());
        double lambda = LyapunovSpectrum.compute(f, LifSurrogateDynamics.initialState(net), o.lyapunov(),
                streams.stream("eval/lyapunov")).largest();
        double lap = LaplacianSpectralError.of(dense.synapses(), net.synapses(), pruned.keptNeurons(), o.probes(),
                streams.stream("eval/laplacian"));
        double[] rates;
        String source;
        if (o.engine() != null) {
            rates = o.engine().run(net, o.simulation()).ratesHz();
            source = o.engine().name();
        } else {
            rates = SurrogateRates.meanRatesHz(net, o.surrogate(), 200, 1000);
            source = "surrogate";
        }
        FiringStatistics firing = FiringStatistics.of(rates, net.synapses());
        double mc = MemoryCapacity.measure(net, o.surrogate(), o.memory(), streams.stream("eval/memory")).capacity();
        int len = o.prediction().length();
        double lorenz = TimeSeriesPrediction.nrmse(net, ChaoticSeries.lorenz(len), o.surrogate(), o.prediction(),
                streams.stream("eval/lorenz"));
        double rossler = TimeSeriesPrediction.nrmse(net, ChaoticSeries.rossler(len), o.surrogate(), o.prediction(),
                streams.stream("eval/rossler"));
        double mg = TimeSeriesPrediction.nrmse(net, ChaoticSeries.mackeyGlass(len), o.surrogate(), o.prediction(),
                streams.stream("eval/mackeyGlass"));
        return new EvaluationReport(strategy, n, m, density, m / (double) Math.max(1, dense.synapses().size()),
                n / (double) dense.size(), lambda, lap, firing, source, mc, lorenz, rossler, mg);
    }
}
