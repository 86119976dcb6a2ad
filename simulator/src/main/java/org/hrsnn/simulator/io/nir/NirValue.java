package org.hrsnn.simulator.io.nir;

import java.util.Arrays;

/**
 * One NIR dataset: a numeric array (stored row-major as doubles, with its shape; {@code integer}
 * marks int64 datasets such as {@code shape}) or a string array. A scalar has shape {@code []}.
 */
public record NirValue(int[] shape, double[] numbers, String[] strings, boolean integer) {

    /** A 1-D float64 array. */
    public static NirValue vector(double... values) {
        return new NirValue(new int[] {values.length}, values, null, false);
    }

    /** A 1-D int64 array. */
    public static NirValue integers(long... values) {
        double[] d = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            d[k] = values[k];
        }
        return new NirValue(new int[] {values.length}, d, null, true);
    }

    /** A 2-D float64 array, {@code rows x cols}, row-major. */
    public static NirValue matrix(int rows, int cols, double[] rowMajor) {
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix data length " + rowMajor.length + " != " + rows + "x" + cols);
        }
        return new NirValue(new int[] {rows, cols}, rowMajor, null, false);
    }

    /** A scalar string. */
    public static NirValue text(String s) {
        return new NirValue(new int[0], null, new String[] {s}, false);
    }

    /** A 1-D string array. */
    public static NirValue texts(String... s) {
        return new NirValue(new int[] {s.length}, null, s, false);
    }

    public boolean isText() {
        return strings != null;
    }

    /** Number of elements (1 for a scalar). */
    public int size() {
        return isText() ? strings.length : numbers.length;
    }

    public int rank() {
        return shape.length;
    }

    public String describeShape() {
        return Arrays.toString(shape);
    }
}
