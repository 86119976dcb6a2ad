package org.hrsnn.simulator.engine.clock;

import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * The recurrent synapses compiled for delivery, split by sign (excitatory: weight >= 0, into
 * I_e; inhibitory, into I_i) and by delay class: D = round(d / dt) = 0 (added straight to the
 * target's current at the spike's own boundary) or D >= 1 (through the delay ring, at offset
 * {@code D N + target} from the slot of the spike's boundary). Each part keeps the original order
 * within a row, so every target's current or ring entry receives its additions in the same
 * order as from the unsplit matrix. A delay 0 < d < dt has no grid representation and is
 * rejected.
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

    final Part excitatoryNow;
    final Part inhibitoryNow;
    final Part excitatoryDelayed;
    final Part inhibitoryDelayed;
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
        excitatoryNow = part(m, n, delaySteps, rangeStart, true, false);
        inhibitoryNow = part(m, n, delaySteps, rangeStart, false, false);
        excitatoryDelayed = part(m, n, delaySteps, rangeStart, true, true);
        inhibitoryDelayed = part(m, n, delaySteps, rangeStart, false, true);
    }

    private static Part part(SynapseMatrix m, int n, int[] delaySteps, int[] rangeStart, boolean positive,
                             boolean delayed) {
        int[] rowStart = new int[m.sources + 1];
        for (int j = 0; j < m.sources; j++) {
            int c = 0;
            for (int k = m.rowStart[j]; k < m.rowStart[j + 1]; k++) {
                if ((m.weight[k] >= 0) == positive && (delaySteps[k] > 0) == delayed) {
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
            if ((m.weight[k] >= 0) == positive && (delaySteps[k] > 0) == delayed) {
                offset[p] = delaySteps[k] * n + m.target[k];
                target[p] = m.target[k];
                weight[p] = m.weight[k];
                p++;
            }
        }
        return new Part(rowStart, offset, weight, Grid.rangeSegments(m.sources, rowStart, target, rangeStart));
    }
}
