package org.hrsnn.pruning.bench;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.pruning.noise.ContinuousLyapunovSolver;
import org.hrsnn.pruning.noise.Linearisation;
import org.hrsnn.pruning.noise.OperatingPoint;
import org.hrsnn.simulator.network.Network;

/**
 * Wall time of the noise-covariance solve alone, the first solver (tolerance 1e-10, EJML full
 * products) against the current one (default tolerance, half products), alternating on the same
 * A and Sigma so that both see the same machine load; best of R:
 * {@code java -cp ... org.hrsnn.pruning.bench.CovarianceSolveBenchmark [p] [repeats] N...}
 * (networks of {@link LnpScalingBenchmark#network}, operating point from 300 + 400 surrogate steps).
 */
public final class CovarianceSolveBenchmark {
    private CovarianceSolveBenchmark() {
    }

    public static void main(String[] args) {
        double p = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int[] sizes = LnpScalingBenchmark.sizes(args);
        for (int n : sizes) {
            Network net = LnpScalingBenchmark.network(n, p, 42);
            double[] gain = OperatingPoint.gains(net, new LifSurrogateDynamics(net, SurrogateOptions.DEFAULT), 300, 400);
            DMatrixRMaj a = Linearisation.jacobian(net, gain);
            DMatrixRMaj sigma = Linearisation.noise(net);
            double bestOld = Double.POSITIVE_INFINITY;
            double bestNew = Double.POSITIVE_INFINITY;
            int dOld = 0;
            int dNew = 0;
            double diff = 0;
            for (int r = 0; r < repeats; r++) {
                ContinuousLyapunovSolver old = new ContinuousLyapunovSolver(1e-10, false);
                long t0 = System.nanoTime();
                DMatrixRMaj cOld = old.solve(a, sigma);
                bestOld = Math.min(bestOld, (System.nanoTime() - t0) / 1e9);
                dOld = old.lastDoublings();
                ContinuousLyapunovSolver cur = new ContinuousLyapunovSolver();
                t0 = System.nanoTime();
                DMatrixRMaj cNew = cur.solve(a, sigma);
                bestNew = Math.min(bestNew, (System.nanoTime() - t0) / 1e9);
                dNew = cur.lastDoublings();
                DMatrixRMaj d = cNew.copy();
                org.ejml.dense.row.CommonOps_DDRM.subtractEquals(d, cOld);
                diff = NormOps_DDRM.normF(d) / NormOps_DDRM.normF(cOld);
            }
            System.out.printf(java.util.Locale.ROOT,
                    "N=%d first solver %.2fs (%d doublings) current %.2fs (%d doublings) speed-up %.2f relative difference %.1e%n",
                    n, bestOld, dOld, bestNew, dNew, bestOld / bestNew, diff);
        }
    }
}
