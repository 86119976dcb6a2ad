package org.hrsnn.learning.cost;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hrsnn.simulator.InvalidInputException;

/**
 * A STREAM-like memory bandwidth reference measured in this JVM (McCalpin's copy and triad
 * kernels over arrays far larger than the last-level cache), so that a learning rule's traffic
 * can be stated as a fraction of what the machine actually streams. Bytes are counted as STREAM
 * counts them: copy c = a moves 16 bytes per element (one read, one write), triad
 * a = b + s c moves 24; write-allocate traffic is not counted. Threads split the arrays into
 * contiguous blocks.
 *
 * <pre>
 * java -cp ... org.hrsnn.learning.cost.MemoryBandwidth [megabytes=80] [threads=1,2] [repeats=5]
 * </pre>
 */
public final class MemoryBandwidth {
    /** Best (highest) copy and triad rates in GB/s (1e9 bytes per second). */
    public record Rates(int threads, double copyGBs, double triadGBs) {
    }

    private MemoryBandwidth() {
    }

    public static void main(String[] args) {
        int megabytes = 80;
        int[] threads = {1, 2};
        int repeats = 5;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new InvalidInputException("argument", a, "key=value with key megabytes, threads, repeats");
            }
            switch (kv[0]) {
                case "megabytes" -> megabytes = Integer.parseInt(kv[1]);
                case "threads" -> threads = java.util.Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "repeats" -> repeats = Integer.parseInt(kv[1]);
                default -> throw new InvalidInputException("argument", kv[0], "megabytes, threads, repeats");
            }
        }
        for (int t : threads) {
            Rates r = measure(megabytes, t, repeats);
            System.out.printf(Locale.ROOT, "bandwidth %d MB arrays, %d thread(s): copy %.1f GB/s, triad %.1f GB/s%n",
                    megabytes, t, r.copyGBs(), r.triadGBs());
        }
    }

    /** Best of {@code repeats} passes of each kernel over three arrays of {@code megabytes} MB each. */
    public static Rates measure(int megabytes, int threads, int repeats) {
        if (megabytes < 1) {
            throw new InvalidInputException("megabytes", megabytes, "an integer >= 1");
        }
        if (threads < 1) {
            throw new InvalidInputException("threads", threads, "an integer >= 1");
        }
        if (repeats < 1) {
            throw new InvalidInputException("repeats", repeats, "an integer >= 1");
        }
        int len = (int) Math.min(Integer.MAX_VALUE - 8, (long) megabytes * 1_000_000 / 8);
        double[] a = new double[len];
        double[] b = new double[len];
        double[] c = new double[len];
        java.util.Arrays.fill(a, 1);
        java.util.Arrays.fill(b, 2);
        java.util.Arrays.fill(c, 0.5);
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "hrsnn-stream");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            double bestCopy = 0;
            double bestTriad = 0;
            // One untimed pass of each kernel first (JIT compilation, page faults).
            run(pool, threads, len, a, b, c, false);
            run(pool, threads, len, a, b, c, true);
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                run(pool, threads, len, a, b, c, false);
                long t1 = System.nanoTime();
                run(pool, threads, len, a, b, c, true);
                long t2 = System.nanoTime();
                bestCopy = Math.max(bestCopy, 16.0 * len / (t1 - t0));
                bestTriad = Math.max(bestTriad, 24.0 * len / (t2 - t1));
            }
            // Keep the results observable so the loops cannot be removed.
            if (a[len / 2] + c[len / 3] == 42.4242) {
                System.out.println();
            }
            return new Rates(threads, bestCopy, bestTriad);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static void run(ExecutorService pool, int threads, int len, double[] a, double[] b, double[] c,
                            boolean triad) {
        Future<?>[] pending = new Future<?>[threads];
        for (int t = 1; t < threads; t++) {
            final int lo = (int) ((long) len * t / threads);
            final int hi = (int) ((long) len * (t + 1) / threads);
            pending[t] = pool.submit(() -> kernel(lo, hi, a, b, c, triad));
        }
        kernel(0, (int) ((long) len / threads), a, b, c, triad);
        try {
            for (int t = 1; t < threads; t++) {
                pending[t].get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("bandwidth kernel failed", e);
        }
    }

    private static void kernel(int lo, int hi, double[] a, double[] b, double[] c, boolean triad) {
        if (triad) {
            double s = 3.0;
            for (int k = lo; k < hi; k++) {
                a[k] = b[k] + s * c[k];
            }
        } else {
            for (int k = lo; k < hi; k++) {
                c[k] = a[k];
            }
        }
    }
}
