package org.hrsnn.pruning.lnp;

import org.hrsnn.pruning.evaluation.MemoryCapacity;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Settings of {@link LyapunovNoisePruning}.
 *
 * @param exponents              k, leading Lyapunov vectors used for the per-neuron exponents
 * @param transientSteps         surrogate steps before measuring
 * @param steps                  measured surrogate steps
 * @param horizonMs              horizon H of the Lyapunov weights (NaN: the median tau_m)
 * @param neuronFraction         fraction of the neurons removed by betweenness, in [0, 1)
 * @param delocalisationFraction new synapses added by step 3, as a fraction of those kept by step 1
 * @param candidates             random candidate pairs per added synapse
 * @param iprVectors             leading eigenvectors whose IPR is reported
 * @param boInitial              random starting points of the timescale BO
 * @param boIterations           BO iterations (0 and boInitial 0: step 4 skipped)
 * @param beta                   weight of |lambda_1| tauBar in the timescale objective
 * @param surrogate              the rate surrogate
 * @param memory                 memory-capacity settings inside the BO objective
 */
public record LnpOptions(int exponents, int transientSteps, int steps, double horizonMs, double neuronFraction,
                         double delocalisationFraction, int candidates, int iprVectors, int boInitial,
                         int boIterations, double beta, SurrogateOptions surrogate, MemoryCapacity.Options memory) {

    public static final LnpOptions DEFAULT = new LnpOptions(16, 200, 500, Double.NaN, 0.1, 0.02, 16, 5, 4, 6, 1.0,
            SurrogateOptions.DEFAULT, new MemoryCapacity.Options(20, 100, 800, 300, 1e-4, 3.0, 150));

    public LnpOptions {
        Check.positive("lnp.exponents", exponents);
        Check.nonNegative("lnp.transientSteps", transientSteps);
        Check.positive("lnp.steps", steps);
        if (!Double.isNaN(horizonMs)) {
            Check.positive("lnp.horizonMs", horizonMs);
        }
        if (!(neuronFraction >= 0 && neuronFraction < 1)) {
            throw new InvalidInputException("lnp.neuronFraction", neuronFraction, "a fraction in [0, 1)");
        }
        Check.nonNegative("lnp.delocalisationFraction", delocalisationFraction);
        Check.positive("lnp.candidates", candidates);
        Check.positive("lnp.iprVectors", iprVectors);
        Check.nonNegative("lnp.boInitial", boInitial);
        Check.nonNegative("lnp.boIterations", boIterations);
        if (boInitial == 0 && boIterations > 0) {
            throw new InvalidInputException("lnp.boInitial", boInitial, "an integer >= 1 when boIterations > 0");
        }
        Check.nonNegative("lnp.beta", beta);
    }

    public LnpOptions withNeuronFraction(double f) {
        return new LnpOptions(exponents, transientSteps, steps, horizonMs, f, delocalisationFraction, candidates,
                iprVectors, boInitial, boIterations, beta, surrogate, memory);
    }

    public LnpOptions withBayesianOptimisation(int initial, int iterations) {
        return new LnpOptions(exponents, transientSteps, steps, horizonMs, neuronFraction, delocalisationFraction,
                candidates, iprVectors, initial, iterations, beta, surrogate, memory);
    }
}
