package org.hrsnn.hardware.fixedpoint;

import java.util.Arrays;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.util.IntArrayList;

/**
 * Spikes on a step grid, CSR by step: the units (neurons or input channels) that spiked in step
 * t are {@code unit[stepStart[t]] .. unit[stepStart[t+1]-1]}, ascending, each at most once.
 */
public final class SpikeRaster {
    public final int steps;
    public final int units;
    public final int[] stepStart;
    public final int[] unit;

    public SpikeRaster(int steps, int units, int[] stepStart, int[] unit) {
        if (stepStart.length != steps + 1 || stepStart[0] != 0 || stepStart[steps] != unit.length) {
            throw new InvalidInputException("spikeRaster.stepStart", Arrays.toString(Arrays.copyOf(stepStart, Math.min(4, stepStart.length))),
                    "steps + 1 = " + (steps + 1) + " non-decreasing offsets from 0 to " + unit.length);
        }
        for (int t = 0; t < steps; t++) {
            if (stepStart[t + 1] < stepStart[t]) {
                throw new InvalidInputException("spikeRaster.stepStart[" + (t + 1) + "]", stepStart[t + 1], "non-decreasing offsets");
            }
            for (int k = stepStart[t]; k < stepStart[t + 1]; k++) {
                if (unit[k] < 0 || unit[k] >= units) {
                    throw new InvalidInputException("spikeRaster.step[" + t + "].unit", unit[k], "an index in [0, " + units + ")");
                }
                if (k > stepStart[t] && unit[k] <= unit[k - 1]) {
                    throw new InvalidInputException("spikeRaster.step[" + t + "].unit", unit[k], "ascending units, each once per step");
                }
            }
        }
        this.steps = steps;
        this.units = units;
        this.stepStart = stepStart;
        this.unit = unit;
    }

    public static SpikeRaster empty(int steps, int units) {
        return new SpikeRaster(steps, units, new int[steps + 1], new int[0]);
    }

    /** Total number of spikes. */
    public int size() {
        return unit.length;
    }

    /** Spike count of every unit. */
    public int[] counts() {
        int[] c = new int[units];
        for (int u : unit) {
            c[u]++;
        }
        return c;
    }

    /** A dense boolean view [step][unit], for tests and small analyses. */
    public boolean[][] dense() {
        boolean[][] d = new boolean[steps][units];
        for (int t = 0; t < steps; t++) {
            for (int k = stepStart[t]; k < stepStart[t + 1]; k++) {
                d[t][unit[k]] = true;
            }
        }
        return d;
    }

    /** From a dense [step][unit] array. */
    public static SpikeRaster fromDense(boolean[][] d, int units) {
        int[] start = new int[d.length + 1];
        IntArrayList u = new IntArrayList();
        for (int t = 0; t < d.length; t++) {
            for (int i = 0; i < units; i++) {
                if (d[t][i]) {
                    u.add(i);
                }
            }
            start[t + 1] = u.size();
        }
        return new SpikeRaster(d.length, units, start, Arrays.copyOf(u.raw(), u.size()));
    }

    /**
     * Bins spike times (ms) onto steps of {@code dtMs}: a spike at time s falls in step
     * floor(s / dt) (with a 1e-9 relative guard against s / dt landing just below an integer);
     * spikes at or after steps * dt are dropped, several spikes of one channel in one step count
     * once (the hardware carries one spike per axon and step). {@link Binned#merged} says how
     * many were merged or dropped.
     */
    public static Binned bin(SpikeTrains trains, double dtMs, int steps) {
        int[] counts = new int[steps + 1];
        int[] lastStep = new int[trains.channels];
        Arrays.fill(lastStep, -1);
        int lost = 0;
        int[] stepOf = new int[trains.size()];
        for (int c = 0; c < trains.channels; c++) {
            for (int k = trains.start[c]; k < trains.start[c + 1]; k++) {
                int s = (int) Math.floor(trains.times[k] / dtMs * (1 + 1e-12) + 1e-9);
                if (s >= steps || s == lastStep[c]) {
                    stepOf[k] = -1;
                    lost++;
                    continue;
                }
                stepOf[k] = s;
                lastStep[c] = s;
                counts[s + 1]++;
            }
        }
        for (int t = 0; t < steps; t++) {
            counts[t + 1] += counts[t];
        }
        int[] fill = Arrays.copyOf(counts, steps);
        int[] unit = new int[counts[steps]];
        for (int c = 0; c < trains.channels; c++) { // channels ascending, so units sorted per step
            for (int k = trains.start[c]; k < trains.start[c + 1]; k++) {
                if (stepOf[k] >= 0) {
                    unit[fill[stepOf[k]]++] = c;
                }
            }
        }
        return new Binned(new SpikeRaster(steps, trains.channels, counts, unit), lost);
    }

    /** A binned raster and the number of input spikes merged into another or past the end. */
    public record Binned(SpikeRaster raster, int merged) {
    }
}
