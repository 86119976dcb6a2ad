package org.hrsnn.hardware.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrsnn.hardware.Issue;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointProjection;
import org.hrsnn.hardware.preset.CoreLimits;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Places neurons on cores under the preset's per-core limits (neurons, synaptic memory, input
 * axons, prototypes; output axons are checked after placement) and keeps inter-core spike
 * traffic low.
 *
 * <ol>
 * <li>Greedy fill: neurons prototype by prototype (so that neurons of one decay prototype share
 *     cores), within a prototype by graph growing (the neuron with most links to the block being
 *     filled comes next); each core takes neurons up to the balanced share ceil(N / C), C the
 *     larger of the lower bounds from neuron count and total synaptic memory, while every limit
 *     holds, then the next core opens.</li>
 * <li>Refinement: passes over the neurons; each neuron moves to the core (among those of its
 *     sources and targets) that lowers the traffic most, if the move keeps every limit; up to
 *     {@link #MAX_PASSES} passes or until no move helps.</li>
 * </ol>
 * Traffic = sum over source neurons j of weight_j x |cores other than j's own that hold a target of
 * j| (a spike travels once to each destination core). Weights are per-neuron spike rates (spikes
 * per step) when known, else 1.
 *
 * <p>What does not fit is reported, never silently dropped: a neuron whose fan-in exceeds the input
 * axons or synaptic memory of an empty core, more cores than the chip has, more input channels
 * than the chip accepts, output axons over the limit. The returned network then has no core
 * assignment ({@link Mapping#network()} refuses it).
 */
public final class CoreMapper {
    public static final int MAX_PASSES = 8;
    /** Above this many neurons the greedy fill uses index order within a prototype (graph growing is quadratic). */
    public static final int GROWING_LIMIT = 20_000;

    /** The mapped network and its report. */
    public record Mapping(FixedPointNetwork candidate, MappingReport report) {
        public FixedPointNetwork network() {
            if (!report.fits()) {
                StringBuilder sb = new StringBuilder("the network does not fit preset " + report.preset() + ":");
                report.errors().forEach(e -> sb.append("\n  ").append(e));
                throw new InvalidInputException(sb.toString());
            }
            return candidate;
        }
    }

    public Mapping map(FixedPointNetwork net, HardwarePreset preset, double[] trafficWeight) {
        int n = net.size;
        if (trafficWeight != null && trafficWeight.length != n) {
            throw new InvalidInputException("trafficWeight.length", trafficWeight.length, "one weight per neuron (" + n + ")");
        }
        double[] weight = trafficWeight != null ? trafficWeight : filled(n, 1.0);
        CoreLimits lim = preset.limits();
        List<Issue> issues = new ArrayList<>();

        // sources: neurons 0..n-1, then input channels group by group
        int[] groupOffset = new int[net.inputs.size() + 1];
        groupOffset[0] = n;
        int channels = 0;
        for (int g = 0; g < net.inputs.size(); g++) {
            groupOffset[g + 1] = groupOffset[g] + net.inputs.get(g).channels();
            channels += net.inputs.get(g).channels();
        }
        int sources = groupOffset[net.inputs.size()];
        if (lim.externalInputs() > 0 && channels > lim.externalInputs()) {
            issues.add(Issue.error("too many input channels", "input groups " + net.inputs.stream().map(FixedPointNetwork.InputSpec::name).toList(),
                    channels + " channels, the chip accepts " + lim.externalInputs()));
        }

        // incoming (source, multiplicity) per neuron as CSR, and memory bits per neuron
        int overhead = preset.synapse().overheadBitsPerSynapse();
        int[] inCount = new int[n + 1];
        long[] bits = new long[n];
        long[] synapses = new long[n];
        for (FixedPointProjection p : net.projections) {
            for (int k = 0; k < p.size(); k++) {
                inCount[p.target()[k] + 1]++;
                bits[p.target()[k]] += p.numWeightBits() + overhead;
                synapses[p.target()[k]]++;
            }
        }
        for (int i = 0; i < n; i++) {
            inCount[i + 1] += inCount[i];
        }
        int[] inSource = new int[inCount[n]];
        int[] fill = Arrays.copyOf(inCount, n);
        for (FixedPointProjection p : net.projections) {
            int base = p.recurrent() ? 0 : groupOffset[p.sourceGroup()];
            for (int j = 0; j < p.sourceCount(); j++) {
                for (int k = p.rowStart()[j]; k < p.rowStart()[j + 1]; k++) {
                    inSource[fill[p.target()[k]]++] = base + j;
                }
            }
        }
        // distinct sources per neuron (sorted, deduplicated in place; multiplicity is irrelevant to axons)
        int[] inStart = new int[n + 1];
        int w = 0;
        for (int i = 0; i < n; i++) {
            int a = inCount[i];
            int b = inCount[i + 1];
            Arrays.sort(inSource, a, b);
            inStart[i] = w;
            for (int k = a; k < b; k++) {
                if (k == a || inSource[k] != inSource[k - 1]) {
                    inSource[w++] = inSource[k];
                }
            }
        }
        inStart[n] = w;
        // outgoing distinct targets per recurrent source, as CSR
        int[] outStart = new int[n + 1];
        for (int k = 0; k < w; k++) {
            if (inSource[k] < n) {
                outStart[inSource[k] + 1]++;
            }
        }
        for (int j = 0; j < n; j++) {
            outStart[j + 1] += outStart[j];
        }
        int[] outTarget = new int[outStart[n]];
        int[] of = Arrays.copyOf(outStart, n);
        for (int i = 0; i < n; i++) {
            for (int k = inStart[i]; k < inStart[i + 1]; k++) {
                if (inSource[k] < n) {
                    outTarget[of[inSource[k]]++] = i;
                }
            }
        }

        // neurons that fit no core on their own
        boolean[] unplaceable = new boolean[n];
        for (int i = 0; i < n; i++) {
            int fanIn = inStart[i + 1] - inStart[i];
            if (fanIn > lim.inputAxonsPerCore()) {
                unplaceable[i] = true;
                issues.add(Issue.error("fan-in over the limit", "neuron " + i,
                        fanIn + " distinct presynaptic sources, a core has " + lim.inputAxonsPerCore() + " input axons"));
            } else if (bits[i] > lim.synapticMemoryBitsPerCore()) {
                unplaceable[i] = true;
                issues.add(Issue.error("synaptic memory over the limit", "neuron " + i,
                        synapses[i] + " synapses need " + bits[i] + " bits, a core has " + lim.synapticMemoryBitsPerCore()));
            }
        }

        int protos = 0;
        for (int p : net.prototype) {
            protos = Math.max(protos, p + 1);
        }
        // lower bound on cores from neurons and from synaptic memory; fill cores evenly up to it
        long totalBits = 0;
        for (long b : bits) {
            totalBits += b;
        }
        int minimalCores = (int) Math.max(1, Math.max((n + lim.neuronsPerCore() - 1L) / lim.neuronsPerCore(),
                (totalBits + lim.synapticMemoryBitsPerCore() - 1) / lim.synapticMemoryBitsPerCore()));
        int share = (n + minimalCores - 1) / minimalCores;
        State s = new State(n, sources, protos, net.prototype, inStart, inSource, bits, synapses, weight);
        int[] core = filled(n, FixedPointNetwork.UNMAPPED);
        int[] order = growOrder(n, net.prototype, unplaceable, inStart, inSource, outStart, outTarget, share);
        int current = -1;
        java.util.Map<String, Integer> closedBy = new java.util.TreeMap<>();
        for (int i : order) {
            String hit = current < 0 ? null : s.neurons(current) >= share ? "balanced share of " + share + " neurons"
                    : s.limitHit(i, current, lim);
            if (current < 0 || hit != null) {
                if (hit != null) {
                    closedBy.merge(hit, 1, Integer::sum);
                }
                current = s.openCore();
            }
            s.place(i, current);
            core[i] = current;
        }
        int used = s.cores();
        double greedyTraffic = s.traffic(core);

        int moves = 0;
        if (used > 1) {
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                int passMoves = 0;
                for (int i = 0; i < n; i++) {
                    if (core[i] < 0) {
                        continue;
                    }
                    int best = -1;
                    double bestGain = 1e-12;
                    for (int c : candidates(i, core, inStart, inSource, outStart, outTarget, n)) {
                        if (c == core[i] || !s.fits(i, c, lim)) {
                            continue;
                        }
                        double gain = s.moveGain(i, c, core, outStart, outTarget);
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = c;
                        }
                    }
                    if (best >= 0) {
                        s.remove(i, core[i]);
                        s.place(i, best);
                        core[i] = best;
                        passMoves++;
                    }
                }
                moves += passMoves;
                if (passMoves == 0) {
                    break;
                }
            }
        }
        double traffic = s.traffic(core);

        // empty cores (all neurons moved away) are compacted away
        int[] renumber = filled(used, -1);
        int next = 0;
        for (int c = 0; c < used; c++) {
            if (s.neurons(c) > 0) {
                renumber[c] = next++;
            }
        }
        List<CoreUsage> usage = new ArrayList<>();
        for (int c = 0; c < used; c++) {
            if (renumber[c] < 0) {
                continue;
            }
            int out = s.outputAxons(c);
            if (out > lim.outputAxonsPerCore()) {
                issues.add(Issue.error("output axons over the limit", "core " + renumber[c],
                        out + " (source, destination core) routes, a core has " + lim.outputAxonsPerCore()));
            }
            usage.add(new CoreUsage(renumber[c], s.neurons(c), s.synapses(c), s.bits(c), s.inputAxons(c), out,
                    s.prototypes(c), s.neurons(c) / (double) lim.neuronsPerCore(),
                    s.bits(c) / (double) lim.synapticMemoryBitsPerCore(), s.inputAxons(c) / (double) lim.inputAxonsPerCore(),
                    out / (double) lim.outputAxonsPerCore(), s.prototypes(c) / (double) lim.prototypesPerCore()));
        }
        int coresUsed = next;
        if (coresUsed > lim.cores()) {
            issues.add(Issue.error("too many cores", "whole network",
                    coresUsed + " cores needed (" + n + " neurons; cores were closed by " + closedBy
                            + "), the chip has " + lim.cores()));
        }
        boolean ok = issues.stream().noneMatch(Issue::isError);
        int[] finalCore = filled(n, FixedPointNetwork.UNMAPPED);
        for (int i = 0; i < n; i++) {
            if (core[i] >= 0) {
                finalCore[i] = renumber[core[i]];
            }
        }
        FixedPointNetwork mapped = ok ? net.withCores(finalCore) : net;
        return new Mapping(mapped, new MappingReport(preset.name(), coresUsed, lim.cores(), usage, greedyTraffic, traffic,
                moves, issues));
    }

    /**
     * The placement order of the greedy fill: prototype by prototype; within a prototype, graph
     * growing: the next neuron is the one with the most synaptic links (either direction) to the
     * neurons placed since the current block of {@code share} neurons began (ties: lowest index),
     * so densely connected groups land on one core. Quadratic in the neurons of a prototype, so
     * above {@link #GROWING_LIMIT} neurons the order within a prototype is the index order.
     */
    private static int[] growOrder(int n, int[] prototype, boolean[] skip, int[] inStart, int[] inSource,
                                   int[] outStart, int[] outTarget, int share) {
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> prototype[a] != prototype[b]
                ? Integer.compare(prototype[a], prototype[b]) : Integer.compare(a, b));
        int[] byProto = new int[n];
        int m = 0;
        for (Integer i : boxed) {
            if (!skip[i]) {
                byProto[m++] = i;
            }
        }
        if (n > GROWING_LIMIT) {
            return Arrays.copyOf(byProto, m);
        }
        int[] order = new int[m];
        int[] score = new int[n];
        boolean[] done = new boolean[n];
        int[] blockMembers = new int[m];
        int placed = 0;
        int blockFill = 0;
        int start = 0;
        while (start < m) {
            int end = start;
            while (end < m && prototype[byProto[end]] == prototype[byProto[start]]) {
                end++;
            }
            for (int step = start; step < end; step++) {
                int best = -1;
                for (int q = start; q < end; q++) {
                    int i = byProto[q];
                    if (!done[i] && (best < 0 || score[i] > score[best])) {
                        best = i;
                    }
                }
                done[best] = true;
                order[placed++] = best;
                if (blockFill == share) {
                    for (int b = 0; b < blockFill; b++) {
                        clearScores(blockMembers[b], score, inStart, inSource, outStart, outTarget, n);
                    }
                    blockFill = 0;
                }
                blockMembers[blockFill++] = best;
                for (int k = inStart[best]; k < inStart[best + 1]; k++) {
                    if (inSource[k] < n) {
                        score[inSource[k]]++;
                    }
                }
                for (int k = outStart[best]; k < outStart[best + 1]; k++) {
                    score[outTarget[k]]++;
                }
            }
            start = end;
        }
        return order;
    }

    private static void clearScores(int x, int[] score, int[] inStart, int[] inSource, int[] outStart, int[] outTarget, int n) {
        for (int k = inStart[x]; k < inStart[x + 1]; k++) {
            if (inSource[k] < n) {
                score[inSource[k]] = 0;
            }
        }
        for (int k = outStart[x]; k < outStart[x + 1]; k++) {
            score[outTarget[k]] = 0;
        }
    }

    private static int[] candidates(int i, int[] core, int[] inStart, int[] inSource, int[] outStart, int[] outTarget, int n) {
        int[] c = new int[inStart[i + 1] - inStart[i] + outStart[i + 1] - outStart[i]];
        int m = 0;
        for (int k = inStart[i]; k < inStart[i + 1]; k++) {
            if (inSource[k] < n && core[inSource[k]] >= 0) {
                c[m++] = core[inSource[k]];
            }
        }
        for (int k = outStart[i]; k < outStart[i + 1]; k++) {
            if (core[outTarget[k]] >= 0) {
                c[m++] = core[outTarget[k]];
            }
        }
        return Arrays.stream(c, 0, m).distinct().toArray();
    }

    private static double[] filled(int n, double x) {
        double[] a = new double[n];
        Arrays.fill(a, x);
        return a;
    }

    private static int[] filled(int n, int x) {
        int[] a = new int[n];
        Arrays.fill(a, x);
        return a;
    }

    /**
     * Per-core bookkeeping: neurons, memory bits, and per (core, source) the number of neurons on
     * the core that source reaches (input axons = sources with a positive count); per source the
     * number of cores it reaches; per (core, prototype) the neurons of that prototype.
     */
    private static final class State {
        private final int sources;
        private final int protos;
        private final int[] prototype;
        private final int[] inStart;
        private final int[] inSource;
        private final long[] neuronBits;
        private final double[] weight;
        private final int[] reach;
        private final List<int[]> count = new ArrayList<>();
        private final List<int[]> protoCount = new ArrayList<>();
        private int[] neurons = new int[0];
        private long[] bits = new long[0];
        private long[] synapses = new long[0];
        private final long[] neuronSynapses;
        private int[] inputAxons = new int[0];
        private int[] prototypes = new int[0];
        private int[] outputAxons = new int[0];
        private final int[] coreOf;
        private final int n;

        State(int n, int sources, int protos, int[] prototype, int[] inStart, int[] inSource, long[] neuronBits,
              long[] neuronSynapses, double[] weight) {
            this.neuronSynapses = neuronSynapses;
            this.sources = sources;
            this.protos = protos;
            this.prototype = prototype;
            this.inStart = inStart;
            this.inSource = inSource;
            this.neuronBits = neuronBits;
            this.weight = weight;
            this.reach = new int[sources];
            this.n = n;
            this.coreOf = new int[n];
            Arrays.fill(coreOf, -1);
        }

        int cores() {
            return neurons.length;
        }

        int openCore() {
            int c = neurons.length;
            neurons = Arrays.copyOf(neurons, c + 1);
            bits = Arrays.copyOf(bits, c + 1);
            synapses = Arrays.copyOf(synapses, c + 1);
            inputAxons = Arrays.copyOf(inputAxons, c + 1);
            prototypes = Arrays.copyOf(prototypes, c + 1);
            outputAxons = Arrays.copyOf(outputAxons, c + 1);
            count.add(new int[sources]);
            protoCount.add(new int[protos]);
            return c;
        }

        int neurons(int c) {
            return neurons[c];
        }

        long bits(int c) {
            return bits[c];
        }

        int inputAxons(int c) {
            return inputAxons[c];
        }

        int prototypes(int c) {
            return prototypes[c];
        }

        long synapses(int c) {
            return synapses[c];
        }

        boolean fits(int i, int c, CoreLimits lim) {
            return limitHit(i, c, lim) == null;
        }

        /** The first per-core limit that adding neuron i to core c would break, or null. */
        String limitHit(int i, int c, CoreLimits lim) {
            if (neurons[c] + 1 > lim.neuronsPerCore()) {
                return "neurons";
            }
            if (bits[c] + neuronBits[i] > lim.synapticMemoryBitsPerCore()) {
                return "synaptic memory";
            }
            if (protoCount.get(c)[prototype[i]] == 0 && prototypes[c] + 1 > lim.prototypesPerCore()) {
                return "prototypes";
            }
            // a source new to core c needs an input axon here (and an output axon on its own core:
            // that one is the network's connectivity, wherever i goes, so it is checked at the end)
            int[] cnt = count.get(c);
            int newAxons = 0;
            for (int k = inStart[i]; k < inStart[i + 1]; k++) {
                if (cnt[inSource[k]] == 0) {
                    newAxons++;
                }
            }
            if (inputAxons[c] + newAxons > lim.inputAxonsPerCore()) {
                return "input axons";
            }
            int own = coreOf[i] == c ? 0 : reach[i];
            return outputAxons[c] + own > lim.outputAxonsPerCore() ? "output axons" : null;
        }

        void place(int i, int c) {
            neurons[c]++;
            bits[c] += neuronBits[i];
            synapses[c] += neuronSynapses[i];
            if (protoCount.get(c)[prototype[i]]++ == 0) {
                prototypes[c]++;
            }
            coreOf[i] = c;
            outputAxons[c] += reach[i];
            int[] cnt = count.get(c);
            for (int k = inStart[i]; k < inStart[i + 1]; k++) {
                int j = inSource[k];
                if (cnt[j]++ == 0) {
                    inputAxons[c]++;
                    reach[j]++;
                    if (j < n && coreOf[j] >= 0) {
                        outputAxons[coreOf[j]]++;
                    }
                }
            }
        }

        void remove(int i, int c) {
            neurons[c]--;
            bits[c] -= neuronBits[i];
            synapses[c] -= neuronSynapses[i];
            if (--protoCount.get(c)[prototype[i]] == 0) {
                prototypes[c]--;
            }
            int[] cnt = count.get(c);
            for (int k = inStart[i]; k < inStart[i + 1]; k++) {
                int j = inSource[k];
                if (--cnt[j] == 0) {
                    inputAxons[c]--;
                    reach[j]--;
                    if (j < n && coreOf[j] >= 0) {
                        outputAxons[coreOf[j]]--;
                    }
                }
            }
            outputAxons[c] -= reach[i];
            coreOf[i] = -1;
        }

        /** weight_j x (cores j reaches other than its own). */
        private double contribution(int j, int[] core) {
            int own = core[j];
            int remote = reach[j] - (own >= 0 && count.get(own)[j] > 0 ? 1 : 0);
            return weight[j] * remote;
        }

        /** Traffic saved by moving neuron i to core b (positive is better); state unchanged on return. */
        double moveGain(int i, int b, int[] core, int[] outStart, int[] outTarget) {
            int a = core[i];
            double before = contribution(i, core);
            for (int k = inStart[i]; k < inStart[i + 1]; k++) {
                int j = inSource[k];
                if (j < weight.length && j != i) {
                    before += contribution(j, core);
                }
            }
            remove(i, a);
            place(i, b);
            core[i] = b;
            double after = contribution(i, core);
            for (int k = inStart[i]; k < inStart[i + 1]; k++) {
                int j = inSource[k];
                if (j < weight.length && j != i) {
                    after += contribution(j, core);
                }
            }
            remove(i, b);
            place(i, a);
            core[i] = a;
            return before - after;
        }

        double traffic(int[] core) {
            double t = 0;
            for (int j = 0; j < weight.length; j++) {
                if (core[j] >= 0) {
                    t += contribution(j, core);
                }
            }
            return t;
        }

        int outputAxons(int c) {
            return outputAxons[c];
        }
    }
}
