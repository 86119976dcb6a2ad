package org.hrsnn.simulator.engine.event;

import java.util.Arrays;

/**
 * Indexed binary min-heap of neurons keyed by a time (ms), on primitive arrays: at most one
 * entry per neuron, with O(log N) insert, key change and removal. Equal keys are ordered by
 * neuron index, so the engine's tie-breaking (lower index first) is deterministic.
 */
final class NeuronHeap {
    private final int[] heap;
    /** Position of each neuron in {@link #heap}, -1 when absent. */
    private final int[] position;
    private final double[] key;
    private int size;

    NeuronHeap(int neurons) {
        heap = new int[neurons];
        position = new int[neurons];
        key = new double[neurons];
        Arrays.fill(position, -1);
        Arrays.fill(key, Double.POSITIVE_INFINITY);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int top() {
        return heap[0];
    }

    /** Smallest key, +infinity when empty. */
    double topKey() {
        return size == 0 ? Double.POSITIVE_INFINITY : key[heap[0]];
    }

    boolean contains(int neuron) {
        return position[neuron] >= 0;
    }

    double key(int neuron) {
        return key[neuron];
    }

    /** Inserts or re-keys {@code neuron}; an infinite key removes it. */
    void set(int neuron, double time) {
        if (time == Double.POSITIVE_INFINITY) {
            remove(neuron);
            return;
        }
        int p = position[neuron];
        if (p < 0) {
            key[neuron] = time;
            p = size++;
            heap[p] = neuron;
            position[neuron] = p;
            siftUp(p);
            return;
        }
        double old = key[neuron];
        key[neuron] = time;
        if (time < old) {
            siftUp(p);
        } else if (time > old) {
            siftDown(p);
        }
    }

    void remove(int neuron) {
        int p = position[neuron];
        if (p < 0) {
            return;
        }
        position[neuron] = -1;
        key[neuron] = Double.POSITIVE_INFINITY;
        int last = heap[--size];
        if (p == size) {
            return;
        }
        heap[p] = last;
        position[last] = p;
        siftDown(p);
        siftUp(position[last]);
    }

    private boolean less(int a, int b) {
        double ka = key[a];
        double kb = key[b];
        return ka < kb || (ka == kb && a < b);
    }

    private void siftUp(int p) {
        int n = heap[p];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int q = heap[parent];
            if (!less(n, q)) {
                break;
            }
            heap[p] = q;
            position[q] = p;
            p = parent;
        }
        heap[p] = n;
        position[n] = p;
    }

    private void siftDown(int p) {
        int n = heap[p];
        int half = size >>> 1;
        while (p < half) {
            int c = 2 * p + 1;
            int child = heap[c];
            int r = c + 1;
            if (r < size && less(heap[r], child)) {
                c = r;
                child = heap[r];
            }
            if (!less(child, n)) {
                break;
            }
            heap[p] = child;
            position[child] = p;
            p = c;
        }
        heap[p] = n;
        position[n] = p;
    }
}
