package org.hrsnn.pruning.noise;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Solves the continuous Lyapunov equation A C + C A^T + Sigma = 0 for a stable A (the
 * stationary covariance of dx/dt = A x + noise with covariance rate Sigma).
 *
 * <p>Method: a Cayley transform with shift p &gt; 0 turns it into the discrete (Stein) equation
 * C = A_d C A_d^T + Q_d with A_d = (A - pI)^-1 (A + pI) = I + 2p (A - pI)^-1 and
 * Q_d = 2p (A - pI)^-1 Sigma (A - pI)^-T (exact, no discretisation error: expanding
 * (A - pI) C (A - pI)^T - (A + pI) C (A + pI)^T gives -2p (A C + C A^T)). The Stein equation is
 * summed by squared Smith doubling, C_{2m} = C_m + Phi_m C_m Phi_m^T, Phi_{2m} = Phi_m^2, which
 * needs log2 of the number of terms: about 3 dense products per doubling, O(N^3) each, and a
 * few tens of doublings even when the slowest mode is close to marginal. p is the geometric
 * mean of the largest and smallest |A_ii| (the leak rates 1/tau_m for a network), which
 * balances the contraction |(lambda + p)/(lambda - p)| of fast and slow modes. The products
 * use EJML's multi-threaded kernels (deterministic: each output row is computed by one thread).
 *
 * <p>Chosen over Bartels-Stewart because EJML exposes no real Schur form, and over an
 * eigendecomposition because A is non-normal (ill-conditioned eigenvectors) and EJML gives no
 * complex eigenvectors; measured cost in docs/pruning.md.
 */
public final class ContinuousLyapunovSolver {
    private static final int MAX_DOUBLINGS = 64;
    /**
     * Default stopping rule: the last doubling's increment is below 1e-7 of ||C||_F. The
     * increments shrink at least quadratically once the series converges (Phi is squared
     * every doubling), so the neglected tail is of the order of the last increment squared
     * relative to C; 1e-7 is far below the sampling noise of the retention probabilities it
     * feeds, and saves one to two doublings against 1e-10 (measured in docs/pruning.md).
     */
    public static final double DEFAULT_TOLERANCE = 1e-7;
    private static final double BLOW_UP = 1e12;

    private final double tolerance;
    private final boolean halfProducts;
    private int lastDoublings;

    public ContinuousLyapunovSolver() {
        this(DEFAULT_TOLERANCE);
    }

    /** @param tolerance stop when the increment's Frobenius norm is at most this fraction of C's */
    public ContinuousLyapunovSolver(double tolerance) {
        this(tolerance, true);
    }

    /**
     * @param halfProducts true (default): the symmetric Phi C Phi^T by half a product
     *                     ({@link SymmetricProduct}); false: EJML's full multi-threaded
     *                     multTransB (the first version, for benchmarks)
     */
    public ContinuousLyapunovSolver(double tolerance, boolean halfProducts) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new org.hrsnn.simulator.InvalidInputException("lyapunovSolver.tolerance", tolerance, "in (0, 1)");
        }
        this.tolerance = tolerance;
        this.halfProducts = halfProducts;
    }

    /** Number of doublings the last call needed (for diagnostics and cost reports). */
    public int lastDoublings() {
        return lastDoublings;
    }

    /** C with A C + C A^T + Sigma = 0; throws {@link UnstableSystemException} if A is not stable. */
    public DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj sigma) {
        int n = a.numRows;
        if (a.numCols != n || sigma.numRows != n || sigma.numCols != n) {
            throw new IllegalArgumentException("A and Sigma must be square of the same size");
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double u = sigma.get(i, j);
                double l = sigma.get(j, i);
                if (Math.abs(u - l) > 1e-12 * (Math.abs(u) + Math.abs(l))) {
                    throw new org.hrsnn.simulator.InvalidInputException("sigma[" + i + "][" + j + "]", u,
                            "a symmetric noise covariance (sigma[" + j + "][" + i + "] = " + l + ")");
                }
            }
        }
        double p = shift(a);
        DMatrixRMaj b = a.copy();
        for (int i = 0; i < n; i++) {
            b.add(i, i, -p);
        }
        if (!CommonOps_DDRM.invert(b)) {
            throw new UnstableSystemException("A - pI is singular for p = " + p);
        }
        // phi = I + 2p (A - pI)^-1
        DMatrixRMaj phi = b.copy();
        CommonOps_DDRM.scale(2 * p, phi);
        for (int i = 0; i < n; i++) {
            phi.add(i, i, 1.0);
        }
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        mult(b, sigma, tmp);
        symmetricProduct(tmp, b, c);
        CommonOps_DDRM.scale(2 * p, c);
        DMatrixRMaj inc = new DMatrixRMaj(n, n);
        DMatrixRMaj phi2 = new DMatrixRMaj(n, n);
        lastDoublings = 0;
        for (int it = 0; it < MAX_DOUBLINGS; it++) {
            lastDoublings = it + 1;
            mult(phi, c, tmp);
            // Phi C Phi^T is symmetric: half of the second product suffices.
            symmetricProduct(tmp, phi, inc);
            double incNorm = NormOps_DDRM.normF(inc);
            CommonOps_DDRM.addEquals(c, inc);
            double cNorm = NormOps_DDRM.normF(c);
            if (!Double.isFinite(cNorm) || cNorm > BLOW_UP * (1 + NormOps_DDRM.normF(sigma) / p)) {
                throw new UnstableSystemException("the covariance series diverges (norm " + cNorm + ")");
            }
            if (incNorm <= tolerance * cNorm) {
                symmetrise(c);
                return c;
            }
            mult(phi, phi, phi2);
            DMatrixRMaj t = phi;
            phi = phi2;
            phi2 = t;
            if (!Double.isFinite(NormOps_DDRM.normF(phi))) {
                throw new UnstableSystemException("the Cayley transform has spectral radius >= 1");
            }
        }
        throw new UnstableSystemException("no convergence after " + MAX_DOUBLINGS
                + " doublings (an eigenvalue of A has real part >= 0)");
    }

    static double shift(DMatrixRMaj a) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < a.numRows; i++) {
            double d = Math.abs(a.get(i, i));
            if (d > 0) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (hi == 0) {
            return Math.max(1e-12, NormOps_DDRM.normF(a) / Math.sqrt(a.numRows));
        }
        return Math.sqrt(lo * hi);
    }

    private static void symmetrise(DMatrixRMaj c) {
        int n = c.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double m = 0.5 * (c.data[i * n + j] + c.data[j * n + i]);
                c.data[i * n + j] = m;
                c.data[j * n + i] = m;
            }
        }
    }

    private void symmetricProduct(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj out) {
        if (halfProducts) {
            SymmetricProduct.multTransBSymmetric(x, y, out);
        } else if (x.numRows >= 200) {
            CommonOps_MT_DDRM.multTransB(x, y, out);
        } else {
            CommonOps_DDRM.multTransB(x, y, out);
        }
    }

    /** out = x y: EJML's products (their row-axpy loop vectorises; faster here than row dots). */
    private static void mult(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj out) {
        if (x.numRows >= 200) {
            CommonOps_MT_DDRM.mult(x, y, out);
        } else {
            CommonOps_DDRM.mult(x, y, out);
        }
    }
}
