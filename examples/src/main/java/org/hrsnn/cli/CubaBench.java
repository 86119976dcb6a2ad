package org.hrsnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn bench cuba}: CUBA and CUBAhet (MODELS.md section 2) with every chosen engine and
 * thread count, each after a JIT warm-up run, reporting wall seconds per biological second,
 * synaptic events per wall second and the mean rate; optionally the scaling series at fixed
 * in-degree 80 with memory figures, and the Brian2 reference run in the same session.
 *
 * <p>Memory (--scaling): before each network is built the heap is collected
 * ({@code System.gc()} twice) and the peak usage of every heap memory pool is reset. After the
 * run, {@code peakHeapMB} is the sum over heap pools of their peak usage since the reset (an
 * upper bound of the peak heap during build and run, garbage included: pools peak at different
 * moments), and {@code heapAfterRunMB} is the heap in use after another collection, minus the
 * baseline, while the network is still referenced and the engine no longer is: the memory the
 * network description (and the run result) keeps.
 */
@Command(name = "cuba", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"CUBA and CUBAhet benchmark (Vogels & Abbott 2005; Brian2 examples/CUBA.py).",
            "Prints per run: wall seconds per biological second, synaptic events per wall second, mean rate."})
final class CubaBench implements Callable<Integer> {
    static final int[] SCALING_SIZES = {4_000, 16_000, 64_000, 256_000};
    static final int SCALING_IN_DEGREE = 80;
    static final double WARMUP_MAX_MS = 1000;
    static final int WARMUP_RUNS = 2;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10s",
            description = "Biological time per run, with unit ms or s (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--n", paramLabel = "N", defaultValue = "4000",
            description = "Number of neurons (default: ${DEFAULT-VALUE}); ignored with --scaling.")
    int n;

    @Option(names = "--engines", paramLabel = "LIST", split = ",", defaultValue = "event,clock",
            description = "Engines to run, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    @Option(names = "--threads", paramLabel = "LIST", split = ",",
            description = "Thread counts, comma-separated (default: 1 and all available processors).")
    List<Integer> threads;

    @Option(names = "--models", paramLabel = "LIST", split = ",", defaultValue = "CUBA,CUBAhet",
            description = "CUBA and/or CUBAhet (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeats", paramLabel = "R",
            description = "Timed runs per configuration; the minimum wall time is reported as wallPerBioSecond, "
                    + "the median alongside (default: 3, or 1 with --scaling).")
    Integer repeats;

    @Option(names = "--scaling", description = "Run N = 4k, 16k, 64k, 256k at a fixed in-degree of 80 (64 E + 16 I) and report memory.")
    boolean scaling;

    @Option(names = "--brian2", paramLabel = "PATH",
            description = "Path of brian2_reference.py: run Brian2 on the same models and print the ratios hrsnn/Brian2.")
    Path brian2;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private PrintWriter err;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        double durationMs = Durations.millis("--duration", duration);
        if (!scaling) {
            Check.positive("--n", n);
        }
        List<Integer> threadCounts = threadCounts();
        List<String> modelNames = new ArrayList<>(new LinkedHashSet<>(models));
        for (String m : modelNames) {
            if (!m.equals("CUBA") && !m.equals("CUBAhet")) {
                throw new InvalidInputException("--models", m, "CUBA or CUBAhet");
            }
        }
        List<String> engineNames = new ArrayList<>(new LinkedHashSet<>(engines));
        for (String e : engineNames) {
            Engines.create("--engines", e); // fail early on a bad name, before any run
        }
        if (brian2 != null && !Files.isRegularFile(brian2)) {
            throw new InvalidInputException("--brian2", brian2.toString(),
                    "the path of an existing file (shared/bench/brian2_reference.py)");
        }
        int runs = repeats != null ? Check.positive("--repeats", repeats) : (scaling ? 1 : 3);
        int[] sizes = scaling ? SCALING_SIZES : new int[] {n};
        Map<String, Double> brianWallPerBio = new HashMap<>();
        boolean warmedUp = false;
        for (int size : sizes) {
            for (String model : modelNames) {
                boolean het = model.equals("CUBAhet");
                if (brian2 != null && !scaling) {
                    Double b = runBrian2(model, durationMs / 1000, size);
                    if (b != null) {
                        brianWallPerBio.put(model, b);
                    }
                }
                long baseline = scaling ? resetMemory() : 0;
                Network network = network(size, het);
                for (String engineName : engineNames) {
                    if (!warmedUp || size == sizes[0]) {
                        // JIT warm-up: compile the engine's hot loops before timing (two runs, so
                        // that the optimising compiler has seen the steady state).
                        for (int w = 0; w < WARMUP_RUNS; w++) {
                            Engine warm = Engines.create("--engines", engineName);
                            warm.run(network, new SimulationOptions(Math.min(WARMUP_MAX_MS, durationMs), seed + 1 + w,
                                    threadCounts.get(0), SimulationOptions.DEFAULT_DT_MS));
                        }
                    }
                    for (int t : threadCounts) {
                        SimulationOptions options = new SimulationOptions(durationMs, seed, t, SimulationOptions.DEFAULT_DT_MS);
                        // Repeats of the same run (same seed, so the same spikes): the minimum wall
                        // time is the least disturbed by other processes; the median shows the spread.
                        double[] walls = new double[runs];
                        SimulationResult r = null;
                        for (int rep = 0; rep < runs; rep++) {
                            ProgressBar bar = new ProgressBar(err, ProgressBar.wanted(common.quiet),
                                    model + " N=" + size + " " + engineName + " " + t + "t");
                            SimulationResult x = runOnce(engineName, network, options, bar);
                            walls[rep] = x.wallPerBioSecond();
                            if (r == null || x.wallSeconds() < r.wallSeconds()) {
                                r = x;
                            }
                        }
                        ObjectNode line = line(model, network, r, t, size);
                        line.put("repeats", runs);
                        Json.put(line, "medianWallPerBioSecond", median(walls));
                        if (scaling) {
                            addMemory(line, baseline, network);
                        }
                        Double b = brianWallPerBio.get(model);
                        if (b != null) {
                            Json.put(line, "brian2WallPerBioSecond", b);
                            Json.put(line, "ratioToBrian2", r.wallPerBioSecond() / b);
                        }
                        print(line);
                    }
                }
                warmedUp = true;
                Reference.reachabilityFence(network);
            }
        }
        return 0;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /** One timed run; the engine is unreachable once this returns, so memory figures exclude it. */
    private static SimulationResult runOnce(String engineName, Network network, SimulationOptions options,
                                            ProgressBar bar) {
        return Engines.create("--engines", engineName).run(network, options, bar);
    }

    private List<Integer> threadCounts() {
        List<Integer> t = threads;
        if (t == null || t.isEmpty()) {
            t = List.of(1, Runtime.getRuntime().availableProcessors());
        }
        for (int x : t) {
            Check.positive("--threads", x);
        }
        return new ArrayList<>(new LinkedHashSet<>(t));
    }

    private Network network(int size, boolean het) {
        if (!scaling) {
            return Cuba.network(size, seed, het);
        }
        return Cuba.fixedInDegree(size, seed, het, SCALING_IN_DEGREE);
    }

    private Double runBrian2(String model, double bioSeconds, int size) {
        if (!common.quiet && !common.json) {
            out.printf("running Brian2 %s N=%d for %.3g s (C++ standalone; compiling first)...%n", model, size, bioSeconds);
            out.flush();
        }
        Brian2Reference.Outcome o = Brian2Reference.run(brian2, model, bioSeconds, size, seed);
        if (o.result() == null) {
            err.println("hrsnn: Brian2 reference not run for " + model + ": " + o.problem());
            err.flush();
            return null;
        }
        JsonNode r = o.result();
        ObjectNode line = Json.object();
        line.put("kind", "brian2");
        line.put("model", model);
        line.put("simulator", r.path("simulator").asText("brian2"));
        line.put("neurons", r.path("N").asInt(size));
        line.put("synapses", r.path("synapses").asLong());
        line.put("bioSeconds", r.path("bio_s").asDouble(bioSeconds));
        line.put("wallSeconds", r.path("wall_s").asDouble());
        line.put("wallPerBioSecond", r.path("wall_per_bio_s").asDouble());
        line.put("synapticEventsPerWallSecond", r.path("events_per_wall_s").asDouble());
        line.put("meanRateHz", r.path("rate_hz").asDouble());
        print(line);
        double w = r.path("wall_per_bio_s").asDouble(Double.NaN);
        return w > 0 ? w : null;
    }

    private static ObjectNode line(String model, Network network, SimulationResult r, int threads, int size) {
        ObjectNode o = Json.object();
        o.put("kind", "run");
        o.put("model", model);
        o.put("engine", r.engine());
        o.put("threads", threads);
        o.put("neurons", size);
        o.put("synapses", network.synapses().size());
        o.put("bioSeconds", r.durationMs() / 1000);
        Json.put(o, "wallSeconds", r.wallSeconds());
        Json.put(o, "wallPerBioSecond", r.wallPerBioSecond());
        o.put("synapticEvents", r.synapticEvents());
        Json.put(o, "synapticEventsPerWallSecond", r.synapticEventsPerWallSecond());
        Json.put(o, "meanRateHz", r.meanRateHz());
        return o;
    }

    /** Collects the heap and resets the pools' peaks; returns the heap in use (bytes). */
    private static long resetMemory() {
        System.gc();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void addMemory(ObjectNode line, long baseline, Network network) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(network);
        Json.put(line, "peakHeapMB", peak / 1e6);
        Json.put(line, "heapAfterRunMB", (after - baseline) / 1e6);
    }

    private void print(ObjectNode line) {
        if (common.json) {
            out.println(Json.line(line));
        } else if (line.get("kind").asText().equals("brian2")) {
            out.printf("%-8s %-6s %-6s N=%-7d wall/bio %8.4f s   events/wall-s %9.3g   rate %6.2f Hz%n",
                    line.get("model").asText(), "brian2", "", line.get("neurons").asInt(),
                    line.get("wallPerBioSecond").asDouble(), line.get("synapticEventsPerWallSecond").asDouble(),
                    line.get("meanRateHz").asDouble());
        } else {
            StringBuilder sb = new StringBuilder(String.format("%-8s %-6s %2d thr  N=%-7d wall/bio %8.4f s   events/wall-s %9.3g   rate %6.2f Hz",
                    line.get("model").asText(), line.get("engine").asText(), line.get("threads").asInt(),
                    line.get("neurons").asInt(), line.get("wallPerBioSecond").asDouble(),
                    line.get("synapticEventsPerWallSecond").asDouble(), line.get("meanRateHz").asDouble()));
            if (line.has("repeats") && line.get("repeats").asInt() > 1) {
                sb.append(String.format(" (min of %d; median %.4f s)", line.get("repeats").asInt(),
                        line.get("medianWallPerBioSecond").asDouble()));
            }
            if (line.has("peakHeapMB")) {
                sb.append(String.format("   peak heap %.0f MB, after run %.0f MB", line.get("peakHeapMB").asDouble(),
                        line.get("heapAfterRunMB").asDouble()));
            }
            if (line.has("ratioToBrian2")) {
                sb.append(String.format("   hrsnn/Brian2 %.3g", line.get("ratioToBrian2").asDouble()));
            }
            out.println(sb);
        }
        out.flush();
    }
}
