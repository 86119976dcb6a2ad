package org.hrsnn.simulator.io.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads hrsnn's NIR exports with h5py (Debian python3-h5py at /usr/bin/python3), repeating the reads
 * of nir.read. Slow and optional: runs with -Pslow, skipped when h5py is missing.
 */
@Tag("slow")
class NirPythonReadTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    private static boolean h5pyAvailable() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import h5py").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void check(Network net, NirExporter.Options options) throws Exception {
        Path f = dir.resolve("export.nir");
        NirExporter.write(net, f, options);
        Path script = NirConformanceTest.resource("check_nir_layout.py");
        Process p = new ProcessBuilder(PYTHON, script.toString(), f.toString(), Integer.toString(net.size()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void h5pyReadsCubaAndTwoFilterExportsLikeNirRead() throws Exception {
        assumeTrue(h5pyAvailable(), "python3 with h5py not installed");
        check(NirTestNetworks.singleTau(3), NirExporter.Options.defaults());
        check(NirTestNetworks.twoTaus(5), NirExporter.Options.defaults());
        check(NirTestNetworks.twoTaus(5), NirExporter.Options.defaults().withMaxDenseEntries(10));
        assumeTrue(Files.exists(dir.resolve("export.nir")));
    }
}
