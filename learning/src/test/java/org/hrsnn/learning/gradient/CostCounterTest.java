package org.hrsnn.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.junit.jupiter.api.Test;

/** The counted state and operations agree with closed-form formulas on graphs of known shape. */
class CostCounterTest {
    /** Ring lattice: neuron i projects to i+1 .. i+d (mod n). */
    private static RecurrentSpikingModel lattice(int n, int d, int lif, int inputs) {
        int[] rowStart = new int[n + 1];
        int[] target = new int[n * d];
        for (int i = 0; i < n; i++) {
            for (int o = 1; o <= d; o++) {
                target[i * d + o - 1] = (i + o) % n;
            }
            java.util.Arrays.sort(target, i * d, i * d + d);
            rowStart[i + 1] = (i + 1) * d;
        }
        double[] alpha = new double[n];
        double[] rho = new double[n];
        double[] beta = new double[n];
        double[] vth = new double[n];
        for (int j = 0; j < n; j++) {
            alpha[j] = 0.9;
            rho[j] = 0.99;
            beta[j] = j < lif ? 0 : 0.5;
            vth[j] = 1;
        }
        double[] params = new double[n * d + n * inputs + n + 1];
        return RecurrentSpikingModel.of(rowStart, target, inputs, 1, alpha, rho, beta, vth, 0.8, 1,
                new org.hrsnn.learning.surrogate.PiecewiseLinear(), false, params);
    }

    @Test
    void snapOneKeepsExactlyOneTracePerParameterAndStateVariable() {
        int n = 50;
        int d = 3;
        int in = 2;
        long p = (long) n * d + (long) n * in;
        RecurrentSpikingModel lif = lattice(n, d, n, in);
        assertEquals(p, new SnapN(lif, 1).keptEntries());
        // v influence + filtered spike influence per parameter; no adaptation state for LIF.
        assertEquals(2 * p, new SnapOne(lif).cost().stateFloats());
        assertEquals(2 * p, new SnapN(lif, 1).cost().stateFloats());
        // e-prop on one alpha: eps_v per presynaptic neuron or input (two steps), ebar per parameter.
        assertEquals(p + 2L * (n + in), Eprop.symmetric(lif).cost().stateFloats());
        assertEquals(4 * p + (n + in), Eprop.symmetric(lif).cost().macsPerStep());
        assertEquals(2 * p, Eprop.symmetric(lif, Precision.DOUBLE, 1, false, false).cost().stateFloats());
        assertEquals(5 * p, Eprop.symmetric(lif, Precision.DOUBLE, 1, false, false).cost().macsPerStep());
        // Streamed bytes: 8-byte numbers read and written (eps_v, ebar, gradient; no eps_v with the
        // table), 4-byte float traces, plus a 4-byte index per recurrent synapse.
        long nnz = (long) n * d;
        assertEquals(2 * 8 * 3 * p + 4 * nnz, new SnapOne(lif).streamedBytesPerStep());
        assertEquals(2 * 4 * 3 * p + 4 * nnz, new SnapOne(lif, Precision.FLOAT, 1).streamedBytesPerStep());
        assertEquals(2 * 8 * 2 * p + 4 * nnz, Eprop.symmetric(lif).streamedBytesPerStep());
        RecurrentSpikingModel alif = lattice(n, d, n / 2, in);
        assertEquals(3 * p, new SnapOne(alif).cost().stateFloats());
        assertEquals(3 * p, new SnapN(alif, 1).cost().stateFloats());
        assertEquals(10 * p, new SnapOne(alif).cost().macsPerStep());
        assertEquals(2 * p + 2L * (n + in), Eprop.symmetric(alif).cost().stateFloats());
        assertEquals(9 * p + (n + in), Eprop.symmetric(alif).cost().macsPerStep());
        // Half the neurons adapt: their parameters also stream eps_a.
        long half = (long) (n / 2) * (d + in);
        assertEquals(2 * 8 * (3 * half + 4 * half) + 4L * n * d, new SnapOne(alif).streamedBytesPerStep());
        assertEquals(2 * 8 * (2 * half + 3 * half) + 4L * n * d, Eprop.symmetric(alif).streamedBytesPerStep());
    }

    @Test
    void snapTwoKeepsTheNeuronAndItsTargetsAndCountsLocalSynapses() {
        int n = 40;
        int d = 4;
        int in = 3;
        long p = (long) n * d + (long) n * in;
        RecurrentSpikingModel lif = lattice(n, d, n, in);
        SnapN s2 = new SnapN(lif, 2);
        assertEquals(p * (1 + d), s2.keptEntries());
        // Inside {j, j+1, .., j+d} the synapses a -> b with 0 <= a < b <= d: d (d + 1) / 2 of them.
        long localEdges = (long) d * (d + 1) / 2;
        CostReport c = s2.cost();
        assertEquals(2 * p * (1 + d), c.stateFloats());
        assertEquals(p * (1 + d) * 7 + p * localEdges, c.macsPerStep());
        // SnAp-3 reaches j .. j + 2d.
        assertEquals(p * (1 + 2 * d), new SnapN(lif, 3).keptEntries());
    }

    @Test
    void rtrlKeepsTheFullInfluenceMatrix() {
        RecurrentSpikingModel m = lattice(12, 2, 6, 2);
        long p = 12 * 2 + 12 * 2;
        CostReport c = new Rtrl(m).cost();
        assertEquals(2 * 12 * p + 12 * p, c.stateFloats());
        assertEquals((2L * 12) * (2L * 12) * p + 4L * 12 * p, c.macsPerStep());
    }
}
