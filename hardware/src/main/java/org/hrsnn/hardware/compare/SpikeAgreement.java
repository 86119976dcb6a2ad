package org.hrsnn.hardware.compare;

import org.hrsnn.simulator.util.Correlation;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.simulator.InvalidInputException;

/**
 * How alike two spike rasters of the same neurons are.
 *
 * @param spikesA          total spikes of the first raster
 * @param spikesB          total spikes of the second
 * @param rateCorrelation  Pearson correlation over neurons of the spike counts (1 when both
 *                         count vectors are constant and equal, 0 when only one is constant)
 * @param vanRossum        mean over neurons of the van Rossum distance with time constant
 *                         {@code tauSteps}: D = sqrt(sum_t (fa_t - fb_t)^2 / tau), where f jumps by 1
 *                         per spike and decays by e^{-1/tau} per step (one extra or missing spike
 *                         far from others gives D close to sqrt(1/2))
 * @param tauSteps         the van Rossum time constant, in steps
 */
public record SpikeAgreement(long spikesA, long spikesB, double rateCorrelation, double vanRossum, double tauSteps) {

    public static SpikeAgreement compare(SpikeRaster a, SpikeRaster b, double tauSteps) {
        if (a.units != b.units || a.steps != b.steps) {
            throw new InvalidInputException("rasters", a.units + "x" + a.steps + " vs " + b.units + "x" + b.steps,
                    "the same neurons and steps");
        }
        int n = a.units;
        double decay = Math.exp(-1.0 / tauSteps);
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[] sq = new double[n];
        for (int t = 0; t < a.steps; t++) {
            for (int i = 0; i < n; i++) {
                fa[i] *= decay;
                fb[i] *= decay;
            }
            for (int k = a.stepStart[t]; k < a.stepStart[t + 1]; k++) {
                fa[a.unit[k]] += 1;
            }
            for (int k = b.stepStart[t]; k < b.stepStart[t + 1]; k++) {
                fb[b.unit[k]] += 1;
            }
            for (int i = 0; i < n; i++) {
                double d = fa[i] - fb[i];
                sq[i] += d * d;
            }
        }
        double vr = 0;
        for (int i = 0; i < n; i++) {
            vr += Math.sqrt(sq[i] / tauSteps);
        }
        return new SpikeAgreement(a.size(), b.size(), correlation(a.counts(), b.counts()), n == 0 ? 0 : vr / n, tauSteps);
    }

    /** Pearson r of the counts; 0 where it is undefined (one side constant, the other not). */
    static double correlation(int[] x, int[] y) {
        double r = Correlation.pearson(x, y);
        return Double.isNaN(r) ? 0 : r;
    }
}
