package org.hrsnn.pruning.bo;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Expected improvement over the best value so far, for maximisation:
 * EI = (mu - best - xi) Phi(z) + sd phi(z), z = (mu - best - xi) / sd; max(0, mu - best - xi)
 * where sd = 0. xi &gt;= 0 trades exploitation for exploration.
 */
public final class ExpectedImprovement {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private ExpectedImprovement() {
    }

    public static double of(double mean, double sd, double best, double xi) {
        double gain = mean - best - xi;
        if (!(sd > 1e-300)) {
            return Math.max(0, gain);
        }
        double z = gain / sd;
        return gain * STANDARD.cumulativeProbability(z) + sd * STANDARD.density(z);
    }
}
