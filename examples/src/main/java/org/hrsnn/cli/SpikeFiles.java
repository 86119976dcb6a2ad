package org.hrsnn.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes recorded spikes in the two forms the command line produces.
 * <ul>
 * <li>CSV: a header line {@code neuron,time_ms}, then one spike per line, in time order.</li>
 * <li>Binary (little-endian): the 8 ASCII bytes {@code HRSNNSPK}, int32 format version (1),
 * int64 spike count, then per spike int32 neuron and float64 time in ms.</li>
 * </ul>
 */
final class SpikeFiles {
    static final byte[] MAGIC = "HRSNNSPK".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private SpikeFiles() {
    }

    static void writeCsv(Path file, int[] neurons, double[] times) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("neuron,time_ms\n");
            StringBuilder sb = new StringBuilder(32);
            for (int k = 0; k < neurons.length; k++) {
                sb.setLength(0);
                sb.append(neurons[k]).append(',').append(times[k]).append('\n');
                w.append(sb);
            }
        }
    }

    static void writeBinary(Path file, int[] neurons, double[] times) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             DataOutputStream out = new DataOutputStream(os)) {
            ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            out.write(MAGIC);
            b.putInt(VERSION).putLong(neurons.length);
            out.write(b.array(), 0, 12);
            for (int k = 0; k < neurons.length; k++) {
                b.clear();
                b.putInt(neurons[k]).putDouble(times[k]);
                out.write(b.array(), 0, 12);
            }
        }
    }

    /** Reads a binary spike file back: [0] neurons as int[], [1] times as double[]. */
    static Object[] readBinary(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC) || b.getInt() != VERSION) {
            throw new IOException(file + " is not an hrsnn spike file (version " + VERSION + ")");
        }
        int n = Math.toIntExact(b.getLong());
        int[] neurons = new int[n];
        double[] times = new double[n];
        for (int k = 0; k < n; k++) {
            neurons[k] = b.getInt();
            times[k] = b.getDouble();
        }
        return new Object[] {neurons, times};
    }
}
