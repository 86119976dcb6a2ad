package org.hrsnn.report;

import org.hrsnn.simulator.InvalidInputException;

/**
 * The spikes of a raster that are actually drawn, chosen by a fixed rule so that a plot of
 * millions of spikes stays small (a 800 x 500 figure cannot show more than a few ten thousand
 * distinct dots anyway) while keeping what a reader looks for.
 *
 * <p>Rule, applied to n spikes with a limit of maxPoints:
 * <ol>
 *   <li>n &lt;= maxPoints: every spike is kept.</li>
 *   <li>Otherwise whole spike trains of every m-th neuron are kept (neuron ids minNeuron,
 *       minNeuron + m, ...), with m the smallest stride whose kept trains hold at most maxPoints
 *       spikes. Each drawn row is then a complete spike train, so rates, bursts and synchrony
 *       read correctly. This is accepted only while at least {@link #MIN_ROWS} spiking neurons
 *       (or all of them, if fewer spike) remain.</li>
 *   <li>Otherwise (a few neurons hold most spikes) spikes are thinned evenly: maxPoints - 2
 *       evenly spaced positions in the input order plus the earliest and the latest spike. Each
 *       neuron keeps about the same fraction of its spikes, so relative density is preserved.</li>
 * </ol>
 * In every case the plot's time axis spans the full original range ({@link #timeMinMs()} to
 * {@link #timeMaxMs()}), and the figure title states how many spikes are shown.
 */
public final class RasterSample {
    /** Fewest spiking neurons a neuron-stride selection may leave before spike thinning is used. */
    public static final int MIN_ROWS = 50;
    /** Above this id span the per-neuron count table is not built; spike thinning is used. */
    private static final long MAX_ID_RANGE = 50_000_000L;

    private final int[] keptIndices;
    private final int originalCount;
    private final double timeMinMs;
    private final double timeMaxMs;
    private final int neuronMin;
    private final int neuronMax;
    private final int neuronStride;
    private final boolean spikesThinned;

    private RasterSample(int[] keptIndices, int originalCount, double timeMinMs, double timeMaxMs,
            int neuronMin, int neuronMax, int neuronStride, boolean spikesThinned) {
        this.keptIndices = keptIndices;
        this.originalCount = originalCount;
        this.timeMinMs = timeMinMs;
        this.timeMaxMs = timeMaxMs;
        this.neuronMin = neuronMin;
        this.neuronMax = neuronMax;
        this.neuronStride = neuronStride;
        this.spikesThinned = spikesThinned;
    }

    /**
     * Chooses the spikes to draw.
     *
     * @param neurons neuron id of each spike, &gt;= 0
     * @param timesMs time of each spike in ms, finite, same length as neurons
     * @param maxPoints most spikes to keep, &gt;= 2
     */
    public static RasterSample select(int[] neurons, double[] timesMs, int maxPoints) {
        validate(neurons, timesMs, "raster");
        if (maxPoints < 2) {
            throw new InvalidInputException("raster.maxPoints", maxPoints, "an integer >= 2");
        }
        int n = neurons.length;
        if (n == 0) {
            return new RasterSample(new int[0], 0, Double.NaN, Double.NaN, 0, -1, 1, false);
        }
        int argMinT = 0;
        int argMaxT = 0;
        int minId = neurons[0];
        int maxId = neurons[0];
        for (int i = 1; i < n; i++) {
            if (timesMs[i] < timesMs[argMinT]) {
                argMinT = i;
            }
            if (timesMs[i] > timesMs[argMaxT]) {
                argMaxT = i;
            }
            minId = Math.min(minId, neurons[i]);
            maxId = Math.max(maxId, neurons[i]);
        }
        double tMin = timesMs[argMinT];
        double tMax = timesMs[argMaxT];
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return new RasterSample(all, n, tMin, tMax, minId, maxId, 1, false);
        }

        int stride = neuronStride(neurons, minId, maxId, maxPoints);
        if (stride > 0) {
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if ((neurons[i] - minId) % stride == 0) {
                    kept++;
                }
            }
            int[] indices = new int[kept];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if ((neurons[i] - minId) % stride == 0) {
                    indices[k++] = i;
                }
            }
            return new RasterSample(indices, n, tMin, tMax, minId, maxId, stride, false);
        }

        boolean[] keep = new boolean[n];
        int evenly = maxPoints - 2;
        for (int j = 0; j < evenly; j++) {
            keep[(int) ((long) j * n / evenly)] = true;
        }
        keep[argMinT] = true;
        keep[argMaxT] = true;
        int kept = 0;
        for (boolean b : keep) {
            if (b) {
                kept++;
            }
        }
        int[] indices = new int[kept];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                indices[k++] = i;
            }
        }
        return new RasterSample(indices, n, tMin, tMax, minId, maxId, 1, true);
    }

    /** Smallest stride >= 2 that fits, or 0 when no stride leaves enough rows. */
    private static int neuronStride(int[] neurons, int minId, int maxId, int maxPoints) {
        long rangeLong = (long) maxId - minId + 1;
        if (rangeLong > MAX_ID_RANGE) {
            return 0;
        }
        int range = (int) rangeLong;
        int[] counts = new int[range];
        for (int id : neurons) {
            counts[id - minId]++;
        }
        int spiking = 0;
        for (int c : counts) {
            if (c > 0) {
                spiking++;
            }
        }
        int minRows = Math.min(MIN_ROWS, spiking);
        // Cost: sum over m of range / m, i.e. O(range log range).
        for (int m = 2; m <= range; m++) {
            long spikes = 0;
            int rows = 0;
            for (int r = 0; r < range; r += m) {
                spikes += counts[r];
                if (counts[r] > 0) {
                    rows++;
                }
            }
            if (rows < minRows) {
                // Rows only thin out further with larger strides (on average); stop here.
                return 0;
            }
            if (spikes <= maxPoints) {
                return m;
            }
        }
        return 0;
    }

    static void validate(int[] neurons, double[] timesMs, String field) {
        if (neurons == null || timesMs == null) {
            throw new InvalidInputException(field + ".neurons/timesMs", null, "non-null arrays");
        }
        if (neurons.length != timesMs.length) {
            throw new InvalidInputException(field + ".timesMs.length", timesMs.length,
                    "the length of neurons (" + neurons.length + ")");
        }
        for (int i = 0; i < neurons.length; i++) {
            if (neurons[i] < 0) {
                throw new InvalidInputException(field + ".neurons[" + i + "]", neurons[i], "a neuron id >= 0");
            }
            if (!Double.isFinite(timesMs[i])) {
                throw new InvalidInputException(field + ".timesMs[" + i + "]", timesMs[i], "a finite time in ms");
            }
        }
    }

    /** Indices into the original arrays, ascending. */
    public int[] keptIndices() {
        return keptIndices.clone();
    }

    public int keptCount() {
        return keptIndices.length;
    }

    public int originalCount() {
        return originalCount;
    }

    /** Earliest original spike time in ms (NaN for an empty raster). */
    public double timeMinMs() {
        return timeMinMs;
    }

    /** Latest original spike time in ms (NaN for an empty raster). */
    public double timeMaxMs() {
        return timeMaxMs;
    }

    public int neuronMin() {
        return neuronMin;
    }

    public int neuronMax() {
        return neuronMax;
    }

    /** 1 when every neuron is shown, m when every m-th neuron's train is shown. */
    public int neuronStride() {
        return neuronStride;
    }

    /** True when the even spike-thinning rule was used. */
    public boolean spikesThinned() {
        return spikesThinned;
    }

    public boolean isComplete() {
        return keptIndices.length == originalCount;
    }

    /** The kept neuron ids as doubles (plot coordinates). */
    double[] neuronsOf(int[] neurons) {
        double[] out = new double[keptIndices.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = neurons[keptIndices[k]];
        }
        return out;
    }

    double[] timesOf(double[] timesMs) {
        double[] out = new double[keptIndices.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = timesMs[keptIndices[k]];
        }
        return out;
    }

    /** Short note for a title, e.g. "showing 20,000 of 1,234,567 spikes (every 7th neuron)". */
    String note() {
        if (isComplete()) {
            return String.format(java.util.Locale.ROOT, "%,d spikes", originalCount);
        }
        String how = spikesThinned ? "evenly thinned" : "every " + ordinal(neuronStride) + " neuron";
        return String.format(java.util.Locale.ROOT, "showing %,d of %,d spikes, %s", keptIndices.length,
                originalCount, how);
    }

    private static String ordinal(int m) {
        int mod100 = m % 100;
        String suffix = (mod100 >= 11 && mod100 <= 13) ? "th"
                : switch (m % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return m + suffix;
    }
}
