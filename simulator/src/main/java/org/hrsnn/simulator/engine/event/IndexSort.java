package org.hrsnn.simulator.engine.event;

/** Set-up sorting on primitive arrays (no boxing, so millions of input spikes sort quickly). */
final class IndexSort {
    private IndexSort() {
    }

    /** 0, 1, ..., len - 1. */
    static int[] sequence(int len) {
        int[] s = new int[len];
        for (int k = 0; k < len; k++) {
            s[k] = k;
        }
        return s;
    }

    /** The permutation that sorts by (time, tie) ascending; stable (bottom-up merge sort). */
    static int[] byTimeThenTie(double[] time, int[] tie) {
        int len = time.length;
        int[] a = sequence(len);
        int[] b = new int[len];
        for (int width = 1; width < len; width *= 2) {
            for (int lo = 0; lo < len; lo += 2 * width) {
                int mid = Math.min(lo + width, len);
                int hi = Math.min(lo + 2 * width, len);
                int x = lo;
                int y = mid;
                for (int k = lo; k < hi; k++) {
                    // Take from the right run only when strictly before the left head: stable.
                    if (y < hi && (x >= mid || time[a[y]] < time[a[x]]
                            || (time[a[y]] == time[a[x]] && tie[a[y]] < tie[a[x]]))) {
                        b[k] = a[y++];
                    } else {
                        b[k] = a[x++];
                    }
                }
            }
            int[] swap = a;
            a = b;
            b = swap;
        }
        return a;
    }
}
