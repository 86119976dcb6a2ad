package org.hrsnn.simulator.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.Population;

/**
 * Streams every spike to a file as it happens, so memory stays bounded (one 64 KiB buffer) on
 * runs of any length. The spikes go to a temporary file next to the target ({@code .<name>.*.part}
 * in the same folder); {@link #finish} completes it and moves it into place, atomically where
 * the file system allows. A run that fails never leaves a half-written target: call
 * {@link #close} (or use try-with-resources) and the temporary file is deleted.
 *
 * <p><b>CSV</b> ({@link Format#CSV}): UTF-8, header {@code time_s,neuron,population}, one line
 * per spike in the engine's order: time in <em>seconds</em> (the unit other tools expect:
 * Brian2, NEST and pandas users convert from seconds), written with the shortest decimal that
 * reads back to the same seconds value; the global neuron index; the population name (quoted
 * as in RFC 4180 when it contains a comma, quote or line break). Formatting the time allocates
 * one small string per spike; use the binary form for very long runs.
 *
 * <p><b>Binary</b> ({@link Format#BINARY}, lossless, no allocation per spike), little-endian:
 * <pre>
 *   header   8 bytes  magic "HRSNNSPK" (ASCII)
 *            int32    version = 1
 *            int32    N, number of neurons
 *            int32    P, number of populations, then P times:
 *                       int32 start, int32 size, int32 L, L bytes UTF-8 name
 *   records  int32    neuron (global index, >= 0)
 *            float64  time, ms (the engine's value, bit for bit)
 *   trailer  int32    -1 (end marker)
 *            int64    number of records (readers check it)
 *            float64  end time of the run, ms
 * </pre>
 * Read both forms with {@link org.hrsnn.simulator.io.SpikeFiles}.
 */
public final class SpikeFileWriter implements Monitor, AutoCloseable {
    /** File formats. */
    public enum Format { CSV, BINARY }

    /** The 8 magic bytes at the start of a binary spike file. */
    public static final byte[] MAGIC = "HRSNNSPK".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    /** The neuron value that marks the trailer of a binary spike file. */
    public static final int END_MARKER = -1;
    /** The CSV header line. */
    public static final String CSV_HEADER = "time_s,neuron,population";

    private final Path target;
    private final Format format;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private Path temporary;
    private FileChannel channel;
    private int[] populationStart;
    private byte[][] populationName;
    private long written;
    private boolean finished;

    public SpikeFileWriter(Path target, Format format) {
        this.target = target.toAbsolutePath();
        this.format = format;
    }

    public static SpikeFileWriter csv(Path target) {
        return new SpikeFileWriter(target, Format.CSV);
    }

    public static SpikeFileWriter binary(Path target) {
        return new SpikeFileWriter(target, Format.BINARY);
    }

    public Path target() {
        return target;
    }

    public Format format() {
        return format;
    }

    /** The temporary file being written (null before start and after finish or close). */
    public Path temporaryFile() {
        return temporary;
    }

    /** Spikes written so far. */
    public long spikes() {
        return written;
    }

    @Override
    public void start(Network network, SimulationOptions options) {
        abortQuietly(); // a previous run that was not finished
        List<Population> pops = network.populations();
        populationStart = new int[pops.size()];
        populationName = new byte[pops.size()][];
        for (int p = 0; p < pops.size(); p++) {
            populationStart[p] = pops.get(p).start();
            String name = pops.get(p).name();
            populationName[p] = (format == Format.CSV ? csvField(name) : name).getBytes(StandardCharsets.UTF_8);
        }
        written = 0;
        finished = false;
        try {
            Path dir = target.getParent();
            temporary = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            buffer.clear();
            if (format == Format.CSV) {
                putAscii(CSV_HEADER);
                buffer.put((byte) '\n');
            } else {
                buffer.put(MAGIC).putInt(VERSION).putInt(network.size()).putInt(pops.size());
                for (int p = 0; p < pops.size(); p++) {
                    ensure(12 + populationName[p].length);
                    buffer.putInt(pops.get(p).start()).putInt(pops.get(p).size()).putInt(populationName[p].length);
                    buffer.put(populationName[p]);
                }
            }
        } catch (IOException e) {
            abortQuietly();
            throw new UncheckedIOException("cannot create a temporary spike file next to " + target, e);
        }
    }

    @Override
    public void onSpike(int neuron, double timeMs) {
        if (channel == null) {
            throw new IllegalStateException("SpikeFileWriter: start() was not called or the file is closed");
        }
        if (format == Format.BINARY) {
            ensure(12);
            buffer.putInt(neuron).putDouble(timeMs);
        } else {
            byte[] pop = populationName[populationIndex(neuron)];
            String time = Double.toString(timeMs / 1000.0);
            ensure(time.length() + 13 + pop.length);
            putAscii(time);
            buffer.put((byte) ',');
            putInt(neuron);
            buffer.put((byte) ',');
            buffer.put(pop);
            buffer.put((byte) '\n');
        }
        written++;
    }

    @Override
    public void finish(double endTimeMs) {
        if (channel == null) {
            return;
        }
        try {
            if (format == Format.BINARY) {
                ensure(20);
                buffer.putInt(END_MARKER).putLong(written).putDouble(endTimeMs);
            }
            flush();
            channel.force(false);
            channel.close();
            channel = null;
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            finished = true;
        } catch (IOException e) {
            abortQuietly();
            throw new UncheckedIOException("cannot complete spike file " + target, e);
        }
    }

    /** Whether {@link #finish} has put the file in place. */
    public boolean finished() {
        return finished;
    }

    /** Abandons an unfinished file: closes and deletes the temporary file. Harmless after finish. */
    @Override
    public void close() {
        abortQuietly();
    }

    private void abortQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // deleting the file below is what matters
        }
        channel = null;
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException ignored) {
            // nothing more can be done; the name marks it as a partial file
        }
        temporary = null;
    }

    private int populationIndex(int neuron) {
        int lo = 0;
        int hi = populationStart.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (populationStart[mid] <= neuron) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private void ensure(int bytes) {
        if (buffer.remaining() < bytes) {
            try {
                flush();
            } catch (IOException e) {
                abortQuietly();
                throw new UncheckedIOException("cannot write spike file " + temporary, e);
            }
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private void putAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            buffer.put((byte) s.charAt(i));
        }
    }

    /** Decimal digits of a non-negative int, without a String. */
    private void putInt(int v) {
        if (v < 0) {
            buffer.put((byte) '-');
            v = -v;
        }
        int div = 1;
        while (v / div >= 10) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            buffer.put((byte) ('0' + (v / div) % 10));
        }
    }

    /** RFC 4180 quoting for a field that contains a comma, a quote or a line break. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
