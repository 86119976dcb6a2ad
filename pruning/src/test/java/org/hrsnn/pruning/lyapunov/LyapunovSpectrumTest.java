package org.hrsnn.pruning.lyapunov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class LyapunovSpectrumTest {

    /** A = P D P^-1 with a real pair and a rotation block: exponents log|eigenvalue|. */
    @Test
    void linearMapExponentsAreLogAbsEigenvalues() {
        double c = 0.8 * Math.cos(0.7);
        double s = 0.8 * Math.sin(0.7);
        DMatrixRMaj d = new DMatrixRMaj(new double[][] {
                {1.5, 0, 0, 0, 0}, {0, c, -s, 0, 0}, {0, s, c, 0, 0}, {0, 0, 0, -0.5, 0}, {0, 0, 0, 0, 0.2}});
        DMatrixRMaj p = new DMatrixRMaj(5, 5);
        Well19937c rng = new Well19937c(3);
        for (int i = 0; i < 25; i++) {
            p.data[i] = rng.nextGaussian() + (i % 6 == 0 ? 3 : 0);
        }
        DMatrixRMaj pinv = p.copy();
        CommonOps_DDRM.invert(pinv);
        DMatrixRMaj a = new DMatrixRMaj(5, 5);
        DMatrixRMaj tmp = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.mult(p, d, tmp);
        CommonOps_DDRM.mult(tmp, pinv, a);
        double[] x0 = new double[5];
        LyapunovResult r = LyapunovSpectrum.compute(new LinearMap(a), x0, LyapunovOptions.of(5, 100, 4000), new Well19937c(1));
        double[] expected = {Math.log(1.5), Math.log(0.8), Math.log(0.8), Math.log(0.5), Math.log(0.2)};
        for (int m = 0; m < 5; m++) {
            assertEquals(expected[m], r.exponents()[m], 5e-3, "exponent " + m);
        }
        // The running estimate converges: the last checkpoint is closer than the first.
        double first = Math.abs(r.checkpointExponents()[0][0] - expected[0]);
        double last = Math.abs(r.checkpointExponents()[r.checkpointSteps().length - 1][0] - expected[0]);
        assertTrue(last <= first + 1e-12, "finite-time estimate should converge: " + first + " -> " + last);
        assertEquals(4000, r.checkpointSteps()[r.checkpointSteps().length - 1]);
    }

    @Test
    void diagonalMapGivesEachNeuronItsOwnExponent() {
        double[] diag = {0.9, 0.5, 1.1, 0.2, 0.7};
        DMatrixRMaj a = CommonOps_DDRM.diag(diag);
        LyapunovResult r = LyapunovSpectrum.compute(new LinearMap(a), new double[5],
                LyapunovOptions.of(5, 300, 500).withPerNeuron(true), new Well19937c(2));
        for (int i = 0; i < 5; i++) {
            assertEquals(Math.log(diag[i]), r.perNeuron()[i], 1e-9, "neuron " + i);
        }
        double[] sorted = r.exponents().clone();
        Arrays.sort(sorted);
        assertEquals(Math.log(0.2), sorted[0], 1e-9);
        assertEquals(Math.log(1.1), sorted[4], 1e-9);
    }

    @Test
    void perNeuronExponentsSumToTheLeadingSpectrumOnALifSurrogate() {
        Network net = TestNetworks.heterogeneous(60, 0.2, 5);
        LifSurrogateDynamics f = new LifSurrogateDynamics(net, SurrogateOptions.DEFAULT);
        LyapunovResult r = LyapunovSpectrum.compute(f, LifSurrogateDynamics.initialState(net),
                LyapunovOptions.of(6, 200, 800).withPerNeuron(true), new RandomStreams(1).stream("lyap"));
        double total = Arrays.stream(r.perNeuron()).sum();
        assertEquals(r.sum(), total, 1e-9 * Math.max(1, Math.abs(total)));
        // Leak bounds every contraction from below: no exponent under log(min alpha)/h.
        double minAlpha = Arrays.stream(f.alpha()).min().orElseThrow();
        assertTrue(r.exponents()[5] >= Math.log(minAlpha) - 1e-9 || r.largest() > 0);
    }

    @Test
    void relabellingNeuronsRelabelsTheirExponents() {
        int n = 6;
        Well19937c rng = new Well19937c(11);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data[i] = 0.4 * rng.nextGaussian();
        }
        int[] perm = {3, 0, 5, 1, 4, 2};
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b.set(perm[i], perm[j], a.get(i, j));
            }
        }
        LyapunovOptions o = LyapunovOptions.of(3, 400, 3000).withPerNeuron(true);
        double[] x0 = new double[n];
        LyapunovResult ra = LyapunovSpectrum.compute(new LinearMap(a), x0, o, new Well19937c(1));
        LyapunovResult rb = LyapunovSpectrum.compute(new LinearMap(b), x0, o, new Well19937c(2));
        for (int i = 0; i < n; i++) {
            assertEquals(ra.perNeuron()[i], rb.perNeuron()[perm[i]], 2e-3, "neuron " + i);
        }
    }

    @Test
    void divergenceIsAClearError() {
        DMatrixRMaj a = CommonOps_DDRM.diag(1e300, 0.5);
        LyapunovDivergenceException e = assertThrows(LyapunovDivergenceException.class, () ->
                LyapunovSpectrum.compute(new LinearMap(a), new double[] {1, 1}, LyapunovOptions.of(1, 0, 10), new Well19937c(1)));
        assertTrue(e.getMessage().contains("NaN or infinite"), e.getMessage());
    }

    @Test
    void moreExponentsThanDimensionsIsRejected() {
        DMatrixRMaj a = CommonOps_DDRM.identity(3);
        assertThrows(InvalidInputException.class, () ->
                LyapunovSpectrum.compute(new LinearMap(a), new double[3], LyapunovOptions.of(4, 0, 10), new Well19937c(1)));
        assertThrows(InvalidInputException.class, () -> LyapunovOptions.of(0, 0, 10));
    }
}
