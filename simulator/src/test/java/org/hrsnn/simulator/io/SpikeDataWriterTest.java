package org.hrsnn.simulator.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jhdf.HdfFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spikes and states written as CSV and HDF5 read back to the same values, in seconds and SI units. */
class SpikeDataWriterTest {
    @TempDir
    Path dir;

    private final Network net = Cuba.network(50, 1, false); // populations exc [0, 40), inh [40, 50)
    private final int[] neurons = {3, 45, 3, 0, 49};
    private final double[] timesMs = {0.1, 2.5, 7.25, 7.25, 100.0};
    private final RunMetadata meta = RunMetadata.of("event", SimulationOptions.of(150, 42).withDt(0.05));

    private StateSampler states() {
        StateSampler s = new StateSampler(new int[] {1, 42}, 0.5);
        s.add(0.0, new double[] {-60, -55}, new double[] {0, 1.5}, new double[] {0, -2}, new double[] {0, 0});
        s.add(0.5, new double[] {-59, -54}, new double[] {0.2, 1.25}, new double[] {-0.5, -1}, new double[] {0, 0.1});
        return s;
    }

    @Test
    void csvHasHeaderThenMetadataCommentsThenOneRowPerSpike() throws Exception {
        Path f = dir.resolve("spikes.csv");
        SpikeDataWriter.writeSpikesCsv(f, neurons, timesMs, net, meta);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals("time_s,neuron,population", lines.get(0));
        assertTrue(lines.contains("# seed=42"));
        assertTrue(lines.contains("# engine=event"));
        assertTrue(lines.contains("# dt_s=5.0E-5"));
        List<String> rows = lines.stream().filter(l -> !l.startsWith("#")).skip(1).toList();
        assertEquals(neurons.length, rows.size());
        for (int k = 0; k < rows.size(); k++) {
            String[] c = rows.get(k).split(",");
            assertEquals(timesMs[k] / 1000, Double.parseDouble(c[0]), 0.0);
            assertEquals(neurons[k], Integer.parseInt(c[1]));
            assertEquals(neurons[k] < 40 ? "exc" : "inh", c[2]);
        }
    }

    @Test
    void statesCsvHasOneRowPerSampleAndNeuronInSiUnits() throws Exception {
        Path f = dir.resolve("states.csv");
        SpikeDataWriter.writeStatesCsv(f, states(), net, meta);
        List<String> rows = Files.readAllLines(f).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("time_s,neuron,population,v_V,i_e_A,i_i_A,adaptation", rows.get(0));
        assertEquals(5, rows.size());
        String[] c = rows.get(4).split(",");
        assertEquals(0.0005, Double.parseDouble(c[0]), 1e-18);
        assertEquals("42", c[1]);
        assertEquals("inh", c[2]);
        assertEquals(-0.054, Double.parseDouble(c[3]), 1e-15);
        assertEquals(1.25e-9, Double.parseDouble(c[4]), 1e-24);
    }

    @Test
    void hdf5HoldsSpikesStatesPopulationsAndRunMetadata() throws Exception {
        Path f = dir.resolve("run.h5");
        SpikeDataWriter.writeHdf5(f, neurons, timesMs, states(), net, meta);
        try (HdfFile h = new HdfFile(f)) {
            double[] t = (double[]) h.getDatasetByPath("spikes/times").getData();
            for (int k = 0; k < t.length; k++) {
                assertEquals(timesMs[k] / 1000, t[k], 0.0);
            }
            assertArrayEquals(new long[] {3, 45, 3, 0, 49}, (long[]) h.getDatasetByPath("spikes/neurons").getData());
            assertArrayEquals(new long[] {0, 1, 0, 0, 1}, (long[]) h.getDatasetByPath("spikes/population").getData());
            assertArrayEquals(new String[] {"exc", "inh"}, (String[]) h.getDatasetByPath("populations/name").getData());
            assertEquals(42L, h.getDatasetByPath("metadata/seed").getData());
            assertEquals("event", h.getDatasetByPath("metadata/engine").getData());
            assertEquals(5e-5, (double) h.getDatasetByPath("metadata/dt").getData(), 1e-20);
            assertEquals(RunMetadata.HRSNN_VERSION, h.getDatasetByPath("metadata/version").getData());
            double[][] v = (double[][]) h.getDatasetByPath("states/v").getData();
            assertEquals(2, v.length);
            assertEquals(-0.059, v[1][0], 1e-15);
            double[][] ii = (double[][]) h.getDatasetByPath("states/i_i").getData();
            assertEquals(-1e-9, ii[1][1], 1e-24);
        }
    }

    @Test
    void runWithoutSpikesHasCountZero() throws Exception {
        Path f = dir.resolve("empty.h5");
        SpikeDataWriter.writeHdf5(f, new int[0], new double[0], null, net, meta);
        try (HdfFile h = new HdfFile(f)) {
            assertEquals(0L, h.getDatasetByPath("spikes/count").getData());
            assertFalse(h.getChild("spikes") == null);
        }
    }

    @Test
    void spikeOfUnknownNeuronIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SpikeDataWriter.writeSpikesCsv(dir.resolve("x.csv"), new int[] {50}, new double[] {1}, net, meta));
        assertEquals("spikes.neuron[0]", e.field());
    }

    /** NumPy/h5py users load each file in one line (optional: needs /usr/bin/python3 with numpy and h5py). */
    @Test
    @Tag("slow")
    void numpyAndH5pyLoadTheFilesInOneLine() throws Exception {
        Path csv = dir.resolve("spikes.csv");
        Path h5 = dir.resolve("run.h5");
        SpikeDataWriter.writeSpikesCsv(csv, neurons, timesMs, net, meta);
        SpikeDataWriter.writeHdf5(h5, neurons, timesMs, states(), net, meta);
        String py = "import sys, numpy as np, h5py\n"
                + "a = np.genfromtxt(sys.argv[1], delimiter=',', names=True, dtype=None, encoding='utf-8')\n"
                + "assert list(a['neuron']) == [3, 45, 3, 0, 49], a\n"
                + "assert abs(a['time_s'][1] - 0.0025) < 1e-15 and a['population'][1] == 'inh'\n"
                + "t = h5py.File(sys.argv[2])['spikes/times'][()]\n"
                + "assert t.shape == (5,) and abs(t[4] - 0.1) < 1e-15\n"
                + "assert h5py.File(sys.argv[2])['metadata/engine'][()] == b'event'\n"
                + "assert h5py.File(sys.argv[2])['states/v'].shape == (2, 2)\n";
        Process p;
        try {
            p = new ProcessBuilder("/usr/bin/python3", "-c", py, csv.toString(), h5.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no /usr/bin/python3");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        assumeTrue(!out.contains("No module named"), "numpy/h5py not installed");
        assertEquals(0, rc, out);
    }
}
