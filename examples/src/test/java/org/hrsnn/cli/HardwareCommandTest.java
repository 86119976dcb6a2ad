package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareCommandTest {
    @TempDir
    Path dir;

    @Test
    void mapWritesARunnableNetworkAndRunReproducesItsSpikes() throws Exception {
        Path out = dir.resolve("hw");
        assertEquals(0, HardwareCommand.execute("map", "--preset", "loihi1", "--neurons", "400", "--het", "--dt", "0.5",
                "--duration", "200", "--out", out.toString()));
        assertTrue(Files.exists(out.resolve("network.json")));
        assertTrue(Files.exists(out.resolve("report.json")));
        Path again = dir.resolve("again.csv");
        assertEquals(0, HardwareCommand.execute("run", "--network", out.resolve("network.json").toString(), "--steps", "400",
                "--out", again.toString()));
        assertArrayEquals(Files.readAllBytes(out.resolve("spikes.csv")), Files.readAllBytes(again));
    }

    @Test
    void aNetworkThatDoesNotFitExitsWithTwoAndWritesNothing() {
        Path out = dir.resolve("bad");
        assertEquals(2, HardwareCommand.execute("map", "--preset", "xylo", "--neurons", "1200", "--dt", "1",
                "--duration", "50", "--out", out.toString()));
        assertFalse(Files.exists(out));
        assertEquals(2, HardwareCommand.execute("compare", "--preset", "loihi1", "--from-bits", "9"));
    }
}
