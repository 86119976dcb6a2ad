package org.hrsnn.hardware.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RidgeReadoutTest {

    @Test
    void recoversAnExactLinearMapAndScoresItOne() {
        Random rng = new Random(1);
        int n = 200;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < 3; j++) {
                x[s][j] = rng.nextGaussian() * (j + 1);
            }
            y[s] = 2 * x[s][0] - 3 * x[s][1] + 0 * x[s][2] + 5;
        }
        RidgeReadout r = RidgeReadout.fit(x, y, 0, 150, 1e-9);
        assertEquals(5, r.predict(new double[] {0, 0, 0}), 1e-5);
        assertEquals(2 * 1.5 - 3 * -2 + 5, r.predict(new double[] {1.5, -2, 7}), 1e-5);
        assertEquals(1, r.rSquared(x, y, 150, n), 1e-9);
    }

    @Test
    void aTargetIndependentOfTheFeaturesScoresAboutZeroOrLess() {
        Random rng = new Random(2);
        int n = 400;
        double[][] x = new double[n][5];
        double[] y = new double[n];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < 5; j++) {
                x[s][j] = rng.nextGaussian();
            }
            y[s] = rng.nextGaussian();
        }
        RidgeReadout r = RidgeReadout.fit(x, y, 0, 300, 1e-3);
        double r2 = r.rSquared(x, y, 300, n);
        assertTrue(r2 < 0.05, "R^2 " + r2);
    }

    @Test
    void strongRegularisationShrinksTowardTheTrainingMean() {
        double[][] x = {{0}, {1}, {2}, {3}};
        double[] y = {1, 3, 5, 7};
        RidgeReadout r = RidgeReadout.fit(x, y, 0, 4, 1e9);
        assertEquals(4, r.predict(new double[] {3}), 1e-6);
    }
}
