package org.hrsnn.learning.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OptimizerTest {
    @Test
    void sgdStepIsLearningRateTimesGradient() {
        double[] p = {1, 2};
        new Sgd(0.1).apply(p, new double[] {1, -2});
        assertEquals(0.9, p[0], 1e-15);
        assertEquals(2.2, p[1], 1e-15);
    }

    @Test
    void adamFirstStepMovesEveryParameterByTheLearningRate() {
        // With bias correction the first update is lr g / (|g| + eps): lr sign(g).
        double[] p = {0, 0, 0};
        new Adam(0.01).apply(p, new double[] {3, -1e-3, 100});
        assertEquals(-0.01, p[0], 1e-9);
        assertEquals(0.01, p[1], 1e-7);
        assertEquals(-0.01, p[2], 1e-9);
    }

    @Test
    void adamMinimisesAQuadratic() {
        double[] p = {5, -3};
        Adam adam = new Adam(0.05);
        for (int i = 0; i < 2000; i++) {
            adam.apply(p, new double[] {2 * (p[0] - 1), 2 * (p[1] + 2)});
        }
        assertEquals(1, p[0], 1e-3);
        assertEquals(-2, p[1], 1e-3);
    }

    @Test
    void clippingScalesToTheMaximumNormAndKeepsTheDirection() {
        double[] g = {3, 4};
        assertEquals(5, GradientClipping.clipNorm(g, 1), 1e-15);
        assertEquals(0.6, g[0], 1e-15);
        assertEquals(0.8, g[1], 1e-15);
        double[] small = {0.3, 0.4};
        GradientClipping.clipNorm(small, 1);
        assertEquals(0.3, small[0], 0);
    }
}
