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
    void adamRateScaleMultipliesTheStepOfItsRangeOnly() {
        double[] g = {3, -2, 5, 1};
        double[] plain = new double[4];
        double[] scaled = new double[4];
        Adam a = new Adam(0.01);
        Adam b = new Adam(0.01).scaleRange(1, 3, 0.25).scaleRange(2, 3, 0);
        for (int step = 0; step < 5; step++) {
            a.apply(plain, g);
            b.apply(scaled, g);
        }
        assertEquals(plain[0], scaled[0], 0);
        assertEquals(0.25 * plain[1], scaled[1], 1e-15);
        assertEquals(0, scaled[2], 0);
        assertEquals(plain[3], scaled[3], 0);
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
