package org.hrsnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hrsnn.hardware.HardwarePipeline;
import org.hrsnn.hardware.Issue;
import org.hrsnn.hardware.budget.BudgetComparison;
import org.hrsnn.hardware.compare.PatternClassificationTask;
import org.hrsnn.hardware.compare.SpikeAgreement;
import org.hrsnn.hardware.compare.WeightBitsSweep;
import org.hrsnn.hardware.emulator.BitExactEmulator;
import org.hrsnn.hardware.emulator.EmulatorResult;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointNetworkJson;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.learning.FixedPointEprop;
import org.hrsnn.hardware.learning.LearningBudget;
import org.hrsnn.hardware.learning.LearningFormat;
import org.hrsnn.hardware.learning.OnChipLearningSweep;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.learning.train.EvidenceSetup;
import org.hrsnn.pipeline.PruningHardwareBudget;
import org.hrsnn.report.PlotSeries;
import org.hrsnn.report.Plots;
import org.hrsnn.report.Table;
import org.hrsnn.report.Tables;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn hw}: quantise and map a network onto a hardware preset, run a mapped network
 * bit-exactly, compare float and fixed point as weight bits shrink, and budget a network before
 * and after pruning. The float network comes from a configuration ({@code --config FILE}, default
 * the embedded default HRSNN) or the CUBA benchmark ({@code --cuba N [--het]}).
 *
 * <pre>
 * hw map     [--config FILE | --cuba N [--het]] --preset loihi --dt 0.1ms --duration 500ms --out DIR [--json]
 * hw run     --network DIR/network.json [--inputs DIR/inputs.csv] --steps N --out DIR2 [--json]
 * hw compare [--config FILE | --cuba N] --preset loihi --from-bits 8 --to-bits 2 [--no-task] [--json]
 * hw budget  [--config FILE] --prune lnp --density 0.3 [--json]
 * hw learn   --preset loihi1 --trace-bits 16,12,8,7 --trials 300 [--setup paper|ours] [--rule e-prop|snap-1] [--json]
 * </pre>
 * Bad input, or a network that cannot be represented or does not fit the chip, exits with code 2
 * and a message naming what does not fit and where; nothing is written then (files are staged in a
 * hidden folder and moved into place only when everything succeeded).
 */
@Command(name = "hw", mixinStandardHelpOptions = true,
        description = "Fixed-point hardware: map a network onto a chip preset, run it bit-exactly, compare with float, budget.",
        subcommands = {HardwareCommand.MapCommand.class, HardwareCommand.RunCommand.class, HardwareCommand.CompareCommand.class,
            HardwareCommand.BudgetCommand.class, HardwareCommand.LearnCommand.class})
public final class HardwareCommand implements Callable<Integer> {
    static final String NETWORK_JSON = "network.json";
    static final String INPUTS_CSV = "inputs.csv";
    static final String SPIKES_CSV = "spikes.csv";
    static final String REPORT_JSON = "report.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().usage(out);
        out.flush();
        return 0;
    }

    /** A built-in preset ({@code loihi} is an alias of loihi1) or a preset YAML file. */
    static HardwarePreset preset(String nameOrPath) {
        return HardwarePresets.load("loihi".equalsIgnoreCase(nameOrPath) ? "loihi1" : nameOrPath);
    }

    /** The float network and how to quantise it. */
    static class NetworkOptions {
        @Option(names = "--config", paramLabel = "FILE",
                description = "Network configuration (.yaml, .yml or .json). Default: the embedded default HRSNN.")
        Path config;
        @Option(names = "--cuba", paramLabel = "N", description = "Use the CUBA benchmark network of N neurons instead of a configuration.")
        Integer cuba;
        @Option(names = "--het", description = "With --cuba: CUBAhet, per-neuron time constants in [0.9, 1.1] x nominal.")
        boolean heterogeneous;
        @Option(names = "--seed", description = "Seed of the network and its inputs. Default: the configuration's seed (1 for CUBA).")
        Long seed;
        @Option(names = "--preset", defaultValue = "loihi1",
                description = "loihi (= loihi1), loihi1, xylo, custom or a preset YAML file (default: ${DEFAULT-VALUE}).")
        String preset;
        @Option(names = "--dt", defaultValue = "0.1ms", description = "Biological time per hardware step (default: ${DEFAULT-VALUE}).")
        String dt;
        @Option(names = "--weight-bits", defaultValue = "0", description = "Bits per weight; 0 = the preset's width.")
        int weightBits;
        @Option(names = "--prototypes", defaultValue = "0", description = "Most decay prototypes; 0 = the preset's per-core limit.")
        int prototypes;
        @Option(names = "--refractory", negatable = true, description = "Map refractory periods (default: the preset's choice).")
        Boolean refractory;
        @Option(names = "--synaptic-tau", defaultValue = "EXCITATORY",
                description = "Time constant of the single hardware current: ${COMPLETION-CANDIDATES}.")
        QuantiserOptions.SynapticTau synapticTau;
        @Option(names = "--equalise-gain", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "One voltage scale per neuron so a float weight maps to the same integer onto fast and slow "
                        + "neurons (default); --no-equalise-gain: one scale for the network (weights then spread with 1/tau_m).")
        boolean equaliseGain;

        private NetworkConfig loaded;

        private NetworkConfig cfg() {
            if (loaded == null) {
                NetworkConfig c = SimulationRunner.config(config);
                loaded = seed == null ? c : c.withSeed(seed);
            }
            return loaded;
        }

        Network network() {
            if (cuba != null) {
                if (config != null) {
                    throw new InvalidInputException("--cuba", cuba, "either --cuba or --config, not both");
                }
                if (cuba < 2) {
                    throw new InvalidInputException("--cuba", cuba, "an integer >= 2");
                }
                return Cuba.network(cuba, seed(), heterogeneous);
            }
            return cfg().build();
        }

        long seed() {
            if (cuba != null) {
                return seed == null ? 1 : seed;
            }
            return cfg().seed();
        }

        String source() {
            if (cuba != null) {
                return (heterogeneous ? "CUBAhet " : "CUBA ") + cuba;
            }
            return config == null ? "embedded default-hrsnn.yaml" : config.toString();
        }

        double dtMs() {
            return Durations.millis("--dt", dt);
        }

        QuantiserOptions quantiser() {
            if (weightBits < 0) {
                throw new InvalidInputException("--weight-bits", weightBits, "0 (the preset's width) or a number of bits >= 1");
            }
            return QuantiserOptions.defaults(dtMs()).withWeightBits(weightBits).withMaxPrototypes(prototypes)
                    .withRefractory(refractory).withSynapticTau(synapticTau).withEqualiseGain(equaliseGain);
        }
    }

    static int steps(double durationMs, double dtMs) {
        long steps = Math.round(durationMs / dtMs);
        if (steps < 1 || steps > Integer.MAX_VALUE / 2) {
            throw new InvalidInputException("--duration", durationMs + " ms", "at least one step of dt = " + dtMs + " ms");
        }
        return (int) steps;
    }

    private static void print(CommandSpec spec, CommonOptions common, JsonNode json, String text) {
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(Json.line(json));
        } else if (!common.quiet) {
            out.println(text.stripTrailing());
        }
        out.flush();
    }

    private static void writeJson(Path file, JsonNode node) throws IOException {
        Files.writeString(file, Json.pretty(node) + "\n", StandardCharsets.UTF_8);
    }

    @Command(name = "map", mixinStandardHelpOptions = true,
            description = {"Quantise a network, map it onto the preset's cores, emulate it bit-exactly on its own inputs and budget it.",
                "Writes DIR/network.json (the fixed-point network, see docs/hardware.md), DIR/inputs.csv (the input spikes on",
                "the step grid), DIR/spikes.csv (the emulated spikes) and DIR/report.json."})
    static final class MapCommand implements Callable<Integer> {
        @Mixin
        NetworkOptions net = new NetworkOptions();
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;
        @Option(names = "--duration", defaultValue = "500ms", description = "Emulated time for the budget (default: ${DEFAULT-VALUE}).")
        String duration;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
        Path out;

        @Override
        public Integer call() throws IOException {
            HardwarePreset preset = preset(net.preset);
            double durationMs = Durations.millis("--duration", duration);
            double dt = net.dtMs();
            int steps = steps(durationMs, dt);
            QuantiserOptions options = net.quantiser();
            Network network = net.network();
            // everything is computed before the output folder is touched: a network that does not fit writes nothing
            HardwarePipeline.Result r = new HardwarePipeline().run(network, preset, options, durationMs, net.seed());
            SpikeRaster[] inputs = WeightBitsSweep.inputs(network, dt, steps, durationMs, net.seed());
            ObjectNode report = Json.object();
            report.put("command", "hw map");
            report.put("network", net.source());
            report.put("preset", preset.name());
            report.put("seed", net.seed());
            report.put("dtMs", dt);
            report.put("steps", steps);
            report.set("quantisation", JSON.valueToTree(r.quantised().report()));
            report.set("mapping", JSON.valueToTree(r.mapping().report()));
            report.set("agreementWithClockEngine", JSON.valueToTree(r.agreement()));
            if (r.budget() != null) {
                ObjectNode b = JSON.valueToTree(r.budget());
                Json.put(b, "energyPerInferencePj", r.budget().energyPerInferencePj());
                Json.put(b, "latencyPerInferenceNs", r.budget().latencyPerInferenceNs());
                report.set("budget", b);
            }
            try (OutputFolder folder = OutputFolder.open(out)) {
                FixedPointNetworkJson.write(r.network(), folder.file(NETWORK_JSON));
                writeInputs(inputs, folder.file(INPUTS_CSV));
                FixedPointNetworkJson.writeSpikes(r.emulated().spikes(), folder.file(SPIKES_CSV));
                ObjectNode files = report.putObject("files");
                for (String f : List.of(NETWORK_JSON, INPUTS_CSV, SPIKES_CSV, REPORT_JSON)) {
                    files.put(f, folder.finalPath(f).toString());
                }
                writeJson(folder.file(REPORT_JSON), report);
                folder.commit();
            }
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "%s on %s: %d neurons, %d synapses on %d cores, %d prototypes, weight error %.4f%n",
                    net.source(), preset.name(), r.network().size, r.network().synapseCount(), r.mapping().report().coresUsed(),
                    r.quantised().report().prototypes(), r.quantised().report().weightRelativeRmsError()));
            text.append(String.format(Locale.ROOT, "vs clock engine: %d float spikes, %d fixed-point spikes, rate correlation %.3f, van Rossum %.3f%n",
                    r.agreement().spikesA(), r.agreement().spikesB(), r.agreement().rateCorrelation(), r.agreement().vanRossum()));
            if (r.budget() != null) {
                text.append(String.format(Locale.ROOT, "energy per inference (%s) %.4g uJ, latency %.4g ms (%d steps)%n", duration,
                        r.budget().energyPerInferencePj() * 1e-6, r.budget().latencyPerInferenceNs() * 1e-6, r.budget().steps()));
            }
            for (Issue i : r.quantised().report().issues()) {
                text.append(i).append('\n');
            }
            text.append("wrote ").append(out.resolve(NETWORK_JSON)).append(", ").append(INPUTS_CSV).append(", ")
                    .append(SPIKES_CSV).append(", ").append(REPORT_JSON);
            print(spec, common, report, text.toString());
            return 0;
        }
    }

    /** Writes input spikes as "group,step,channel" lines (header first). */
    static void writeInputs(SpikeRaster[] inputs, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("group,step,channel\n");
            for (int g = 0; g < inputs.length; g++) {
                SpikeRaster r = inputs[g];
                for (int t = 0; t < r.steps; t++) {
                    for (int k = r.stepStart[t]; k < r.stepStart[t + 1]; k++) {
                        w.write(g + "," + t + "," + r.unit[k] + "\n");
                    }
                }
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a fixed-point network.json bit-exactly; write DIR/spikes.csv (step,neuron) and DIR/report.json.")
    static final class RunCommand implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;
        @Option(names = "--network", required = true, paramLabel = "FILE", description = "A fixed-point network JSON file (from hw map).")
        Path network;
        @Option(names = "--steps", required = true, description = "Steps to run.")
        int steps;
        @Option(names = "--inputs", paramLabel = "FILE",
                description = "Input spikes, CSV with header group,step,channel (group: input index); default: no input spikes.")
        Path inputs;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (steps <= 0) {
                throw new InvalidInputException("--steps", steps, "an integer > 0");
            }
            FixedPointNetwork net = FixedPointNetworkJson.read(network);
            SpikeRaster[] in = readInputs(net, inputs, steps);
            EmulatorResult r = new BitExactEmulator().run(net, in, steps);
            ObjectNode s = Json.object();
            s.put("command", "hw run");
            s.put("network", network.toString());
            s.put("neurons", net.size).put("steps", steps).put("spikes", r.spikes().size())
                    .put("synapticOps", r.synapticOps()).put("activeUpdates", r.activeUpdates());
            try (OutputFolder folder = OutputFolder.open(out)) {
                FixedPointNetworkJson.writeSpikes(r.spikes(), folder.file(SPIKES_CSV));
                s.put("spikesFile", folder.finalPath(SPIKES_CSV).toString());
                writeJson(folder.file(REPORT_JSON), s);
                folder.commit();
            }
            print(spec, common, s, net.size + " neurons, " + steps + " steps, " + r.spikes().size() + " spikes -> "
                    + out.resolve(SPIKES_CSV));
            return 0;
        }
    }

    /** Reads input spikes "group,step,channel" into one raster per input group (duplicates count once; steps outside the run are ignored). */
    static SpikeRaster[] readInputs(FixedPointNetwork net, Path file, int steps) throws IOException {
        int groups = net.inputs.size();
        List<List<long[]>> spikes = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            spikes.add(new ArrayList<>());
        }
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("--inputs", file.toString(), "a readable CSV file");
            }
            List<String> lines = Files.readAllLines(file);
            for (int l = 1; l < lines.size(); l++) {
                String line = lines.get(l).trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",");
                String where = file + " line " + (l + 1);
                if (f.length != 3) {
                    throw new InvalidInputException(where, line, "group,step,channel");
                }
                int g;
                int t;
                int c;
                try {
                    g = Integer.parseInt(f[0].trim());
                    t = Integer.parseInt(f[1].trim());
                    c = Integer.parseInt(f[2].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(where, line, "three integers group,step,channel");
                }
                if (g < 0 || g >= groups) {
                    throw new InvalidInputException(where + " group", g, "an input group index in [0, " + groups + ")");
                }
                if (c < 0 || c >= net.inputs.get(g).channels()) {
                    throw new InvalidInputException(where + " channel", c, "a channel in [0, " + net.inputs.get(g).channels() + ")");
                }
                if (t >= 0 && t < steps) {
                    spikes.get(g).add(new long[] {t, c});
                }
            }
        }
        SpikeRaster[] out = new SpikeRaster[groups];
        for (int g = 0; g < groups; g++) {
            List<long[]> s = spikes.get(g);
            s.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            int[] start = new int[steps + 1];
            int[] unit = new int[s.size()];
            int m = 0;
            for (int k = 0; k < s.size(); k++) {
                if (k > 0 && s.get(k)[0] == s.get(k - 1)[0] && s.get(k)[1] == s.get(k - 1)[1]) {
                    continue;
                }
                unit[m++] = (int) s.get(k)[1];
                start[(int) s.get(k)[0] + 1]++;
            }
            for (int t = 0; t < steps; t++) {
                start[t + 1] += start[t];
            }
            out[g] = new SpikeRaster(steps, net.inputs.get(g).channels(), start, Arrays.copyOf(unit, m));
        }
        return out;
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Float (clock-driven engine) vs bit-exact fixed point on the same inputs as weight bits go down:",
                "per-neuron rate correlation, van Rossum distance, and the test accuracy of an input-pattern classification task on both."})
    static final class CompareCommand implements Callable<Integer> {
        @Mixin
        NetworkOptions net = new NetworkOptions();
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;
        @Option(names = "--duration", defaultValue = "4000ms", description = "Simulated time per run (default: ${DEFAULT-VALUE}).")
        String duration;
        @Option(names = "--from-bits", defaultValue = "8", description = "Widest weights (default: ${DEFAULT-VALUE}).")
        int fromBits;
        @Option(names = "--to-bits", defaultValue = "2", description = "Narrowest weights (default: ${DEFAULT-VALUE}).")
        int toBits;
        @Option(names = "--tau-steps", defaultValue = "10", description = "van Rossum time constant, steps (default: ${DEFAULT-VALUE}).")
        double tauSteps;
        @Option(names = "--task", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Score both spike trains on the pattern classification task (default: on).")
        boolean task;

        @Override
        public Integer call() {
            HardwarePreset preset = preset(net.preset);
            double durationMs = Durations.millis("--duration", duration);
            steps(durationMs, net.dtMs());
            if (toBits < preset.synapse().minWeightBits() || fromBits > preset.synapse().weightBits() || toBits > fromBits) {
                throw new InvalidInputException("--from-bits/--to-bits", fromBits + ".." + toBits,
                        "from >= to within [" + preset.synapse().minWeightBits() + ", " + preset.synapse().weightBits() + "]");
            }
            if (!(tauSteps > 0)) {
                throw new InvalidInputException("--tau-steps", tauSteps, "a number > 0");
            }
            Network network = net.network();
            if (task && network.inputs().isEmpty()) {
                throw new InvalidInputException("--task", "on", "a network with at least one input group to carry the task's "
                        + "patterns (" + net.source() + " has none): add --no-task");
            }
            List<WeightBitsSweep.Row> rows = new WeightBitsSweep().run(network, preset, net.quantiser(), durationMs,
                    net.seed(), fromBits, toBits, tauSteps, task ? PatternClassificationTask.Settings.defaults() : null);
            ObjectNode o = Json.object();
            o.put("command", "hw compare");
            o.put("network", net.source());
            o.put("preset", preset.name());
            o.put("seed", net.seed());
            o.put("dtMs", net.dtMs());
            o.put("durationMs", durationMs);
            o.put("floatReference", "clock-driven engine");
            ArrayNode a = o.putArray("rows");
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s on %s, %s, dt %s%n", net.source(), preset.name(),
                    duration, net.dt));
            text.append("bits  weightRelRms  spikesFloat  spikesFixed  rateCorr  vanRossum  rateCorrStep  taskAccuracyFloat  taskAccuracyFixed\n");
            for (WeightBitsSweep.Row r : rows) {
                ObjectNode row = a.addObject();
                row.put("weightBits", r.weightBits());
                Json.put(row, "weightRelativeRmsError", r.weightRelativeRmsError());
                row.set("agreement", agreement(r.agreement()));
                row.set("quantisationAgreement", agreement(r.quantisationAgreement()));
                Json.put(row, "taskAccuracyFloat", r.taskFloat());
                Json.put(row, "taskAccuracyFixed", r.taskFixed());
                text.append(String.format(Locale.ROOT, "%4d  %12.4f  %11d  %11d  %8.4f  %9.4f  %12.4f  %11.4f  %11.4f%n",
                        r.weightBits(), r.weightRelativeRmsError(), r.agreement().spikesA(), r.agreement().spikesB(),
                        r.agreement().rateCorrelation(), r.agreement().vanRossum(), r.quantisationAgreement().rateCorrelation(),
                        r.taskFloat(), r.taskFixed()));
            }
            print(spec, common, o, text.toString());
            return 0;
        }

        private static ObjectNode agreement(SpikeAgreement g) {
            ObjectNode o = Json.object();
            o.put("spikesFloat", g.spikesA());
            o.put("spikesFixed", g.spikesB());
            Json.put(o, "rateCorrelation", g.rateCorrelation());
            Json.put(o, "vanRossum", g.vanRossum());
            Json.put(o, "tauSteps", g.tauSteps());
            return o;
        }
    }

    @Command(name = "budget", mixinStandardHelpOptions = true,
            description = "Cores, energy per inference and latency of a network and of its pruned version on a preset.")
    static final class BudgetCommand implements Callable<Integer> {
        @Mixin
        NetworkOptions net = new NetworkOptions();
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;
        @Option(names = "--prune", defaultValue = "lnp", description = "Pruning strategy (default: ${DEFAULT-VALUE}).")
        String prune;
        @Option(names = "--density", defaultValue = "0.3", description = "Fraction of synapses kept (default: ${DEFAULT-VALUE}).")
        double density;
        @Option(names = "--duration", defaultValue = "500ms", description = "One inference: the emulated run (default: ${DEFAULT-VALUE}).")
        String duration;

        @Override
        public Integer call() {
            HardwarePreset preset = preset(net.preset);
            double durationMs = Durations.millis("--duration", duration);
            steps(durationMs, net.dtMs());
            PruningHardwareBudget.Result r = new PruningHardwareBudget().compare(net.network(), prune, density, preset,
                    net.quantiser(), durationMs, net.seed());
            ObjectNode o = Json.object();
            o.put("command", "hw budget");
            o.put("network", net.source());
            o.put("preset", preset.name());
            o.put("seed", net.seed());
            o.put("dtMs", net.dtMs());
            o.put("inferenceMs", durationMs);
            o.put("strategy", prune);
            Json.put(o, "density", density);
            Json.put(o, "pruningWallSeconds", r.pruningWallSeconds());
            o.set("dense", row(r.dense()));
            o.set("pruned", row(r.pruned()));
            Json.put(o, "coreRatio", r.coreRatio());
            Json.put(o, "energyRatio", r.energyRatio());
            Json.put(o, "latencyRatio", r.latencyRatio());
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s on %s, inference %s at dt %s, %s to density %s (%.1f s)%n",
                    net.source(), preset.name(), duration, net.dt, prune, density, r.pruningWallSeconds()));
            text.append("version          neurons  synapses  cores  synapseKbit  spikes  energy_uJ  latency_ms  rateCorr\n");
            for (BudgetComparison.Row b : List.of(r.dense(), r.pruned())) {
                text.append(String.format(Locale.ROOT, "%-15s  %7d  %8d  %5d  %11.1f  %6d  %9.4f  %10.4f  %8.3f%n", b.label(),
                        b.neurons(), b.synapses(), b.cores(), b.synapseBits() / 1000.0, b.spikes(), b.energyPerInferenceUj(),
                        b.latencyPerInferenceMs(), b.rateCorrelation()));
            }
            text.append(String.format(Locale.ROOT, "pruned / dense: cores %.3f, energy %.3f, latency %.3f",
                    r.coreRatio(), r.energyRatio(), r.latencyRatio()));
            print(spec, common, o, text.toString());
            return 0;
        }

        private static ObjectNode row(BudgetComparison.Row b) {
            ObjectNode o = JSON.valueToTree(b);
            return o;
        }
    }

    @Command(name = "learn", mixinStandardHelpOptions = true,
            description = {"On-chip learning emulation on evidence accumulation: the float rule against fixed-point traces,",
                "weights and accumulators (widths and rounding from the preset's onChipLearning), same seed and budget;",
                "test error and the learning budget (trace memory, synaptic updates, energy and time per step)."})
    static final class LearnCommand implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Spec
        CommandSpec spec;
        @Option(names = "--preset", defaultValue = "loihi1", description = "Preset with an onChipLearning section (default: ${DEFAULT-VALUE}).")
        String preset;
        @Option(names = "--rule", defaultValue = "e-prop", description = "e-prop or snap-1 (default: ${DEFAULT-VALUE}).")
        String rule;
        @Option(names = "--trace-bits", defaultValue = "16,12,8,7", split = ",", description = "Trace widths to sweep (default: ${DEFAULT-VALUE}).")
        int[] traceBits;
        @Option(names = "--weight-bits", description = "Weight width (default: the preset's onChipLearning.weightBits).")
        Integer weightBits;
        @Option(names = "--weight-headroom", defaultValue = "2", description = "Weight range / largest initial weight (default: ${DEFAULT-VALUE}).")
        double weightHeadroom;
        @Option(names = "--accumulator-bits", description = "Accumulator width (default: the preset's).")
        Integer accumulatorBits;
        @Option(names = "--eps-a-headroom", paramLabel = "K",
                description = "Integer bits of the adaptation eligibility trace eps_a: range +-2^K, K < trace bits "
                        + "(default: 3, as the other traces; --setup paper needs 7, or 6 with 7-bit traces: docs/hardware.md).")
        Integer epsAHeadroom;
        @Option(names = "--rounding", description = "stochastic or nearest (default: the preset's stochasticRounding).")
        String rounding;
        @Option(names = "--epoch", defaultValue = "63", description = "Learning epoch: steps between weight updates (default: ${DEFAULT-VALUE}).")
        int epoch;
        @Option(names = "--trials", defaultValue = "300", description = "Training trials per configuration, one after another (default: ${DEFAULT-VALUE}).")
        int trials;
        @Option(names = "--test-trials", defaultValue = "200", description = "Test trials (default: ${DEFAULT-VALUE}).")
        int testTrials;
        @Option(names = "--setup", defaultValue = "paper",
                description = "Evidence-accumulation setup (model, task, regularisation, readout rates): paper (the e-prop paper's: "
                        + "7 cues, 1050 ms delay, cue bias 0.7) or ours (hrsnn learn's earlier one) (default: ${DEFAULT-VALUE}).")
        String setup;
        @Option(names = "--optimizer", defaultValue = "adam", description = "sgd or adam (default: ${DEFAULT-VALUE}).")
        String optimizer;
        @Option(names = "--lr", description = "Learning rate (default: the setup's, 0.005).")
        Double learningRate;
        @Option(names = "--lr-decay-every", defaultValue = "0", description = "Multiply the learning rate by --lr-decay every this many trials (default: ${DEFAULT-VALUE}, never).")
        int lrDecayEvery;
        @Option(names = "--lr-decay", defaultValue = "1.0", description = "Learning-rate factor of the schedule (default: ${DEFAULT-VALUE}).")
        double lrDecay;
        @Option(names = "--cues", description = "Cues per trial, odd (default: the setup's, 7).")
        Integer cues;
        @Option(names = "--delay", description = "Delay before the recall cue (default: the setup's, 1050ms for paper).")
        String delay;
        @Option(names = "--in-scale", description = "Initial input weight scale (default: the setup's).")
        Double inScale;
        @Option(names = "--reg", description = "Firing-rate regularisation strength (default: the setup's).")
        Double reg;
        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--no-float", description = "Skip the float reference row.")
        boolean noFloat;
        @Option(names = "--out", paramLabel = "DIR",
                description = "Also write report.json (the --json object), training-error.csv (per block of trials) and "
                        + "learning-curves.png/.svg into DIR (all or nothing).")
        Path out;
        @Option(names = "--forward", defaultValue = "fixed",
                description = "Forward pass of the fixed-point rows: fixed (the chip's integer neuron, default) or float "
                        + "(the learning module's float model with the dequantised weights; needed for weights wider than the chip's).")
        String forward;

        @Override
        public Integer call() {
            HardwarePreset p = preset(preset);
            OnChipLearningSweep.Settings s = new OnChipLearningSweep.Settings();
            s.variant = switch (rule) {
                case "e-prop" -> FixedPointEprop.Variant.EPROP;
                case "snap-1" -> FixedPointEprop.Variant.SNAP1;
                default -> throw new InvalidInputException("--rule", rule, "e-prop or snap-1");
            };
            s.traceBits = traceBits;
            s.weightBits = weightBits;
            s.accumulatorBits = accumulatorBits;
            s.adaptationHeadroomBits = epsAHeadroom;
            s.weightHeadroom = weightHeadroom;
            if (rounding != null) {
                if (!rounding.equals("stochastic") && !rounding.equals("nearest")) {
                    throw new InvalidInputException("--rounding", rounding, "stochastic or nearest");
                }
                s.stochasticRounding = rounding.equals("stochastic");
            }
            s.epochSteps = epoch;
            s.trials = trials;
            s.testTrials = testTrials;
            s.optimizer = optimizer;
            EvidenceSetup e = EvidenceSetup.preset(setup);
            if (learningRate != null) {
                e.lr = learningRate;
            }
            e.lrDecayEvery = lrDecayEvery;
            e.lrDecay = lrDecay;
            if (cues != null) {
                e.cues = cues;
            }
            if (delay != null) {
                e.delayMs = Durations.millis("--delay", delay);
            }
            if (inScale != null) {
                e.inScale = inScale;
            }
            if (reg != null) {
                e.rateReg = reg;
            }
            s.setup = e;
            s.seed = seed;
            s.includeFloat = !noFloat;
            if (!forward.equals("fixed") && !forward.equals("float")) {
                throw new InvalidInputException("--forward", forward, "fixed or float");
            }
            s.fixedForward = forward.equals("fixed");
            // An unusable --out fails now, not after the training.
            OutputFolder folder = out == null ? null : OutputFolder.open(out);
            try {
                return learn(p, s, e, folder);
            } finally {
                if (folder != null) {
                    folder.close();
                }
            }
        }

        private int learn(HardwarePreset p, OnChipLearningSweep.Settings s, EvidenceSetup e, OutputFolder folder) {
            PrintWriter stderr = spec.commandLine().getErr();
            ProgressBar bar = new ProgressBar(stderr, ProgressBar.wanted(common.quiet), "hw learn");
            int rowsTotal = traceBits.length + (noFloat ? 0 : 1);
            bar.startCount(rowsTotal * trials, "trials");
            s.onTrial = (row, done) -> bar.onProgress((double) row * trials + done);
            OnChipLearningSweep.Result r = new OnChipLearningSweep().run(p, s);
            bar.finish(rowsTotal * trials);
            int block = Math.max(1, trials / 50);
            ObjectNode o = Json.object();
            o.put("command", "hw learn");
            o.put("preset", p.name());
            o.put("task", "evidence-accumulation");
            o.put("setup", e.preset);
            o.put("cues", e.cues);
            Json.put(o, "delayMs", e.delayMs);
            Json.put(o, "cueBias", e.cueBias);
            o.put("stepsPerTrial", r.stepsPerTrial());
            o.put("rule", rule);
            o.put("forward", forward);
            o.put("optimizer", optimizer);
            Json.put(o, "learningRate", e.lr);
            o.put("lrDecayEvery", e.lrDecayEvery);
            Json.put(o, "lrDecay", e.lrDecay);
            Json.put(o, "rateRegularization", e.rateReg);
            o.put("epochSteps", epoch);
            o.put("trainingTrials", r.trainingTrials());
            o.put("testTrials", testTrials);
            o.put("seed", seed);
            Json.put(o, "weightHeadroom", weightHeadroom);
            o.put("epsAHeadroomBits", epsAHeadroom == null ? LearningFormat.TRACE_HEADROOM_BITS : epsAHeadroom);
            o.put("curveBlockTrials", block);
            ArrayNode a = o.putArray("rows");
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%s on %s: evidence accumulation (setup %s, %d cues, delay %.0f ms, %d steps/trial), %s trials %d, test %d, %s lr %s"
                            + " (x %s every %d trials), epoch %d, seed %d%n",
                    rule, p.name(), e.preset, e.cues, e.delayMs, r.stepsPerTrial(), "training", r.trainingTrials(), testTrials,
                    optimizer, e.lr, e.lrDecay, e.lrDecayEvery, epoch, seed));
            text.append("config                        testErr trainErr100  rateHz  traceSat  weightSat  traceKiB  accKiB  bits/syn  updates/step  nJ/step  us/step  seconds\n");
            for (OnChipLearningSweep.Row row : r.rows()) {
                ObjectNode j = a.addObject();
                j.put("label", row.label());
                j.put("traceBits", row.traceBits());
                j.put("weightBits", row.weightBits());
                j.put("accumulatorBits", row.accumulatorBits());
                j.put("stochasticRounding", row.stochasticRounding());
                Json.put(j, "testError", row.testError());
                Json.put(j, "trainErrorLast100", row.trainErrorLast100());
                Json.put(j, "trainLossLast100", row.trainLossLast100());
                ArrayNode curve = j.putArray("trainErrorPerBlock");
                for (int b0 = 0; b0 + block <= row.errorCurve().length; b0 += block) {
                    double sum = 0;
                    for (int i = b0; i < b0 + block; i++) {
                        sum += row.errorCurve()[i];
                    }
                    curve.add(sum / block);
                }
                Json.put(j, "meanRateHz", row.meanRateHz());
                j.put("traceSaturations", row.traceSaturations());
                j.put("weightSaturations", row.weightSaturations());
                Json.put(j, "seconds", row.seconds());
                LearningBudget b = row.budget();
                String budgetText = "         -       -         -             -        -        -";
                if (b != null) {
                    ObjectNode bj = j.putObject("budget");
                    bj.put("parameters", b.parameters());
                    bj.put("perNeuronTraces", b.perNeuronTraces());
                    bj.put("perSynapseTraces", b.perSynapseTraces());
                    bj.put("traceMemoryBits", b.traceMemoryBits());
                    bj.put("accumulatorMemoryBits", b.accumulatorMemoryBits());
                    bj.put("learningMemoryBytes", b.learningMemoryBytes());
                    bj.put("bitsPerNeuron", b.bitsPerNeuron());
                    Json.put(bj, "bitsPerSynapse", b.bitsPerSynapse());
                    Json.put(bj, "synapticUpdatesPerStep", b.updatesPerStep());
                    if (p.costs() != null) {
                        Json.put(bj, "energyPerStepPj", b.energyPerStepPj(p.costs()));
                        Json.put(bj, "timePerStepNs", b.timePerStepNs(p.costs()));
                    }
                    budgetText = String.format(Locale.ROOT, "  %8.2f  %6.2f  %8.2f  %12.1f  %7.2f  %7.2f", b.traceMemoryBits() / 8192.0,
                            b.accumulatorMemoryBits() / 8192.0, b.bitsPerSynapse(), b.updatesPerStep(),
                            p.costs() == null ? Double.NaN : b.energyPerStepPj(p.costs()) / 1000,
                            p.costs() == null ? Double.NaN : b.timePerStepNs(p.costs()) / 1000);
                }
                text.append(String.format(Locale.ROOT, "%-28s  %7.3f  %10.3f  %6.1f  %8d  %9d%s  %7.0f%n", row.label(), row.testError(),
                        row.trainErrorLast100(), row.meanRateHz(), row.traceSaturations(), row.weightSaturations(), budgetText,
                        row.seconds()));
            }
            if (folder != null) {
                writeCurves(folder, r, block, o);
                text.append("wrote ").append(folder.target()).append('\n');
            }
            print(spec, common, o, text.toString());
            return 0;
        }

        /** Training error per block of trials, one column and one line per configuration. */
        private static void writeCurves(OutputFolder folder, OnChipLearningSweep.Result r, int block, ObjectNode report) {
            List<OnChipLearningSweep.Row> rows = r.rows();
            int blocks = r.trainingTrials() / block;
            Table.Builder t = Table.builder("training error per block of " + block + " trials").column("trials");
            for (OnChipLearningSweep.Row row : rows) {
                t.column(row.label(), null, null);
            }
            double[] x = new double[blocks];
            double[][] y = new double[rows.size()][blocks];
            for (int b = 0; b < blocks; b++) {
                x[b] = (b + 1.0) * block;
                Object[] line = new Object[rows.size() + 1];
                line[0] = (b + 1) * block;
                for (int k = 0; k < rows.size(); k++) {
                    double sum = 0;
                    for (int i = b * block; i < (b + 1) * block; i++) {
                        sum += rows.get(k).errorCurve()[i];
                    }
                    y[k][b] = sum / block;
                    line[k + 1] = y[k][b];
                }
                t.row(line);
            }
            List<PlotSeries> series = new ArrayList<>();
            for (int k = 0; k < rows.size(); k++) {
                OnChipLearningSweep.Row row = rows.get(k);
                String name = row.budget() == null ? "float" : row.traceBits() + "b";
                series.add(PlotSeries.of(String.format(Locale.ROOT, "%s: %.3f", name, row.testError()), x, y[k]));
            }
            try {
                report.put("outDir", folder.target().toString());
                writeJson(folder.file("report.json"), report);
                Tables.writeCsv(t.build(), folder.file("training-error.csv"));
                Path png = folder.file("learning-curves.png");
                folder.file("learning-curves.svg");
                Plots.write(Plots.lines("training error per block of " + block + " trials (legend: traces, test error)",
                        "training trials", "training error", series, false), png.getParent(), "learning-curves");
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            folder.commit();
        }
    }
}
