package org.hrsnn.learning.gradient;

import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.model.ModelState;

/**
 * A way to compute (or approximate) the gradient of a sequence loss with respect to the
 * parameter vector of a {@link org.hrsnn.learning.model.RecurrentSpikingModel}.
 *
 * <p>Protocol, per sequence: {@link #beginSequence()}, then after every forward step of the model
 * {@link #step} with that step's input frame and loss derivatives; {@link #flush()} whenever the
 * gradient is about to be used (every K steps for online updates, at the end of the sequence for
 * offline ones); {@link #gradient()} is then the sum of the contributions since the last
 * {@link #clearGradient()}, in the model's parameter layout. Forward (online) rules add to the
 * gradient at every step and flush does nothing; BPTT records steps and runs backward on flush,
 * so BPTT flushed every K steps is truncated BPTT with window K.
 */
public interface GradientEstimator {
    String name();

    /** Start of a sequence: forget traces and history (the model state was reset too). */
    void beginSequence();

    /**
     * Called after the model has taken step t.
     *
     * @param s           model state after the step (z, psi of step t; zPrev, psiPrev of t - 1)
     * @param x           the input frame of step t
     * @param outputError dl_t/dy_t (length outputs); zeros when step t has no loss
     * @param spikeError  an additional direct derivative dl_t/dz_t (length n, e.g. firing-rate
     *                    regularisation), or null
     */
    void step(ModelState s, double[] x, double[] outputError, double[] spikeError);

    /** Make every contribution so far part of {@link #gradient()}. */
    void flush();

    /** The accumulated gradient (model parameter layout); a live array, do not keep it across calls. */
    double[] gradient();

    void clearGradient();

    /** Memory and operations of this rule on its model. */
    CostReport cost();

    /**
     * Bytes of per-parameter state read and written per step when the learning signal is nonzero
     * (each per-parameter number counted once read and once written, plus index reads), for rules
     * that stream their state through memory every step; -1 when the rule does not say.
     */
    default long streamedBytesPerStep() {
        return -1;
    }
}
