package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.io.SpikeFiles;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndDefaultConfigTest {
    @Test
    void embeddedDefaultIsTheDocumentedHrsnn() {
        NetworkConfig c = SimulationRunner.config(null);
        Network net = c.build();
        assertEquals(1000, net.size());
        assertEquals(800, net.population("exc").size());
        assertEquals(200, net.population("inh").size());
        double[] tau = Arrays.copyOfRange(net.parameters().membraneTau, 0, 800);
        double mean = Arrays.stream(tau).average().orElseThrow();
        double var = Arrays.stream(tau).map(x -> (x - mean) * (x - mean)).sum() / (tau.length - 1);
        // gamma(shape 3, scale 6.67): mean 20 ms, sd 11.6 ms; 800 draws put the mean within 4 sd/sqrt(800)
        assertEquals(20.0, mean, 4 * 11.55 / Math.sqrt(800));
        assertEquals(1 / Math.sqrt(3), Math.sqrt(var) / mean, 0.1, "coefficient of variation of a gamma with shape 3");
        assertEquals(1, net.inputs().size());
    }

    @Test
    void sameSeedSameSpikesWhateverTheThreadCountAndAnotherSeedDiffers(@TempDir Path dir) {
        SpikeFiles.Spikes a = simulate(dir.resolve("a"), "5", "1");
        SpikeFiles.Spikes b = simulate(dir.resolve("b"), "5", "2");
        SpikeFiles.Spikes c = simulate(dir.resolve("c"), "6", "1");
        assertTrue(a.size() > 0);
        assertArrayEquals(a.neurons(), b.neurons());
        assertArrayEquals(a.timesMs(), b.timesMs());
        assertFalse(Arrays.equals(a.timesMs(), c.timesMs()), "another seed gives another network and input");
    }

    private static SpikeFiles.Spikes simulate(Path out, String seed, String threads) {
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--duration", "100ms", "--seed", seed,
                "--threads", threads, "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        return SpikeFiles.readBinary(out.resolve("spikes.bin"));
    }
}
