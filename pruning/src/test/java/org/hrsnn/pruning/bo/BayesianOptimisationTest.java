package org.hrsnn.pruning.bo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class BayesianOptimisationTest {

    @Test
    void gaussianProcessInterpolatesAKnownFunction() {
        int n = 9;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i / (n - 1.0)};
            y[i] = Math.sin(2 * Math.PI * x[i][0]);
        }
        GaussianProcess gp = new GaussianProcess(x, y);
        for (int i = 0; i < n; i++) {
            double[] ms = gp.predict(x[i]);
            assertEquals(y[i], ms[0], 1e-3, "training point " + i);
            assertTrue(ms[1] < 0.02, "posterior sd at a training point " + ms[1]);
        }
        for (int t = 0; t <= 40; t++) {
            double p = t / 40.0;
            assertEquals(Math.sin(2 * Math.PI * p), gp.predict(new double[] {p})[0], 0.05, "x = " + p);
        }
        // Far outside the data the posterior reverts to the prior: uncertain again.
        assertTrue(gp.predict(new double[] {3.0})[1] > 0.5);
    }

    @Test
    void expectedImprovementProperties() {
        assertEquals(0.0, ExpectedImprovement.of(1.0, 0.0, 2.0, 0.0));
        assertEquals(0.5, ExpectedImprovement.of(2.5, 0.0, 2.0, 0.0), 1e-12);
        // With mean at the incumbent, EI = sd phi(0).
        assertEquals(0.3 / Math.sqrt(2 * Math.PI), ExpectedImprovement.of(1.0, 0.3, 1.0, 0.0), 1e-12);
        // More uncertainty never lowers EI.
        assertTrue(ExpectedImprovement.of(0.5, 0.4, 1.0, 0.0) > ExpectedImprovement.of(0.5, 0.2, 1.0, 0.0));
    }

    @Test
    void findsTheMaximumOfASmoothFunction() {
        BayesianOptimiser bo = new BayesianOptimiser(new double[] {0, -2}, new double[] {1, 2}, 4, 16);
        BayesianOptimiser.Result r = bo.maximise(p -> -Math.pow(p[0] - 0.3, 2) - 0.25 * Math.pow(p[1] - 0.8, 2),
                new Well19937c(5));
        assertEquals(0.3, r.best()[0], 0.08);
        assertEquals(0.8, r.best()[1], 0.3);
        // Better than the best of the random starting points.
        double initialBest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            initialBest = Math.max(initialBest, r.values()[i]);
        }
        assertTrue(r.bestValue() >= initialBest);
        assertEquals(20, r.points().size());
    }
}
