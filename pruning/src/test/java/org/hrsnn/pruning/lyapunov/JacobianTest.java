package org.hrsnn.pruning.lyapunov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;

/** The analytic tangent maps agree with central finite differences of the step. */
class JacobianTest {
    static void check(TangentDynamics f, double[] x, double tol) {
        int n = f.dimension();
        int k = 3;
        Well19937c rng = new Well19937c(4);
        DMatrixRMaj in = new DMatrixRMaj(n, k);
        for (int i = 0; i < n * k; i++) {
            in.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj out = new DMatrixRMaj(n, k);
        f.jacobianTimes(x, in, out);
        double eps = 1e-5;
        double[] plus = new double[n];
        double[] minus = new double[n];
        double[] fp = new double[n];
        double[] fm = new double[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                plus[i] = x[i] + eps * in.get(i, c);
                minus[i] = x[i] - eps * in.get(i, c);
            }
            f.step(plus, fp);
            f.step(minus, fm);
            for (int i = 0; i < n; i++) {
                assertEquals((fp[i] - fm[i]) / (2 * eps), out.get(i, c), tol, "component " + i + " of vector " + c);
            }
        }
    }

    @Test
    void lifSurrogateJacobianMatchesFiniteDifferences() {
        Network net = TestNetworks.heterogeneous(40, 0.2, 9);
        LifSurrogateDynamics f = new LifSurrogateDynamics(net, SurrogateOptions.DEFAULT);
        check(f, LifSurrogateDynamics.initialState(net), 1e-6);
    }

    @Test
    void rateNetworkJacobianMatchesFiniteDifferences() {
        RandomRateNetwork f = new RandomRateNetwork(30, 1.5, 0.1, new Well19937c(2));
        double[] x = new double[30];
        Well19937c rng = new Well19937c(3);
        for (int i = 0; i < 30; i++) {
            x[i] = rng.nextGaussian();
        }
        check(f, x, 1e-8);
    }
}
