package org.hrsnn.hardware.learning;

import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Optimizer;
import org.hrsnn.learning.optim.Sgd;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Learned weights as weightBits-wide signed integers and their update: the step a float optimiser
 * (plain gradient descent by default: -learningRate g) would take is converted to LSBs and rounded,
 * w <- sat(w + round(step / lsb)), stochastically (stream
 * "hardware/learning/weightRounding": an update of a fraction of an LSB happens with that
 * probability, so small updates are not lost) or to nearest. One scale per group: lsb_rec (mV) for
 * the recurrent weights and lsb_in for the input weights, each = {@link #HEADROOM} x the group's
 * largest initial |w| / (2^(weightBits-1) - 1) (or another headroom factor). The model's float parameters are overwritten with
 * the dequantised weights (construction quantises the initial weights to nearest). The readout
 * weights and bias stay float (host-side readout) and take the optimiser's step unrounded. A
 * stateful optimiser (Adam) keeps its moments in float on the host: a simplification, a chip would
 * apply a scaled accumulator (plain gradient descent).
 */
public final class FixedPointWeights implements Optimizer {
    /** Default range kept above the largest initial weight, so learning can grow weights. */
    public static final double HEADROOM = 2.0;
    private final double headroom;
    private final RecurrentSpikingModel model;
    private final Optimizer inner;
    private double[] proposal;
    private final int weightBits;
    private final long[] w;
    private final double lsbRec;
    private final double lsbIn;
    private final StochasticRounder rounder;
    private long saturations;

    /** Plain gradient descent with the given learning rate. */
    public FixedPointWeights(RecurrentSpikingModel model, LearningFormat format, double learningRate, RandomStreams streams) {
        this(model, format, new Sgd(Check.positive("learningRate", learningRate)), HEADROOM, streams);
    }

    /** The step of {@code optimizer} (applied to a float copy), rounded onto the integer weights. */
    public FixedPointWeights(RecurrentSpikingModel model, LearningFormat format, Optimizer optimizer, double headroom,
                             RandomStreams streams) {
        this(model, format, optimizer, headroom, false, streams);
    }

    /**
     * As above; with {@code powerOfTwoLsbs} the larger of the two lsbs is raised to the smaller one times
     * the next power of two, so both groups share one hardware scale and differ only by a weight
     * exponent (what {@link FixedPointForwardPass} needs: the chip shifts each projection's sum by its
     * exponent, it has no other per-projection multiplier). The range of that group grows by less than 2x.
     */
    public FixedPointWeights(RecurrentSpikingModel model, LearningFormat format, Optimizer optimizer, double headroom,
                             boolean powerOfTwoLsbs, RandomStreams streams) {
        this.model = model;
        if (!(headroom >= 1)) {
            throw new org.hrsnn.simulator.InvalidInputException("weightHeadroom", headroom, "a number >= 1 (x the largest initial weight)");
        }
        this.headroom = headroom;
        this.inner = optimizer;
        this.weightBits = format.weightBits();
        this.rounder = new StochasticRounder(format.stochasticRounding(), streams, "hardware/learning/weightRounding");
        int nnz = model.synapses();
        int p = model.stateParameters();
        double rec = lsb(model.params, 0, nnz);
        double in = lsb(model.params, nnz, p);
        if (powerOfTwoLsbs) {
            if (rec <= in) {
                in = rec * Math.scalb(1.0, powerOfTwoAbove(in / rec));
            } else {
                rec = in * Math.scalb(1.0, powerOfTwoAbove(rec / in));
            }
        }
        lsbRec = rec;
        lsbIn = in;
        w = new long[p];
        for (int k = 0; k < p; k++) {
            double lsb = k < nnz ? lsbRec : lsbIn;
            w[k] = FixedPointArithmetic.saturate(Math.round(model.params[k] / lsb), weightBits);
            model.params[k] = w[k] * lsb;
        }
    }

    /** The smallest k >= 0 with 2^k >= ratio (ratio >= 1). */
    static int powerOfTwoAbove(double ratio) {
        int k = 0;
        while (Math.scalb(1.0, k) < ratio * (1 - 1e-12)) {
            k++;
        }
        return k;
    }

    private double lsb(double[] params, int from, int to) {
        double max = 0;
        for (int k = from; k < to; k++) {
            max = Math.max(max, Math.abs(params[k]));
        }
        long top = FixedPointArithmetic.maxSigned(weightBits);
        return max == 0 ? 1.0 / top : headroom * max / top;
    }

    public double recurrentLsb() {
        return lsbRec;
    }

    public double inputLsb() {
        return lsbIn;
    }

    /** The integer weight of state parameter k (model layout). */
    public long weight(int k) {
        return w[k];
    }

    /** The live integer weights of the state parameters (model layout); read-only for callers. */
    long[] raw() {
        return w;
    }

    public int weightBits() {
        return weightBits;
    }

    public long saturations() {
        return saturations;
    }

    @Override
    public void apply(double[] params, double[] g) {
        int nnz = model.synapses();
        int p = model.stateParameters();
        if (proposal == null || proposal.length != params.length) {
            proposal = new double[params.length];
        }
        System.arraycopy(params, 0, proposal, 0, params.length);
        inner.apply(proposal, g);
        for (int k = 0; k < p; k++) {
            double step = proposal[k] - params[k];
            if (step == 0) {
                continue;
            }
            double lsb = k < nnz ? lsbRec : lsbIn;
            long next = w[k] + rounder.round(step / lsb);
            long s = FixedPointArithmetic.saturate(next, weightBits);
            if (s != next) {
                saturations++;
            }
            w[k] = s;
            params[k] = s * lsb;
        }
        System.arraycopy(proposal, p, params, p, params.length - p);
    }

    /** The schedule scales the rate of the float optimiser whose steps are rounded onto the weights. */
    @Override
    public void scaleLearningRate(double factor) {
        inner.scaleLearningRate(factor);
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public String name() {
        return "fixed-point-" + inner.name() + "-" + weightBits + "b";
    }
}
