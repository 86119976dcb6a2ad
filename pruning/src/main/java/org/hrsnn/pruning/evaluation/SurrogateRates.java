package org.hrsnn.pruning.evaluation;

import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.simulator.network.Network;

/** Mean firing rates (Hz) of the rate surrogate, averaged over {@code steps} after {@code skip} steps. */
public final class SurrogateRates {
    private SurrogateRates() {
    }

    public static double[] meanRatesHz(Network net, SurrogateOptions options, int skip, int steps) {
        LifSurrogateDynamics f = new LifSurrogateDynamics(net, options);
        double[] x = LifSurrogateDynamics.initialState(net);
        double[] next = new double[x.length];
        double[] sum = new double[x.length];
        for (int t = 0; t < skip + steps; t++) {
            f.step(x, next);
            double[] tmp = x;
            x = next;
            next = tmp;
            if (t >= skip) {
                for (int i = 0; i < x.length; i++) {
                    sum[i] += f.rate(i, x[i]);
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = 1000.0 * sum[i] / steps; // spikes per ms -> Hz
        }
        return sum;
    }
}
