package org.hrsnn.simulator.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.StatUtils;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

class ParameterDistributionTest {
    private static final int N = 200_000;

    private static double[] sample(ParameterDistribution d, double lo, double hi, String stream) {
        double[] x = new double[N];
        d.fill(x, 0, N, lo, hi, new RandomStreams(11).stream(stream), "test");
        return x;
    }

    private static double[] sample(ParameterDistribution d, String stream) {
        return sample(d, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, stream);
    }

    @Test
    void uniformHasMeanMidpointAndVarianceWidthSquaredOverTwelve() {
        double[] x = sample(ParameterDistribution.uniform(2, 8), "u");
        double var = 36 / 12.0;
        assertEquals(5, StatUtils.mean(x), 5 * Math.sqrt(var / N));
        // Var of the sample variance of a uniform: (mu4 - var^2) / N with mu4 = width^4 / 80.
        assertEquals(var, StatUtils.variance(x), 5 * Math.sqrt((1296 / 80.0 - var * var) / N));
        assertTrue(StatUtils.min(x) >= 2 && StatUtils.max(x) <= 8);
    }

    @Test
    void normalHasItsMeanAndVariance() {
        double[] x = sample(ParameterDistribution.normal(-3, 2), "n");
        assertEquals(-3, StatUtils.mean(x), 5 * 2 / Math.sqrt(N));
        assertEquals(4, StatUtils.variance(x), 5 * 4 * Math.sqrt(2.0 / N));
    }

    @Test
    void truncatedNormalRespectsItsBoundsWithTheTruncatedMean() {
        // N(20, 10) truncated to [0, inf): mean = mu + sigma phi(a) / (1 - Phi(a)), a = -2.
        double[] x = sample(ParameterDistribution.normal(20, 10), 0, Double.POSITIVE_INFINITY, "tn");
        assertTrue(StatUtils.min(x) >= 0);
        double a = -2;
        double phi = Math.exp(-a * a / 2) / Math.sqrt(2 * Math.PI);
        double tail = new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(a);
        double mean = 20 + 10 * phi / (1 - tail);
        assertEquals(mean, StatUtils.mean(x), 5 * 10 / Math.sqrt(N));
        double[] both = sample(ParameterDistribution.normal(0, 1), -0.5, 0.25, "tn2");
        assertTrue(StatUtils.min(both) >= -0.5 && StatUtils.max(both) <= 0.25);
    }

    @Test
    void gammaHasMeanShapeTimesScaleAndVarianceShapeTimesScaleSquared() {
        double k = 3;
        double theta = 6.67;
        double[] x = sample(ParameterDistribution.gamma(k, theta), 0, Double.POSITIVE_INFINITY, "g");
        double var = k * theta * theta;
        assertEquals(k * theta, ParameterDistribution.gamma(k, theta).mean(), 1e-12);
        assertEquals(k * theta, StatUtils.mean(x), 5 * Math.sqrt(var / N));
        // Gamma kurtosis: mu4 = 3 k (k + 2) theta^4.
        double mu4 = 3 * k * (k + 2) * Math.pow(theta, 4);
        assertEquals(var, StatUtils.variance(x), 5 * Math.sqrt((mu4 - var * var) / N));
    }

    @Test
    void lognormalHasMeanExpMuPlusHalfSigmaSquaredAndNormalLogs() {
        double mu = 1;
        double sigma = 0.5;
        double[] x = sample(ParameterDistribution.lognormal(mu, sigma), "ln");
        double mean = Math.exp(mu + sigma * sigma / 2);
        double var = (Math.exp(sigma * sigma) - 1) * mean * mean;
        assertEquals(mean, ParameterDistribution.lognormal(mu, sigma).mean(), 1e-12);
        assertEquals(mean, StatUtils.mean(x), 5 * Math.sqrt(var / N));
        double[] logs = new double[N];
        for (int i = 0; i < N; i++) {
            logs[i] = Math.log(x[i]);
        }
        assertEquals(mu, StatUtils.mean(logs), 5 * sigma / Math.sqrt(N));
        assertEquals(sigma * sigma, StatUtils.variance(logs), 5 * sigma * sigma * Math.sqrt(2.0 / N));
    }

    @Test
    void aDistributionOutsideTheRangeIsReportedWithTheField() {
        InvalidInputException x = assertThrows(InvalidInputException.class,
                () -> ParameterDistribution.constant(-1).fill(new double[3], 0, 3, 0, 10,
                        new RandomStreams(1).stream("c"), "population 'p'.membraneTau"));
        assertEquals("population 'p'.membraneTau", x.field());
        assertEquals("uniform.high", assertThrows(InvalidInputException.class,
                () -> ParameterDistribution.uniform(2, 1)).field());
        assertEquals("gamma.shape", assertThrows(InvalidInputException.class,
                () -> ParameterDistribution.gamma(0, 1)).field());
        assertEquals("lognormal.sigma", assertThrows(InvalidInputException.class,
                () -> ParameterDistribution.lognormal(0, -1)).field());
    }
}
