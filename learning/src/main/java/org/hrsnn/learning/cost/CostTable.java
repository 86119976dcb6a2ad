package org.hrsnn.learning.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.gradient.Rules;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Benchmark command: the cost of each learning rule on random networks (half LIF, half ALIF,
 * 40 Poisson inputs at 10 Hz, 2 outputs): state kept and multiply-adds per step (counted by the
 * rule, see {@link CostReport}) and measured online steps per second (forward step + gradient
 * step with a nonzero learning signal at every step; best of {@code repeats} timings).
 *
 * <pre>
 * java -cp ... org.hrsnn.learning.cost.CostTable [sizes=100,1000,10000] [densities=0.01,0.1]
 *      [rules=tbptt-100,rtrl,snap-1,snap-2,e-prop] [seconds=1.5] [repeats=3] [tauSpread=0.3]
 *      [bandwidth=true]
 * </pre>
 *
 * {@code tauSpread}: per-neuron tau_m uniform in (1 +- spread) x 20 ms (0: one tau_m, where e-prop
 * keeps eps_v per presynaptic neuron). {@code bandwidth=true} first measures the
 * {@link MemoryBandwidth} reference (copy and triad over 80 MB arrays, 1 and 2 threads) and adds,
 * for rules that stream per-parameter state, the bytes moved per step, the bandwidth ceiling (steps
 * per second if every byte moved at the measured copy rate with the same number of threads), the
 * wall rate as a fraction of it and, for one thread, the rate per CPU-second of the thread as a
 * fraction of it (how close the loop comes to the bandwidth limit while it runs).
 */
public final class CostTable {
    /** Exact RTRL above this many multiply-adds per step is reported, not timed (one step would take minutes). */
    static final long MAX_RTRL_MACS = 20_000_000_000L;

    private CostTable() {
    }

    public static void main(String[] args) {
        int[] sizes = {100, 1000, 10000};
        double[] densities = {0.01, 0.1};
        String[] rules = {"tbptt-100", "rtrl", "snap-1", "snap-2", "e-prop"};
        double seconds = 1.5;
        int repeats = 3;
        double tauSpread = 0.3;
        boolean bandwidth = false;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new InvalidInputException("argument", a, "key=value with key sizes, densities, rules, seconds, repeats");
            }
            switch (kv[0]) {
                case "sizes" -> sizes = java.util.Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "densities" -> densities = java.util.Arrays.stream(kv[1].split(",")).mapToDouble(Double::parseDouble).toArray();
                case "rules" -> rules = kv[1].split(",");
                case "seconds" -> seconds = Double.parseDouble(kv[1]);
                case "repeats" -> repeats = Integer.parseInt(kv[1]);
                case "tauSpread" -> tauSpread = Double.parseDouble(kv[1]);
                case "bandwidth" -> bandwidth = Boolean.parseBoolean(kv[1]);
                default -> throw new InvalidInputException("argument", kv[0],
                        "sizes, densities, rules, seconds, repeats, tauSpread, bandwidth");
            }
        }
        MemoryBandwidth.Rates[] bw = null;
        if (bandwidth) {
            bw = new MemoryBandwidth.Rates[] {MemoryBandwidth.measure(80, 1, 5), MemoryBandwidth.measure(80, 2, 5)};
            for (MemoryBandwidth.Rates r : bw) {
                System.out.printf(Locale.ROOT, "bandwidth reference, 80 MB arrays, %d thread(s): copy %.1f GB/s, triad %.1f GB/s%n",
                        r.threads(), r.copyGBs(), r.triadGBs());
            }
        }
        System.out.println("| N | density | synapses | rule | state kept (floats) | multiply-adds / step | steps / s (wall) | steps / CPU-s |"
                + " steps / process-CPU-s |" + (bandwidth ? " MB / step | bandwidth ceiling (steps / s) | wall / ceiling |"
                + " thread-CPU rate / ceiling |" : ""));
        System.out.println("|---|---|---|---|---|---|---|---|---|" + (bandwidth ? "---|---|---|---|" : ""));
        for (int n : sizes) {
            for (double d : densities) {
                RecurrentSpikingModel.Spec spec = new RecurrentSpikingModel.Spec();
                spec.lifNeurons = n / 2;
                spec.alifNeurons = n - n / 2;
                spec.inputs = 40;
                spec.outputs = 2;
                spec.density = d;
                spec.tauSpread = tauSpread;
                RecurrentSpikingModel model = spec.build(new RandomStreams(1));
                for (String rule : rules) {
                    System.out.println(row(model, d, rule, seconds, repeats, bw));
                }
            }
        }
    }

    static String row(RecurrentSpikingModel model, double density, String rule, double seconds, int repeats,
                      MemoryBandwidth.Rates[] bw) {
        String head = String.format(Locale.ROOT, "| %d | %.0f %% | %d | %s |", model.n, density * 100, model.synapses(), rule);
        GradientEstimator est;
        long rtrlMacs = 4L * model.n * model.n * model.stateParameters();
        if (rule.equals("rtrl") && rtrlMacs > MAX_RTRL_MACS) {
            return head + String.format(Locale.ROOT, " not timed: exact RTRL needs %d multiply-adds per step and %d bytes"
                    + " | | | |", rtrlMacs, org.hrsnn.learning.gradient.Rtrl.requiredBytes(model));
        }
        try {
            est = Rules.create(rule, model, new RandomStreams(2));
        } catch (InvalidInputException | OutOfMemoryError e) {
            return head + " refused: " + e.getMessage().replace('|', '/') + " | | | |";
        }
        double bestWall = 0;
        double bestCpu = 0;
        double bestProcess = 0;
        for (int r = 0; r < repeats; r++) {
            double[] rates = stepsPerSecond(model, est, seconds);
            bestWall = Math.max(bestWall, rates[0]);
            bestCpu = Math.max(bestCpu, rates[1]);
            bestProcess = Math.max(bestProcess, rates[2]);
        }
        CostReport c = est.cost();
        String line = head + String.format(Locale.ROOT, " %d | %d | %.1f | %.1f | %.1f |", c.stateFloats(),
                c.macsPerStep(), bestWall, bestCpu, bestProcess);
        if (bw != null) {
            long bytes = est.streamedBytesPerStep();
            int threads = 1;
            for (String part : rule.split(":")) {
                if (part.matches("t[1-9][0-9]?")) {
                    threads = Integer.parseInt(part.substring(1));
                }
            }
            MemoryBandwidth.Rates ref = bw[Math.min(threads, bw.length) - 1];
            if (bytes > 0) {
                // The most the measured copy bandwidth (same number of threads) allows: every
                // streamed byte at copy speed. The thread's CPU rate (1 thread only) says how close
                // the loop itself comes while it runs; on a loaded machine the wall rate also
                // measures the load.
                double ceiling = ref.copyGBs() * 1e9 / bytes;
                line += String.format(Locale.ROOT, " %.1f | %.0f | %.0f %% | %s |", bytes / 1e6, ceiling,
                        100 * bestWall / ceiling, threads == 1 ? String.format(Locale.ROOT, "%.0f %%", 100 * bestCpu / ceiling) : "");
            } else {
                line += " | | | |";
            }
        }
        return line;
    }

    /**
     * Online steps per second over about {@code seconds} s of wall time: {wall-clock rate, rate per
     * CPU second of the calling thread, rate per CPU second of the whole process (all threads,
     * including the JIT and the garbage collector)}. On a shared machine the second is closer to
     * what an idle core gives (it still includes memory stalls); for multi-threaded rules the third
     * counts the CPU time of every thread, so T threads on an idle machine give at most T times it.
     */
    public static double[] stepsPerSecond(RecurrentSpikingModel model, GradientEstimator est, double seconds) {
        RandomGenerator g = new RandomStreams(3).stream("bench/input");
        ModelState s = model.newState();
        est.beginSequence();
        List<double[]> frames = new ArrayList<>();
        for (int t = 0; t < 200; t++) {
            double[] x = new double[model.inputs];
            for (int c = 0; c < x.length; c++) {
                x[c] = g.nextDouble() < 0.01 ? 1 : 0;
            }
            frames.add(x);
        }
        double[] err = new double[model.outputs];
        java.util.Arrays.fill(err, 0.01);
        long steps = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long processStart = processCpuNanos(os);
        long cpuStart = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long budget = (long) (seconds * 1e9);
        while (System.nanoTime() - start < budget) {
            for (int k = 0; k < 10; k++) {
                double[] x = frames.get((int) (steps % frames.size()));
                model.step(s, x);
                est.step(s, x, err, null);
                steps++;
            }
        }
        est.flush();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double process = (processCpuNanos(os) - processStart) / 1e9;
        return new double[] {steps / wall, steps / cpu, process > 0 ? steps / process : Double.NaN};
    }

    private static long processCpuNanos(java.lang.management.OperatingSystemMXBean os) {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
