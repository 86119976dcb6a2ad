package org.hrsnn.simulator.engine.event;

import java.util.Arrays;

/**
 * Indexed 4-ary min-heap of neurons keyed by a time (ms), on primitive arrays: at most one entry
 * per neuron, O(log N) insert, key change and removal. Equal keys are ordered by neuron index,
 * so the engine's tie-breaking (lower index first) is deterministic. The keys are stored in heap
 * order next to the neuron ids, so a sift compares four adjacent doubles (one cache line) per
 * level instead of chasing neuron indices; 4-ary halves the depth of a binary heap.
 */
final class NeuronHeap {
    private final int[] heap;
    private final double[] heapKey;
    /** Position of each neuron in {@link #heap}, -1 when absent. */
    private final int[] position;
    private int size;

    NeuronHeap(int neurons) {
        heap = new int[neurons];
        heapKey = new double[neurons];
        position = new int[neurons];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int top() {
        return heap[0];
    }

    /** Smallest key, +infinity when empty. */
    double topKey() {
        return size == 0 ? Double.POSITIVE_INFINITY : heapKey[0];
    }

    boolean contains(int neuron) {
        return position[neuron] >= 0;
    }

    /** The key of {@code neuron}, +infinity when absent. */
    double key(int neuron) {
        int p = position[neuron];
        return p < 0 ? Double.POSITIVE_INFINITY : heapKey[p];
    }

    /** Inserts or re-keys {@code neuron}; an infinite key removes it. */
    void set(int neuron, double time) {
        if (time == Double.POSITIVE_INFINITY) {
            remove(neuron);
            return;
        }
        int p = position[neuron];
        if (p < 0) {
            siftUp(size++, neuron, time);
            return;
        }
        double old = heapKey[p];
        if (time < old) {
            siftUp(p, neuron, time);
        } else if (time > old) {
            siftDown(p, neuron, time);
        }
    }

    void remove(int neuron) {
        int p = position[neuron];
        if (p < 0) {
            return;
        }
        position[neuron] = -1;
        int s = --size;
        if (p == s) {
            return;
        }
        int last = heap[s];
        double lastKey = heapKey[s];
        if (p > 0 && before(lastKey, last, heapKey[(p - 1) >>> 2], heap[(p - 1) >>> 2])) {
            siftUp(p, last, lastKey);
        } else {
            siftDown(p, last, lastKey);
        }
    }

    private static boolean before(double ka, int a, double kb, int b) {
        return ka < kb || (ka == kb && a < b);
    }

    /** Places (neuron, k) at hole p or above. */
    private void siftUp(int p, int neuron, double k) {
        while (p > 0) {
            int parent = (p - 1) >>> 2;
            double pk = heapKey[parent];
            int q = heap[parent];
            if (!before(k, neuron, pk, q)) {
                break;
            }
            heap[p] = q;
            heapKey[p] = pk;
            position[q] = p;
            p = parent;
        }
        heap[p] = neuron;
        heapKey[p] = k;
        position[neuron] = p;
    }

    /** Places (neuron, k) at hole p or below. */
    private void siftDown(int p, int neuron, double k) {
        int n = size;
        while (true) {
            int c = 4 * p + 1;
            if (c >= n) {
                break;
            }
            int best = c;
            double bk = heapKey[c];
            int bn = heap[c];
            int stop = Math.min(c + 4, n);
            for (int d = c + 1; d < stop; d++) {
                double dk = heapKey[d];
                if (dk < bk || (dk == bk && heap[d] < bn)) {
                    best = d;
                    bk = dk;
                    bn = heap[d];
                }
            }
            if (!before(bk, bn, k, neuron)) {
                break;
            }
            heap[p] = bn;
            heapKey[p] = bk;
            position[bn] = p;
            p = best;
        }
        heap[p] = neuron;
        heapKey[p] = k;
        position[neuron] = p;
    }
}
