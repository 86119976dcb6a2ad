package org.hrsnn.simulator.engine.clock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.util.DoubleArrayList;
import org.hrsnn.simulator.util.IntArrayList;

/**
 * The bias term c = (E_L + R I) (1 - P_vv) of every neuron over the run, where I is the
 * neuron's bias plus the injections active in the step. An injection [start, stop) is active
 * in steps ceil(start/dt) .. ceil(stop/dt) - 1 (exact when its times are on the grid).
 * Precomputed: the values at step 0, then for each switching step the new values of only the
 * neurons whose current changes there (recomputed from scratch, so switching off restores the
 * previous value exactly).
 */
final class BiasSchedule {
    final double[] initial;
    /** Ascending steps at which some neuron's bias term changes. */
    final long[] switchStep;
    /** Entries of switch s: {@code neuron[entryStart[s] .. entryStart[s+1]-1]} (ascending), {@code value[...]}. */
    final int[] entryStart;
    final int[] neuron;
    final double[] value;

    BiasSchedule(NeuronParameters p, Propagators prop, List<CurrentInjection> currents, double dt, long steps) {
        int n = p.size;
        int q = currents.size();
        long[] on = new long[q];
        long[] off = new long[q];
        // neuron -> injections touching it (CSR, in injection order, duplicates kept)
        int[] count = new int[n + 1];
        for (int c = 0; c < q; c++) {
            CurrentInjection inj = currents.get(c);
            on[c] = Grid.boundaryAtOrAfter(inj.startMs(), dt);
            off[c] = Double.isInfinite(inj.stopMs()) ? Long.MAX_VALUE : Grid.boundaryAtOrAfter(inj.stopMs(), dt);
            for (int i : inj.neurons()) {
                count[i + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] injOf = new int[count[n]];
        int[] fill = Arrays.copyOf(count, n);
        for (int c = 0; c < q; c++) {
            for (int i : currents.get(c).neurons()) {
                injOf[fill[i]++] = c;
            }
        }

        initial = new double[n];
        for (int i = 0; i < n; i++) {
            initial[i] = prop.biasTerm(p, i, current(p, currents, injOf, count, on, off, i, 0));
        }

        Map<Long, List<Integer>> switches = new TreeMap<>();
        for (int c = 0; c < q; c++) {
            if (on[c] >= off[c]) {
                continue; // shorter than the rounding: never active on the grid
            }
            if (on[c] > 0 && on[c] < steps) {
                switches.computeIfAbsent(on[c], k -> new ArrayList<>()).add(c);
            }
            if (off[c] < steps) {
                switches.computeIfAbsent(off[c], k -> new ArrayList<>()).add(c);
            }
        }
        switchStep = new long[switches.size()];
        entryStart = new int[switches.size() + 1];
        IntArrayList neurons = new IntArrayList();
        DoubleArrayList values = new DoubleArrayList();
        int s = 0;
        for (Map.Entry<Long, List<Integer>> e : switches.entrySet()) {
            IntArrayList affected = new IntArrayList();
            for (int c : e.getValue()) {
                for (int i : currents.get(c).neurons()) {
                    affected.add(i);
                }
            }
            int[] sorted = Arrays.stream(affected.toArray()).sorted().distinct().toArray();
            for (int i : sorted) {
                neurons.add(i);
                values.add(prop.biasTerm(p, i, current(p, currents, injOf, count, on, off, i, e.getKey())));
            }
            switchStep[s] = e.getKey();
            entryStart[++s] = neurons.size();
        }
        neuron = neurons.toArray();
        value = values.toArray();
    }

    private static double current(NeuronParameters p, List<CurrentInjection> currents, int[] injOf, int[] start,
                                  long[] on, long[] off, int i, long step) {
        double total = p.biasCurrent[i];
        for (int k = start[i]; k < start[i + 1]; k++) {
            int c = injOf[k];
            if (on[c] <= step && step < off[c]) {
                total += currents.get(c).amplitude();
            }
        }
        return total;
    }
}
