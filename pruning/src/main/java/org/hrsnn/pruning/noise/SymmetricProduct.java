package org.hrsnn.pruning.noise;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.ejml.data.DMatrixRMaj;

/**
 * out = x y^T when the result is known to be symmetric (x y^T = y x^T, as for Phi C Phi^T with
 * symmetric C): only the entries j &gt;= i are computed, as dot products of rows, then mirrored.
 * Half the work of a full product. Rows are split into blocks of equal work (the triangle is
 * uneven) and run on the common fork-join pool; every entry is one dot product in a fixed order
 * by one thread, so the result does not depend on the number of threads.
 */
final class SymmetricProduct {
    private static final int PARALLEL_MIN = 200;

    private SymmetricProduct() {
    }

    static void multTransBSymmetric(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj out) {
        int n = x.numRows;
        int k = x.numCols;
        if (y.numRows != n || y.numCols != k || out.numRows != n || out.numCols != n) {
            throw new IllegalArgumentException("shapes");
        }
        if (n < PARALLEL_MIN) {
            rows(x.data, y.data, out.data, n, k, 0, n);
        } else {
            ForkJoinPool.commonPool().invoke(new Block(x.data, y.data, out.data, n, k, 0, n));
        }
        double[] o = out.data;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                o[i * n + j] = o[j * n + i];
            }
        }
    }

    /** Entries (i, j &gt;= i) of rows [from, to). */
    private static void rows(double[] x, double[] y, double[] o, int n, int k, int from, int to) {
        for (int i = from; i < to; i++) {
            int xi = i * k;
            for (int j = i; j < n; j++) {
                int yj = j * k;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int c = 0;
                for (; c + 3 < k; c += 4) {
                    s0 += x[xi + c] * y[yj + c];
                    s1 += x[xi + c + 1] * y[yj + c + 1];
                    s2 += x[xi + c + 2] * y[yj + c + 2];
                    s3 += x[xi + c + 3] * y[yj + c + 3];
                }
                for (; c < k; c++) {
                    s0 += x[xi + c] * y[yj + c];
                }
                o[i * n + j] = (s0 + s1) + (s2 + s3);
            }
        }
    }

    private static final class Block extends RecursiveAction {
        private final double[] x;
        private final double[] y;
        private final double[] o;
        private final int n;
        private final int k;
        private final int from;
        private final int to;

        Block(double[] x, double[] y, double[] o, int n, int k, int from, int to) {
            this.x = x;
            this.y = y;
            this.o = o;
            this.n = n;
            this.k = k;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            // Work of rows [from, to) is about sum (n - i); split where half of it lies.
            if (to - from <= 32) {
                rows(x, y, o, n, k, from, to);
                return;
            }
            double total = work(from, to);
            int mid = from + 1;
            while (mid < to - 1 && work(from, mid) < total / 2) {
                mid++;
            }
            invokeAll(new Block(x, y, o, n, k, from, mid), new Block(x, y, o, n, k, mid, to));
        }

        private double work(int a, int b) {
            // sum_{i=a}^{b-1} (n - i)
            return (double) (b - a) * n - ((double) (b - 1) * b / 2 - (double) (a - 1) * a / 2);
        }
    }
}
