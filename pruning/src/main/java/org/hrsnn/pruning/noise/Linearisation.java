package org.hrsnn.pruning.noise;

import org.ejml.data.DMatrixRMaj;
import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * The continuous-time linearisation dx/dt = A x + noise of the LIF rate surrogate
 * ({@link LifSurrogateDynamics}) around its operating point:
 *
 * <pre>
 *   tau_m,i dv_i/dt = -(v_i - E_L,i) + R_i (I_bias,i + sum_j M_ij r_j(v_j)) + R_i xi_i(t)
 *   A_ij = (1 / tau_m,i) (-delta_ij + R_i M_ij g_j)          (1/ms)
 *   Sigma = diag((R_i / tau_m,i)^2)                            (unit white current noise, nA^2 ms)
 * </pre>
 *
 * g_j is the surrogate gain dr_j/dv averaged over the surrogate trajectory (the operating
 * point), M_ij = w_ji tau_s,i. The leak -1/tau_m,i on the diagonal and the 1/tau_m,i factor of
 * every row put each neuron's own timescale into A, so heterogeneous timescales shape the
 * covariance. The noise is the same current noise in every neuron, which reaches v through
 * R_i / tau_m,i.
 */
public final class Linearisation {
    private Linearisation() {
    }

    /** Mean-current coupling M in CSR order of the network's synapses: w tau_s of the target (nA ms). */
    public static double[] coupling(Network network) {
        SynapseMatrix s = network.synapses();
        NeuronParameters p = network.parameters();
        double[] m = new double[s.size()];
        for (int k = 0; k < m.length; k++) {
            int i = s.target[k];
            double w = s.weight[k];
            m[k] = w * (w >= 0 ? p.excitatoryTau[i] : p.inhibitoryTau[i]);
        }
        return m;
    }

    /** Dense A (N x N, 1/ms) for gains g (spikes per ms per mV). */
    public static DMatrixRMaj jacobian(Network network, double[] gain) {
        int n = network.size();
        NeuronParameters p = network.parameters();
        SynapseMatrix s = network.synapses();
        double[] m = coupling(network);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                a.data[i * n + j] += p.resistance[i] * m[k] * gain[j] / p.membraneTau[i];
            }
        }
        for (int i = 0; i < n; i++) {
            a.data[i * n + i] -= 1.0 / p.membraneTau[i];
        }
        return a;
    }

    /** Sigma = diag((R_i / tau_m,i)^2). */
    public static DMatrixRMaj noise(Network network) {
        int n = network.size();
        NeuronParameters p = network.parameters();
        DMatrixRMaj sigma = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double r = p.resistance[i] / p.membraneTau[i];
            sigma.data[i * n + i] = r * r;
        }
        return sigma;
    }
}
