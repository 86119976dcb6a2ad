package org.hrsnn.simulator.input.encoder;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/** Validation and value ranges shared by the encoders. */
final class Series {
    private Series() {
    }

    /** Checks a rectangular, non-empty, finite series and a positive sample period; returns the sample count. */
    static int check(double[][] series, double samplePeriodMs) {
        Check.positive("encoder.samplePeriodMs", samplePeriodMs);
        if (series == null || series.length == 0) {
            throw new InvalidInputException("series", "[]", "at least one channel");
        }
        int samples = -1;
        for (int c = 0; c < series.length; c++) {
            if (series[c] == null || series[c].length == 0) {
                throw new InvalidInputException("series[" + c + "].length", 0, "at least one sample");
            }
            if (samples >= 0 && series[c].length != samples) {
                throw new InvalidInputException("series[" + c + "].length", series[c].length,
                        "the same number of samples as channel 0 (" + samples + ")");
            }
            samples = series[c].length;
            for (int s = 0; s < samples; s++) {
                Check.finite("series[" + c + "][" + s + "]", series[c][s]);
            }
        }
        return samples;
    }

    /** {min, max} over all channels and samples. */
    static double[] range(double[][] series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] ch : series) {
            for (double x : ch) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return new double[] {lo, hi};
    }

    /** (x - lo) / (hi - lo) clipped to [0, 1]; 0.5 when the range is a single value. */
    static double normalise(double x, double lo, double hi) {
        if (!(hi > lo)) {
            return 0.5;
        }
        return Math.min(1.0, Math.max(0.0, (x - lo) / (hi - lo)));
    }

    static void checkRange(String prefix, double low, double high) {
        Check.finite(prefix + ".low", low);
        Check.finite(prefix + ".high", high);
        if (!(high > low)) {
            throw new InvalidInputException(prefix + ".high", high, "a number > " + prefix + ".low (" + low + ")");
        }
    }
}
