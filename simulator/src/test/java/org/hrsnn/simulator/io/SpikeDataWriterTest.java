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
import org.hrsnn.simulator.monitor.NeuronStateView;
import org.hrsnn.simulator.monitor.StateRecorder;
import org.hrsnn.simulator.monitor.StateVariable;
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

    /** A recorder fed two samples by hand: v = -60 + i/42 + t, I_e = t + i/100, I_i = -t - i/1000. */
    private StateRecorder states() {
        StateRecorder s = new StateRecorder(new int[] {1, 42}, 0.5, StateVariable.MEMBRANE_POTENTIAL,
                StateVariable.EXCITATORY_CURRENT, StateVariable.INHIBITORY_CURRENT);
        s.start(net, SimulationOptions.of(1, 1));
        for (double t : new double[] {0.0, 0.5}) {
            s.onSample(t, new NeuronStateView() {
                @Override
                public double membranePotential(int i) {
                    return -60 + i / 42.0 + t;
                }

                @Override
                public double excitatoryCurrent(int i) {
                    return t + i / 100.0;
                }

                @Override
                public double inhibitoryCurrent(int i) {
                    return -t - i / 1000.0;
                }

                @Override
                public double adaptation(int i) {
                    return 0;
                }
            });
        }
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
    void spikeFilesReadsTheCsvBackPastTheMetadataLines() {
        Path f = dir.resolve("spikes.csv");
        SpikeDataWriter.writeSpikesCsv(f, neurons, timesMs, net, meta);
        SpikeFiles.Spikes s = SpikeFiles.readCsv(f);
        assertArrayEquals(neurons, s.neurons());
        assertArrayEquals(timesMs, s.timesMs(), 1e-12);
        assertEquals("inh", s.populations()[1]);
    }

    @Test
    void statesCsvHasOneRowPerSampleAndNeuronInSiUnits() throws Exception {
        Path f = dir.resolve("states.csv");
        SpikeDataWriter.writeStatesCsv(f, states(), net, meta);
        List<String> rows = Files.readAllLines(f).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("time_s,neuron,population,v_V,i_e_A,i_i_A", rows.get(0));
        assertEquals(5, rows.size());
        String[] c = rows.get(4).split(",");
        assertEquals(0.0005, Double.parseDouble(c[0]), 1e-18);
        assertEquals("42", c[1]);
        assertEquals("inh", c[2]);
        assertEquals((-60 + 1 + 0.5) / 1e3, Double.parseDouble(c[3]), 1e-15);
        assertEquals((0.5 + 0.42) / 1e9, Double.parseDouble(c[4]), 1e-24);
        assertEquals((-0.5 - 0.042) / 1e9, Double.parseDouble(c[5]), 1e-24);
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
            assertEquals((-60 + 1 / 42.0 + 0.5) / 1e3, v[1][0], 1e-15);
            double[][] ii = (double[][]) h.getDatasetByPath("states/i_i").getData();
            assertEquals((-0.5 - 0.042) / 1e9, ii[1][1], 1e-24);
            assertFalse(h.getChild("states") == null || ((io.jhdf.api.Group) h.getChild("states")).getChildren().containsKey("adaptation"),
                    "only recorded variables are written");
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
