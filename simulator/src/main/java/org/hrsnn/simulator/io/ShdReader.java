package org.hrsnn.simulator.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.nio.file.Path;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.input.SpikeTrains;

/**
 * Reads spike data in the layout of the Spiking Heidelberg Digits (SHD) / Spiking Speech Commands
 * HDF5 files: {@code spikes/times} and {@code spikes/units} hold one variable-length array per
 * sample (times in seconds, usually float16; unit ids, usually uint16) and {@code labels} one
 * integer per sample. SHD has 700 input units. The whole file is loaded on open (the reference
 * files are tens of MB).
 */
public final class ShdReader {
    /** Number of input channels (cochlea model units) of SHD. */
    public static final int SHD_UNITS = 700;

    private final Path file;
    private final int channels;
    private final double[][] timesS;
    private final int[][] units;
    private final int[] labels;

    private ShdReader(Path file, int channels, double[][] timesS, int[][] units, int[] labels) {
        this.file = file;
        this.channels = channels;
        this.timesS = timesS;
        this.units = units;
        this.labels = labels;
    }

    /** Reads an SHD-layout file with {@link #SHD_UNITS} channels. */
    public static ShdReader read(Path file) {
        return read(file, SHD_UNITS);
    }

    /** Reads an SHD-layout file whose unit ids lie in [0, channels). */
    public static ShdReader read(Path file, int channels) {
        Check.positive("channels", channels);
        try (HdfFile f = Hdf5.open(file)) {
            Object[] t = perSample(Hdf5.dataset(f, file, "spikes/times", "one variable-length array of spike times (s) per sample"), file);
            Object[] u = perSample(Hdf5.dataset(f, file, "spikes/units", "one variable-length array of unit ids per sample"), file);
            double[] lab = Hdf5.numbers(f, file, "labels", "one integer label per sample");
            if (u.length != t.length || lab.length != t.length) {
                throw new InvalidInputException(file + ": 'spikes/times' has " + t.length + " samples, 'spikes/units' "
                        + u.length + ", 'labels' " + lab.length + "; expected the same number of samples in all three");
            }
            double[][] times = new double[t.length][];
            int[][] ids = new int[t.length][];
            int[] labels = new int[t.length];
            for (int s = 0; s < t.length; s++) {
                times[s] = toDoubles(t[s]);
                double[] uu = toDoubles(u[s]);
                if (uu.length != times[s].length) {
                    throw new InvalidInputException(file + ": sample " + s + " has " + times[s].length
                            + " entries in 'spikes/times' but " + uu.length + " in 'spikes/units'; expected equal lengths");
                }
                ids[s] = new int[uu.length];
                for (int k = 0; k < uu.length; k++) {
                    double x = uu[k];
                    if (!(x >= 0 && x < channels) || x != Math.rint(x)) {
                        throw new InvalidInputException(file + ": 'spikes/units' sample " + s + " entry " + k + " = " + x
                                + "; expected an integer unit id in [0, " + channels + ")");
                    }
                    ids[s][k] = (int) x;
                    double tt = times[s][k];
                    if (!(tt >= 0) || Double.isInfinite(tt)) {
                        throw new InvalidInputException(file + ": 'spikes/times' sample " + s + " entry " + k + " = " + tt
                                + "; expected a finite time >= 0 s");
                    }
                }
                if (lab[s] != Math.rint(lab[s])) {
                    throw new InvalidInputException(file + ": 'labels'[" + s + "] = " + lab[s] + "; expected an integer");
                }
                labels[s] = (int) lab[s];
            }
            return new ShdReader(file, channels, times, ids, labels);
        }
    }

    private static Object[] perSample(Dataset d, Path file) {
        int[] dims = d.getDimensions();
        Object data = d.isEmpty() ? new Object[0] : d.getData();
        if (dims.length != 1 || !(data instanceof Object[] arr) || (arr.length > 0 && !arr[0].getClass().isArray())) {
            throw new InvalidInputException(file + ": dataset '" + d.getPath() + "' has shape "
                    + java.util.Arrays.toString(dims) + " and type " + d.getJavaType().getSimpleName()
                    + "; expected a 1-D dataset of variable-length numeric arrays (one per sample)");
        }
        return arr;
    }

    private static double[] toDoubles(Object array) {
        int n = Array.getLength(array);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = ((Number) Array.get(array, k)).doubleValue();
        }
        return out;
    }

    public Path file() {
        return file;
    }

    public int channels() {
        return channels;
    }

    public int samples() {
        return labels.length;
    }

    public int label(int sample) {
        return labels[sample];
    }

    /** Spike times of sample {@code sample} in seconds, as stored (file order). */
    public double[] timesSeconds(int sample) {
        return timesS[sample].clone();
    }

    public int[] units(int sample) {
        return units[sample].clone();
    }

    /** Sample {@code sample} as spike trains (ms), one channel per unit. */
    public SpikeTrains trains(int sample) {
        double[] t = timesS[sample];
        double[] ms = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            ms[k] = t[k] * 1e3;
        }
        return SpikeTrainsBuilder.build(channels, units[sample], ms, ms.length);
    }

    /** Sample {@code sample} as an input source for a network. */
    public SpikeTimesSource source(int sample) {
        return new SpikeTimesSource(trains(sample), file.getFileName() + " sample " + sample + " (label " + labels[sample] + ")");
    }
}
