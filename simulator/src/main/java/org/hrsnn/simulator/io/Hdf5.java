package org.hrsnn.simulator.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Small helpers over jHDF for the readers of this package: open a file or say clearly why not,
 * find a dataset or say which one is missing, and turn any numeric or string dataset into a flat
 * array with its shape. Every error is an {@link InvalidInputException} that names the file and
 * the dataset.
 */
public final class Hdf5 {
    private Hdf5() {
    }

    /** A dataset's content flattened row-major: numbers (as doubles) or strings, with the shape. */
    public record Flat(int[] shape, double[] numbers, String[] strings) {
        public boolean isText() {
            return strings != null;
        }

        public int size() {
            return isText() ? strings.length : numbers.length;
        }
    }

    /** Opens {@code file} for reading; the caller closes it. */
    public static HdfFile open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("file", file.toString(), "an existing, readable HDF5 file");
        }
        try {
            return new HdfFile(file);
        } catch (HdfException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException(file + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
    }

    /** The dataset at {@code path}, or an error naming the file, the path and what was expected. */
    public static Dataset dataset(Group root, Path file, String path, String expected) {
        Node n;
        try {
            n = root.getByPath(path);
        } catch (HdfException e) {
            n = null;
        }
        if (n == null) {
            throw new InvalidInputException(file + ": dataset '" + path + "' is missing (expected " + expected + ")");
        }
        if (!(n instanceof Dataset)) {
            throw new InvalidInputException(file + ": '" + path + "' is a group, not a dataset (expected " + expected + ")");
        }
        return (Dataset) n;
    }

    /** Whether {@code path} exists under {@code root}. */
    public static boolean exists(Group root, String path) {
        try {
            return root.getByPath(path) != null;
        } catch (HdfException e) {
            return false;
        }
    }

    /** Reads a dataset completely and flattens it. */
    public static Flat read(Dataset d, Path file) {
        Object data;
        try {
            data = d.isEmpty() ? null : d.getData();
        } catch (HdfException | UnsupportedOperationException e) {
            throw new InvalidInputException(file + ": dataset '" + d.getPath() + "' cannot be read (" + e.getMessage() + ")", e);
        }
        int[] shape = d.getDimensions();
        if (data == null) {
            return new Flat(new int[] {0}, new double[0], null);
        }
        List<Object> leaves = new ArrayList<>();
        flatten(data, leaves);
        if (!leaves.isEmpty() && leaves.get(0) instanceof String) {
            String[] s = new String[leaves.size()];
            for (int k = 0; k < s.length; k++) {
                if (!(leaves.get(k) instanceof String str)) {
                    throw new InvalidInputException(file + ": dataset '" + d.getPath() + "' mixes strings and numbers");
                }
                s[k] = str;
            }
            return new Flat(shape, null, s);
        }
        double[] out = new double[leaves.size()];
        for (int k = 0; k < out.length; k++) {
            Object o = leaves.get(k);
            if (o instanceof Number num) {
                out[k] = num.doubleValue();
            } else if (o instanceof Boolean b) {
                out[k] = b ? 1 : 0;
            } else {
                throw new InvalidInputException(file + ": dataset '" + d.getPath() + "' has elements of type "
                        + (o == null ? "null" : o.getClass().getSimpleName()) + " (expected numbers or strings)");
            }
        }
        return new Flat(shape, out, null);
    }

    /** Row-major leaves of a (possibly nested) array, or the object itself for a scalar. */
    private static void flatten(Object o, List<Object> out) {
        if (o != null && o.getClass().isArray()) {
            int n = Array.getLength(o);
            for (int k = 0; k < n; k++) {
                flatten(Array.get(o, k), out);
            }
        } else {
            out.add(o);
        }
    }

    /** A numeric dataset as a flat double array, with an error if it holds strings. */
    public static double[] numbers(Group root, Path file, String path, String expected) {
        Flat f = read(dataset(root, file, path, expected), file);
        if (f.isText()) {
            throw new InvalidInputException(file + ": dataset '" + path + "' holds strings (expected " + expected + ")");
        }
        return f.numbers();
    }
}
