package org.hrsnn.simulator.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {

    @Test
    void recoversAnExactLinearMapAndScoresItOne() {
        Random rng = new Random(1);
        int n = 200;
        double[][] x = new double[n][3];
        double[][] y = new double[n][1];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < 3; j++) {
                x[s][j] = rng.nextGaussian() * (j + 1);
            }
            y[s][0] = 2 * x[s][0] - 3 * x[s][1] + 0 * x[s][2] + 5;
        }
        RidgeRegression r = RidgeRegression.fit(x, y, 0, 150, 1e-9);
        assertEquals(5, r.predict(new double[] {0, 0, 0})[0], 1e-5);
        assertEquals(2 * 1.5 - 3 * -2 + 5, r.predict(new double[] {1.5, -2, 7})[0], 1e-5);
        assertEquals(1, rSquared(r, x, y, 150, n), 1e-9);
    }

    @Test
    void everyOutputIsItsOwnRegression() {
        Random rng = new Random(3);
        int n = 120;
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int s = 0; s < n; s++) {
            x[s][0] = rng.nextGaussian();
            x[s][1] = rng.nextGaussian();
            y[s][0] = x[s][0] - 1;
            y[s][1] = 4 * x[s][1] + 2;
        }
        RidgeRegression r = RidgeRegression.fit(x, y, 0, n, 1e-10);
        assertArrayEquals(new double[] {0.5 - 1, 4 * -2 + 2}, r.predict(new double[] {0.5, -2}), 1e-6);
    }

    @Test
    void aTargetIndependentOfTheFeaturesScoresAboutZeroOrLess() {
        Random rng = new Random(2);
        int n = 400;
        double[][] x = new double[n][5];
        double[][] y = new double[n][1];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < 5; j++) {
                x[s][j] = rng.nextGaussian();
            }
            y[s][0] = rng.nextGaussian();
        }
        RidgeRegression r = RidgeRegression.fit(x, y, 0, 300, 1e-3);
        double r2 = rSquared(r, x, y, 300, n);
        assertTrue(r2 < 0.05, "R^2 " + r2);
    }

    @Test
    void strongRegularisationShrinksTowardTheTrainingMean() {
        double[][] x = {{0}, {1}, {2}, {3}};
        double[][] y = {{1}, {3}, {5}, {7}};
        RidgeRegression r = RidgeRegression.fit(x, y, 0, 4, 1e9);
        assertEquals(4, r.predict(new double[] {3})[0], 1e-6);
    }

    @Test
    void aConstantFeatureKeepsTheSystemSolvable() {
        double[][] x = {{1, 0}, {1, 1}, {1, 2}, {1, 3}};
        double[][] y = {{0}, {2}, {4}, {6}};
        RidgeRegression r = RidgeRegression.fit(x, y, 0, 4, 1e-12);
        assertEquals(10, r.predict(new double[] {1, 5})[0], 1e-6);
    }

    @Test
    void tooFewSamplesOrABadRidgeAreRefused() {
        double[][] x = {{0}, {1}, {2}};
        double[][] y = {{0}, {1}, {2}};
        assertThrows(InvalidInputException.class, () -> RidgeRegression.fit(x, y, 0, 1, 1e-3));
        assertThrows(InvalidInputException.class, () -> RidgeRegression.fit(x, y, 0, 4, 1e-3));
        assertThrows(InvalidInputException.class, () -> RidgeRegression.fit(x, y, 0, 3, 0));
        assertThrows(InvalidInputException.class, () -> RidgeRegression.fit(x, y, 0, 3, Double.NaN));
    }

    /** R^2 = 1 - SS_res / SS_tot of output 0 on rows [from, to). */
    private static double rSquared(RidgeRegression r, double[][] x, double[][] y, int from, int to) {
        double m = 0;
        for (int s = from; s < to; s++) {
            m += y[s][0];
        }
        m /= to - from;
        double res = 0;
        double tot = 0;
        for (int s = from; s < to; s++) {
            double e = y[s][0] - r.predict(x[s])[0];
            res += e * e;
            tot += (y[s][0] - m) * (y[s][0] - m);
        }
        return 1 - res / tot;
    }
}
