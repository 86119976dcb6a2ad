package org.hrsnn.simulator.engine.event;

import java.util.Arrays;

/**
 * Pending delayed deliveries on primitive arrays: one entry per (spike, run of synapses with the
 * same delay), never one per synapse. An entry remembers the spike time, the synapse matrix, the
 * cursor into its delay-ordered row and the row end; after delivering one delay group the engine
 * moves the cursor and re-keys the entry to the next delay. A binary heap of slot indices keyed by
 * delivery time (ties by insertion sequence, so the order is deterministic); freed slots are reused.
 */
final class DeliveryQueue {
    private int[] heap = new int[64];
    private double[] time = new double[64];
    private long[] sequence = new long[64];
    private double[] spikeTime = new double[64];
    private int[] matrix = new int[64];
    private int[] cursor = new int[64];
    private int[] end = new int[64];
    private int[] freeSlots = new int[64];
    private int free;
    private int slots;
    private int size;
    private long nextSequence;

    boolean isEmpty() {
        return size == 0;
    }

    double topTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : time[heap[0]];
    }

    int topSlot() {
        return heap[0];
    }

    double spikeTime(int slot) {
        return spikeTime[slot];
    }

    /** Which synapse matrix the entry reads (the engine's numbering). */
    int matrix(int slot) {
        return matrix[slot];
    }

    int cursor(int slot) {
        return cursor[slot];
    }

    int end(int slot) {
        return end[slot];
    }

    /**
     * Queues synapses {@code from .. to-1} of matrix {@code m} for a spike at {@code spikeMs},
     * first due at {@code dueMs}.
     */
    void add(double dueMs, double spikeMs, int m, int from, int to) {
        int s;
        if (free > 0) {
            s = freeSlots[--free];
        } else {
            if (slots == time.length) {
                grow();
            }
            s = slots++;
        }
        time[s] = dueMs;
        sequence[s] = nextSequence++;
        spikeTime[s] = spikeMs;
        matrix[s] = m;
        cursor[s] = from;
        end[s] = to;
        int p = size++;
        heap[p] = s;
        siftUp(p);
    }

    /** Moves the top entry on to synapse {@code from}, due at {@code dueMs} (later than now). */
    void advanceTop(int from, double dueMs) {
        int s = heap[0];
        cursor[s] = from;
        time[s] = dueMs;
        sequence[s] = nextSequence++;
        siftDown(0);
    }

    void removeTop() {
        int s = heap[0];
        if (free == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, free * 2);
        }
        freeSlots[free++] = s;
        int last = heap[--size];
        if (size > 0) {
            heap[0] = last;
            siftDown(0);
        }
    }

    private void grow() {
        int n = time.length * 2;
        heap = Arrays.copyOf(heap, n);
        time = Arrays.copyOf(time, n);
        sequence = Arrays.copyOf(sequence, n);
        spikeTime = Arrays.copyOf(spikeTime, n);
        matrix = Arrays.copyOf(matrix, n);
        cursor = Arrays.copyOf(cursor, n);
        end = Arrays.copyOf(end, n);
    }

    private boolean less(int a, int b) {
        return time[a] < time[b] || (time[a] == time[b] && sequence[a] < sequence[b]);
    }

    private void siftUp(int p) {
        int s = heap[p];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int q = heap[parent];
            if (!less(s, q)) {
                break;
            }
            heap[p] = q;
            p = parent;
        }
        heap[p] = s;
    }

    private void siftDown(int p) {
        int s = heap[p];
        int half = size >>> 1;
        while (p < half) {
            int c = 2 * p + 1;
            int r = c + 1;
            if (r < size && less(heap[r], heap[c])) {
                c = r;
            }
            if (!less(heap[c], s)) {
                break;
            }
            heap[p] = heap[c];
            p = c;
        }
        heap[p] = s;
    }
}
