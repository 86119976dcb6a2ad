package org.hrsnn.pruning.lyapunov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class SiegertTransferTest {
    /** Direct midpoint integration of sqrt(pi) e^{u^2} (1 + erf u) (fine where it does not overflow). */
    private static double direct(double a, double b) {
        int m = 200_000;
        double h = (b - a) / m;
        double s = 0;
        for (int k = 0; k < m; k++) {
            double u = a + (k + 0.5) * h;
            s += Math.sqrt(Math.PI) * Math.exp(u * u) * (1 + Erf.erf(u)) * h;
        }
        return s;
    }

    @Test
    void tabulatedIntegralMatchesDirectIntegration() {
        double[][] ranges = {{-3, 1}, {-1, 2.5}, {0.5, 4}, {-4.5, -0.5}};
        for (double[] r : ranges) {
            double want = direct(r[0], r[1]);
            double got = SiegertTransfer.primitive(r[1]) - SiegertTransfer.primitive(r[0]);
            assertEquals(want, got, 1e-5 * Math.abs(want), r[0] + ".." + r[1]);
        }
    }

    @Test
    void tabulatedIntegrandMatchesTheClosedForm() {
        for (double y = -39.5; y < 9.9; y += 0.37) {
            assertEquals(SiegertTransfer.g(y), SiegertTransfer.gFast(y), 1e-9 * SiegertTransfer.g(y), "y " + y);
        }
    }

    @Test
    void erfcxIsContinuousAcrossItsBranches() {
        assertEquals(Math.exp(4.99 * 4.99) * Erf.erfc(4.99), SiegertTransfer.erfcx(4.99), 1e-9);
        assertEquals(SiegertTransfer.erfcx(24.999999), SiegertTransfer.erfcx(25.000001), 1e-7);
        assertEquals(1.0, SiegertTransfer.erfcx(0), 1e-15);
    }

    @Test
    void rateRisesWithTheDriveTowardsTheRefractoryCeilingAndItsDerivativeIsExact() {
        double prev = 0;
        for (double mu = -70; mu <= 0; mu += 2.5) {
            double r = SiegertTransfer.rate(mu, -50, -60, 3, 0.5, 20, 2);
            assertTrue(r >= prev && r < 0.5, mu + " " + r);
            prev = r;
            double d = 1e-4;
            double fd = (SiegertTransfer.rate(mu + d, -50, -60, 3, 0.5, 20, 2)
                    - SiegertTransfer.rate(mu - d, -50, -60, 3, 0.5, 20, 2)) / (2 * d);
            assertEquals(fd, SiegertTransfer.rateDerivative(mu, -50, -60, 3, 0.5, 20, 2), 1e-5 * Math.abs(fd) + 1e-12,
                    "mu " + mu);
        }
        // Far above threshold the noise does not matter: the deterministic LIF rate.
        double mu = -20;
        double lif = 1 / (2 + 20 * Math.log((mu + 60) / (mu + 50)));
        assertEquals(lif, SiegertTransfer.rate(mu, -50, -60, 0.05, 0, 20, 2), 1e-3 * lif);
    }
}
