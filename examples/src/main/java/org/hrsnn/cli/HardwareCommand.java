package org.hrsnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.hrsnn.hardware.HardwarePipeline;
import org.hrsnn.hardware.compare.WeightBitsSweep;
import org.hrsnn.hardware.emulator.BitExactEmulator;
import org.hrsnn.hardware.emulator.EmulatorResult;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointNetworkJson;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.network.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hrsnn hw}: quantise and map a network onto a hardware preset, run a mapped network
 * bit-exactly, compare float and fixed point as weight bits shrink. Self-contained and not yet
 * registered in {@link HrsnnMain} (the CLI owner wires it in); until a network configuration
 * reader exists the float network is the CUBA benchmark ({@code --neurons}, {@code --het}).
 *
 * <pre>
 * hw map     --preset loihi1 --neurons 4000 --het --dt 0.1 --duration 1000 --out DIR [--json]
 * hw run     --network DIR/network.json --steps 10000 [--inputs inputs.csv] --out spikes.csv [--json]
 * hw compare --preset loihi1 --neurons 1000 --het --dt 0.1 --duration 1000 --from-bits 8 --to-bits 2 [--json]
 * </pre>
 * Bad input prints the message (naming field, value and what is allowed) and exits with code 2;
 * nothing is written when the network does not fit.
 */
@Command(name = "hw", mixinStandardHelpOptions = true, description = "Fixed-point hardware: map, run, compare.",
        subcommands = {HardwareCommand.MapCommand.class, HardwareCommand.RunCommand.class, HardwareCommand.CompareCommand.class})
public final class HardwareCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command; InvalidInputException becomes exit code 2 with its message. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new HardwareCommand());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof InvalidInputException) {
                line.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** The float network and how to quantise it. */
    static class NetworkOptions {
        @Option(names = "--preset", defaultValue = "loihi1", description = "loihi1, xylo, custom or a YAML file")
        String preset;
        @Option(names = "--neurons", defaultValue = "1000", description = "CUBA network size")
        int neurons;
        @Option(names = "--het", description = "CUBAhet: per-neuron time constants in [0.9, 1.1] x nominal")
        boolean heterogeneous;
        @Option(names = "--seed", defaultValue = "1")
        long seed;
        @Option(names = "--dt", defaultValue = "0.1", description = "ms per hardware step")
        double dt;
        @Option(names = "--weight-bits", defaultValue = "0", description = "0 = the preset's width")
        int weightBits;
        @Option(names = "--prototypes", defaultValue = "0", description = "0 = the preset's prototypes per core")
        int prototypes;
        @Option(names = "--refractory", negatable = true, description = "map refractory periods (default: preset)")
        Boolean refractory;
        @Option(names = "--synaptic-tau", defaultValue = "EXCITATORY",
                description = "tau of the single hardware current: ${COMPLETION-CANDIDATES}")
        QuantiserOptions.SynapticTau synapticTau;

        Network network() {
            if (neurons < 2) {
                throw new InvalidInputException("--neurons", neurons, "an integer >= 2");
            }
            return Cuba.network(neurons, seed, heterogeneous);
        }

        QuantiserOptions quantiser() {
            return QuantiserOptions.defaults(dt).withWeightBits(weightBits).withMaxPrototypes(prototypes).withRefractory(refractory)
                    .withSynapticTau(synapticTau);
        }
    }

    @Command(name = "map", mixinStandardHelpOptions = true,
            description = "Quantise, map, emulate and budget; write network.json, spikes.csv and report.json.")
    static final class MapCommand implements Callable<Integer> {
        @CommandLine.Mixin
        NetworkOptions net = new NetworkOptions();
        @Option(names = "--duration", defaultValue = "1000", description = "ms of emulation for the budget")
        double duration;
        @Option(names = "--out", required = true, description = "output folder")
        Path out;
        @Option(names = "--json", description = "print the summary as JSON")
        boolean json;

        @Override
        public Integer call() throws IOException {
            HardwarePreset preset = HardwarePresets.load(net.preset);
            HardwarePipeline.Result r = new HardwarePipeline().run(net.network(), preset, net.quantiser(), duration, net.seed);
            ObjectNode report = JSON.createObjectNode();
            report.put("preset", preset.name());
            report.set("quantisation", JSON.valueToTree(r.quantised().report()));
            report.set("mapping", JSON.valueToTree(r.mapping().report()));
            report.set("agreement", JSON.valueToTree(r.agreement()));
            if (r.budget() != null) {
                ObjectNode b = JSON.valueToTree(r.budget());
                b.put("energyPerInferencePj", r.budget().energyPerInferencePj());
                b.put("latencyPerInferenceNs", r.budget().latencyPerInferenceNs());
                report.set("budget", b);
            }
            Files.createDirectories(out);
            FixedPointNetworkJson.write(r.network(), out.resolve("network.json"));
            FixedPointNetworkJson.writeSpikes(r.emulated().spikes(), out.resolve("spikes.csv"));
            FixedPointNetworkJson.writeAtomically(out.resolve("report.json"), w -> JSON.writeValue(w, report));
            if (json) {
                System.out.println(JSON.writeValueAsString(report));
            } else {
                System.out.printf("%s: %d neurons on %d cores, %d prototypes, weight error %.4f, rate correlation %.3f%n",
                        preset.name(), r.network().size, r.mapping().report().coresUsed(), r.quantised().report().prototypes(),
                        r.quantised().report().weightRelativeRmsError(), r.agreement().rateCorrelation());
                if (r.budget() != null) {
                    System.out.printf("energy per inference %.4g uJ, latency %.4g ms (%d steps)%n",
                            r.budget().energyPerInferencePj() * 1e-6, r.budget().latencyPerInferenceNs() * 1e-6, r.budget().steps());
                }
                r.quantised().report().issues().forEach(System.out::println);
                System.out.println("wrote " + out.resolve("network.json") + ", spikes.csv, report.json");
            }
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a network.json bit-exactly; write spikes as CSV.")
    static final class RunCommand implements Callable<Integer> {
        @Option(names = "--network", required = true, description = "a fixed-point network JSON file")
        Path network;
        @Option(names = "--steps", required = true)
        int steps;
        @Option(names = "--inputs", description = "CSV with header group,step,channel (group: input index)")
        Path inputs;
        @Option(names = "--out", required = true, description = "spike CSV (step,neuron)")
        Path out;
        @Option(names = "--json", description = "print the summary as JSON")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (steps <= 0) {
                throw new InvalidInputException("--steps", steps, "an integer > 0");
            }
            FixedPointNetwork net = FixedPointNetworkJson.read(network);
            SpikeRaster[] in = readInputs(net, inputs, steps);
            EmulatorResult r = new BitExactEmulator().run(net, in, steps);
            FixedPointNetworkJson.writeSpikes(r.spikes(), out);
            ObjectNode s = JSON.createObjectNode();
            s.put("neurons", net.size).put("steps", steps).put("spikes", r.spikes().size())
                    .put("synapticOps", r.synapticOps()).put("out", out.toString());
            System.out.println(json ? JSON.writeValueAsString(s) : net.size + " neurons, " + steps + " steps, "
                    + r.spikes().size() + " spikes -> " + out);
            return 0;
        }
    }

    /** Reads input spikes "group,step,channel" into one raster per input group (duplicates count once). */
    static SpikeRaster[] readInputs(FixedPointNetwork net, Path file, int steps) throws IOException {
        int groups = net.inputs.size();
        List<List<long[]>> spikes = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            spikes.add(new ArrayList<>());
        }
        if (file != null) {
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
            description = "Float vs fixed-point spike agreement as weight bits go down.")
    static final class CompareCommand implements Callable<Integer> {
        @CommandLine.Mixin
        NetworkOptions net = new NetworkOptions();
        @Option(names = "--duration", defaultValue = "1000", description = "ms")
        double duration;
        @Option(names = "--from-bits", defaultValue = "8")
        int fromBits;
        @Option(names = "--to-bits", defaultValue = "2")
        int toBits;
        @Option(names = "--tau-steps", defaultValue = "10", description = "van Rossum time constant, steps")
        double tauSteps;
        @Option(names = "--json", description = "print the table as JSON")
        boolean json;

        @Override
        public Integer call() throws IOException {
            HardwarePreset preset = HardwarePresets.load(net.preset);
            if (toBits < preset.synapse().minWeightBits() || fromBits > preset.synapse().weightBits() || toBits > fromBits) {
                throw new InvalidInputException("--from-bits/--to-bits", fromBits + ".." + toBits,
                        "from >= to within [" + preset.synapse().minWeightBits() + ", " + preset.synapse().weightBits() + "]");
            }
            List<WeightBitsSweep.Row> rows = new WeightBitsSweep().run(net.network(), preset, net.quantiser(), duration,
                    net.seed, fromBits, toBits, tauSteps);
            if (json) {
                ArrayNode a = JSON.createArrayNode();
                rows.forEach(r -> a.add(JSON.valueToTree(r)));
                System.out.println(JSON.writeValueAsString(a));
            } else {
                System.out.println("bits  weightRelRms  spikesFloat  spikesFixed  rateCorr  vanRossum");
                for (WeightBitsSweep.Row r : rows) {
                    System.out.printf("%4d  %12.4f  %11d  %11d  %8.4f  %9.4f%n", r.weightBits(), r.weightRelativeRmsError(),
                            r.agreement().spikesA(), r.agreement().spikesB(), r.agreement().rateCorrelation(),
                            r.agreement().vanRossum());
                }
            }
            return 0;
        }
    }
}
