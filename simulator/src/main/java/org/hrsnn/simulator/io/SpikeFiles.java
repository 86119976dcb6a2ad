package org.hrsnn.simulator.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.monitor.SpikeFileWriter;
import org.hrsnn.simulator.util.DoubleArrayList;
import org.hrsnn.simulator.util.IntArrayList;

/**
 * Reads the spike files written by {@link SpikeFileWriter} (formats documented there). A file
 * that is malformed or truncated is rejected with an {@link InvalidInputException} naming the
 * file and the place.
 */
public final class SpikeFiles {
    private SpikeFiles() {
    }

    /**
     * Spikes as parallel arrays, in file order: neuron (global index), time (ms), population name
     * (one shared String per population). {@code endTimeMs} is the run's end time (binary files)
     * or NaN (CSV files, which do not record it).
     */
    public record Spikes(int[] neurons, double[] timesMs, String[] populations, double endTimeMs) {
        public int size() {
            return neurons.length;
        }
    }

    /** Reads a CSV spike file: header {@code time_s,neuron,population}, times in seconds. */
    public static Spikes readCsv(Path file) {
        IntArrayList neurons = new IntArrayList(1024);
        DoubleArrayList times = new DoubleArrayList(1024);
        List<String> pops = new ArrayList<>();
        Map<String, String> interned = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.equals(SpikeFileWriter.CSV_HEADER)) {
                throw new InvalidInputException(file + " line 1", header, "the header '" + SpikeFileWriter.CSV_HEADER + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue; // '#' lines: run metadata written by SpikeDataWriter
                }
                int c1 = line.indexOf(',');
                int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
                if (c2 < 0) {
                    throw new InvalidInputException(file + " line " + lineNo, line, "three fields time_s,neuron,population");
                }
                double tSeconds;
                int neuron;
                try {
                    tSeconds = Double.parseDouble(line.substring(0, c1));
                    neuron = Integer.parseInt(line.substring(c1 + 1, c2));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(file + " line " + lineNo, line, "a number of seconds and a neuron index");
                }
                if (!(tSeconds >= 0) || Double.isInfinite(tSeconds) || neuron < 0) {
                    throw new InvalidInputException(file + " line " + lineNo, line, "a finite time >= 0 s and a neuron index >= 0");
                }
                String pop = unquote(line.substring(c2 + 1), file, lineNo);
                neurons.add(neuron);
                times.add(tSeconds * 1000.0);
                pops.add(interned.computeIfAbsent(pop, p -> p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spike file " + file, e);
        }
        return new Spikes(neurons.toArray(), times.toArray(), pops.toArray(new String[0]), Double.NaN);
    }

    private static String unquote(String field, Path file, int lineNo) {
        if (!field.startsWith("\"")) {
            return field;
        }
        if (field.length() < 2 || !field.endsWith("\"")) {
            throw new InvalidInputException(file + " line " + lineNo, field, "a population name in matching quotes");
        }
        return field.substring(1, field.length() - 1).replace("\"\"", "\"");
    }

    /** Reads a binary spike file (little-endian layout in {@link SpikeFileWriter}), checking the trailer. */
    public static Spikes readBinary(Path file) {
        ByteBuffer b;
        try {
            b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spike file " + file, e);
        }
        try {
            byte[] magic = new byte[SpikeFileWriter.MAGIC.length];
            b.get(magic);
            if (!Arrays.equals(magic, SpikeFileWriter.MAGIC)) {
                throw new InvalidInputException(file + " magic", new String(magic, StandardCharsets.ISO_8859_1),
                        "'HRSNNSPK' (an hrsnn binary spike file)");
            }
            int version = b.getInt();
            if (version != SpikeFileWriter.VERSION) {
                throw new InvalidInputException(file + " version", version, "version " + SpikeFileWriter.VERSION);
            }
            int n = b.getInt();
            int p = b.getInt();
            if (n < 0 || p < 0 || p > n + 1) {
                throw new InvalidInputException(file + " header", n + " neurons, " + p + " populations", "a valid header");
            }
            int[] popStart = new int[p];
            String[] popName = new String[p];
            for (int k = 0; k < p; k++) {
                popStart[k] = b.getInt();
                b.getInt(); // size: implied by the next start
                int len = b.getInt();
                if (len < 0 || len > b.remaining()) {
                    throw new InvalidInputException(file + " population " + k + " name length", len, "a length inside the file");
                }
                byte[] name = new byte[len];
                b.get(name);
                popName[k] = new String(name, StandardCharsets.UTF_8);
            }
            IntArrayList neurons = new IntArrayList(Math.max(16, b.remaining() / 12));
            DoubleArrayList times = new DoubleArrayList(Math.max(16, b.remaining() / 12));
            while (true) {
                int neuron = b.getInt();
                if (neuron == SpikeFileWriter.END_MARKER) {
                    break;
                }
                if (neuron < 0 || neuron >= n) {
                    throw new InvalidInputException(file + " record " + neurons.size() + " neuron", neuron,
                            "an index in [0, " + n + ")");
                }
                neurons.add(neuron);
                times.add(b.getDouble());
            }
            long count = b.getLong();
            double end = b.getDouble();
            if (count != neurons.size()) {
                throw new InvalidInputException(file + " trailer count", count, "the number of records (" + neurons.size() + ")");
            }
            String[] pops = new String[neurons.size()];
            for (int k = 0; k < pops.length; k++) {
                pops[k] = p == 0 ? null : popName[indexOf(popStart, neurons.get(k))];
            }
            return new Spikes(neurons.toArray(), times.toArray(), pops, end);
        } catch (BufferUnderflowException e) {
            throw new InvalidInputException(file + " is truncated (no trailer): the run that wrote it did not finish");
        }
    }

    private static int indexOf(int[] starts, int neuron) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= neuron) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
