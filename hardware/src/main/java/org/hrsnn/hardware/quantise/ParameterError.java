package org.hrsnn.hardware.quantise;

/**
 * The error of one quantised parameter over all neurons: mean and largest absolute error (in
 * {@code unit}) and mean and largest error relative to the float value (0 where the float value is 0).
 */
public record ParameterError(String parameter, String unit, double meanAbsolute, double maxAbsolute,
                             double meanRelative, double maxRelative) {

    static ParameterError of(String parameter, String unit, double[] exact, double[] realised) {
        double sa = 0;
        double ma = 0;
        double sr = 0;
        double mr = 0;
        int n = exact.length;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(realised[i] - exact[i]);
            double r = exact[i] == 0 ? 0 : a / Math.abs(exact[i]);
            sa += a;
            sr += r;
            ma = Math.max(ma, a);
            mr = Math.max(mr, r);
        }
        return new ParameterError(parameter, unit, n == 0 ? 0 : sa / n, ma, n == 0 ? 0 : sr / n, mr);
    }
}
