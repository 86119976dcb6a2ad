package org.hrsnn.simulator.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.io.SpikeFiles;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.PopulationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpikeFileWriterTest {
    private final FakeEngine engine = new FakeEngine(60, 15, 20, 1500, 8);

    @TempDir
    Path dir;

    private int[] neuronsInOrder() {
        return Arrays.stream(engine.order).map(engine.spikes::channelOf).toArray();
    }

    private double[] timesInOrder() {
        return Arrays.stream(engine.order).mapToDouble(k -> engine.spikes.times[k]).toArray();
    }

    @Test
    void binaryRoundTripsBitForBit() {
        Path target = dir.resolve("spikes.bin");
        SpikeFileWriter w = SpikeFileWriter.binary(target);
        engine.run(w);
        SpikeFiles.Spikes s = SpikeFiles.readBinary(target);
        assertEquals(engine.spikes.size(), s.size());
        assertArrayEquals(neuronsInOrder(), s.neurons());
        assertArrayEquals(timesInOrder(), s.timesMs());
        assertEquals(1500, s.endTimeMs());
        for (int k = 0; k < s.size(); k++) {
            assertEquals(s.neurons()[k] < 60 ? "exc" : "inh", s.populations()[k]);
        }
        // 8 magic + 3 ints + 2 populations (12 bytes + name) + 12 per spike + 20 trailer.
        try {
            assertEquals(8 + 12 + (12 + 3) * 2 + 12L * s.size() + 20, Files.size(target));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void csvRoundTripsWithTimesInSeconds() throws IOException {
        Path target = dir.resolve("spikes.csv");
        engine.run(SpikeFileWriter.csv(target));
        try (Stream<String> lines = Files.lines(target)) {
            String[] all = lines.limit(2).toArray(String[]::new);
            assertEquals("time_s,neuron,population", all[0]);
            String[] f = all[1].split(",");
            assertEquals(timesInOrder()[0] / 1000.0, Double.parseDouble(f[0]), 0.0, "seconds in the file");
        }
        SpikeFiles.Spikes s = SpikeFiles.readCsv(target);
        assertArrayEquals(neuronsInOrder(), s.neurons());
        double[] t = timesInOrder();
        for (int k = 0; k < t.length; k++) {
            assertEquals(t[k], s.timesMs()[k], 1e-12 * Math.max(1, t[k]));
            assertEquals(s.neurons()[k] < 60 ? "exc" : "inh", s.populations()[k]);
        }
    }

    @Test
    void populationNamesWithCommasAndQuotesSurviveCsv() {
        FakeEngine odd = new FakeEngine(5, 5, 50, 200, 1);
        Path target = dir.resolve("odd.csv");
        SpikeFileWriter w = SpikeFileWriter.csv(target);
        var net = new NetworkBuilder(1)
                .add(PopulationSpec.lif("a,\"b\"", 5))
                .add(PopulationSpec.lif("plain", 5))
                .build();
        w.start(net, odd.options);
        w.onSpike(2, 1.5);
        w.onSpike(7, 2.5);
        w.finish(200);
        SpikeFiles.Spikes s = SpikeFiles.readCsv(target);
        assertArrayEquals(new String[] {"a,\"b\"", "plain"}, s.populations());
        assertArrayEquals(new int[] {2, 7}, s.neurons());
    }

    @Test
    void targetAppearsOnlyAtFinishAndTheTemporaryFileIsGone() throws IOException {
        for (SpikeFileWriter.Format format : SpikeFileWriter.Format.values()) {
            Path target = dir.resolve("run." + format);
            SpikeFileWriter w = new SpikeFileWriter(target, format);
            w.start(engine.network, engine.options);
            Path temp = w.temporaryFile();
            assertEquals(dir.toAbsolutePath(), temp.getParent(), "temporary file next to the target (same file system)");
            for (int k = 0; k < 5000; k++) { // enough to overflow the 64 KiB buffer at least once
                w.onSpike(k % 75, k * 0.1);
            }
            assertTrue(Files.exists(temp));
            assertFalse(Files.exists(target), "nothing at the target before finish");
            w.finish(600);
            assertTrue(Files.exists(target));
            assertFalse(Files.exists(temp), "temporary file moved away");
            assertNull(w.temporaryFile());
            assertEquals(5000, w.spikes());
            SpikeFiles.Spikes s = format == SpikeFileWriter.Format.CSV
                    ? SpikeFiles.readCsv(target) : SpikeFiles.readBinary(target);
            assertEquals(5000, s.size());
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
            }
        }
    }

    @Test
    void anAbandonedRunLeavesNothingOnDisk() throws IOException {
        Path target = dir.resolve("never.bin");
        try (SpikeFileWriter w = SpikeFileWriter.binary(target)) {
            w.start(engine.network, engine.options);
            w.onSpike(1, 1.0);
            assertTrue(Files.exists(w.temporaryFile()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void truncatedOrForeignBinaryFilesAreRejected() throws IOException {
        Path target = dir.resolve("spikes.bin");
        engine.run(SpikeFileWriter.binary(target));
        byte[] full = Files.readAllBytes(target);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(full, full.length - 30));
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> SpikeFiles.readBinary(cut));
        assertTrue(x.getMessage().contains("truncated"), x.getMessage());
        Path foreign = dir.resolve("foreign.bin");
        Files.write(foreign, "time_s,neuron,population\n".getBytes());
        assertThrows(InvalidInputException.class, () -> SpikeFiles.readBinary(foreign));
        Path badCsv = dir.resolve("bad.csv");
        Files.writeString(badCsv, "t,n,p\n");
        assertThrows(InvalidInputException.class, () -> SpikeFiles.readCsv(badCsv));
    }
}
