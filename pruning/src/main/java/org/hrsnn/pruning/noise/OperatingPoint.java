package org.hrsnn.pruning.noise;

import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.pruning.lyapunov.StateObserver;
import org.hrsnn.simulator.network.Network;

/**
 * The operating point of the linearisation: the surrogate gain dr_j/dv averaged over a
 * trajectory of the rate surrogate (a time average, so a neuron that sits saturated or silent
 * most of the time gets a small gain). Use it as a {@link StateObserver} of a Lyapunov run, or
 * run it on its own with {@link #gains}.
 */
public final class OperatingPoint implements StateObserver {
    private final LifSurrogateDynamics dynamics;
    private final double[] sum;
    private int count;

    public OperatingPoint(LifSurrogateDynamics dynamics) {
        this.dynamics = dynamics;
        this.sum = new double[dynamics.dimension()];
    }

    @Override
    public void observe(double[] v) {
        for (int j = 0; j < sum.length; j++) {
            sum[j] += dynamics.rateDerivative(j, v[j]);
        }
        count++;
    }

    /** Mean gain per neuron, spikes per ms per mV. */
    public double[] meanGain() {
        double[] g = new double[sum.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = count == 0 ? 0 : sum[j] / count;
        }
        return g;
    }

    /** Runs the surrogate from the network's initial potentials and averages the gain. */
    public static double[] gains(Network network, LifSurrogateDynamics f, int transientSteps, int steps) {
        double[] x = LifSurrogateDynamics.initialState(network);
        double[] next = new double[x.length];
        OperatingPoint op = new OperatingPoint(f);
        for (int t = 0; t < transientSteps + steps; t++) {
            f.step(x, next);
            double[] tmp = x;
            x = next;
            next = tmp;
            if (t >= transientSteps) {
                op.observe(x);
            }
        }
        return op.meanGain();
    }
}
