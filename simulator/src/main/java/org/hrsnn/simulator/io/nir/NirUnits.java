package org.hrsnn.simulator.io.nir;

/**
 * Unit conversion between hrsnn (ms, mV, nA, MOhm) and the SI units hrsnn writes into NIR files
 * (s, V, A, Ohm). R I keeps its meaning: 1 MOhm x 1 nA = 1 mV in hrsnn, 1e6 Ohm x 1e-9 A = 1e-3 V
 * in NIR.
 *
 * <p>Export divides (or multiplies) by an exact power of ten. Import inverts it and then picks,
 * among the result and its two neighbouring doubles, the one that exports back to the stored value,
 * so network -> NIR -> network returns the original double wherever the export is injective
 * (the rare pair of neighbouring doubles that share one SI value comes back within one ulp).
 */
public final class NirUnits {
    private NirUnits() {
    }

    public static double secondsFromMs(double ms) {
        return ms / 1e3;
    }

    public static double msFromSeconds(double s) {
        double c = s * 1e3;
        for (double x : new double[] {c, Math.nextUp(c), Math.nextDown(c)}) {
            if (x / 1e3 == s) {
                return x;
            }
        }
        return c;
    }

    public static double voltsFromMv(double mv) {
        return mv / 1e3;
    }

    public static double mvFromVolts(double v) {
        return msFromSeconds(v);
    }

    public static double amperesFromNa(double na) {
        return na / 1e9;
    }

    public static double naFromAmperes(double a) {
        double c = a * 1e9;
        for (double x : new double[] {c, Math.nextUp(c), Math.nextDown(c)}) {
            if (x / 1e9 == a) {
                return x;
            }
        }
        return c;
    }

    public static double ohmsFromMohm(double mohm) {
        return mohm * 1e6;
    }

    public static double mohmFromOhms(double ohm) {
        double c = ohm / 1e6;
        for (double x : new double[] {c, Math.nextUp(c), Math.nextDown(c)}) {
            if (x * 1e6 == ohm) {
                return x;
            }
        }
        return c;
    }
}
