package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrsnn.crosscheck.CrosscheckNetworks;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hrsnn nir export / import and the input checks of hrsnn crosscheck (no Python needed). */
class NirCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportThenImportSummarisesTheSameNetwork() throws Exception {
        Path nir = dir.resolve("net.nir");
        CliTestSupport.Result e = CliTestSupport.run("nir", "export", "--network", "small-het", "--n", "40", "--seed", "2",
                "--out", nir.toString());
        assertEquals(0, e.exitCode(), e.err());
        Path out = dir.resolve("imported");
        CliTestSupport.Result i = CliTestSupport.run("nir", "import", nir.toString(), "--out", out.toString());
        assertEquals(0, i.exitCode(), i.err());
        assertTrue(i.out().contains("40 neurons"), i.out());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        Network net = CrosscheckNetworks.smallHeterogeneous(40, 2, 0.1);
        assertEquals(40, s.get("neurons").asInt());
        assertEquals(net.synapses().size(), s.get("recurrent").get("synapses").asInt());
        assertEquals(net.synapses().minDelay(), s.get("recurrent").get("delay_min_ms").asDouble());
        assertEquals(net.inputs().get(0).projection().size(), s.get("inputs").get(0).get("synapses").asInt());
        double maxTau = 0;
        for (double t : net.parameters().membraneTau) {
            maxTau = Math.max(maxTau, t);
        }
        assertEquals(maxTau, s.get("parameters").get("membrane_tau_ms").get("max").asDouble());
    }

    @Test
    void exportFromAConfigurationFile() throws Exception {
        Path cfg = dir.resolve("net.yaml");
        try (InputStream in = getClass().getResourceAsStream(SimulationRunner.DEFAULT_CONFIG)) {
            // the default HRSNN at a tenth of its size (dense NIR weights grow as N^2 per delay value)
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("size: 800", "size: 80").replace("size: 200", "size: 20").replace("channels: 200", "channels: 20");
            Files.writeString(cfg, yaml);
        }
        Path nir = dir.resolve("cfg.nir");
        // the default configuration's delays are continuous: too many distinct values for NIR
        CliTestSupport.Result r = CliTestSupport.run("nir", "export", "--config", cfg.toString(), "--out", nir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("delays"), r.err());
        r = CliTestSupport.run("nir", "export", "--config", cfg.toString(), "--round-delays", "0.1ms", "--out", nir.toString());
        assertEquals(0, r.exitCode(), r.err());
        Network expected = SimulationRunner.config(cfg).build();
        CliTestSupport.Result imported = CliTestSupport.run("nir", "import", nir.toString(), "--json");
        assertEquals(0, imported.exitCode(), imported.err());
        JsonNode s = new ObjectMapper().readTree(imported.out());
        assertEquals(100, expected.size());
        assertEquals(expected.size(), s.get("neurons").asInt());
        assertEquals(expected.synapses().size(), s.get("recurrent").get("synapses").asInt());
        // rounded to the grid: 0.5 .. 2.0 ms
        assertEquals(0.5, s.get("recurrent").get("delay_min_ms").asDouble(), 1e-12);
        assertEquals(2.0, s.get("recurrent").get("delay_max_ms").asDouble(), 1e-12);
    }

    @Test
    void badFilesAndOptionsGiveTheMessageAndExitCode2() throws Exception {
        Path bad = dir.resolve("bad.nir");
        Files.writeString(bad, "not an HDF5 file");
        CliTestSupport.Result r = CliTestSupport.run("nir", "import", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bad.nir"), r.err());
        r = CliTestSupport.run("nir", "import", dir.resolve("none.nir").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("none.nir"), r.err());
        r = CliTestSupport.run("nir", "export", "--out", dir.resolve("x.nir").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--config"), r.err());
    }

    @Test
    void crosscheckRejectsBadOptionsAndNamesAMissingBrian2() {
        CliTestSupport.Result r = CliTestSupport.run("crosscheck", "brian2", "--duration", "soon");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--duration"), r.err());
        r = CliTestSupport.run("crosscheck", "brian2", "--network", "nope");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("cuba, cubahet, small-het"), r.err());
        r = CliTestSupport.run("crosscheck", "brian2", "--network", "small-het", "--n", "10", "--duration", "10ms",
                "--python", "/nonexistent/python3");
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("Brian2 is not installed: apt-get install -y python3-brian g++"), r.err());
    }
}
