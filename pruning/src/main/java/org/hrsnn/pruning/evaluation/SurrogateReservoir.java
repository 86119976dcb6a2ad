package org.hrsnn.pruning.evaluation;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.simulator.network.Network;

/**
 * The network as a reservoir: the rate surrogate ({@link LifSurrogateDynamics}) driven by a
 * scalar input u(t) through fixed random input weights; the readout features are the
 * surrogate rates of up to {@code maxFeatures} neurons (chosen at random when there are more,
 * to bound the cost of the regression). Input neuron i receives the current
 * s_i u(t) inputMv / R_i with a random sign s_i, i.e. a swing of about inputMv at its membrane.
 */
public final class SurrogateReservoir {
    private final Network network;
    private final LifSurrogateDynamics dynamics;
    private final double[] inputWeight;
    private final int[] readout;

    public SurrogateReservoir(Network network, SurrogateOptions options, double inputMv, int maxFeatures,
                              RandomGenerator rng) {
        this.network = network;
        this.dynamics = new LifSurrogateDynamics(network, options);
        int n = network.size();
        this.inputWeight = new double[n];
        for (int i = 0; i < n; i++) {
            inputWeight[i] = (rng.nextBoolean() ? 1 : -1) * inputMv / network.parameters().resistance[i];
        }
        int f = Math.min(n, maxFeatures);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < f; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        this.readout = java.util.Arrays.copyOf(perm, f);
        java.util.Arrays.sort(readout);
    }

    public int features() {
        return readout.length;
    }

    /** Feature rows (one per input sample, rates in spikes per ms) after driving with {@code input}. */
    public double[][] run(double[] input) {
        int n = network.size();
        double[] x = LifSurrogateDynamics.initialState(network);
        double[] next = new double[n];
        double[] u = new double[n];
        dynamics.setExternalCurrent(u);
        double[][] out = new double[input.length][readout.length];
        for (int t = 0; t < input.length; t++) {
            for (int i = 0; i < n; i++) {
                u[i] = inputWeight[i] * input[t];
            }
            dynamics.step(x, next);
            double[] tmp = x;
            x = next;
            next = tmp;
            double[] row = out[t];
            for (int f = 0; f < readout.length; f++) {
                int j = readout[f];
                row[f] = dynamics.rate(j, x[j]);
                if (!Double.isFinite(row[f])) {
                    throw new org.hrsnn.pruning.lyapunov.LyapunovDivergenceException("reservoir", t);
                }
            }
        }
        dynamics.setExternalCurrent(null);
        return out;
    }
}
