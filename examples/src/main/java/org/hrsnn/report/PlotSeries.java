package org.hrsnn.report;

import org.hrsnn.simulator.InvalidInputException;

/**
 * One named curve for {@link Plots}: x, y and an optional spread (for example the standard
 * deviation over seeds) drawn as error bars or a shaded band of y +- spread.
 *
 * @param name legend label
 * @param x abscissae, finite
 * @param y ordinates, finite, same length as x
 * @param spread non-negative half-widths, same length as x, or null for none
 */
public record PlotSeries(String name, double[] x, double[] y, double[] spread) {

    public PlotSeries {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("series.name", name, "a non-empty legend label");
        }
        if (x == null || y == null) {
            throw new InvalidInputException("series[" + name + "].x/y", null, "non-null arrays");
        }
        if (x.length != y.length) {
            throw new InvalidInputException("series[" + name + "].y.length", y.length,
                    "the length of x (" + x.length + ")");
        }
        if (x.length == 0) {
            throw new InvalidInputException("series[" + name + "].x.length", 0, "at least one point");
        }
        if (spread != null && spread.length != x.length) {
            throw new InvalidInputException("series[" + name + "].spread.length", spread.length,
                    "the length of x (" + x.length + ")");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new InvalidInputException("series[" + name + "].x[" + i + "]", x[i], "a finite number");
            }
            if (!Double.isFinite(y[i])) {
                throw new InvalidInputException("series[" + name + "].y[" + i + "]", y[i], "a finite number");
            }
            if (spread != null && !(spread[i] >= 0 && Double.isFinite(spread[i]))) {
                throw new InvalidInputException("series[" + name + "].spread[" + i + "]", spread[i],
                        "a finite number >= 0");
            }
        }
    }

    /** A series without spread. */
    public static PlotSeries of(String name, double[] x, double[] y) {
        return new PlotSeries(name, x, y, null);
    }

    /** A series of y against its index 1, 2, ..., n (for iteration counts or exponent indices). */
    public static PlotSeries indexed(String name, double[] y, double[] spread) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return new PlotSeries(name, x, y, spread);
    }

    public int size() {
        return x.length;
    }

    public boolean hasSpread() {
        return spread != null;
    }
}
