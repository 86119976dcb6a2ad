package org.hrsnn.pruning.evaluation;

import org.hrsnn.pruning.lyapunov.LyapunovOptions;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.SimulationOptions;

/**
 * How a pruned network is evaluated.
 *
 * @param surrogate  the rate surrogate (Lyapunov exponent, memory, prediction, and firing
 *                   rates when no engine is given)
 * @param lyapunov   settings of the largest-exponent run
 * @param probes     probe vectors of the Laplacian quadratic-form error
 * @param memory     memory-capacity settings
 * @param prediction time-series prediction settings
 * @param engine     a spiking engine for firing statistics and synaptic operations, or null
 *                   for the surrogate's rates
 * @param simulation run settings for the engine (ignored without one)
 */
public record EvaluationOptions(SurrogateOptions surrogate, LyapunovOptions lyapunov, int probes,
                                MemoryCapacity.Options memory, TimeSeriesPrediction.Options prediction,
                                Engine engine, SimulationOptions simulation) {
    public static final EvaluationOptions DEFAULT = new EvaluationOptions(SurrogateOptions.DEFAULT,
            LyapunovOptions.of(1, 300, 1000), 64, MemoryCapacity.Options.DEFAULT, TimeSeriesPrediction.Options.DEFAULT,
            null, null);

    public EvaluationOptions {
        Check.positive("evaluation.probes", probes);
        if (engine != null && simulation == null) {
            throw new IllegalArgumentException("an engine needs simulation options");
        }
    }

    public EvaluationOptions withEngine(Engine e, SimulationOptions s) {
        return new EvaluationOptions(surrogate, lyapunov, probes, memory, prediction, e, s);
    }
}
