package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hrsnn.hardware.HardwarePipeline;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointNetworkJson;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.config.NetworkConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareCommandTest {
    /** 100 heterogeneous LIF neurons driven by 40 Poisson channels: maps onto one Loihi core. */
    static final String SMALL = """
            seed: 3
            populations:
              - {name: exc, size: 80, model: LIF, sign: excitatory, membraneTau: {type: uniform, low: 10, high: 30},
                 excitatoryTau: 5, inhibitoryTau: 10, threshold: -50, resetPotential: -60, leakPotential: -60,
                 resistance: 1, refractoryPeriod: 2, initialPotential: {type: uniform, low: -60, high: -50}}
              - {name: inh, size: 20, model: LIF, sign: inhibitory, membraneTau: 10, excitatoryTau: 5, inhibitoryTau: 10,
                 threshold: -50, resetPotential: -60, leakPotential: -60, resistance: 1, refractoryPeriod: 1}
            connections:
              - {pre: exc, post: all, rule: {type: fixedProbability, probability: 0.1}, weight: 1.0, delay: 1}
              - {pre: inh, post: all, rule: {type: fixedProbability, probability: 0.1}, weight: 3.0, delay: 1}
            inputs:
              - {name: drive, type: poisson, channels: 40, rateHz: 20, target: all,
                 rule: {type: fixedProbability, probability: 0.2}, weight: 10.0, delay: 0}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Spike CSV "step,neuron" as a raster. */
    private static SpikeRaster readSpikes(Path csv, int steps, int neurons) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        boolean[][] d = new boolean[steps][neurons];
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            d[Integer.parseInt(f[0])][Integer.parseInt(f[1])] = true;
        }
        return SpikeRaster.fromDense(d, neurons);
    }

    @Test
    void mapWritesJsonThatRoundTripsAndRunReproducesTheInMemoryEmulator() throws Exception {
        Path cfg = config("small.yaml", SMALL);
        Path out = dir.resolve("mapped");
        CliTestSupport.Result map = CliTestSupport.run("hw", "map", "--config", cfg.toString(), "--preset", "loihi",
                "--dt", "0.5ms", "--duration", "200ms", "--out", out.toString(), "--json");
        assertEquals(0, map.exitCode(), map.err());
        JsonNode report = JSON.readTree(map.out());
        assertEquals("loihi1", report.get("preset").asText(), "loihi is an alias of loihi1");
        assertEquals(400, report.get("steps").asInt());

        // the JSON file reads back into the same network, which writes back to the same JSON
        JsonNode file = JSON.readTree(out.resolve("network.json").toFile());
        FixedPointNetwork net = FixedPointNetworkJson.read(out.resolve("network.json"));
        assertEquals(file, FixedPointNetworkJson.toJson(net));
        assertEquals(100, net.size);
        assertTrue(net.mapped());

        // the same float network through the pipeline in memory gives the same integers and spikes
        NetworkConfig c = NetworkConfig.load(cfg);
        HardwarePipeline.Result mem = new HardwarePipeline().run(c.build(), HardwarePresets.loihi1(),
                QuantiserOptions.defaults(0.5), 200, c.seed());
        assertEquals(FixedPointNetworkJson.toJson(mem.network()), file);
        SpikeRaster expected = mem.emulated().spikes();
        assertTrue(expected.size() > 20, "the network is active: " + expected.size() + " spikes");

        Path again = dir.resolve("again");
        CliTestSupport.Result run = CliTestSupport.run("hw", "run", "--network", out.resolve("network.json").toString(),
                "--inputs", out.resolve("inputs.csv").toString(), "--steps", "400", "--out", again.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expected.size(), JSON.readTree(run.out()).get("spikes").asInt());
        SpikeRaster got = readSpikes(again.resolve("spikes.csv"), 400, 100);
        assertArrayEquals(expected.stepStart, got.stepStart);
        assertArrayEquals(expected.unit, got.unit);
        assertArrayEquals(Files.readAllBytes(out.resolve("spikes.csv")), Files.readAllBytes(again.resolve("spikes.csv")));

        // without the inputs the emulator sees only the recurrent network: fewer spikes
        CliTestSupport.Result silent = CliTestSupport.run("hw", "run", "--network", out.resolve("network.json").toString(),
                "--steps", "400", "--out", dir.resolve("silent").toString(), "--json");
        assertEquals(0, silent.exitCode(), silent.err());
        assertTrue(JSON.readTree(silent.out()).get("spikes").asInt() < expected.size());
    }

    /**
     * A second reading of docs/hardware.md: runs network.json with nothing but the JSON tree and the
     * documented step rules (no hrsnn class), so the file is runnable by another program.
     */
    @SuppressWarnings("unchecked")
    static List<String> runFromDocumentation(JsonNode net, Path inputsCsv, int steps) throws Exception {
        JsonNode nf = net.get("neuronFormat");
        JsonNode neurons = net.get("neurons");
        int n = neurons.get("count").asInt();
        int stateBits = nf.get("stateBits").asInt();
        boolean wrap = nf.get("currentOverflow").asText().equals("wrap");
        boolean multiply = nf.get("decayMode").asText().equals("multiply");
        int decayBits = nf.get("decayBits").asInt();
        int w = net.get("synapseFormat").get("weightBits").asInt();
        long max = (1L << (stateBits - 1)) - 1;
        long[] u = new long[n];
        long[] v = new long[n];
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = neurons.get("initialV").get(i).asLong();
        }
        int groups = net.get("inputs").size();
        List<List<Integer>>[] input = new List[groups];
        for (int g = 0; g < groups; g++) {
            input[g] = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                input[g].add(new ArrayList<>());
            }
        }
        List<String> lines = Files.readAllLines(inputsCsv);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            input[Integer.parseInt(f[0])].get(Integer.parseInt(f[1])).add(Integer.parseInt(f[2]));
        }
        List<String> out = new ArrayList<>();
        List<Integer> previous = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            long[] aIn = new long[n];
            for (JsonNode p : net.get("projections")) {
                int source = p.get("source").asInt();
                List<Integer> spiked = source < 0 ? previous : (t == 0 ? List.of() : input[source].get(t - 1));
                boolean mixed = p.get("signMode").asText().equals("mixed");
                int k = w - p.get("numWeightBits").asInt() + (mixed ? 1 : 0);
                long[] sum = new long[n];
                for (int j : spiked) {
                    for (int q = p.get("rowStart").get(j).asInt(); q < p.get("rowStart").get(j + 1).asInt(); q++) {
                        long weight = p.get("weight").get(q).asLong();
                        long truncated = mixed ? (weight >> k) << k : Long.signum(weight) * ((Math.abs(weight) >> k) << k);
                        sum[p.get("target").get(q).asInt()] += truncated;
                    }
                }
                int e = p.get("weightExponent").asInt();
                for (int i = 0; i < n; i++) {
                    aIn[i] += e >= 0 ? sum[i] << e : sum[i] >> -e;
                }
            }
            List<Integer> now = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int du = neurons.get("du").get(i).asInt() + nf.get("currentDecayOffset").asInt();
                long x = decay(u[i], du, multiply, decayBits) + (aIn[i] << nf.get("activationShift").asInt());
                long m = 1L << stateBits;
                u[i] = wrap ? (Math.floorMod(x, m) > m / 2 ? Math.floorMod(x, m) - m : Math.floorMod(x, m))
                        : Math.max(-max, Math.min(max, x));
                if (count[i] > 0) {
                    count[i]--;
                    v[i] = 0;
                    continue;
                }
                long bias = neurons.get("biasMantissa").get(i).asLong() << neurons.get("biasExponent").get(i).asInt();
                long vi = Math.max(-max, Math.min(max, decay(v[i], neurons.get("dv").get(i).asInt(), multiply, decayBits) + u[i] + bias));
                if (vi > neurons.get("vth").get(i).asLong() << nf.get("thresholdShift").asInt()) {
                    vi = 0;
                    count[i] = neurons.get("refractorySteps").get(i).asInt();
                    now.add(i);
                    out.add(t + "," + i);
                }
                v[i] = vi;
            }
            previous = now;
        }
        return out;
    }

    private static long decay(long x, int d, boolean multiply, int bits) {
        long magnitude = multiply ? (Math.abs(x) * ((1L << bits) - d)) >> bits : Math.abs(x) - (Math.abs(x) >> d);
        return x < 0 ? -magnitude : magnitude;
    }

    @Test
    void theDocumentedRulesRunNetworkJsonToTheSameSpikes() throws Exception {
        Path cfg = config("small.yaml", SMALL);
        Path out = dir.resolve("mapped");
        assertEquals(0, CliTestSupport.run("hw", "map", "--config", cfg.toString(), "--refractory", "--dt", "0.5ms",
                "--duration", "100ms", "--out", out.toString(), "--quiet").exitCode());
        JsonNode net = JSON.readTree(out.resolve("network.json").toFile());
        List<String> expected = Files.readAllLines(out.resolve("spikes.csv"));
        List<String> got = runFromDocumentation(net, out.resolve("inputs.csv"), 200);
        assertTrue(got.size() > 10, "active: " + got.size());
        assertEquals(expected.subList(1, expected.size()), got);
    }

    @Test
    void compareReportsFiniteAgreementAndTaskAccuracyForEveryBitWidth() throws Exception {
        Path cfg = config("small.yaml", SMALL);
        CliTestSupport.Result r = CliTestSupport.run("hw", "compare", "--config", cfg.toString(), "--dt", "0.5ms",
                "--duration", "1000ms", "--from-bits", "8", "--to-bits", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = JSON.readTree(r.out()).get("rows");
        assertEquals(7, rows.size());
        for (int k = 0; k < rows.size(); k++) {
            JsonNode row = rows.get(k);
            assertEquals(8 - k, row.get("weightBits").asInt());
            List<JsonNode> numbers = new ArrayList<>(List.of(row.get("weightRelativeRmsError"), row.get("taskAccuracyFloat"),
                    row.get("taskAccuracyFixed")));
            for (String a : List.of("agreement", "quantisationAgreement")) {
                numbers.add(row.get(a).get("rateCorrelation"));
                numbers.add(row.get(a).get("vanRossum"));
            }
            for (JsonNode x : numbers) {
                assertTrue(x != null && x.isNumber() && Double.isFinite(x.asDouble()), "row " + row);
            }
            double acc = row.get("taskAccuracyFixed").asDouble();
            assertTrue(acc >= 0 && acc <= 1, row.toString());
        }
        // fewer bits, larger weight error
        assertTrue(rows.get(6).get("weightRelativeRmsError").asDouble() > rows.get(0).get("weightRelativeRmsError").asDouble());
    }

    @Test
    void aNetworkTooLargeForTheChipExitsWithTwoNamesWhatDoesNotFitAndWritesNothing() throws Exception {
        Path cfg = config("big.yaml", SMALL.replace("size: 80", "size: 1100"));
        Path out = dir.resolve("bad");
        CliTestSupport.Result r = CliTestSupport.run("hw", "map", "--config", cfg.toString(), "--preset", "xylo",
                "--dt", "1ms", "--duration", "50ms", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("too many cores"), r.err());
        assertTrue(r.err().contains("1120 neurons"), r.err());
        assertTrue(r.err().contains("too many input channels"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFanInOverACustomPresetsLimitIsReportedPerNeuron() throws Exception {
        Path cfg = config("small.yaml", SMALL);
        String loihi;
        try (var in = HardwarePresets.class.getResourceAsStream("/org/hrsnn/hardware/presets/loihi1.yaml")) {
            loihi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String tiny = loihi.replaceAll("inputAxonsPerCore: *\\d+", "inputAxonsPerCore: 5");
        assertTrue(tiny.contains("inputAxonsPerCore: 5"));
        Path preset = config("tiny.yaml", tiny);
        Path out = dir.resolve("tiny");
        CliTestSupport.Result r = CliTestSupport.run("hw", "map", "--config", cfg.toString(), "--preset", preset.toString(),
                "--dt", "0.5ms", "--duration", "50ms", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("fan-in over the limit at neuron "), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aWeightTooLargeForTheChipIsNamedWithItsProjectionAndSynapse() throws Exception {
        Path cfg = config("heavy.yaml", SMALL.replace("weight: 10.0, delay: 0", "weight: 100000.0, delay: 0"));
        Path out = dir.resolve("heavy");
        CliTestSupport.Result r = CliTestSupport.run("hw", "map", "--config", cfg.toString(), "--dt", "0.5ms",
                "--duration", "50ms", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("weight not representable at projection 'input:drive->"), r.err());
        assertTrue(r.err().contains("weight 100000.0 nA"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badFlagsExitWithTwoAndNameTheFlag() throws Exception {
        CliTestSupport.Result bits = CliTestSupport.run("hw", "compare", "--preset", "loihi1", "--from-bits", "9");
        assertEquals(2, bits.exitCode());
        assertTrue(bits.err().contains("--from-bits"), bits.err());
        CliTestSupport.Result preset = CliTestSupport.run("hw", "map", "--preset", "loihi9", "--out", dir.resolve("x").toString());
        assertEquals(2, preset.exitCode());
        assertTrue(preset.err().contains("preset"), preset.err());
        assertFalse(Files.exists(dir.resolve("x")));
        Path missing = dir.resolve("none.json");
        CliTestSupport.Result run = CliTestSupport.run("hw", "run", "--network", missing.toString(), "--steps", "10",
                "--out", dir.resolve("y").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("none.json"), run.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing written");
        }
    }

    @Test
    void budgetComparesTheNetworkWithItsPrunedVersion() throws Exception {
        Path cfg = config("small.yaml", SMALL);
        // magnitude pruning keeps the test fast; the documented figures use lnp
        CliTestSupport.Result r = CliTestSupport.run("hw", "budget", "--config", cfg.toString(), "--prune", "magnitude",
                "--density", "0.3", "--dt", "0.5ms", "--duration", "200ms", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        JsonNode dense = o.get("dense");
        JsonNode pruned = o.get("pruned");
        // synapses count the input projection too, which pruning leaves alone
        assertTrue(pruned.get("synapses").asLong() < dense.get("synapses").asLong(), o.toString());
        for (JsonNode b : List.of(dense, pruned)) {
            assertTrue(b.get("cores").asInt() >= 1);
            assertTrue(b.get("energyPerInferenceUj").asDouble() > 0);
            assertTrue(b.get("latencyPerInferenceMs").asDouble() > 0);
        }
        assertTrue(pruned.get("synapseBits").asLong() < dense.get("synapseBits").asLong());
    }

    @Test
    void learnReportsEveryTraceWidthWithItsBudget() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("hw", "learn", "--trace-bits", "16,7", "--trials", "2", "--test-trials", "2",
                "--cues", "1", "--delay", "10ms", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        JsonNode rows = o.get("rows");
        assertEquals(3, rows.size(), "float + two widths");
        assertEquals("e-prop float", rows.get(0).get("label").asText());
        assertTrue(rows.get(0).get("budget") == null);
        for (int k = 1; k < 3; k++) {
            JsonNode b = rows.get(k).get("budget");
            int bits = rows.get(k).get("traceBits").asInt();
            long traces = b.get("perNeuronTraces").asLong() + b.get("perSynapseTraces").asLong();
            assertEquals(traces * bits, b.get("traceMemoryBits").asLong());
            assertEquals(b.get("synapticUpdatesPerStep").asDouble() * 120, b.get("energyPerStepPj").asDouble(), 1e-6);
            double err = rows.get(k).get("testError").asDouble();
            assertTrue(err >= 0 && err <= 1);
        }
        assertEquals(16, rows.get(1).get("traceBits").asInt());
        assertEquals(7, rows.get(2).get("traceBits").asInt());
        assertEquals("paper", o.get("setup").asText());
        assertEquals(0.7, o.get("cueBias").asDouble());
        for (JsonNode row : rows) {
            assertEquals(2, row.get("trainErrorPerBlock").size(), "2 trials in blocks of 1");
        }
        // --out: the report, the per-block training error of every row and the plot, all or nothing
        Path out = dir.resolve("learn-out");
        CliTestSupport.Result written = CliTestSupport.run("hw", "learn", "--trace-bits", "7", "--trials", "4", "--test-trials", "1",
                "--cues", "1", "--delay", "10ms", "--quiet", "--out", out.toString());
        assertEquals(0, written.exitCode(), written.err());
        List<String> csv = Files.readAllLines(out.resolve("training-error.csv"));
        assertEquals(1 + 4, csv.size(), "header + 4 blocks of 1 trial: " + csv);
        assertTrue(csv.get(0).contains("e-prop float") && csv.get(0).contains("7b"), csv.get(0));
        assertTrue(Files.size(out.resolve("learning-curves.png")) > 0);
        assertTrue(Files.size(out.resolve("learning-curves.svg")) > 0);
        assertEquals("hw learn", JSON.readTree(out.resolve("report.json").toFile()).get("command").asText());
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        CliTestSupport.Result notFolder = CliTestSupport.run("hw", "learn", "--trials", "1", "--out", file.toString());
        assertEquals(2, notFolder.exitCode());
        assertTrue(notFolder.err().contains("--out"), notFolder.err());
        CliTestSupport.Result bad = CliTestSupport.run("hw", "learn", "--setup", "nengo", "--trials", "1");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("preset") && bad.err().contains("nengo"), bad.err());
        bad = CliTestSupport.run("hw", "learn", "--preset", "xylo", "--trials", "1");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("onChipLearning"), bad.err());
        bad = CliTestSupport.run("hw", "learn", "--epoch", "64", "--trials", "1");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("epochSteps"), bad.err());
        // the integer forward pass (default) runs the chip's weight format: 32-bit weights need --forward float
        assertEquals("fixed", o.get("forward").asText());
        bad = CliTestSupport.run("hw", "learn", "--weight-bits", "32", "--trials", "1");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("weightBits"), bad.err());
        bad = CliTestSupport.run("hw", "learn", "--forward", "analog", "--trials", "1");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--forward"), bad.err());
    }
}
