package org.hrsnn.crosscheck;

import org.hrsnn.simulator.util.Correlation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.RunInputs;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.engine.clock.ClockDrivenEngine;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.io.nir.NirExporter;
import org.hrsnn.simulator.io.nir.NirFile;
import org.hrsnn.simulator.io.nir.NirGraph;
import org.hrsnn.simulator.io.nir.NirValue;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Cross-simulation against Brian2 through NIR: the network is exported to a NIR file, the input
 * spikes to a CSV, and {@code examples/python/nir_brian2_crosscheck.py} (shipped inside this jar,
 * copied to a temporary directory) simulates it in Brian2; hrsnn's event and clock engines run the
 * same network on the same input spikes, and the per-neuron spike counts and spike times are
 * compared.
 *
 * <p>Input spikes are drawn once (hrsnn's input streams for the seed) and moved to the grid
 * boundary at or after them (ceil(t / dt) dt, the time at which hrsnn's clock engine delivers
 * them anyway), so that all three simulators see identical arrivals and the comparison is about
 * integration alone. Brian2 is clock-driven with the clock engine's conventions (see the script):
 * clock vs Brian2 should agree spike for spike up to floating-point rounding; the exact event
 * engine differs by less than dt per spike until differences cascade.
 *
 * <p>Nothing is installed: when python3, h5py or Brian2 is missing, {@link #availability} says so
 * and {@link #run} throws {@link Brian2MissingException} with the install command.
 */
public final class Brian2Crosscheck {
    /** The install hint printed when Brian2 (or python3) is missing. */
    public static final String INSTALL_HINT = "Brian2 is not installed: apt-get install -y python3-brian g++";
    /** The script's name, both in examples/python/ and as a class-path resource next to this class. */
    public static final String SCRIPT = "nir_brian2_crosscheck.py";
    private static final double GRID_TOLERANCE = 1e-10;

    private Brian2Crosscheck() {
    }

    /** Brian2 (or python3) is not available; the message says how to install it. */
    public static final class Brian2MissingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Brian2MissingException(String detail) {
            super(INSTALL_HINT + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
    }

    /**
     * What to run. {@code firstWaveMs}: neurons whose first spike (in either simulator) comes
     * before this time form the "first wave", compared separately (for chaotic networks, whose
     * later spikes diverge). {@code python}: the interpreter (default /usr/bin/python3 when it
     * exists, else python3 on the PATH). {@code workDir}: where the files go (null: a temporary
     * directory, deleted afterwards).
     */
    public record Options(double durationMs, double dtMs, long seed, double firstWaveMs, String python,
                          Path workDir, long timeoutSeconds) {
        public static Options of(double durationMs, double dtMs, long seed) {
            return new Options(durationMs, dtMs, seed, 10.0, defaultPython(), null, 3600);
        }

        public Options withFirstWaveMs(double ms) {
            return new Options(durationMs, dtMs, seed, ms, python, workDir, timeoutSeconds);
        }

        public Options withWorkDir(Path dir) {
            return new Options(durationMs, dtMs, seed, firstWaveMs, python, dir, timeoutSeconds);
        }

        public Options withPython(String p) {
            return new Options(durationMs, dtMs, seed, firstWaveMs, p, workDir, timeoutSeconds);
        }
    }

    /** Per-neuron spike counts and times of one simulator. */
    public record Spikes(String simulator, int[] counts, double[][] timesMs, double wallSeconds) {
        public long total() {
            long s = 0;
            for (int c : counts) {
                s += c;
            }
            return s;
        }

        /** First spike time of neuron i (ms), NaN when it does not fire. */
        public double first(int i) {
            return timesMs[i].length == 0 ? Double.NaN : timesMs[i][0];
        }

        public double[] ratesHz(double durationMs) {
            double[] r = new double[counts.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = counts[i] / (durationMs / 1000.0);
            }
            return r;
        }
    }

    /** One hrsnn engine against Brian2. */
    public record Comparison(String engine, long hrsnnSpikes, long brian2Spikes, double exactCountFraction,
                             double meanAbsCountDifference, double countCorrelation, int firstSpikeNeurons,
                             double firstSpikeMedianAbsMs, double firstSpikeMaxAbsMs, double firstSpikeWithinDtFraction,
                             int firstWaveNeurons,
                             double firstWaveExactFraction, double firstWaveWithinDtFraction,
                             double firstWaveMedianAbsMs, double firstWaveMaxAbsMs,
                             int firstWaveMissing, double rateKs, double rateKsCritical) {
        /** A human-readable summary. */
        public String describe() {
            return String.format(Locale.ROOT, "%s vs brian2: spikes %d vs %d; counts equal for %.4f of neurons, "
                            + "mean |diff| %.4f, correlation %.6f; first spike (%d neurons firing in both) "
                            + "|dt| median %.4g ms, max %.4g ms, within one step for %.4f; first wave (%d neurons, %d fire in one only) "
                            + "equal %.4f, within one step %.4f, |dt| median %.4g ms, max %.4g ms; rate KS D %.4f (critical %.4f at 0.001)",
                    engine, hrsnnSpikes, brian2Spikes, exactCountFraction, meanAbsCountDifference, countCorrelation,
                    firstSpikeNeurons, firstSpikeMedianAbsMs, firstSpikeMaxAbsMs, firstSpikeWithinDtFraction, firstWaveNeurons, firstWaveMissing,
                    firstWaveExactFraction, firstWaveWithinDtFraction, firstWaveMedianAbsMs, firstWaveMaxAbsMs, rateKs, rateKsCritical);
        }
    }

    /** The whole check. */
    public record Report(int neurons, Options options, Spikes brian2, List<Spikes> hrsnn, List<Comparison> comparisons,
                         String brian2Version, List<String> notes) {
    }

    /** Null when python3 with h5py and Brian2 can be run, else the reason. */
    public static String availability(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import h5py, brian2").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return python + " did not answer within 120 s";
            }
            return p.exitValue() == 0 ? null : lastLine(out);
        } catch (IOException e) {
            return python + " cannot be run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static String defaultPython() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Exports, runs Brian2 and both hrsnn engines, compares. */
    public static Report run(Network network, Options options) {
        if (network.hasAdaptation()) {
            throw new InvalidInputException("network.adaptation", "ALIF neurons", "plain LIF neurons (NIR has no adaptation)");
        }
        if (!network.currents().isEmpty()) {
            throw new InvalidInputException("network.currents", network.currents().size() + " current injections",
                    "none (NIR cannot hold time-limited currents)");
        }
        String missing = availability(options.python());
        if (missing != null) {
            throw new Brian2MissingException(missing);
        }
        SimulationOptions sim = SimulationOptions.of(options.durationMs(), options.seed()).withDt(options.dtMs());
        Network onGrid = withGridInputs(network, sim);
        boolean temporary = options.workDir() == null;
        Path dir = null;
        try {
            dir = temporary ? Files.createTempDirectory("hrsnn-crosscheck") : Files.createDirectories(options.workDir());
            NirGraph graph = NirExporter.toGraph(onGrid, NirExporter.Options.defaults());
            Path nir = dir.resolve("network.nir");
            NirFile.write(graph, nir);
            Path inputs = dir.resolve("inputs.csv");
            writeInputs(onGrid, graph, sim, inputs);
            Path script = dir.resolve(SCRIPT);
            try (InputStream in = Brian2Crosscheck.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + SCRIPT + " missing from the jar");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Path out = dir.resolve("brian2.json");
            long t0 = System.nanoTime();
            runScript(options, script, nir, inputs, out, dir);
            double brianWall = (System.nanoTime() - t0) / 1e9;
            JsonNode json = new ObjectMapper().readTree(out.toFile());
            Spikes brian = brian2Spikes(json, network.size(), brianWall);
            List<String> notes = new ArrayList<>();
            json.path("notes").forEach(n -> notes.add("brian2: " + n.asText()));
            List<Spikes> ours = new ArrayList<>();
            List<Comparison> comparisons = new ArrayList<>();
            for (Engine engine : new Engine[] {new ClockDrivenEngine(), new EventDrivenEngine()}) {
                Spikes s = hrsnnSpikes(engine, onGrid, sim);
                ours.add(s);
                comparisons.add(compare(s, brian, options.durationMs(), options.dtMs(), options.firstWaveMs()));
            }
            return new Report(network.size(), options, brian, ours, comparisons, json.path("brian2_version").asText(), notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary && dir != null) {
                deleteTree(dir);
            }
        }
    }

    /**
     * The network with every delay (recurrent and input, ms) rounded to the nearest multiple of
     * dt, halves up: NIR needs one Delay node per distinct value (at most 64), and the clock
     * engine and Brian2 round recurrent delays this way anyway.
     */
    public static Network withGridDelays(Network network, double dtMs) {
        List<InputGroup> groups = new ArrayList<>();
        for (InputGroup g : network.inputs()) {
            groups.add(new InputGroup(g.name(), g.source(), roundDelays(g.projection(), dtMs)));
        }
        return network.withSynapses(roundDelays(network.synapses(), dtMs)).withInputs(groups, network.currents());
    }

    private static SynapseMatrix roundDelays(SynapseMatrix m, double dtMs) {
        double[] d = new double[m.size()];
        for (int k = 0; k < d.length; k++) {
            double q = m.delay[k] / dtMs;
            d[k] = Math.floor(q + 0.5 + GRID_TOLERANCE * Math.max(1.0, q)) * dtMs;
        }
        return SynapseMatrix.fromEdges(m.sources, m.targets, m.sourceIndices(), m.target.clone(), m.weight.clone(), d, m.size());
    }

    /** The network with every input group's spikes (drawn as the engines would) moved to ceil(t / dt) dt. */
    static Network withGridInputs(Network network, SimulationOptions sim) {
        SpikeTrains[] drawn = RunInputs.generate(network, sim);
        List<InputGroup> groups = new ArrayList<>();
        double dt = sim.dtMs();
        for (int g = 0; g < drawn.length; g++) {
            SpikeTrains s = drawn[g];
            double[] t = new double[s.times.length];
            for (int k = 0; k < t.length; k++) {
                double q = s.times[k] / dt;
                t[k] = Math.ceil(q - GRID_TOLERANCE * Math.max(1.0, q)) * dt;
            }
            InputGroup old = network.inputs().get(g);
            groups.add(new InputGroup(old.name(), new SpikeTimesSource(new SpikeTrains(s.start.clone(), t)), old.projection()));
        }
        return network.withInputs(groups, network.currents());
    }

    private static void writeInputs(Network net, NirGraph graph, SimulationOptions sim, Path file) throws IOException {
        NirValue nodes = graph.metadata().get(NirExporter.META + "inputs/node");
        SpikeTrains[] trains = RunInputs.generate(net, sim);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time_s,channel,input\n");
            for (int g = 0; g < trains.length; g++) {
                String node = nodes.strings()[g];
                SpikeTrains s = trains[g];
                for (int c = 0; c < s.channels; c++) {
                    for (int k = s.start[c]; k < s.start[c + 1]; k++) {
                        // 17 significant digits: the script recovers the same grid boundary
                        w.write(String.format(Locale.ROOT, "%.17g,%d,%s%n", s.times[k] / 1e3, c, node));
                    }
                }
            }
        }
    }

    private static void runScript(Options o, Path script, Path nir, Path inputs, Path out, Path dir) throws IOException {
        Path log = dir.resolve("brian2.log");
        ProcessBuilder pb = new ProcessBuilder(o.python(), script.toString(), nir.toString(), inputs.toString(),
                Double.toString(o.durationMs() / 1e3), Double.toString(o.dtMs()), out.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(o.timeoutSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Brian2 run did not finish within " + o.timeoutSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Brian2 was running", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Brian2 script failed (exit " + p.exitValue() + "): "
                    + tail(Files.readString(log, StandardCharsets.UTF_8), 2000));
        }
    }

    private static Spikes brian2Spikes(JsonNode json, int n, double wall) {
        JsonNode times = json.get("spike_times_s");
        if (times == null || times.size() != n) {
            throw new IllegalStateException("Brian2 output has " + (times == null ? "no" : times.size())
                    + " neurons, the network " + n);
        }
        int[] counts = new int[n];
        double[][] t = new double[n][];
        for (int i = 0; i < n; i++) {
            JsonNode ti = times.get(i);
            counts[i] = ti.size();
            t[i] = new double[ti.size()];
            for (int k = 0; k < t[i].length; k++) {
                t[i][k] = ti.get(k).asDouble() * 1e3;
            }
        }
        return new Spikes("brian2", counts, t, wall);
    }

    static Spikes hrsnnSpikes(Engine engine, Network net, SimulationOptions sim) {
        SpikeRecorder rec = new SpikeRecorder();
        SimulationResult r = engine.run(net, sim, rec);
        double[][] t = new double[net.size()][];
        for (int i = 0; i < t.length; i++) {
            t[i] = rec.timesOf(i);
        }
        return new Spikes("hrsnn-" + engine.name(), r.spikeCounts().clone(), t, r.wallSeconds());
    }

    /** Compares an hrsnn run with Brian2's (both over [0, durationMs]). */
    public static Comparison compare(Spikes ours, Spikes brian, double durationMs, double dtMs, double firstWaveMs) {
        int n = ours.counts().length;
        int equal = 0;
        double absDiff = 0;
        double[] a = new double[n];
        double[] b = new double[n];
        List<Double> firstDiffs = new ArrayList<>();
        List<Double> waveDiffs = new ArrayList<>();
        int wave = 0;
        int waveMissing = 0;
        int waveEqual = 0;
        int waveWithinDt = 0;
        for (int i = 0; i < n; i++) {
            a[i] = ours.counts()[i];
            b[i] = brian.counts()[i];
            equal += a[i] == b[i] ? 1 : 0;
            absDiff += Math.abs(a[i] - b[i]);
            double fo = ours.first(i);
            double fb = brian.first(i);
            if (!Double.isNaN(fo) && !Double.isNaN(fb)) {
                firstDiffs.add(Math.abs(fo - fb));
            }
            boolean inWave = !Double.isNaN(fo) && fo < firstWaveMs || !Double.isNaN(fb) && fb < firstWaveMs;
            if (inWave) {
                wave++;
                if (Double.isNaN(fo) || Double.isNaN(fb)) {
                    waveMissing++;
                } else {
                    double d = Math.abs(fo - fb);
                    waveDiffs.add(d);
                    // equal up to rounding of the grid times (Brian2 reports step x dt in seconds)
                    waveEqual += d <= 1e-9 * Math.max(1.0, fb) ? 1 : 0;
                    waveWithinDt += d <= dtMs * (1 + 1e-9) ? 1 : 0;
                }
            }
        }
        double ks = org.hrsnn.simulator.engine.RateDistributions.ksStatistic(ours.ratesHz(durationMs), brian.ratesHz(durationMs));
        double crit = org.hrsnn.simulator.engine.RateDistributions.ksCritical(0.001, n, n);
        return new Comparison(ours.simulator(), ours.total(), brian.total(), equal / (double) n, absDiff / n,
                correlation(a, b), firstDiffs.size(), median(firstDiffs), max(firstDiffs),
                firstDiffs.isEmpty() ? Double.NaN
                        : firstDiffs.stream().filter(d -> d <= dtMs * (1 + 1e-9)).count() / (double) firstDiffs.size(),
                wave,
                wave == 0 ? Double.NaN : waveEqual / (double) wave, wave == 0 ? Double.NaN : waveWithinDt / (double) wave,
                median(waveDiffs), max(waveDiffs), waveMissing, ks, crit);
    }

    /** Pearson correlation; 1 when both are equal (also constant), NaN when undefined. */
    static double correlation(double[] a, double[] b) {
        return Correlation.pearson(a, b);
    }

    static double median(List<Double> x) {
        if (x.isEmpty()) {
            return Double.NaN;
        }
        double[] s = x.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    static double max(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    private static String tail(String s, int chars) {
        return s.length() <= chars ? s : "..." + s.substring(s.length() - chars);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
