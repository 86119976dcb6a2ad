package org.hrsnn.simulator.engine.clock;

import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.monitor.NeuronStateView;
import org.hrsnn.simulator.network.NeuronParameters;

/**
 * One run of the clock-driven engine: the state arrays, the delay rings and the per-worker step
 * loop. Worker w owns neurons [rangeStart[w], rangeStart[w+1]): it alone propagates, thresholds
 * and receives deliveries for them, so workers only meet once per step (after the threshold,
 * when every spike of the step is known) plus twice around a sample.
 *
 * <p>Arrivals at the end boundary of the current step (delay 0, or input landing there) are
 * added straight to I_e, I_i. Later ones go to the rings: slot b (boundary b mod S) of the
 * excitatory ring is {@code ringE[b*N .. b*N+N-1]}; the same for the inhibitory ring. The slot
 * of the boundary a step starts from holds the ring arrivals due there; they are added to I_e,
 * I_i at the top of that step's propagation (the same state as adding them at the end of the
 * previous step, since arrivals touch only the currents).
 */
final class ClockRun implements NeuronStateView {
    /** Cap on ring entries (slots x neurons) per sign, so ring indices fit in an int. */
    static final int MAX_RING_ENTRIES = 1 << 28;
    /** State magnitudes below this are flushed to zero before they can become subnormal. */
    static final double FLUSH_BELOW = 1e-300;

    // configuration
    private final int n;
    private final int workers;
    private final int[] rangeStart;
    private final double dt;
    private final int steps;
    private final Propagators prop;
    private final double[] resetPotential;
    private final double[] threshold;
    private final double[] adaptationStrength;
    private final int[] refractorySteps;
    private final RecurrentSynapses synapses;
    private final InputSchedule inputs;
    private final BiasSchedule bias;
    private final Monitor[] monitors;
    private final int[] sampleEvery;
    private final int progressEvery;
    private final int flushEvery;
    private final SpinBarrier barrier;

    // state
    private final double[] v;
    private final double[] ie;
    private final double[] ii;
    /** Adaptation a and effective threshold V_th + beta a; null / the threshold array without ALIF. */
    private final double[] a;
    private final double[] theta;
    private final double[] biasTerm;
    private final int[] refractoryLeft;
    private final int[][] refractoryList;
    private final int[] refractoryCount;
    /** Spikes of the step, per step parity and worker, in increasing neuron order. */
    private final int[][][] spiked;
    private final int[][] spikedCount;
    private final int[] spikeCounts;
    private final double[] ringE;
    private final double[] ringI;
    private final int ringLength;
    /** Whether any arrival goes through the ring (a delay of at least one step). */
    private final boolean ringUsed;
    /** Per-worker counters, padded to separate cache lines. */
    private static final int PAD = 16;
    private final long[] events;
    private final int[] inputCursor;
    private final int[] biasCursor;
    /** Ring base of the boundary the view adds as pending arrivals (set before sampling). */
    private int viewBase;

    ClockRun(NeuronParameters p, double dt, int steps, int workers, int[] rangeStart, Propagators prop,
             RecurrentSynapses synapses, InputSchedule inputs, BiasSchedule bias, Monitor[] monitors) {
        this.n = p.size;
        this.workers = workers;
        this.rangeStart = rangeStart;
        this.dt = dt;
        this.steps = steps;
        this.prop = prop;
        this.resetPotential = p.resetPotential;
        this.threshold = p.threshold;
        this.adaptationStrength = p.adaptationStrength;
        this.synapses = synapses;
        this.inputs = inputs;
        this.bias = bias;
        this.monitors = monitors;
        refractorySteps = new int[n];
        for (int i = 0; i < n; i++) {
            refractorySteps[i] = (int) Math.min(Integer.MAX_VALUE, Grid.roundSteps(p.refractoryPeriod[i], dt));
        }
        sampleEvery = new int[monitors.length];
        for (int m = 0; m < monitors.length; m++) {
            double period = monitors[m].samplePeriodMs();
            sampleEvery[m] = period > 0 ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, Grid.roundSteps(period, dt))) : 0;
        }
        progressEvery = (int) Math.max(1, Math.floor(Monitor.PROGRESS_INTERVAL_MS / dt * (1 + 1e-12)));
        // A value just above FLUSH_BELOW stays above Double.MIN_NORMAL for ln(FLUSH_BELOW / MIN_NORMAL)
        // / (dt / tau) steps of decay, so flushing that often keeps the state out of the subnormals.
        double safeSteps = Math.log(FLUSH_BELOW / Double.MIN_NORMAL) / Math.max(prop.maxDecayRate, 1e-12);
        flushEvery = (int) Math.max(1, Math.min(1 << 20, Math.floor(safeSteps)));
        barrier = workers > 1 ? new SpinBarrier(workers) : null;

        v = p.initialPotential.clone();
        ie = new double[n];
        ii = new double[n];
        if (prop.aa != null) {
            a = new double[n];
            theta = p.threshold.clone();
        } else {
            a = null;
            theta = p.threshold;
        }
        biasTerm = bias.initial.clone();
        refractoryLeft = new int[n];
        refractoryList = new int[workers][];
        refractoryCount = new int[workers];
        spiked = new int[2][workers][];
        spikedCount = new int[2][workers];
        for (int w = 0; w < workers; w++) {
            int size = rangeStart[w + 1] - rangeStart[w];
            refractoryList[w] = new int[size];
            spiked[0][w] = new int[size];
            spiked[1][w] = new int[size];
        }
        spikeCounts = new int[n];
        int slots = Math.max(synapses.maxDelaySteps, inputs.maxLeadSteps) + 1;
        ringLength = slots * n;
        ringUsed = slots > 1;
        ringE = new double[ringLength];
        ringI = new double[ringLength];
        events = new long[workers * PAD];
        inputCursor = new int[workers * PAD];
        biasCursor = new int[workers * PAD];
    }

    int[] spikeCounts() {
        return spikeCounts;
    }

    long spikes() {
        long s = 0;
        for (int c : spikeCounts) {
            s += c;
        }
        return s;
    }

    long synapticEvents() {
        long s = 0;
        for (int w = 0; w < workers; w++) {
            s += events[w * PAD];
        }
        return s;
    }

    /** Input spikes at boundary 0 (t = 0) and the t = 0 samples, before the loop (single-threaded). */
    void initialise() {
        for (int w = 0; w < workers; w++) {
            deliverInputs(w, 0L, 0);
        }
        viewBase = 0;
        for (int m = 0; m < monitors.length; m++) {
            if (sampleEvery[m] > 0) {
                monitors[m].onSample(0.0, this);
            }
        }
    }

    /** The step loop of worker w (worker 0 also reports to the monitors). */
    void work(int w) {
        final int lo = rangeStart[w];
        final int hi = rangeStart[w + 1];
        int base = 0; // ring base of the boundary this step starts from
        for (int step = 0; step < steps; step++) {
            applyBiasSwitches(w, step, lo, hi);
            propagate(lo, hi, base);
            if (a != null) {
                adapt(lo, hi);
            }
            if (step % flushEvery == flushEvery - 1) {
                flushSubnormals(lo, hi);
            }
            clampRefractory(w);
            int parity = step & 1;
            thresholdAndReset(w, lo, hi, parity);
            if (barrier != null) {
                barrier.await();
            }
            int next = base + n;
            if (next == ringLength) {
                next = 0;
            }
            deliverSpikes(w, parity, next);
            deliverInputs(w, step + 1L, next);
            if (w == 0 && monitors.length > 0) {
                report(step, parity);
            }
            if (sampleDue(step + 1)) {
                if (barrier != null) {
                    barrier.await();
                }
                if (w == 0) {
                    sample(step + 1, next);
                }
                if (barrier != null) {
                    barrier.await();
                }
            }
            base = next;
        }
    }

    void abort() {
        if (barrier != null) {
            barrier.breakBarrier();
        }
    }

    private void applyBiasSwitches(int w, int step, int lo, int hi) {
        int cur = biasCursor[w * PAD];
        long[] at = bias.switchStep;
        if (cur < at.length && at[cur] == step) {
            int[] neuron = bias.neuron;
            double[] value = bias.value;
            for (int k = bias.entryStart[cur]; k < bias.entryStart[cur + 1]; k++) {
                int i = neuron[k];
                if (i >= lo && i < hi) {
                    biasTerm[i] = value[k];
                }
            }
            biasCursor[w * PAD] = cur + 1;
        }
    }

    /**
     * Adds the pending ring arrivals (if any synapse goes through the ring), then advances v,
     * I_e, I_i exactly by dt. Four branch-free loops the JIT vectorises: per-neuron or shared
     * coefficients, with or without the ring. All four compute the same expression.
     */
    private void propagate(int lo, int hi, int base) {
        Propagators p = prop;
        if (p.uniform) {
            if (ringUsed) {
                propagateUniformRing(lo, hi, base, v, ie, ii, ringE, ringI, biasTerm, p.vv[0], p.ve[0], p.vi[0],
                        p.ee[0], p.ii[0]);
            } else {
                propagateUniform(lo, hi, v, ie, ii, biasTerm, p.vv[0], p.ve[0], p.vi[0], p.ee[0], p.ii[0]);
            }
        } else {
            if (ringUsed) {
                propagateRing(lo, hi, base, v, ie, ii, ringE, ringI, biasTerm, p.vv, p.ve, p.vi, p.ee, p.ii);
            } else {
                propagate(lo, hi, v, ie, ii, biasTerm, p.vv, p.ve, p.vi, p.ee, p.ii);
            }
        }
    }

    // With per-neuron coefficients C2 does not vectorise the fused loop (too many streams), so
    // it is split: ring merge, v update, current decay (measured about 2.5x faster).
    private static void propagate(int lo, int hi, double[] v, double[] ie, double[] ii, double[] c,
                                  double[] vv, double[] ve, double[] vi, double[] ee, double[] pi) {
        for (int i = lo; i < hi; i++) {
            v[i] = vv[i] * v[i] + ve[i] * ie[i] + vi[i] * ii[i] + c[i];
        }
        for (int i = lo; i < hi; i++) {
            ie[i] = ee[i] * ie[i];
            ii[i] = pi[i] * ii[i];
        }
    }

    private static void propagateRing(int lo, int hi, int base, double[] v, double[] ie, double[] ii,
                                      double[] ringE, double[] ringI, double[] c,
                                      double[] vv, double[] ve, double[] vi, double[] ee, double[] pi) {
        mergeArrivals(lo, hi, base, ie, ringE);
        mergeArrivals(lo, hi, base, ii, ringI);
        propagate(lo, hi, v, ie, ii, c, vv, ve, vi, ee, pi);
    }

    private static void mergeArrivals(int lo, int hi, int base, double[] current, double[] ring) {
        for (int i = lo; i < hi; i++) {
            current[i] += ring[base + i];
            ring[base + i] = 0.0;
        }
    }

    private static void propagateUniform(int lo, int hi, double[] v, double[] ie, double[] ii, double[] c,
                                         double vv, double ve, double vi, double ee, double pi) {
        for (int i = lo; i < hi; i++) {
            double e = ie[i];
            double in = ii[i];
            v[i] = vv * v[i] + ve * e + vi * in + c[i];
            ie[i] = ee * e;
            ii[i] = pi * in;
        }
    }

    private static void propagateUniformRing(int lo, int hi, int base, double[] v, double[] ie, double[] ii,
                                             double[] ringE, double[] ringI, double[] c,
                                             double vv, double ve, double vi, double ee, double pi) {
        for (int i = lo; i < hi; i++) {
            double e = ie[i] + ringE[base + i];
            double in = ii[i] + ringI[base + i];
            ringE[base + i] = 0.0;
            ringI[base + i] = 0.0;
            v[i] = vv * v[i] + ve * e + vi * in + c[i];
            ie[i] = ee * e;
            ii[i] = pi * in;
        }
    }

    private void adapt(int lo, int hi) {
        final double[] a = this.a;
        final double[] aa = prop.aa;
        final double[] theta = this.theta;
        final double[] th = threshold;
        final double[] beta = adaptationStrength;
        for (int i = lo; i < hi; i++) {
            double x = aa[i] * a[i];
            a[i] = x;
            theta[i] = th[i] + beta[i] * x;
        }
    }

    private void flushSubnormals(int lo, int hi) {
        flush(v, lo, hi);
        flush(ie, lo, hi);
        flush(ii, lo, hi);
        if (a != null) {
            flush(a, lo, hi);
        }
    }

    private static void flush(double[] x, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            if (Math.abs(x[i]) < FLUSH_BELOW) {
                x[i] = 0.0;
            }
        }
    }

    /** v is held at V_reset for the refractory steps; the currents keep evolving. */
    private void clampRefractory(int w) {
        int[] list = refractoryList[w];
        int count = refractoryCount[w];
        int k = 0;
        while (k < count) {
            int i = list[k];
            v[i] = resetPotential[i];
            if (--refractoryLeft[i] == 0) {
                list[k] = list[--count]; // order in the list does not matter: entries are independent
            } else {
                k++;
            }
        }
        refractoryCount[w] = count;
    }

    private void thresholdAndReset(int w, int lo, int hi, int parity) {
        final double[] v = this.v;
        final double[] theta = this.theta;
        int[] out = spiked[parity][w];
        int count = 0;
        final int[] left = refractoryLeft;
        for (int i = lo; i < hi; i++) {
            // a clamped neuron sits at V_reset < V_th; the second test only matters for
            // hand-made parameters with V_reset >= V_th, and costs nothing on the common path
            if (v[i] > theta[i] && left[i] == 0) {
                out[count++] = i;
            }
        }
        spikedCount[parity][w] = count;
        int[] list = refractoryList[w];
        int refCount = refractoryCount[w];
        for (int k = 0; k < count; k++) {
            int i = out[k];
            v[i] = resetPotential[i];
            spikeCounts[i]++;
            int r = refractorySteps[i];
            if (r > 0) {
                refractoryLeft[i] = r;
                list[refCount++] = i;
            }
            if (a != null) {
                a[i] += 1.0;
            }
        }
        refractoryCount[w] = refCount;
    }

    /**
     * Every spike of the step (all workers', in neuron order) through the synapses whose target
     * is in worker w's range: each target's current and ring entries receive their additions in
     * the same order for any number of workers. Delay 0 goes straight into I_e / I_i (the
     * arrival is at this step's end boundary), longer delays into the ring.
     */
    private void deliverSpikes(int w, int parity, int next) {
        long delivered = 0;
        RecurrentSynapses syn = synapses;
        for (int src = 0; src < workers; src++) {
            int[] list = spiked[parity][src];
            int count = spikedCount[parity][src];
            if (count == 0) {
                continue;
            }
            delivered += deliverNow(syn.excitatoryNow, ie, list, count, w);
            delivered += deliverNow(syn.inhibitoryNow, ii, list, count, w);
            if (ringUsed) {
                delivered += deliverDelayed(syn.excitatoryDelayed, ringE, list, count, w, next);
                delivered += deliverDelayed(syn.inhibitoryDelayed, ringI, list, count, w, next);
            }
        }
        events[w * PAD] += delivered;
    }

    private long deliverNow(RecurrentSynapses.Part part, double[] current, int[] list, int count, int w) {
        final int[] seg = part.segments;
        final int[] target = part.offset; // offset == target for delay 0
        final double[] weight = part.weight;
        final int stride = workers + 1;
        long delivered = 0;
        for (int s = 0; s < count; s++) {
            int j = list[s];
            int from = seg[j * stride + w];
            int to = seg[j * stride + w + 1];
            for (int k = from; k < to; k++) {
                current[target[k]] += weight[k];
            }
            delivered += to - from;
        }
        return delivered;
    }

    private long deliverDelayed(RecurrentSynapses.Part part, double[] ring, int[] list, int count, int w, int next) {
        final int[] seg = part.segments;
        final int[] offset = part.offset;
        final double[] weight = part.weight;
        final int stride = workers + 1;
        final int length = ringLength;
        long delivered = 0;
        for (int s = 0; s < count; s++) {
            int j = list[s];
            int from = seg[j * stride + w];
            int to = seg[j * stride + w + 1];
            for (int k = from; k < to; k++) {
                int idx = next + offset[k];
                if (idx >= length) {
                    idx -= length;
                }
                ring[idx] += weight[k];
            }
            delivered += to - from;
        }
        return delivered;
    }

    /** External spikes whose boundary m0 = ceil(t / dt) is {@code boundary}; ring base of m0 is {@code base}. */
    private void deliverInputs(int w, long boundary, int base) {
        InputSchedule in = inputs;
        int cur = inputCursor[w * PAD];
        if (cur >= in.size() || in.boundary[cur] != boundary) {
            return;
        }
        long delivered = 0;
        int stride = workers + 1;
        while (cur < in.size() && in.boundary[cur] == boundary) {
            InputSchedule.Projection p = in.projections[in.group[cur]];
            int c = in.channel[cur];
            double t = in.time[cur];
            int from = p.segments[c * stride + w];
            int to = p.segments[c * stride + w + 1];
            for (int k = from; k < to; k++) {
                double d = p.delay[k];
                int lead = d == 0 ? 0 : (int) (Grid.boundaryAtOrAfter(t + d, dt) - boundary);
                double wk = p.weight[k];
                if (lead == 0) {
                    if (wk >= 0) {
                        ie[p.target[k]] += wk;
                    } else {
                        ii[p.target[k]] += wk;
                    }
                    continue;
                }
                int idx = base + lead * n + p.target[k];
                if (idx >= ringLength) {
                    idx -= ringLength;
                }
                if (wk >= 0) {
                    ringE[idx] += wk;
                } else {
                    ringI[idx] += wk;
                }
            }
            delivered += to - from;
            cur++;
        }
        inputCursor[w * PAD] = cur;
        events[w * PAD] += delivered;
    }

    private void report(int step, int parity) {
        double t = (step + 1) * dt;
        for (int src = 0; src < workers; src++) {
            int[] list = spiked[parity][src];
            int count = spikedCount[parity][src];
            for (int k = 0; k < count; k++) {
                for (Monitor m : monitors) {
                    m.onSpike(list[k], t);
                }
            }
        }
        if ((step + 1) % progressEvery == 0) {
            for (Monitor m : monitors) {
                m.onProgress(t);
            }
        }
    }

    private boolean sampleDue(int boundary) {
        for (int every : sampleEvery) {
            if (every > 0 && boundary % every == 0) {
                return true;
            }
        }
        return false;
    }

    private void sample(int boundary, int base) {
        viewBase = base;
        double t = boundary * dt;
        for (int m = 0; m < monitors.length; m++) {
            if (sampleEvery[m] > 0 && boundary % sampleEvery[m] == 0) {
                monitors[m].onSample(t, this);
            }
        }
    }

    // NeuronStateView: the state at the sample boundary, pending arrivals included.

    @Override
    public double membranePotential(int neuron) {
        return v[neuron];
    }

    @Override
    public double excitatoryCurrent(int neuron) {
        return ie[neuron] + ringE[viewBase + neuron];
    }

    @Override
    public double inhibitoryCurrent(int neuron) {
        return ii[neuron] + ringI[viewBase + neuron];
    }

    @Override
    public double adaptation(int neuron) {
        return a == null ? 0.0 : a[neuron];
    }
}
