package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
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
        assertEquals(0, NirCommand.execute("export", "--network", "small-het", "--n", "40", "--seed", "2",
                "--out", nir.toString()));
        Path out = dir.resolve("imported");
        assertEquals(0, NirCommand.execute("import", nir.toString(), "--out", out.toString()));
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
    void aFileThatIsNotNirGivesTheMessageAndExitCode2() throws Exception {
        Path bad = dir.resolve("bad.nir");
        Files.writeString(bad, "not an HDF5 file");
        String[] err = new String[1];
        int code = withStderr(() -> NirCommand.execute("import", bad.toString()), err);
        assertEquals(2, code);
        assertTrue(err[0].contains("bad.nir"), err[0]);
        int missing = withStderr(() -> NirCommand.execute("import", dir.resolve("none.nir").toString()), err);
        assertEquals(2, missing);
        assertTrue(err[0].contains("none.nir"), err[0]);
    }

    @Test
    void crosscheckRejectsBadOptionsAndNamesAMissingBrian2() {
        String[] err = new String[1];
        assertEquals(2, withStderr(() -> CrosscheckCommand.execute("brian2", "--duration", "soon"), err));
        assertTrue(err[0].contains("--duration"), err[0]);
        assertEquals(2, withStderr(() -> CrosscheckCommand.execute("brian2", "--network", "nope"), err));
        assertTrue(err[0].contains("cuba, cubahet, small-het"), err[0]);
        assertEquals(3, withStderr(() -> CrosscheckCommand.execute("brian2", "--network", "small-het", "--n", "10",
                "--duration", "10ms", "--python", "/nonexistent/python3"), err));
        assertTrue(err[0].contains("Brian2 is not installed: apt-get install -y python3-brian g++"), err[0]);
    }

    @Test
    void durationsAcceptSecondsAndMilliseconds() {
        assertEquals(1000.0, CrosscheckCommand.parseMs("d", "1s"));
        assertEquals(250.0, CrosscheckCommand.parseMs("d", "250ms"));
        assertEquals(40.0, CrosscheckCommand.parseMs("d", "40"));
    }

    private static int withStderr(Supplier<Integer> run, String[] captured) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return run.get();
        } finally {
            System.setErr(old);
            captured[0] = buf.toString(StandardCharsets.UTF_8);
        }
    }
}
