package org.hrsnn.simulator.engine.clock;

import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * The recurrent synapses compiled for the delay rings, split by sign into an excitatory and an
 * inhibitory CSR (each keeps the original order within a row, so every target's buffer entry
 * receives its additions in the same order as from the unsplit matrix). Synapse k adds
 * {@code weight[k]} at ring offset {@code offset[k] = D_k N + target_k} relative to the slot of
 * the spike's own boundary, where D_k = round(d_k / dt) steps. A delay 0 < d < dt has no grid
 * representation and is rejected.
 */
final class RecurrentSynapses {
    /** One sign's synapses: CSR by presynaptic neuron, with per-worker row segments. */
    static final class Part {
        final int[] rowStart;
        final int[] offset;
        final double[] weight;
        /** seg[j * (W+1) + w]: first synapse of row j whose target is in worker w's range. */
        final int[] segments;

        Part(int[] rowStart, int[] offset, double[] weight, int[] segments) {
            this.rowStart = rowStart;
            this.offset = offset;
            this.weight = weight;
            this.segments = segments;
        }
    }

    final Part excitatory;
    final Part inhibitory;
    /** Largest delay in steps. */
    final int maxDelaySteps;

    RecurrentSynapses(SynapseMatrix m, int n, double dt, int[] rangeStart) {
        int size = m.size();
        int[] delaySteps = new int[size];
        int max = 0;
        for (int k = 0; k < size; k++) {
            double d = m.delay[k];
            if (d > 0 && d < dt) {
                throw new InvalidInputException("synapse[" + k + "].delay", d,
                        "0 (next step) or >= dt (" + dt + " ms) for the clock-driven engine");
            }
            long steps = Grid.roundSteps(d, dt);
            if (steps >= ClockRun.MAX_RING_ENTRIES / n) {
                throw new InvalidInputException("synapse[" + k + "].delay", d,
                        "a delay whose ring buffer (delay steps x neurons) has fewer than "
                                + ClockRun.MAX_RING_ENTRIES + " entries");
            }
            delaySteps[k] = (int) steps;
            max = Math.max(max, (int) steps);
        }
        maxDelaySteps = max;
        excitatory = part(m, n, delaySteps, rangeStart, true);
        inhibitory = part(m, n, delaySteps, rangeStart, false);
    }

    private static Part part(SynapseMatrix m, int n, int[] delaySteps, int[] rangeStart, boolean positive) {
        int[] rowStart = new int[m.sources + 1];
        for (int j = 0; j < m.sources; j++) {
            int c = 0;
            for (int k = m.rowStart[j]; k < m.rowStart[j + 1]; k++) {
                if ((m.weight[k] >= 0) == positive) {
                    c++;
                }
            }
            rowStart[j + 1] = rowStart[j] + c;
        }
        int size = rowStart[m.sources];
        int[] offset = new int[size];
        int[] target = new int[size];
        double[] weight = new double[size];
        int p = 0;
        for (int k = 0; k < m.size(); k++) {
            if ((m.weight[k] >= 0) == positive) {
                offset[p] = delaySteps[k] * n + m.target[k];
                target[p] = m.target[k];
                weight[p] = m.weight[k];
                p++;
            }
        }
        return new Part(rowStart, offset, weight, Grid.rangeSegments(m.sources, rowStart, target, rangeStart));
    }
}
