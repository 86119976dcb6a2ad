package org.hrsnn.learning.gradient;

import org.hrsnn.learning.model.RecurrentSpikingModel;

/**
 * SnAp-1: a parameter acting on neuron j keeps only its influence on j's own state (the diagonal
 * of the influence matrix); cost O(p) per step like backprop (Menick et al. 2021). It differs
 * from e-prop by keeping the gradient through j's own reset and self-synapse. Equal to
 * {@code new SnapN(model, 1)}, specialised to one loop per synapse.
 */
public final class SnapOne extends LocalTraceEstimator {
    public SnapOne(RecurrentSpikingModel model) {
        this(model, Precision.DOUBLE, 1);
    }

    /** With float traces and/or several threads (results do not depend on the thread count). */
    public SnapOne(RecurrentSpikingModel model, Precision precision, int threads) {
        super(model, null, true, precision, threads);
    }

    @Override
    public String name() {
        return "snap-1";
    }
}
