package org.hrsnn.learning.gradient;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * e-prop (Bellec et al. 2020) for LIF and ALIF: eligibility traces eps_v (the presynaptic spikes
 * filtered with the postsynaptic alpha), eps_a <- (rho - beta psi) eps_a + psi eps_v, e = psi
 * (eps_v - beta eps_a), low-pass filtered with the readout's kappa and multiplied by the learning
 * signal L_j = sum_k B[k,j] dl/dy_k. With symmetric feedback (B = W_out) this is exactly BPTT with
 * a stop-gradient on z in the recurrence and the reset ({@link Bptt} with stopGradient). eps_v is
 * the presynaptic trace filtered with the postsynaptic alpha: kept per (alpha, presynaptic neuron)
 * when the network has few distinct alphas, per synapse otherwise or on request (":syn" in
 * {@link Rules}); both give the same numbers.
 */
public final class Eprop extends LocalTraceEstimator {
    private final boolean randomFeedback;

    private Eprop(RecurrentSpikingModel model, double[] feedback, Precision precision, int threads) {
        this(model, feedback, precision, threads, false);
    }

    private Eprop(RecurrentSpikingModel model, double[] feedback, Precision precision, int threads, boolean lazy) {
        this(model, feedback, precision, threads, lazy, true);
    }

    private Eprop(RecurrentSpikingModel model, double[] feedback, Precision precision, int threads, boolean lazy,
                  boolean presynapticTraces) {
        super(model, feedback, false, precision, threads, lazy, presynapticTraces);
        this.randomFeedback = feedback != null;
    }

    /** Symmetric feedback; {@code presynapticTraces = false} keeps eps_v per synapse whatever the alphas. */
    static Eprop symmetric(RecurrentSpikingModel model, Precision precision, int threads, boolean lazyQuietNeurons,
                           boolean presynapticTraces) {
        return new Eprop(model, null, precision, threads, lazyQuietNeurons, presynapticTraces);
    }

    /** Symmetric feedback; {@code lazyQuietNeurons = true}: the lazy quiet-neuron update. */
    static Eprop symmetric(RecurrentSpikingModel model, Precision precision, int threads, boolean lazyQuietNeurons) {
        return new Eprop(model, null, precision, threads, lazyQuietNeurons);
    }

    /** Symmetric feedback B = W_out (the current readout weights). */
    public static Eprop symmetric(RecurrentSpikingModel model) {
        return new Eprop(model, null, Precision.DOUBLE, 1);
    }

    /** Symmetric feedback with float traces and/or several threads. */
    public static Eprop symmetric(RecurrentSpikingModel model, Precision precision, int threads) {
        return new Eprop(model, null, precision, threads);
    }

    /** Fixed random feedback B ~ N(0, 1/n), from stream "learning/eprop/feedback". */
    public static Eprop randomFeedback(RecurrentSpikingModel model, RandomStreams streams) {
        RandomGenerator g = streams.stream("learning/eprop/feedback");
        double[] b = new double[model.outputs * model.n];
        double scale = 1 / Math.sqrt(model.n);
        for (int k = 0; k < b.length; k++) {
            b[k] = g.nextGaussian() * scale;
        }
        return new Eprop(model, b, Precision.DOUBLE, 1);
    }

    @Override
    public String name() {
        return randomFeedback ? "e-prop-random" : "e-prop";
    }
}
