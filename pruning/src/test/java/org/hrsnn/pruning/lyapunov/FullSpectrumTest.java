package org.hrsnn.pruning.lyapunov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * With k = N the exponents sum to the mean phase-space contraction rate,
 * (1 / (T h)) sum_t log |det DF(x_t)|, computed here independently by LU determinants.
 */
class FullSpectrumTest {
    @Test
    void fullSpectrumSumsToTheMeanLogDeterminant() {
        Network net = TestNetworks.heterogeneous(30, 0.2, 17);
        LifSurrogateDynamics f = new LifSurrogateDynamics(net, SurrogateOptions.DEFAULT);
        int n = 30;
        int skip = 100;
        int steps = 400;
        LyapunovResult r = LyapunovSpectrum.compute(f, LifSurrogateDynamics.initialState(net),
                new LyapunovOptions(n, skip, steps, true, 5), new RandomStreams(2).stream("q"));

        double[] x = LifSurrogateDynamics.initialState(net);
        double[] next = new double[n];
        DMatrixRMaj eye = CommonOps_DDRM.identity(n);
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        double logDet = 0;
        for (int t = 0; t < skip + steps; t++) {
            if (t >= skip) {
                f.jacobianTimes(x, eye, jac);
                logDet += Math.log(Math.abs(CommonOps_DDRM.det(jac)));
            }
            f.step(x, next);
            double[] tmp = x;
            x = next;
            next = tmp;
        }
        double expected = logDet / (steps * f.stepTime());
        assertEquals(expected, r.sum(), 1e-9 * Math.abs(expected));
        // The per-neuron exponents carry the same total.
        double total = 0;
        for (double v : r.perNeuron()) {
            total += v;
        }
        assertEquals(expected, total, 1e-9 * Math.abs(expected));
    }
}
