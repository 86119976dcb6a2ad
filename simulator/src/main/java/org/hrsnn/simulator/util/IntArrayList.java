package org.hrsnn.simulator.util;

import java.util.Arrays;

/** A growable int array (no boxing), for building edge lists and spike records. */
public final class IntArrayList {
    private int[] data;
    private int size;

    public IntArrayList() {
        this(16);
    }

    public IntArrayList(int capacity) {
        data = new int[Math.max(1, capacity)];
    }

    public void add(int x) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length + (data.length >> 1) + 1);
        }
        data[size++] = x;
    }

    public int get(int i) {
        return data[i];
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** The backing array (valid up to {@link #size()}); may be longer than size. */
    public int[] raw() {
        return data;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
