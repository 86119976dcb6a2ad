package org.hrsnn.simulator.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.Population;

/**
 * Writes recorded spikes and sampled states as CSV and HDF5 in SI units (s, V, A), with the
 * neuron ids, population names and run metadata, so that NumPy and h5py users load them in one line:
 * <pre>
 * spikes = np.genfromtxt("spikes.csv", delimiter=",", names=True, dtype=None, encoding="utf-8")
 * times = h5py.File("spikes.h5")["spikes/times"][()]
 * </pre>
 * CSV: the header line comes first (so {@code names=True} finds it), then {@code # key=value}
 * metadata lines (skipped as comments), then one row per spike: {@code time_s,neuron,population}.
 * States: one row per sample and neuron: {@code time_s,neuron,population,v_V,i_e_A,i_i_A,adaptation}.
 *
 * <p>HDF5 (datasets only): {@code spikes/times} (s), {@code spikes/neurons}, {@code spikes/population}
 * (index into {@code populations/name}), {@code spikes/count}; {@code populations/name|start|size};
 * {@code states/times} (s), {@code states/neurons}, {@code states/v} (V), {@code states/i_e} and
 * {@code states/i_i} (A), {@code states/adaptation} (samples x neurons); {@code metadata/seed},
 * {@code engine}, {@code dt} (s, NaN if none), {@code duration} (s), {@code version},
 * {@code neurons}. jHDF cannot write empty datasets, so a run without spikes has
 * {@code spikes/count} = 0 and no {@code spikes/times}; likewise for states.
 */
public final class SpikeDataWriter {
    private SpikeDataWriter() {
    }

    private static int[] populationIndex(Network net, int[] neurons) {
        int[] out = new int[neurons.length];
        List<Population> pops = net.populations();
        for (int k = 0; k < neurons.length; k++) {
            int i = neurons[k];
            if (i < 0 || i >= net.size()) {
                throw new InvalidInputException("spikes.neuron[" + k + "]", i, "a neuron index in [0, " + net.size() + ")");
            }
            int p = 0;
            while (!pops.get(p).contains(i)) {
                p++;
            }
            out[k] = p;
        }
        return out;
    }

    private static void checkLengths(int[] neurons, double[] timesMs) {
        if (neurons.length != timesMs.length) {
            throw new InvalidInputException("spikes.times.length", timesMs.length,
                    "the number of spike neuron ids (" + neurons.length + ")");
        }
    }

    private static void metadataLines(BufferedWriter w, RunMetadata m, Network net) throws IOException {
        w.write("# hrsnn=" + m.version() + "\n");
        w.write("# engine=" + m.engine() + "\n");
        w.write("# seed=" + m.seed() + "\n");
        w.write("# dt_s=" + m.dtMs() / 1e3 + "\n");
        w.write("# duration_s=" + m.durationMs() / 1e3 + "\n");
        w.write("# neurons=" + net.size() + "\n");
        StringBuilder b = new StringBuilder("# populations=");
        for (Population p : net.populations()) {
            b.append(p.name()).append(':').append(p.start()).append('+').append(p.size()).append(' ');
        }
        w.write(b.toString().trim() + "\n");
    }

    /** Spikes as CSV: {@code time_s,neuron,population}. */
    public static void writeSpikesCsv(Path file, int[] neurons, double[] timesMs, Network net, RunMetadata m) {
        checkLengths(neurons, timesMs);
        int[] pop = populationIndex(net, neurons);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time_s,neuron,population\n");
            metadataLines(w, m, net);
            for (int k = 0; k < neurons.length; k++) {
                w.write(Double.toString(timesMs[k] / 1e3));
                w.write(',');
                w.write(Integer.toString(neurons[k]));
                w.write(',');
                w.write(csvName(net.populations().get(pop[k]).name()));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Sampled states as CSV, one row per sample and neuron. */
    public static void writeStatesCsv(Path file, StateSampler s, Network net, RunMetadata m) {
        int[] ids = s.neurons();
        int[] pop = populationIndex(net, ids);
        double[] t = s.timesMs();
        double[] v = s.membranePotentialMv();
        double[] ie = s.excitatoryCurrentNa();
        double[] ii = s.inhibitoryCurrentNa();
        double[] a = s.adaptation();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time_s,neuron,population,v_V,i_e_A,i_i_A,adaptation\n");
            metadataLines(w, m, net);
            for (int j = 0; j < t.length; j++) {
                for (int k = 0; k < ids.length; k++) {
                    int x = j * ids.length + k;
                    w.write(t[j] / 1e3 + "," + ids[k] + "," + csvName(net.populations().get(pop[k]).name()) + ","
                            + v[x] / 1e3 + "," + ie[x] / 1e9 + "," + ii[x] / 1e9 + "," + a[x] + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String csvName(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Spikes (and optionally states, may be null) as one HDF5 file. */
    public static void writeHdf5(Path file, int[] neurons, double[] timesMs, StateSampler states, Network net, RunMetadata m) {
        checkLengths(neurons, timesMs);
        int[] pop = populationIndex(net, neurons);
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup sp = f.putGroup("spikes");
            sp.putDataset("count", (long) neurons.length);
            if (neurons.length > 0) {
                double[] ts = new double[timesMs.length];
                long[] ids = new long[neurons.length];
                long[] pp = new long[neurons.length];
                for (int k = 0; k < ts.length; k++) {
                    ts[k] = timesMs[k] / 1e3;
                    ids[k] = neurons[k];
                    pp[k] = pop[k];
                }
                sp.putDataset("times", ts);
                sp.putDataset("neurons", ids);
                sp.putDataset("population", pp);
            }
            List<Population> pops = net.populations();
            String[] names = new String[pops.size()];
            long[] start = new long[pops.size()];
            long[] size = new long[pops.size()];
            for (int k = 0; k < names.length; k++) {
                names[k] = pops.get(k).name();
                start[k] = pops.get(k).start();
                size[k] = pops.get(k).size();
            }
            WritableGroup pg = f.putGroup("populations");
            pg.putDataset("name", names);
            pg.putDataset("start", start);
            pg.putDataset("size", size);
            if (states != null) {
                writeStates(f.putGroup("states"), states);
            }
            WritableGroup mg = f.putGroup("metadata");
            mg.putDataset("seed", m.seed());
            mg.putDataset("engine", m.engine());
            mg.putDataset("dt", m.dtMs() / 1e3);
            mg.putDataset("duration", m.durationMs() / 1e3);
            mg.putDataset("version", m.version());
            mg.putDataset("neurons", (long) net.size());
            mg.putDataset("units", "time s, potential V, current A");
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new InvalidInputException(file + ": cannot write HDF5 (" + e.getMessage() + ")", e);
        }
    }

    private static void writeStates(WritableGroup g, StateSampler s) {
        int samples = s.samples();
        g.putDataset("count", (long) samples);
        if (samples == 0) {
            return;
        }
        int k = s.neurons().length;
        double[] t = s.timesMs();
        double[] ts = new double[samples];
        for (int j = 0; j < samples; j++) {
            ts[j] = t[j] / 1e3;
        }
        long[] ids = new long[k];
        for (int j = 0; j < k; j++) {
            ids[j] = s.neurons()[j];
        }
        g.putDataset("times", ts);
        g.putDataset("neurons", ids);
        g.putDataset("v", matrix(s.membranePotentialMv(), samples, k, 1e3));
        g.putDataset("i_e", matrix(s.excitatoryCurrentNa(), samples, k, 1e9));
        g.putDataset("i_i", matrix(s.inhibitoryCurrentNa(), samples, k, 1e9));
        g.putDataset("adaptation", matrix(s.adaptation(), samples, k, 1));
    }

    private static double[][] matrix(double[] flat, int rows, int cols, double divisor) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = flat[r * cols + c] / divisor;
            }
        }
        return m;
    }
}
