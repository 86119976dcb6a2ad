package org.hrsnn.simulator.io.nir;

/**
 * Unit conversion between hrsnn (ms, mV, nA, MOhm) and the SI units hrsnn writes into NIR files
 * (s, V, A, Ohm). R I keeps its meaning: 1 MOhm x 1 nA = 1 mV in hrsnn, 1e6 Ohm x 1e-9 A = 1e-3 V
 * in NIR.
 *
 * <p>Export divides (or multiplies) by an exact power of ten. Import inverts it and then picks,
 * among the result and its two neighbouring doubles, the one that exports back to the stored value,
 * so network -> NIR -> network returns the original double wherever the export is injective.
 * It is not always (dividing by 1e9 maps about one pair of neighbouring doubles in ten to the
 * same result), so the exporter also stores the hrsnn values of any dataset that would not come
 * back exactly ({@code metadata/hrsnn/exact/<node>/<dataset>}), and the importer uses such a
 * value only where it still converts to the SI value in the file.
 */
public final class NirUnits {
    private NirUnits() {
    }

    /** A conversion from an hrsnn unit to SI and back. */
    public enum Unit {
        MS_TO_S, MV_TO_V, NA_TO_A, MOHM_TO_OHM;

        public double toSi(double x) {
            switch (this) {
                case MS_TO_S:
                    return secondsFromMs(x);
                case MV_TO_V:
                    return voltsFromMv(x);
                case NA_TO_A:
                    return amperesFromNa(x);
                default:
                    return ohmsFromMohm(x);
            }
        }

        public double fromSi(double y) {
            switch (this) {
                case MS_TO_S:
                    return msFromSeconds(y);
                case MV_TO_V:
                    return mvFromVolts(y);
                case NA_TO_A:
                    return naFromAmperes(y);
                default:
                    return mohmFromOhms(y);
            }
        }

        /** Whether every value of {@code x} comes back unchanged from SI. */
        public boolean roundTrips(double[] x) {
            for (double v : x) {
                if (fromSi(toSi(v)) != v) {
                    return false;
                }
            }
            return true;
        }
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
