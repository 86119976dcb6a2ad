package org.hrsnn.simulator.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Map;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.SpikeTrains;

/**
 * Reads event-camera data, (x, y, t, p) per event, into spike trains. In a file the events are
 * either a compound dataset with fields x, y, t, p (the structured-array layout of tonic and
 * h5py), an (N, 4) numeric array with columns x, y, t, p, or a group holding 1-D datasets
 * x, y, t, p. Timestamps are integers or reals in {@code timeUnitSeconds} (1e-6 for microsecond
 * cameras); times are made relative to the first event. Channel of an event: with
 * {@code splitPolarity}, {@code 2 (y width + x) + (p > 0 ? 1 : 0)} (OFF, ON per pixel), else
 * {@code y width + x}.
 */
public final class EventCameraReader {
    /** The sensor geometry and how to turn events into channels. */
    public record Layout(int width, int height, double timeUnitSeconds, boolean splitPolarity) {
        public Layout {
            Check.positive("width", width);
            Check.positive("height", height);
            Check.positive("timeUnit", timeUnitSeconds);
        }

        public int channels() {
            return width * height * (splitPolarity ? 2 : 1);
        }
    }

    private EventCameraReader() {
    }

    /** Events from arrays (e.g. already in memory); {@code source} names them in error messages. */
    public static SpikeTrains fromArrays(double[] x, double[] y, double[] t, double[] p, Layout layout, String source) {
        int n = x.length;
        if (y.length != n || t.length != n || p.length != n) {
            throw new InvalidInputException(source + ": x, y, t, p have lengths " + n + ", " + y.length + ", " + t.length
                    + ", " + p.length + "; expected one entry per event in each");
        }
        double t0 = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(t[k])) {
                throw new InvalidInputException(source + ": t[" + k + "] = " + t[k] + "; expected a finite timestamp");
            }
            t0 = Math.min(t0, t[k]);
        }
        int[] ch = new int[n];
        double[] ms = new double[n];
        for (int k = 0; k < n; k++) {
            if (!(x[k] >= 0 && x[k] < layout.width()) || x[k] != Math.rint(x[k])) {
                throw new InvalidInputException(source + ": x[" + k + "] = " + x[k] + "; expected an integer in [0, "
                        + layout.width() + ")");
            }
            if (!(y[k] >= 0 && y[k] < layout.height()) || y[k] != Math.rint(y[k])) {
                throw new InvalidInputException(source + ": y[" + k + "] = " + y[k] + "; expected an integer in [0, "
                        + layout.height() + ")");
            }
            if (!(p[k] == 0 || p[k] == 1 || p[k] == -1)) {
                throw new InvalidInputException(source + ": p[" + k + "] = " + p[k] + "; expected a polarity 0, 1 or -1");
            }
            int pixel = (int) y[k] * layout.width() + (int) x[k];
            ch[k] = layout.splitPolarity() ? 2 * pixel + (p[k] > 0 ? 1 : 0) : pixel;
            ms[k] = (t[k] - t0) * layout.timeUnitSeconds() * 1e3;
        }
        return SpikeTrainsBuilder.build(layout.channels(), ch, ms, n);
    }

    /** Events of dataset or group {@code path} in an HDF5 file (see the class comment for the layouts). */
    public static SpikeTrains read(Path file, String path, Layout layout) {
        try (HdfFile f = Hdf5.open(file)) {
            Node node = Hdf5.exists(f, path) ? f.getByPath(path) : null;
            if (node == null) {
                throw new InvalidInputException(file + ": '" + path + "' is missing (expected events: a compound "
                        + "(x, y, t, p) dataset, an (N, 4) array or a group with x, y, t, p)");
            }
            String where = file + ": '" + path + "'";
            if (node instanceof Group g) {
                return fromArrays(column(g, file, path, "x"), column(g, file, path, "y"), column(g, file, path, "t"),
                        column(g, file, path, "p"), layout, where);
            }
            Dataset d = (Dataset) node;
            if (d.isEmpty()) {
                return fromArrays(new double[0], new double[0], new double[0], new double[0], layout, where);
            }
            Object data = d.getData();
            if (data instanceof Map<?, ?> fields) {
                double[][] cols = new double[4][];
                String[] names = {"x", "y", "t", "p"};
                for (int c = 0; c < 4; c++) {
                    Object col = fields.get(names[c]);
                    if (col == null) {
                        throw new InvalidInputException(where + " is a compound dataset with fields " + fields.keySet()
                                + "; expected fields x, y, t, p");
                    }
                    cols[c] = numbers(col, where + " field " + names[c]);
                }
                return fromArrays(cols[0], cols[1], cols[2], cols[3], layout, where);
            }
            int[] dims = d.getDimensions();
            if (dims.length != 2 || dims[1] != 4) {
                throw new InvalidInputException(where + " has shape " + java.util.Arrays.toString(dims)
                        + "; expected (N, 4) with columns x, y, t, p (or a compound dataset)");
            }
            Hdf5.Flat flat = Hdf5.read(d, file);
            if (flat.isText()) {
                throw new InvalidInputException(where + " holds strings; expected numbers");
            }
            int n = dims[0];
            double[][] cols = new double[4][n];
            for (int k = 0; k < n; k++) {
                for (int c = 0; c < 4; c++) {
                    cols[c][k] = flat.numbers()[4 * k + c];
                }
            }
            return fromArrays(cols[0], cols[1], cols[2], cols[3], layout, where);
        }
    }

    private static double[] column(Group g, Path file, String path, String name) {
        return Hdf5.numbers(g, file, name, "a 1-D numeric array '" + name + "' in '" + path + "'");
    }

    private static double[] numbers(Object array, String where) {
        if (array == null || !array.getClass().isArray()) {
            throw new InvalidInputException(where + " is not a numeric array");
        }
        int n = java.lang.reflect.Array.getLength(array);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            Object o = java.lang.reflect.Array.get(array, k);
            if (!(o instanceof Number num)) {
                throw new InvalidInputException(where + " holds " + (o == null ? "null" : o.getClass().getSimpleName())
                        + "; expected numbers");
            }
            out[k] = num.doubleValue();
        }
        return out;
    }
}
