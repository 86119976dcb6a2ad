package org.hrsnn.pruning.evaluation;

import org.hrsnn.simulator.readout.RidgeRegression;
import org.hrsnn.simulator.util.Correlation;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.network.Network;

/**
 * Short-term memory capacity (Jaeger 2002): drive the reservoir with i.i.d. u(t) ~ U[-1, 1],
 * train one ridge readout per delay d = 1..D to output u(t - d), and sum the squared
 * correlations between output and target on held-out steps: MC = sum_d r_d^2 (at most D).
 * Washout, training and test lengths in steps of the surrogate.
 */
public final class MemoryCapacity {
    public record Options(int maxDelay, int washout, int train, int test, double ridge, double inputMv, int maxFeatures) {
        public static final Options DEFAULT = new Options(30, 200, 1500, 500, 1e-4, 3.0, 300);

        public Options {
            Check.positive("memory.maxDelay", maxDelay);
            Check.nonNegative("memory.washout", washout);
            Check.positive("memory.train", train);
            Check.positive("memory.test", test);
            Check.positive("memory.ridge", ridge);
        }
    }

    /** Per-delay r_d^2 (index d - 1); the capacity is their sum. */
    public record Result(double[] perDelay) {
        public double capacity() {
            double s = 0;
            for (double v : perDelay) {
                s += v;
            }
            return s;
        }
    }

    private MemoryCapacity() {
    }

    public static Result measure(Network network, SurrogateOptions surrogate, Options o, RandomGenerator rng) {
        int total = o.washout() + o.maxDelay() + o.train() + o.test();
        double[] u = new double[total];
        for (int t = 0; t < total; t++) {
            u[t] = 2 * rng.nextDouble() - 1;
        }
        SurrogateReservoir res = new SurrogateReservoir(network, surrogate, o.inputMv(), o.maxFeatures(), rng);
        double[][] x = res.run(u);
        int d = o.maxDelay();
        double[][] y = new double[total][d];
        for (int t = d; t < total; t++) {
            for (int k = 0; k < d; k++) {
                y[t][k] = u[t - k - 1];
            }
        }
        int start = o.washout() + d;
        int split = start + o.train();
        RidgeRegression r = RidgeRegression.fit(x, y, start, split, o.ridge());
        double[][] pred = new double[total - split][];
        for (int t = split; t < total; t++) {
            pred[t - split] = r.predict(x[t]);
        }
        double[] perDelay = new double[d];
        for (int k = 0; k < d; k++) {
            double[] a = new double[total - split];
            double[] b = new double[total - split];
            for (int t = split; t < total; t++) {
                a[t - split] = pred[t - split][k];
                b[t - split] = y[t][k];
            }
            double c = correlation(a, b);
            perDelay[k] = c * c;
        }
        return new Result(perDelay);
    }

    /** Pearson r; 0 where it is undefined (a constant output or target carries no memory). */
    static double correlation(double[] a, double[] b) {
        double r = Correlation.pearson(a, b);
        return Double.isNaN(r) ? 0 : r;
    }
}
