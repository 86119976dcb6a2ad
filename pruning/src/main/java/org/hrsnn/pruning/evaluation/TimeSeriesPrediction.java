package org.hrsnn.pruning.evaluation;

import org.hrsnn.simulator.readout.RidgeRegression;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;

/**
 * One-step-ahead (or h-step) prediction of a time series by the network as a reservoir: the
 * series, scaled to [-1, 1], drives the surrogate one sample per step; a ridge readout of the
 * rates is trained to output the sample {@code horizon} steps ahead; the score is the NRMSE
 * on the held-out tail, sqrt(mean (y_hat - y)^2) / std(y) (1 = no better than the mean).
 */
public final class TimeSeriesPrediction {
    public record Options(int horizon, int washout, int train, int test, double ridge, double inputMv, int maxFeatures) {
        public static final Options DEFAULT = new Options(1, 200, 2000, 500, 1e-6, 3.0, 300);

        public Options {
            Check.positive("prediction.horizon", horizon);
            Check.nonNegative("prediction.washout", washout);
            Check.positive("prediction.train", train);
            Check.positive("prediction.test", test);
            Check.positive("prediction.ridge", ridge);
        }

        public int length() {
            return washout + train + test + horizon;
        }
    }

    private TimeSeriesPrediction() {
    }

    public static double nrmse(Network network, double[] series, SurrogateOptions surrogate, Options o, RandomGenerator rng) {
        if (series.length < o.length()) {
            throw new InvalidInputException("prediction.series.length", series.length, "at least " + o.length() + " samples");
        }
        int total = o.length();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < total; t++) {
            lo = Math.min(lo, series[t]);
            hi = Math.max(hi, series[t]);
        }
        double span = hi > lo ? hi - lo : 1;
        double[] u = new double[total];
        for (int t = 0; t < total; t++) {
            u[t] = 2 * (series[t] - lo) / span - 1;
        }
        SurrogateReservoir res = new SurrogateReservoir(network, surrogate, o.inputMv(), o.maxFeatures(), rng);
        int steps = total - o.horizon();
        double[][] x = res.run(java.util.Arrays.copyOf(u, steps));
        double[][] y = new double[steps][1];
        for (int t = 0; t < steps; t++) {
            y[t][0] = u[t + o.horizon()];
        }
        int split = o.washout() + o.train();
        RidgeRegression r = RidgeRegression.fit(x, y, o.washout(), split, o.ridge());
        double mse = 0;
        double mean = 0;
        for (int t = split; t < steps; t++) {
            mean += y[t][0];
        }
        mean /= steps - split;
        double var = 0;
        for (int t = split; t < steps; t++) {
            double e = r.predict(x[t])[0] - y[t][0];
            mse += e * e;
            var += (y[t][0] - mean) * (y[t][0] - mean);
        }
        return var == 0 ? Double.NaN : Math.sqrt(mse / var);
    }
}
