package org.hrsnn.simulator.engine.clock;

import java.util.Arrays;
import java.util.List;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * External spikes sorted by the grid boundary m0 = ceil(t / dt) at or after their time (ties:
 * group, channel, time), each delivered through its group's projection when the run reaches
 * that boundary. A synapse with delay d lands at boundary ceil((t + d) / dt) >= m0: straight
 * into the target's current when that is m0, through the delay ring otherwise.
 */
final class InputSchedule {
    /** Projection of each group: CSR rows by channel, per-worker row segments. */
    static final class Projection {
        final int[] rowStart;
        final int[] target;
        final double[] delay;
        final double[] weight;
        final int[] segments;

        Projection(SynapseMatrix m, int[] rangeStart) {
            rowStart = m.rowStart;
            target = m.target;
            delay = m.delay;
            weight = m.weight;
            segments = Grid.rangeSegments(m.sources, m.rowStart, m.target, rangeStart);
        }
    }

    final Projection[] projections;
    /** Sorted spikes: boundary, group, channel, time (ms). */
    final long[] boundary;
    final int[] group;
    final int[] channel;
    final double[] time;
    /** Largest (arrival boundary - m0) over all synapses, in steps. */
    final int maxLeadSteps;

    InputSchedule(List<InputGroup> groups, SpikeTrains[] trains, int n, double dt, long steps, int[] rangeStart) {
        projections = new Projection[groups.size()];
        int total = 0;
        double maxDelay = 0;
        for (int g = 0; g < projections.length; g++) {
            projections[g] = new Projection(groups.get(g).projection(), rangeStart);
            total += trains[g].size();
            maxDelay = Math.max(maxDelay, groups.get(g).projection().maxDelay());
        }
        // ceil((t + d)/dt) - ceil(t/dt) <= ceil(d/dt) + 1, and 0 for d = 0
        long lead = maxDelay == 0 ? 0 : (long) Math.ceil(maxDelay / dt) + 1;
        if (lead >= ClockRun.MAX_RING_ENTRIES / n) {
            throw new InvalidInputException("input.delay", maxDelay,
                    "a delay whose ring buffer (delay steps x neurons) has fewer than "
                            + ClockRun.MAX_RING_ENTRIES + " entries");
        }
        maxLeadSteps = (int) lead;
        // Sort by one long key: boundary in the high bits, position in (group, channel, time)
        // order in the low bits, so ties keep that order.
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, total));
        if (indexBits + 64 - Long.numberOfLeadingZeros(steps + 1) > 62) {
            throw new InvalidInputException("input spikes", total, "fewer spikes for a run this long");
        }
        long[] keys = new long[total];
        int[] gOf = new int[total];
        int[] cOf = new int[total];
        double[] tOf = new double[total];
        int p = 0;
        for (int g = 0; g < projections.length; g++) {
            SpikeTrains s = trains[g];
            for (int c = 0; c < s.channels; c++) {
                for (int k = s.start[c]; k < s.start[c + 1]; k++) {
                    long m0 = Math.max(0, Grid.boundaryAtOrAfter(s.times[k], dt));
                    gOf[p] = g;
                    cOf[p] = c;
                    tOf[p] = s.times[k];
                    keys[p] = (m0 << indexBits) | p;
                    p++;
                }
            }
        }
        Arrays.sort(keys);
        boundary = new long[total];
        group = new int[total];
        channel = new int[total];
        time = new double[total];
        long mask = (1L << indexBits) - 1;
        for (int q = 0; q < total; q++) {
            int src = (int) (keys[q] & mask);
            boundary[q] = keys[q] >>> indexBits;
            group[q] = gOf[src];
            channel[q] = cOf[src];
            time[q] = tOf[src];
        }
    }

    int size() {
        return boundary.length;
    }
}
