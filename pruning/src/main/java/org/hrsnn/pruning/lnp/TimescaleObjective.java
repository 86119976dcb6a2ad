package org.hrsnn.pruning.lnp;

import org.hrsnn.pruning.evaluation.MemoryCapacity;
import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.pruning.lyapunov.LyapunovOptions;
import org.hrsnn.pruning.lyapunov.LyapunovSpectrum;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * What timescale re-tuning maximises (higher is better):
 * <pre>  J = MC / D - beta |lambda_1| tauBar  </pre>
 * MC/D is the memory capacity as a fraction of the largest possible (D delays), lambda_1 the
 * largest Lyapunov exponent of the surrogate (1/ms) and tauBar the mean membrane time constant
 * of the network before re-tuning (ms), which makes lambda_1 tauBar the expansion per membrane
 * time. So J rewards memory and the edge of chaos (lambda_1 near 0) in one number; beta
 * (default 1) sets the exchange rate. Both parts use fixed stream names, so an evaluation is a
 * deterministic function of the network (common random numbers across BO evaluations).
 */
public final class TimescaleObjective {
    private final SurrogateOptions surrogate;
    private final MemoryCapacity.Options memory;
    private final LyapunovOptions lyapunov;
    private final double beta;
    private final double tauBar;
    private final RandomStreams streams;

    public TimescaleObjective(SurrogateOptions surrogate, MemoryCapacity.Options memory, LyapunovOptions lyapunov,
                              double beta, double tauBarMs, RandomStreams streams) {
        this.surrogate = surrogate;
        this.memory = memory;
        this.lyapunov = lyapunov;
        this.beta = Check.nonNegative("timescale.beta", beta);
        this.tauBar = Check.positive("timescale.tauBar", tauBarMs);
        this.streams = streams;
    }

    /** {J, MC, lambda_1}. */
    public double[] evaluate(Network net) {
        LifSurrogateDynamics f = new LifSurrogateDynamics(net, surrogate);
        double lambda = LyapunovSpectrum.compute(f, LifSurrogateDynamics.initialState(net), lyapunov,
                streams.stream("lyapunov")).largest();
        double mc = MemoryCapacity.measure(net, surrogate, memory, streams.stream("memory")).capacity();
        double j = mc / memory.maxDelay() - beta * Math.abs(lambda) * tauBar;
        return new double[] {j, mc, lambda};
    }
}
