package org.hrsnn.simulator.util;

import java.util.Arrays;

/** A growable double array (no boxing), for building weights, delays and spike times. */
public final class DoubleArrayList {
    private double[] data;
    private int size;

    public DoubleArrayList() {
        this(16);
    }

    public DoubleArrayList(int capacity) {
        data = new double[Math.max(1, capacity)];
    }

    public void add(double x) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length + (data.length >> 1) + 1);
        }
        data[size++] = x;
    }

    public double get(int i) {
        return data[i];
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** The backing array (valid up to {@link #size()}); may be longer than size. */
    public double[] raw() {
        return data;
    }

    public double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
