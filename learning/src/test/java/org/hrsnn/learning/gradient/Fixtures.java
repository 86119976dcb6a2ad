package org.hrsnn.learning.gradient;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.surrogate.SurrogateDerivative;
import org.hrsnn.simulator.random.RandomStreams;

/** Small random networks, inputs and a mean-squared-error loss, for the gradient tests. */
final class Fixtures {
    private Fixtures() {
    }

    static RecurrentSpikingModel model(int lif, int alif, double density, boolean self, long seed) {
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.lifNeurons = lif;
        s.alifNeurons = alif;
        s.inputs = 3;
        s.outputs = 2;
        s.density = density;
        s.selfSynapses = self;
        s.tauSpread = 0.5;
        s.adaptationTauMs = 50;
        s.adaptationStrength = 0.5;
        s.membraneTauMs = 10;
        s.readoutTauMs = 5;
        s.recScale = 1.5;
        s.inScale = 3.0;
        return s.build(new RandomStreams(seed));
    }

    static RecurrentSpikingModel smooth(RecurrentSpikingModel m, SurrogateDerivative sg) {
        return RecurrentSpikingModel.of(m.rowStart, m.target, m.inputs, m.outputs, m.alpha, m.rho, m.beta, m.vth,
                m.kappa, m.dtMs, sg, true, m.params);
    }

    /** Input frames: Poisson-like spikes with some analog channels. */
    static double[][] inputs(int steps, int channels, long seed) {
        RandomGenerator g = new RandomStreams(seed).stream("test/inputs");
        double[][] x = new double[steps][channels];
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < channels; c++) {
                x[t][c] = c == 0 ? 0.5 + 0.5 * Math.sin(t * 0.3) : (g.nextDouble() < 0.3 ? 1 : 0);
            }
        }
        return x;
    }

    static double[][] targets(int steps, int outputs, long seed) {
        RandomGenerator g = new RandomStreams(seed).stream("test/targets");
        double[][] y = new double[steps][outputs];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < outputs; k++) {
                y[t][k] = g.nextGaussian();
            }
        }
        return y;
    }

    /** Loss 0.5 sum_t |y_t - target_t|^2 over the steps t >= lossFrom. */
    static double loss(RecurrentSpikingModel m, double[][] x, double[][] target, int lossFrom) {
        ModelState s = m.newState();
        double l = 0;
        for (int t = 0; t < x.length; t++) {
            m.step(s, x[t]);
            if (t >= lossFrom) {
                for (int k = 0; k < m.outputs; k++) {
                    double e = s.y[k] - target[t][k];
                    l += 0.5 * e * e;
                }
            }
        }
        return l;
    }

    /** Runs the model once over the sequence, feeding the estimator; returns a copy of its gradient. */
    static double[] gradient(RecurrentSpikingModel m, GradientEstimator est, double[][] x, double[][] target,
                             int lossFrom, int spikeCheck[]) {
        ModelState s = m.newState();
        est.beginSequence();
        est.clearGradient();
        double[] err = new double[m.outputs];
        int spikes = 0;
        for (int t = 0; t < x.length; t++) {
            m.step(s, x[t]);
            for (int j = 0; j < m.n; j++) {
                spikes += s.z[j] > 0.5 ? 1 : 0;
            }
            for (int k = 0; k < m.outputs; k++) {
                err[k] = t >= lossFrom ? s.y[k] - target[t][k] : 0;
            }
            est.step(s, x[t], err, null);
        }
        est.flush();
        if (spikeCheck != null) {
            spikeCheck[0] = spikes;
        }
        return est.gradient().clone();
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double maxAbsDiff(double[] a, double[] b, int from, int to) {
        double m = 0;
        for (int k = from; k < to; k++) {
            m = Math.max(m, Math.abs(a[k] - b[k]));
        }
        return m;
    }

    static double cosine(double[] a, double[] b, int from, int to) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = from; k < to; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
