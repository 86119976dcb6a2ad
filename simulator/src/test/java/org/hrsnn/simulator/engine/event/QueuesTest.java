package org.hrsnn.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The event queues against a brute-force reference under random operations. */
class QueuesTest {

    @Test
    void neuronHeapPopsInKeyThenIndexOrderUnderRandomUpdates() {
        Random rnd = new Random(3);
        int n = 257;
        NeuronHeap heap = new NeuronHeap(n);
        double[] ref = new double[n];
        Arrays.fill(ref, Double.POSITIVE_INFINITY);
        for (int op = 0; op < 200_000; op++) {
            int i = rnd.nextInt(n);
            int kind = rnd.nextInt(10);
            if (kind < 7) {
                // Coarse keys so that ties between neurons are common.
                double k = rnd.nextInt(50);
                heap.set(i, k);
                ref[i] = k;
            } else if (kind < 8) {
                heap.remove(i);
                ref[i] = Double.POSITIVE_INFINITY;
            } else {
                int best = -1;
                for (int j = 0; j < n; j++) {
                    if (ref[j] < Double.POSITIVE_INFINITY && (best < 0 || ref[j] < ref[best])) {
                        best = j;
                    }
                }
                if (best < 0) {
                    assertTrue(heap.isEmpty());
                    continue;
                }
                assertEquals(best, heap.top(), "op " + op);
                assertEquals(ref[best], heap.topKey());
                heap.remove(best);
                ref[best] = Double.POSITIVE_INFINITY;
            }
            assertEquals(ref[i], heap.key(i));
            assertEquals(ref[i] < Double.POSITIVE_INFINITY, heap.contains(i));
        }
    }

    @Test
    void deliveryQueueReturnsEntriesInTimeOrderAndFollowsCursors() {
        Random rnd = new Random(5);
        DeliveryQueue q = new DeliveryQueue();
        double now = 0;
        int pending = 0;
        for (int op = 0; op < 100_000; op++) {
            if (pending == 0 || rnd.nextInt(3) == 0) {
                double due = now + rnd.nextDouble() * 10;
                q.add(due, now, op % 5, op, op + 3);
                pending++;
            } else {
                double t = q.topTime();
                assertTrue(t >= now, "time never goes back");
                now = t;
                int s = q.topSlot();
                assertTrue(q.cursor(s) < q.end(s));
                assertEquals((q.end(s) - 3) % 5, q.matrix(s), "matrix kept with its entry");
                if (rnd.nextBoolean() && q.cursor(s) + 1 < q.end(s)) {
                    q.advanceTop(q.cursor(s) + 1, now + rnd.nextDouble());
                } else {
                    q.removeTop();
                    pending--;
                }
            }
        }
        int drained = 0;
        while (!q.isEmpty()) {
            q.removeTop();
            drained++;
        }
        assertEquals(pending, drained);
    }

    @Test
    void indexSortIsStableByTimeThenTie() {
        Random rnd = new Random(8);
        for (int len : new int[] {0, 1, 2, 7, 100, 1031}) {
            double[] t = new double[len];
            int[] tie = new int[len];
            for (int k = 0; k < len; k++) {
                t[k] = rnd.nextInt(20);
                tie[k] = rnd.nextInt(4);
            }
            int[] order = IndexSort.byTimeThenTie(t, tie);
            Integer[] ref = new Integer[len];
            for (int k = 0; k < len; k++) {
                ref[k] = k;
            }
            // java.util sort of objects is stable: the reference.
            Arrays.sort(ref, (a, b) -> t[a] != t[b] ? Double.compare(t[a], t[b]) : Integer.compare(tie[a], tie[b]));
            for (int k = 0; k < len; k++) {
                assertEquals(ref[k], order[k], "position " + k + " of " + len);
            }
        }
    }
}
