package org.hrsnn.learning.gradient;

import java.util.Arrays;
import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.simulator.InvalidInputException;

/**
 * SnAp-n (Menick et al., ICLR 2021): RTRL restricted to a structural sparsity pattern of the
 * influence matrix. For a parameter acting on neuron j (a recurrent weight w_ji or an input
 * weight w_jc), the influence on the state (v_k, a_k) is kept iff neuron k is reachable from j in
 * at most n - 1 steps of the static recurrent graph (n = 1: k = j only). The pattern depends only
 * on the synapse structure, never on current values: a silent neuron keeps its traces. With n at
 * least the graph's diameter + 1 nothing is dropped and SnAp-n is exact RTRL.
 *
 * <p>The recursion per kept entry uses dz_{t-1,m} = psi_{t-1,m} (J_v[m] - beta_m J_a[m]):
 * J_v[k] <- alpha_k J_v[k] - vth_k dz[k] + sum over kept m with m -> k of w_km dz[m] (+ the
 * immediate term for k = j); J_a[k] <- rho_k J_a[k] + dz[k]. Memory and time scale with the
 * number of kept entries and kept local synapses, so with the synapse count on sparse networks.
 */
public class SnapN extends ForwardEstimator {
    private final int order;
    private final boolean adaptation;
    /** Neurons kept for parameters acting on j: reach[reachStart[j] ..], j first. */
    private final int[] reachStart;
    private final int[] reach;
    /** Local synapses inside the kept set, per kept entry (global entry index into reach). */
    private final int[] edgeStart;
    private final int[] edgeFromLocal;
    private final int[] edgeSynapse;
    /** Parameters grouped by the neuron they act on: model parameter index and immediate source. */
    private final int[] paramStart;
    private final int[] paramIndex;
    /** >= 0: presynaptic neuron (immediate term z_{t-1,i}); < 0: input channel -1 - c (x_c). */
    private final int[] paramSourceCode;
    private final long[] traceOffset;
    private final double[] jv;
    private final double[] ja;
    private final double[] zb;
    private final double[] dzPrev;
    private final long entries;
    private final long localEdgeWork;

    public SnapN(RecurrentSpikingModel model, int order) {
        super(model, null);
        if (order < 1) {
            throw new InvalidInputException("snap.order", order, "an integer >= 1");
        }
        this.order = order;
        this.adaptation = model.hasAdaptation();
        int n = model.n;
        // Kept neuron sets by breadth-first search to depth order - 1.
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n];
        int[] rs = new int[n + 1];
        int[] rl = new int[Math.max(16, n)];
        int count = 0;
        for (int j = 0; j < n; j++) {
            int head = 0;
            int tail = 0;
            queue[tail++] = j;
            dist[j] = 0;
            while (head < tail) {
                int u = queue[head++];
                if (dist[u] == order - 1) {
                    continue;
                }
                for (int k = model.rowStart[u]; k < model.rowStart[u + 1]; k++) {
                    int v = model.target[k];
                    if (dist[v] < 0) {
                        dist[v] = dist[u] + 1;
                        queue[tail++] = v;
                    }
                }
            }
            if (count + tail > rl.length) {
                rl = Arrays.copyOf(rl, Math.max(rl.length * 2, count + tail));
            }
            // j first, the rest ascending (BFS order is fine too, but sorted is easier to read).
            rl[count] = j;
            int[] rest = Arrays.copyOfRange(queue, 1, tail);
            Arrays.sort(rest);
            System.arraycopy(rest, 0, rl, count + 1, rest.length);
            count += tail;
            rs[j + 1] = count;
            for (int q = 0; q < tail; q++) {
                dist[queue[q]] = -1;
            }
        }
        reachStart = rs;
        reach = Arrays.copyOf(rl, count);
        // Refuse before allocating: kept entries and an upper bound on the local synapse lists.
        long plannedEntries = 0;
        long edgeBound = 0;
        for (int j = 0; j < n; j++) {
            long group = (long) (model.inStart[j + 1] - model.inStart[j]) + model.inputs;
            plannedEntries += group * (rs[j + 1] - rs[j]);
            for (int q = rs[j]; q < rs[j + 1]; q++) {
                edgeBound += model.inStart[reach[q] + 1] - model.inStart[reach[q]];
            }
        }
        long bytes = 8L * plannedEntries * (model.hasAdaptation() ? 3 : 2) + 8L * edgeBound;
        long limit = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > limit) {
            throw new InvalidInputException("snap-" + order + ".memory", bytes + " bytes (" + (bytes >> 20) + " MiB, "
                    + plannedEntries + " kept entries)", "at most " + limit + " bytes (half the heap); use a lower order");
        }
        // Local synapses m -> k with both in the kept set of j, listed per kept entry k.
        int[] local = new int[n];
        Arrays.fill(local, -1);
        int[] es = new int[count + 1];
        int[] ef = new int[16];
        int[] esyn = new int[16];
        int ec = 0;
        for (int j = 0; j < n; j++) {
            for (int q = rs[j]; q < rs[j + 1]; q++) {
                local[reach[q]] = q - rs[j];
            }
            for (int q = rs[j]; q < rs[j + 1]; q++) {
                int k = reach[q];
                for (int pp = model.inStart[k]; pp < model.inStart[k + 1]; pp++) {
                    int syn = model.inSynapse[pp];
                    int mLocal = local[model.source[syn]];
                    if (mLocal >= 0) {
                        if (ec == ef.length) {
                            ef = Arrays.copyOf(ef, ec * 2);
                            esyn = Arrays.copyOf(esyn, ec * 2);
                        }
                        ef[ec] = mLocal;
                        esyn[ec] = syn;
                        ec++;
                    }
                }
                es[q + 1] = ec;
            }
            for (int q = rs[j]; q < rs[j + 1]; q++) {
                local[reach[q]] = -1;
            }
        }
        edgeStart = es;
        edgeFromLocal = Arrays.copyOf(ef, ec);
        edgeSynapse = Arrays.copyOf(esyn, ec);
        // Parameters grouped by the neuron they act on.
        int p = model.stateParameters();
        paramStart = new int[n + 1];
        paramIndex = new int[p];
        paramSourceCode = new int[p];
        traceOffset = new long[p + 1];
        int pc = 0;
        long off = 0;
        long work = 0;
        int maxReach = 0;
        for (int j = 0; j < n; j++) {
            int size = rs[j + 1] - rs[j];
            maxReach = Math.max(maxReach, size);
            int groupEdges = es[rs[j + 1]] - es[rs[j]];
            for (int pp = model.inStart[j]; pp < model.inStart[j + 1]; pp++) {
                int syn = model.inSynapse[pp];
                paramIndex[pc] = syn;
                paramSourceCode[pc] = model.source[syn];
                off += size;
                work += groupEdges;
                traceOffset[++pc] = off;
            }
            for (int c = 0; c < model.inputs; c++) {
                paramIndex[pc] = model.inOffset + j * model.inputs + c;
                paramSourceCode[pc] = -1 - c;
                off += size;
                work += groupEdges;
                traceOffset[++pc] = off;
            }
            paramStart[j + 1] = pc;
        }
        if (off > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("snap-" + order + ".entries", off,
                    "at most " + (Integer.MAX_VALUE - 8) + " kept influence entries per array; use a lower order");
        }
        entries = off;
        localEdgeWork = work;
        jv = new double[(int) off];
        ja = adaptation ? new double[(int) off] : null;
        zb = new double[(int) off];
        dzPrev = new double[maxReach];
    }

    @Override
    public String name() {
        return "snap-" + order;
    }

    public int order() {
        return order;
    }

    /** Number of kept influence entries per state variable (v; a has as many when there is adaptation). */
    public long keptEntries() {
        return entries;
    }

    @Override
    protected void resetTraces() {
        Arrays.fill(jv, 0);
        if (ja != null) {
            Arrays.fill(ja, 0);
        }
        Arrays.fill(zb, 0);
    }

    @Override
    public void step(ModelState s, double[] x, double[] outputError, double[] spikeError) {
        readoutAndSignal(s, outputError, spikeError);
        RecurrentSpikingModel m = model;
        double[] w = m.params;
        double[] alpha = m.alpha;
        double[] rho = m.rho;
        double[] beta = m.beta;
        double[] vth = m.vth;
        double[] psiPrev = s.psiPrev;
        double[] psi = s.psi;
        double[] zPrev = s.zPrev;
        double kappa = m.kappa;
        boolean signal = hasFiltered || hasDirect;
        double[] jv = this.jv;
        double[] ja = this.ja;
        double[] zb = this.zb;
        double[] dzp = dzPrev;
        for (int j = 0; j < m.n; j++) {
            int r0 = reachStart[j];
            int size = reachStart[j + 1] - r0;
            for (int pc = paramStart[j]; pc < paramStart[j + 1]; pc++) {
                int base = (int) traceOffset[pc];
                int code = paramSourceCode[pc];
                double immediate = code >= 0 ? zPrev[code] : x[-1 - code];
                for (int l = 0; l < size; l++) {
                    int k = reach[r0 + l];
                    double jak = ja == null ? 0 : ja[base + l];
                    dzp[l] = psiPrev[k] * (jv[base + l] - beta[k] * jak);
                }
                double g = 0;
                for (int l = 0; l < size; l++) {
                    int q = r0 + l;
                    int k = reach[q];
                    double nv = alpha[k] * jv[base + l] - vth[k] * dzp[l];
                    for (int e = edgeStart[q]; e < edgeStart[q + 1]; e++) {
                        nv += w[edgeSynapse[e]] * dzp[edgeFromLocal[e]];
                    }
                    if (l == 0) {
                        nv += immediate;
                    }
                    jv[base + l] = nv;
                    double dz;
                    if (ja != null) {
                        double na = rho[k] * ja[base + l] + dzp[l];
                        ja[base + l] = na;
                        dz = psi[k] * (nv - beta[k] * na);
                    } else {
                        dz = psi[k] * nv;
                    }
                    double zbar = kappa * zb[base + l] + dz;
                    zb[base + l] = zbar;
                    if (signal) {
                        g += filteredSignal[k] * zbar + directSignal[k] * dz;
                    }
                }
                grad[paramIndex[pc]] += g;
            }
        }
    }

    @Override
    public CostReport cost() {
        long perEntry = adaptation ? 10 : 7;
        long state = (long) jv.length + (ja == null ? 0 : ja.length) + zb.length;
        return new CostReport(name(), state, entries * perEntry + localEdgeWork,
                entries + " kept entries (v" + (adaptation ? ", a" : "") + " influence and kappa-filtered spike"
                        + " influence each); " + perEntry + " multiply-adds per entry + one per kept local synapse"
                        + " per parameter (" + localEdgeWork + ")");
    }
}
