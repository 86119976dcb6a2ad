package org.hrsnn.pruning.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;

class ContinuousLyapunovSolverTest {

    /** Independent solution: (I kron A + A kron I) vec(C) = -vec(Sigma), solved densely. */
    static DMatrixRMaj kronecker(DMatrixRMaj a, DMatrixRMaj sigma) {
        int n = a.numRows;
        DMatrixRMaj k = new DMatrixRMaj(n * n, n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int row = i * n + j; // C_ij, row-major vec
                for (int m = 0; m < n; m++) {
                    k.add(row, m * n + j, a.get(i, m)); // (A C)_ij
                    k.add(row, i * n + m, a.get(j, m)); // (C A^T)_ij
                }
            }
        }
        DMatrixRMaj rhs = new DMatrixRMaj(n * n, 1);
        for (int i = 0; i < n * n; i++) {
            rhs.data[i] = -sigma.data[i];
        }
        DMatrixRMaj x = new DMatrixRMaj(n * n, 1);
        assertTrue(CommonOps_DDRM.solve(k, rhs, x));
        return new DMatrixRMaj(n, n, true, x.data);
    }

    static DMatrixRMaj randomStable(int n, long seed, double spread) {
        Well19937c rng = new Well19937c(seed);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data[i] = spread * rng.nextGaussian() / Math.sqrt(n);
        }
        for (int i = 0; i < n; i++) {
            a.add(i, i, -(1.0 + 0.5 * rng.nextDouble())); // heterogeneous leaks, 1/ms
        }
        return a;
    }

    @Test
    void agreesWithTheKroneckerSolutionOnSmallSystems() {
        for (long seed = 1; seed <= 4; seed++) {
            DMatrixRMaj a = randomStable(6, seed, 0.3);
            Well19937c rng = new Well19937c(seed + 100);
            DMatrixRMaj g = new DMatrixRMaj(6, 6);
            for (int i = 0; i < 36; i++) {
                g.data[i] = rng.nextGaussian();
            }
            DMatrixRMaj sigma = new DMatrixRMaj(6, 6);
            CommonOps_DDRM.multTransB(g, g, sigma);
            DMatrixRMaj c = new ContinuousLyapunovSolver(1e-12).solve(a, sigma);
            DMatrixRMaj loose = new ContinuousLyapunovSolver().solve(a, sigma);
            DMatrixRMaj ref = kronecker(a, sigma);
            for (int i = 0; i < 36; i++) {
                assertEquals(ref.data[i], c.data[i], 1e-9 * NormOps_DDRM.normF(ref), "seed " + seed + " entry " + i);
                // The default stopping rule (increment below 1e-7 of ||C||) is accurate to far better than 1e-7.
                assertEquals(ref.data[i], loose.data[i], 1e-7 * NormOps_DDRM.normF(ref), "default, seed " + seed);
            }
        }
    }

    @Test
    void halfProductEqualsTheFullProductForASymmetricResult() {
        int n = 257;
        Well19937c rng = new Well19937c(5);
        DMatrixRMaj phi = new DMatrixRMaj(n, n);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            phi.data[i] = rng.nextGaussian();
            g.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(g, g, c);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(phi, c, tmp);
        DMatrixRMaj full = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(tmp, phi, full);
        DMatrixRMaj half = new DMatrixRMaj(n, n);
        SymmetricProduct.multTransBSymmetric(tmp, phi, half);
        double scale = NormOps_DDRM.normF(full);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(full.get(i, j), half.get(i, j), 1e-12 * scale, i + "," + j);
                assertEquals(half.get(i, j), half.get(j, i), 0.0);
            }
        }
        DMatrixRMaj notSymmetric = CommonOps_DDRM.identity(3);
        notSymmetric.set(0, 1, 0.5);
        assertThrows(org.hrsnn.simulator.InvalidInputException.class,
                () -> new ContinuousLyapunovSolver().solve(CommonOps_DDRM.diag(-1, -2, -3), notSymmetric));
        assertThrows(org.hrsnn.simulator.InvalidInputException.class, () -> new ContinuousLyapunovSolver(0));
        assertThrows(org.hrsnn.simulator.InvalidInputException.class, () -> new ContinuousLyapunovSolver(Double.NaN));
    }

    @Test
    void scalarCaseIsSigmaTauOverTwo() {
        double tau = 20;
        DMatrixRMaj c = new ContinuousLyapunovSolver().solve(new DMatrixRMaj(new double[][] {{-1 / tau}}),
                new DMatrixRMaj(new double[][] {{3.0}}));
        assertEquals(3.0 * tau / 2, c.get(0, 0), 1e-10);
    }

    @Test
    void residualIsSmallOnALargerNearMarginalSystem() {
        int n = 250; // above the multi-threaded threshold
        DMatrixRMaj a = randomStable(n, 9, 0.85);
        DMatrixRMaj sigma = CommonOps_DDRM.identity(n);
        DMatrixRMaj c = new ContinuousLyapunovSolver().solve(a, sigma);
        DMatrixRMaj res = new DMatrixRMaj(n, n);
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, c, res);
        CommonOps_DDRM.multTransB(c, a, t);
        CommonOps_DDRM.addEquals(res, t);
        CommonOps_DDRM.addEquals(res, sigma);
        assertTrue(NormOps_DDRM.normF(res) < 1e-8 * NormOps_DDRM.normF(c) * NormOps_DDRM.normF(a),
                "residual " + NormOps_DDRM.normF(res));
        // A covariance is symmetric positive semi-definite: check the diagonal and one 2x2 minor.
        for (int i = 0; i < n; i++) {
            assertTrue(c.get(i, i) > 0);
        }
        assertTrue(c.get(0, 0) * c.get(1, 1) >= c.get(0, 1) * c.get(0, 1));
    }

    @Test
    void unstableSystemIsAClearError() {
        DMatrixRMaj a = CommonOps_DDRM.diag(-1.0, 0.1);
        assertThrows(UnstableSystemException.class, () -> new ContinuousLyapunovSolver().solve(a, CommonOps_DDRM.identity(2)));
        NoiseCovariance shifted = NoiseCovariance.solve(a, CommonOps_DDRM.identity(2), 1.0);
        assertTrue(shifted.shift() > 0.1, "shift " + shifted.shift());
        assertEquals(1.0 / (2 * (shifted.shift() - 0.1)), shifted.covariance().get(1, 1), 1e-9);
    }

    @Test
    void uncoupledNetworkHasTheLeakCovariance() {
        Network net = TestNetworks.heterogeneous(20, 0.3, 3);
        double[] zeroGain = new double[20];
        NoiseCovariance nc = NoiseCovariance.of(net, zeroGain);
        assertEquals(0.0, nc.shift());
        for (int i = 0; i < 20; i++) {
            double tau = net.parameters().membraneTau[i];
            double r = net.parameters().resistance[i];
            // dv = -v/tau dt + (R/tau) dW  ->  Var v = (R/tau)^2 tau / 2
            assertEquals(r * r / (2 * tau), nc.covariance().get(i, i), 1e-9);
            for (int j = 0; j < 20; j++) {
                if (j != i) {
                    assertEquals(0.0, nc.covariance().get(i, j), 1e-12);
                }
            }
        }
    }
}
