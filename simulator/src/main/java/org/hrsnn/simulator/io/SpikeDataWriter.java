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
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.monitor.StateRecorder;
import org.hrsnn.simulator.monitor.StateVariable;
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
 * metadata lines (skipped as comments by NumPy, pandas with {@code comment="#"} and
 * {@link SpikeFiles#readCsv}), then one row per spike: {@code time_s,neuron,population}, the
 * rows of {@link org.hrsnn.simulator.monitor.SpikeFileWriter}'s CSV. States (from a
 * {@link StateRecorder}): one row per sample and neuron, {@code time_s,neuron,population} then
 * one column per recorded variable among {@code v_V,i_e_A,i_i_A,adaptation}.
 *
 * <p>HDF5 (datasets only): {@code spikes/times} (s), {@code spikes/neurons}, {@code spikes/population}
 * (index into {@code populations/name}), {@code spikes/count}; {@code populations/name|start|size};
 * {@code states/times} (s), {@code states/neurons}, {@code states/v} (V), {@code states/i_e} and
 * {@code states/i_i} (A), {@code states/adaptation} (samples x neurons, the recorded ones); {@code metadata/seed},
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

    /** The spikes of a {@link SpikeRecorder} as CSV. */
    public static void writeSpikesCsv(Path file, SpikeRecorder spikes, Network net, RunMetadata m) {
        writeSpikesCsv(file, spikes.neurons(), spikes.times(), net, m);
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

    /** Column name in SI units and the divisor from hrsnn units (mV, nA) for a state variable. */
    private static String siColumn(StateVariable v) {
        switch (v) {
            case MEMBRANE_POTENTIAL:
                return "v_V";
            case EXCITATORY_CURRENT:
                return "i_e_A";
            case INHIBITORY_CURRENT:
                return "i_i_A";
            default:
                return "adaptation";
        }
    }

    private static String hdf5Name(StateVariable v) {
        switch (v) {
            case MEMBRANE_POTENTIAL:
                return "v";
            case EXCITATORY_CURRENT:
                return "i_e";
            case INHIBITORY_CURRENT:
                return "i_i";
            default:
                return "adaptation";
        }
    }

    private static double siDivisor(StateVariable v) {
        switch (v) {
            case MEMBRANE_POTENTIAL:
                return 1e3;
            case EXCITATORY_CURRENT:
            case INHIBITORY_CURRENT:
                return 1e9;
            default:
                return 1;
        }
    }

    /** The variables a recorder holds, in {@link StateVariable} order. */
    private static StateVariable[] recorded(StateRecorder s) {
        return java.util.Arrays.stream(StateVariable.values()).filter(v -> {
            try {
                s.values(v);
                return true;
            } catch (InvalidInputException notRecorded) {
                return false;
            }
        }).toArray(StateVariable[]::new);
    }

    /** Sampled states as CSV, one row per sample and recorded neuron, in SI units. */
    public static void writeStatesCsv(Path file, StateRecorder s, Network net, RunMetadata m) {
        int[] ids = s.neurons();
        int[] pop = populationIndex(net, ids);
        double[] t = s.times();
        StateVariable[] vars = recorded(s);
        double[][] vals = new double[vars.length][];
        StringBuilder header = new StringBuilder("time_s,neuron,population");
        for (int v = 0; v < vars.length; v++) {
            vals[v] = s.values(vars[v]);
            header.append(',').append(siColumn(vars[v]));
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header + "\n");
            metadataLines(w, m, net);
            for (int j = 0; j < t.length; j++) {
                for (int k = 0; k < ids.length; k++) {
                    StringBuilder row = new StringBuilder();
                    row.append(t[j] / 1e3).append(',').append(ids[k]).append(',')
                            .append(csvName(net.populations().get(pop[k]).name()));
                    for (int v = 0; v < vars.length; v++) {
                        row.append(',').append(vals[v][j * ids.length + k] / siDivisor(vars[v]));
                    }
                    w.write(row.append('\n').toString());
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
    public static void writeHdf5(Path file, int[] neurons, double[] timesMs, StateRecorder states, Network net, RunMetadata m) {
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

    private static void writeStates(WritableGroup g, StateRecorder s) {
        int samples = s.samples();
        g.putDataset("count", (long) samples);
        if (samples == 0) {
            return;
        }
        int k = s.neurons().length;
        double[] t = s.times();
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
        for (StateVariable v : recorded(s)) {
            g.putDataset(hdf5Name(v), matrix(s.values(v), samples, k, siDivisor(v)));
        }
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
