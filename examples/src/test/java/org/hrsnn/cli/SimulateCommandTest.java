package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hrsnn.simulator.io.SpikeFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulateCommandTest {
    /**
     * Ten unconnected LIF neurons driven by a constant current: R I = 15 mV above E_L, threshold
     * 10 mV above, reset to E_L, so the interspike interval is t_ref + tau_m ln(15 / 5) =
     * 2 + 20 ln 3 = 23.97 ms; starting at E_L they spike at 21.97, 45.94, 69.92, 93.89 ms:
     * four spikes each in 100 ms.
     */
    static final String TONIC = String.join("\n",
            "seed: 3",
            "populations:",
            "  - {name: p, size: 10, membraneTau: 20, threshold: -50, resetPotential: -60, leakPotential: -60,",
            "     initialPotential: -60, refractoryPeriod: 2, resistance: 1}",
            "inputs:",
            "  - {name: bias, type: current, target: p, amplitude: 15}",
            "");

    /** tau_m ln 3: the first threshold crossing from rest. */
    static final double FIRST_SPIKE_MS = 20 * Math.log(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "clock"})
    void simulateWritesSpikesAndSummaryThatAgreeWithTheAnalyticRate(String engine, @TempDir Path dir) throws IOException {
        Path config = write(dir, "tonic.yaml", TONIC);
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--config", config.toString(), "--duration", "100ms",
                "--engine", engine, "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode s = JSON.readTree(r.out());
        assertEquals(engine, s.get("engine").asText());
        assertEquals(10, s.get("neurons").asInt());
        assertEquals(40, s.get("spikes").asLong(), "four spikes per neuron in 100 ms");
        assertEquals(40.0, s.get("meanRateHz").asDouble(), 1e-9);
        assertEquals(s, JSON.readTree(out.resolve("summary.json").toFile()), "summary.json is the printed object");

        SpikeFiles.Spikes csv = SpikeFiles.readCsv(out.resolve("spikes.csv"));
        SpikeFiles.Spikes bin = SpikeFiles.readBinary(out.resolve("spikes.bin"));
        assertEquals(40, csv.size());
        assertArrayEquals(csv.neurons(), bin.neurons());
        assertEquals(100.0, bin.endTimeMs());
        int[] perNeuron = new int[10];
        double last = 0;
        for (int k = 0; k < bin.size(); k++) {
            double t = bin.timesMs()[k];
            perNeuron[bin.neurons()[k]]++;
            assertEquals(t, csv.timesMs()[k], 1e-9, "CSV (seconds) and binary (ms) agree");
            assertTrue(t >= last, "time order");
            last = t;
            int j = perNeuron[bin.neurons()[k]] - 1;
            double expected = FIRST_SPIKE_MS + j * (FIRST_SPIKE_MS + 2);
            // exact for the event engine; the clock engine may lose up to one step per spike
            double tolerance = engine.equals("event") ? 1e-9 : (j + 1) * 0.1 + 1e-9;
            assertEquals(expected, t, tolerance, "spike " + j + " of neuron " + bin.neurons()[k]);
        }
        assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, perNeuron);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("spikes.bin", "spikes.csv", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no staging left behind");
        }
    }

    @Test
    void textSummaryNamesTheOutputFolder(@TempDir Path dir) throws IOException {
        Path config = write(dir, "tonic.json", "{\"populations\": [{\"name\": \"p\", \"size\": 2, \"leakPotential\": -60}],"
                + " \"inputs\": [{\"name\": \"b\", \"type\": \"current\", \"target\": \"p\", \"amplitude\": 15}]}");
        Path out = dir.resolve("o");
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--config", config.toString(), "--duration", "0.05s",
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out(), "--quiet prints nothing");
        CliTestSupport.Result t = CliTestSupport.run("simulate", "--config", config.toString(), "--duration", "50ms",
                "--out", out.toString());
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.out().contains(out.toAbsolutePath().normalize().toString()), t.out());
        assertTrue(t.out().contains("spikes"), t.out());
    }

    static void assertUserError(CliTestSupport.Result r, String field, Path out) throws IOException {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(field), "message names " + field + ": " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(0, s.count(), "nothing left in the output folder");
            }
        }
    }

    @Test
    void badFlagValuesExitWithCode2AndNameTheFlag(@TempDir Path dir) throws IOException {
        Path config = write(dir, "tonic.yaml", TONIC);
        Path out = dir.resolve("out");
        String c = config.toString();
        String o = out.toString();
        assertUserError(CliTestSupport.run("simulate", "--config", c, "--duration=-1s", "--out", o), "--duration", out);
        assertUserError(CliTestSupport.run("simulate", "--config", c, "--duration", "10", "--out", o), "--duration", out);
        assertUserError(CliTestSupport.run("simulate", "--config", c, "--duration", "0ms", "--out", o), "--duration", out);
        assertUserError(CliTestSupport.run("simulate", "--config", c, "--engine", "warp", "--out", o), "--engine", out);
        assertUserError(CliTestSupport.run("simulate", "--config", c, "--threads", "0", "--out", o), "--threads", out);
        assertUserError(CliTestSupport.run("simulate", "--config", c, "--dt", "-0.1ms", "--out", o), "--dt", out);
        assertUserError(CliTestSupport.run("simulate", "--config", c, "--seed", "abc", "--out", o), "--seed", out);
        assertUserError(CliTestSupport.run("simulate", "--config", c, "--frobnicate", "--out", o), "--frobnicate", out);
        assertFalse(Files.exists(out), "no output folder for a rejected command");
    }

    @Test
    void badConfigurationsExitWithCode2AndNameTheField(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        String o = out.toString();
        Path missing = dir.resolve("missing.yaml");
        assertUserError(CliTestSupport.run("simulate", "--config", missing.toString(), "--out", o), "missing.yaml", out);
        Path unknown = write(dir, "unknown.yaml", TONIC.replace("membraneTau: 20", "membraneTau: 20, colour: red"));
        assertUserError(CliTestSupport.run("simulate", "--config", unknown.toString(), "--out", o),
                "populations[0].colour", out);
        Path thresholds = write(dir, "th.yaml", TONIC.replace("resetPotential: -60", "resetPotential: -45"));
        assertUserError(CliTestSupport.run("simulate", "--config", thresholds.toString(), "--out", o),
                "populations[0].threshold", out);
        Path syntax = write(dir, "syntax.yaml", "populations: [{name: a, size: 3\n");
        assertUserError(CliTestSupport.run("simulate", "--config", syntax.toString(), "--out", o), "config", out);
        assertFalse(Files.exists(out));
    }

    @Test
    void anExistingOutputFolderKeepsItsFilesWhenARunIsRejected(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path keep = write(out, "keep.txt", "x");
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--config", dir.resolve("no.yaml").toString(),
                "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(Files.exists(keep));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(1, s.count());
        }
    }

    /** The same tonic neurons with the drive as a bias current, which NIR keeps (folded into v_leak). */
    static final String TONIC_BIAS = String.join("\n",
            "seed: 3",
            "populations:",
            "  - {name: p, size: 10, membraneTau: 20, threshold: -50, resetPotential: -60, leakPotential: -60,",
            "     initialPotential: -60, refractoryPeriod: 2, resistance: 1, biasCurrent: 15}",
            "");

    @Test
    void simulateNirRunsTheExportedNetworkWithTheSameSpikes(@TempDir Path dir) throws IOException {
        Path config = write(dir, "tonic-bias.yaml", TONIC_BIAS);
        Path nirFile = dir.resolve("net.nir");
        CliTestSupport.Result export = CliTestSupport.run("nir", "export", "--config", config.toString(),
                "--out", nirFile.toString());
        assertEquals(0, export.exitCode(), export.err());
        Path fromConfig = dir.resolve("a");
        Path fromNir = dir.resolve("b");
        assertEquals(0, CliTestSupport.run("simulate", "--config", config.toString(), "--duration", "100ms",
                "--out", fromConfig.toString(), "--quiet").exitCode());
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--nir", nirFile.toString(), "--duration", "100ms",
                "--out", fromNir.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        SpikeFiles.Spikes a = SpikeFiles.readBinary(fromConfig.resolve("spikes.bin"));
        SpikeFiles.Spikes b = SpikeFiles.readBinary(fromNir.resolve("spikes.bin"));
        assertEquals(40, a.size(), "four spikes per neuron in 100 ms");
        assertArrayEquals(a.neurons(), b.neurons());
        assertArrayEquals(a.timesMs(), b.timesMs(), "NIR round trip keeps the spikes bit for bit");
    }

    @Test
    void simulateNirRejectsABadFileAndBothSources(@TempDir Path dir) throws IOException {
        Path bad = write(dir, "bad.nir", "not hdf5");
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--nir", bad.toString(), "--duration", "10ms",
                "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bad.nir"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");
        Path config = write(dir, "tonic-bias.yaml", TONIC_BIAS);
        CliTestSupport.Result both = CliTestSupport.run("simulate", "--nir", bad.toString(), "--config", config.toString(),
                "--duration", "10ms", "--out", dir.resolve("o").toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--nir"), both.err());
    }
}
