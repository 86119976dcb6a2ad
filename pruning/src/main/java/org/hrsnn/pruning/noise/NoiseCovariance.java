package org.hrsnn.pruning.noise;

import java.lang.ref.SoftReference;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * The stationary covariance C of the linearised network (A C + C A^T + Sigma = 0, see
 * {@link Linearisation}). If the linearisation at the operating point is unstable (a chaotic
 * or runaway surrogate), there is no stationary covariance: then the covariance of the nearest
 * shifted system A - delta I is used, delta starting at 5 % of the mean leak rate and doubling
 * until the solver converges (at most 10 times); the shift used is reported.
 *
 * @param covariance the N x N matrix C (mV^2)
 * @param shift      delta (1/ms), 0 when A itself is stable
 * @param doublings  Smith doublings of the final solve
 */
public record NoiseCovariance(DMatrixRMaj covariance, double shift, int doublings) {

    /**
     * The last solve, kept (softly) for reuse: comparing strategies prunes one network at several
     * densities and seeds, and this O(N^3) solve dominates each LNP and noise-pruning run. A hit
     * needs the very same synapse and parameter objects (a Network is an immutable description)
     * and an equal gain vector, so the answer is the one a fresh solve would give.
     */
    private record Memo(SynapseMatrix synapses, NeuronParameters parameters, double[] gain, NoiseCovariance result) {
    }

    private static final Object MEMO_LOCK = new Object();
    private static SoftReference<Memo> memo = new SoftReference<>(null);

    /** Forgets the memoised solve (benchmarks: every repeat must pay for its own solve). */
    public static void clearMemo() {
        synchronized (MEMO_LOCK) {
            memo = new SoftReference<>(null);
        }
    }

    public static NoiseCovariance of(Network network, double[] gain) {
        synchronized (MEMO_LOCK) {
            Memo m = memo.get();
            if (m != null && m.synapses == network.synapses() && m.parameters == network.parameters()
                    && Arrays.equals(m.gain, gain)) {
                return m.result.copy();
            }
        }
        DMatrixRMaj a = Linearisation.jacobian(network, gain);
        DMatrixRMaj sigma = Linearisation.noise(network);
        NoiseCovariance result = solve(a, sigma, meanLeak(network));
        synchronized (MEMO_LOCK) {
            memo = new SoftReference<>(new Memo(network.synapses(), network.parameters(), gain.clone(), result.copy()));
        }
        return result;
    }

    /** A copy with its own covariance matrix (callers may modify theirs). */
    public NoiseCovariance copy() {
        return new NoiseCovariance(covariance.copy(), shift, doublings);
    }

    /** Solves with the stabilising shift described above. */
    public static NoiseCovariance solve(DMatrixRMaj a, DMatrixRMaj sigma, double leakScale) {
        ContinuousLyapunovSolver solver = new ContinuousLyapunovSolver();
        double delta = 0;
        UnstableSystemException last = null;
        for (int attempt = 0; attempt <= 10; attempt++) {
            DMatrixRMaj shifted = a;
            if (delta > 0) {
                shifted = a.copy();
                for (int i = 0; i < a.numRows; i++) {
                    shifted.add(i, i, -delta);
                }
            }
            try {
                DMatrixRMaj c = solver.solve(shifted, sigma);
                return new NoiseCovariance(c, delta, solver.lastDoublings());
            } catch (UnstableSystemException e) {
                last = e;
                delta = delta == 0 ? 0.05 * leakScale : 2 * delta;
            }
        }
        throw last;
    }

    private static double meanLeak(Network network) {
        double s = 0;
        for (double t : network.parameters().membraneTau) {
            s += 1.0 / t;
        }
        return s / network.size();
    }
}
