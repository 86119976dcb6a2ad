package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.io.nir.NirImporter;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PruneCommandTest {
    /** 40 LIF neurons (32 E, 8 I), gamma tau_m, random recurrence, a constant drive. */
    static final String SMALL = String.join("\n",
            "seed: 5",
            "populations:",
            "  - {name: exc, size: 32, sign: excitatory, membraneTau: {type: gamma, shape: 3, scale: 6.67},",
            "     threshold: -50, resetPotential: -60, leakPotential: -60, resistance: 1, refractoryPeriod: 2,",
            "     initialPotential: {type: uniform, low: -60, high: -50}}",
            "  - {name: inh, size: 8, sign: inhibitory, membraneTau: {type: gamma, shape: 3, scale: 3.33},",
            "     threshold: -50, resetPotential: -60, leakPotential: -60, resistance: 1, refractoryPeriod: 1}",
            "connections:",
            "  - {pre: exc, post: all, rule: {type: fixedProbability, probability: 0.3},",
            "     weight: {type: lognormal, mu: 0.0, sigma: 0.5}, delay: {type: uniform, low: 0.5, high: 2.0}}",
            "  - {pre: inh, post: all, rule: {type: fixedProbability, probability: 0.3}, weight: 3.0, delay: 0.5}",
            "inputs:",
            "  - {name: bias, type: current, target: all, amplitude: 12}",
            "");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path small(Path dir) throws IOException {
        Path p = dir.resolve("small.yaml");
        Files.writeString(p, SMALL);
        return p;
    }

    @Test
    void randomPruneWritesANirFileWithExactlyTheKeptSynapses(@TempDir Path dir) throws IOException {
        Path config = small(dir);
        Network dense = NetworkConfig.load(config).build();
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("prune", "--config", config.toString(), "--strategy", "random",
                "--density", "0.4", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Network imported = NirImporter.read(out.resolve(PruneCommand.NIR)).network();
        // RandomPruning keeps exactly round(d M) synapses and no neuron is removed.
        assertEquals(Math.round(0.4 * dense.synapses().size()), imported.synapses().size());
        assertEquals(dense.size(), imported.size());
        JsonNode s = JSON.readTree(r.out());
        assertEquals(imported.synapses().size(), s.get("synapsesAfter").asInt());
        assertTrue(Files.exists(out.resolve(PruneCommand.METRICS_CSV)));
        JsonNode metrics = JSON.readTree(out.resolve(PruneCommand.METRICS_JSON).toFile());
        assertTrue(metrics.get("rows").size() > 10);
    }

    @Test
    void magnitudePruneKeepsTheLargestWeightsInTheNirFile(@TempDir Path dir) throws IOException {
        Path config = small(dir);
        Network dense = NetworkConfig.load(config).build();
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("prune", "--config", config.toString(), "--strategy", "magnitude",
                "--density", "0.25", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        Network imported = NirImporter.read(out.resolve(PruneCommand.NIR)).network();
        double[] all = Arrays.stream(dense.synapses().weight).map(Math::abs).sorted().toArray();
        int kept = (int) Math.round(0.25 * all.length);
        double[] expected = Arrays.copyOfRange(all, all.length - kept, all.length);
        double[] got = Arrays.stream(imported.synapses().weight).map(Math::abs).sorted().toArray();
        assertArrayEquals(expected, got, 1e-12);
    }

    @Test
    void compareCoversEveryStrategyDensityAndSeedWithFiniteNumbersAndDoesNotDependOnThreads(@TempDir Path dir)
            throws IOException {
        Path config = small(dir);
        Path one = dir.resolve("t1");
        Path two = dir.resolve("t2");
        String[] common = {"prune", "compare", "--config", config.toString(), "--densities", "0.5,0.2", "--seeds", "2",
            "--spiking", "--spiking-samples", "10,80,40", "--quiet"};
        CliTestSupport.Result r1 = CliTestSupport.run(concat(common, "--threads", "1", "--out", one.toString()));
        assertEquals(0, r1.exitCode(), r1.err());
        CliTestSupport.Result r2 = CliTestSupport.run(concat(common, "--threads", "2", "--out", two.toString()));
        assertEquals(0, r2.exitCode(), r2.err());

        JsonNode rows = JSON.readTree(one.resolve("runs.json").toFile()).get("rows");
        List<String> strategies = PruningStrategies.names();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode row : rows) {
            String key = row.get("strategy").asText() + "/" + row.get("targetDensity").asDouble() + "/"
                    + row.get("seed").asLong();
            seen.merge(key, 1, Integer::sum);
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("strategy")) {
                    assertTrue(e.getValue().isNumber() && Double.isFinite(e.getValue().asDouble()),
                            key + " " + e.getKey() + " = " + e.getValue());
                }
            }
        }
        for (String s : strategies) {
            for (double d : new double[] {0.5, 0.2}) {
                for (long seed : new long[] {1, 2}) {
                    assertEquals(1, seen.getOrDefault(s + "/" + d + "/" + seed, 0), s + " " + d + " " + seed);
                }
            }
        }
        assertEquals(1, seen.get("dense/1.0/1"));
        assertEquals(1, seen.get("dense/1.0/2"));
        assertEquals(strategies.size() * 2 * 2 + 2, rows.size());
        assertEquals(strategies.size() * 2 + 1, JSON.readTree(one.resolve("aggregate.json").toFile()).get("rows").size());
        for (String f : List.of("runs.csv", "aggregate.csv", "summary.json", "report.html", "nrmse-lorenz-vs-density.png",
                "lyapunov-vs-density.png", "spiking-nrmse-lorenz-vs-density.svg")) {
            assertTrue(Files.size(one.resolve(f)) > 0, f);
        }

        JsonNode rows2 = JSON.readTree(two.resolve("runs.json").toFile()).get("rows");
        assertEquals(withoutTimes(rows), withoutTimes(rows2), "results identical for 1 and 2 threads");
    }

    private static JsonNode withoutTimes(JsonNode rows) {
        JsonNode copy = rows.deepCopy();
        for (JsonNode row : copy) {
            ((ObjectNode) row).remove("seconds");
        }
        return copy;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.1", "1.5", "NaN"})
    void densityOutsideTheUnitIntervalExitsTwoAndWritesNothing(String density, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("prune", "--config", small(dir).toString(), "--density", density,
                "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--density"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownStrategyExitsTwoNamingTheFieldAndTheValidNames(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("prune", "--config", small(dir).toString(), "--strategy", "optimal-brain-damage",
                "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--strategy") && r.err().contains("lnp"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aNetworkTooSmallToPruneExitsTwo(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("one.yaml");
        Files.writeString(config, "populations:\n  - {name: p, size: 1}\n");
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("prune", "--config", config.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("network.neurons"), r.err());
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5,2", "0.5,x", "0.5,0.5"})
    void compareRejectsBadDensitiesBeforeAnyWork(String list, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("prune", "compare", "--config", small(dir).toString(),
                "--densities", list, "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--densities"), r.err());
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "5,-1", "x", "5,5", "Infinity"})
    void badSpikingFiltersExitTwoNamingTheFlag(String list, @TempDir Path dir) throws IOException {
        for (String[] cmd : new String[][] {{"prune", "--spiking"}, {"prune", "compare", "--spiking"}}) {
            Path out = dir.resolve("out-" + cmd.length);
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(cmd), java.util.stream.Stream.of(
                    "--config", small(dir).toString(), "--spiking-filters", list, "--out", out.toString()))
                    .toArray(String[]::new);
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("--spiking-filters"), r.err());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void compareRejectsAnUnknownStrategy(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("prune", "compare", "--config", small(dir).toString(),
                "--strategies", "lnp,optimal-brain-damage", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--strategies"), r.err());
        assertFalse(Files.exists(out));
    }
}
