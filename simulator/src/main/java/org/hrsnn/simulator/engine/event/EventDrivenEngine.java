package org.hrsnn.simulator.engine.event;

import java.util.Arrays;
import java.util.List;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.RunInputs;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.monitor.NeuronStateView;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Exact event-driven simulation of the current-based LIF / ALIF network of MODELS.md section 1,
 * in continuous time: spike times are real numbers, not points of a grid.
 *
 * <h2>State and exact updates</h2>
 * Each neuron keeps (u = v - E_L, I_e, I_i, a) at the time of its last event and is advanced
 * lazily, only when an event reaches it, with the closed-form solution ({@code ExactLif}: the
 * kernel K(h; tau_s, tau_m) with its tau_s == tau_m guard, see {@link SynapseKernels}). During
 * the refractory period v stays at V_reset while the currents and a keep decaying. The ALIF
 * threshold is V_th + beta a with tau_a da/dt = -a and a += 1 at each spike, in continuous time.
 * Injected currents are piecewise constant, so their switching times are events.
 *
 * <h2>Threshold prediction that cannot miss a crossing</h2>
 * Every neuron has at most one entry in an indexed 4-ary heap ({@link NeuronHeap}), which is
 * either an <em>exact</em> predicted spike time or a <em>lower bound</em> on it. The invariant is
 * that the key is never later than the neuron's true next crossing if no further input came.
 * <ul>
 *   <li>After an excitatory input (or a rise of the injected current) the crossing can only come
 *       earlier. A cheap certified lower bound needs no exp(): dropping the inhibitory term
 *       (never positive) and using 1 - e^{-x} <= min(x, 1) (membrane relaxation and threshold
 *       decay) and K(h) <= min(h / tau_m, K(h*)),
 *       f(h) <= f(0) + min(h/tau_m, 1) max(0, R I_bias - u) + R I_e min(h/tau_m, K_e(h*))
 *       + beta a min(h/tau_a, 1), a concave piecewise-linear function whose first zero is
 *       found by walking its (at most four) breakpoints. If even its sup is negative the neuron
 *       has no key. An old lower-bound key earlier than the new bound is kept (still a
 *       lower bound, no heap operation); an old exact key is replaced.</li>
 *   <li>After an inhibitory input (or a fall of the injected current) every kernel being
 *       positive, f only decreases pointwise: the crossing comes later, the old key stays a valid
 *       lower bound and is merely marked as a bound. No heap operation.</li>
 *   <li>When a lower-bound key reaches the top of the heap, the neuron is advanced to that time.
 *       If the lower bound from there is still at least 0.05 tau_m away, that becomes the new
 *       key (far from threshold an exact search would be wasted: the next input changes the
 *       trajectory); otherwise the first crossing is found exactly by {@link ThresholdCrossing}
 *       (interval bounds on the sum of exponentials, leftmost first, then safeguarded Newton),
 *       up to the end of the run, and the key becomes that exact time (or is removed).</li>
 *   <li>When an exact key reaches the top, the neuron spikes at that time.</li>
 * </ul>
 * In a busy network (CUBA: an input every ~2 ms per neuron) most bounds are overtaken by the next
 * input, so the exact search runs only for neurons close to threshold.
 *
 * <h2>Deliveries</h2>
 * Recurrent and input synapses are read by presynaptic row with each row in delay order
 * ({@link DelayRows}: the network's own arrays when already so, a sorted copy otherwise). A spike
 * delivers its zero-delay synapses at once (CUBA needs nothing else); the rest go into a
 * {@link DeliveryQueue} entry per spike, re-keyed from one delay value to the next.
 *
 * <h2>Order and determinism</h2>
 * Events at equal times are handled as: current switches, external input spikes, delayed
 * deliveries, then neuron events (lower neuron index first). The run covers [0, end): spikes and
 * deliveries at or after the end are dropped. Samples (t = 0, P, 2P, ... &lt;= end, as in the
 * clock engine) see the state after the events at their own time (arrivals included, a neuron
 * that fired then at reset) and are evaluated from the stored state without changing it, so
 * recording never changes spikes. Progress is reported at every multiple of
 * {@link Monitor#PROGRESS_INTERVAL_MS}. The engine runs on one thread whatever
 * {@code options.threads()} says, so results are identical for every thread count.
 */
public final class EventDrivenEngine implements Engine {
    /**
     * When a lower bound is reached and the new lower bound from there is still at least this
     * fraction of tau_m away, the neuron is re-keyed with it instead of running the exact search
     * (far from threshold the search would be wasted on a trajectory the next input changes).
     * Measured on CUBAhet: 0.05 runs about 1.4 exact searches per spike; 0.25 about 3.7, 0.5 about 8.
     */
    private static final double REBOUND_FRACTION = 0.05;

    @Override
    public String name() {
        return "event";
    }

    @Override
    public SimulationResult run(Network network, SimulationOptions options, Monitor... monitors) {
        Run run = new Run(network, options, monitors);
        return run.simulate();
    }

    /** One simulation: all state on primitive arrays. */
    private static final class Run implements NeuronStateView {
        private final Network network;
        private final SimulationOptions options;
        private final Monitor[] monitors;
        private final int n;
        private final double end;

        // Per-neuron constants used on the hot path, packed (stride C) so that one neuron's
        // constants share two cache lines: deliveries touch neurons in random order.
        private static final int C = 16;
        private static final int C_INV_TAU_M = 0;
        private static final int C_R = 1;
        private static final int C_THRESHOLD = 2;
        private static final int C_BETA = 3;
        private static final int C_INV_TAU_A = 4;
        private static final int C_TAU_M = 5;
        private static final int C_TAU_A = 6;
        private static final int C_E_INV_TAU = 8;
        private static final int C_E_GAIN = 9;
        private static final int C_E_PEAK = 10;
        private static final int C_E_RATE = 11;
        private static final int C_I_INV_TAU = 12;
        private static final int C_I_GAIN = 13;
        private static final int C_I_PEAK = 14;
        private static final int C_I_RATE = 15;
        private final double[] ct;
        // Per-neuron state at its last update, packed (stride S, one cache line per neuron):
        // time, u = v - E_L, I_e, I_i, a, end of the refractory period, bias incl. injections.
        private static final int S = 8;
        private static final int S_LAST = 0;
        private static final int S_U = 1;
        private static final int S_IE = 2;
        private static final int S_II = 3;
        private static final int S_ADAPT = 4;
        private static final int S_REFRACTORY_END = 5;
        private static final int S_BIAS = 6;
        private final double[] st;

        // Other per-neuron constants (set-up, spikes, samples, the exact search).
        private final double[] resetAboveRest;
        private final double[] leak;
        private final double[] refractory;
        private final double[] baseBias;
        private final ThresholdCrossing crossing;

        private final boolean[] exact;
        private final NeuronHeap heap;

        // Synapses by delay: [0] recurrent, [1 + g] input group g.
        private final DelayRows[] synapseRows;
        private final DeliveryQueue queue = new DeliveryQueue();

        // External input spikes, merged in time order: time, input group, channel.
        private final double[] inputTime;
        private final int[] inputGroup;
        private final int[] inputChannel;

        // Current switches in time order: time and injection index; neuron -> injections CSR.
        private final double[] switchTime;
        private final int[] switchInjection;
        private final CurrentInjection[] injections;
        private final int[] injectionStart;
        private final int[] injectionOf;

        private long spikes;
        private long synapticEvents;
        private final int[] spikeCounts;

        // Scratch output of propagate().
        private double pu;
        private double pie;
        private double pii;
        private double pa;
        private double decay;
        private double viewTime;

        Run(Network network, SimulationOptions options, Monitor[] monitors) {
            this.network = network;
            this.options = options;
            this.monitors = monitors;
            NeuronParameters np = network.parameters();
            n = np.size;
            end = options.durationMs();
            leak = np.leakPotential;
            refractory = np.refractoryPeriod;
            baseBias = np.biasCurrent;
            resetAboveRest = new double[n];
            double[] invTauM = new double[n];
            double[] invTauA = new double[n];
            for (int i = 0; i < n; i++) {
                resetAboveRest[i] = np.resetPotential[i] - np.leakPotential[i];
                invTauM[i] = 1.0 / np.membraneTau[i];
                invTauA[i] = 1.0 / np.adaptationTau[i];
            }
            SynapseKernels exc = new SynapseKernels(np.excitatoryTau, np.membraneTau);
            SynapseKernels inh = new SynapseKernels(np.inhibitoryTau, np.membraneTau);
            crossing = new ThresholdCrossing(exc, inh, invTauM, invTauA);
            ct = new double[n * C];
            st = new double[n * S];
            for (int i = 0; i < n; i++) {
                int c = i * C;
                ct[c + C_INV_TAU_M] = invTauM[i];
                ct[c + C_R] = np.resistance[i];
                ct[c + C_THRESHOLD] = np.threshold[i] - np.leakPotential[i];
                ct[c + C_BETA] = np.adaptationStrength[i];
                ct[c + C_INV_TAU_A] = invTauA[i];
                ct[c + C_TAU_M] = np.membraneTau[i];
                ct[c + C_TAU_A] = np.adaptationTau[i];
                ct[c + C_E_INV_TAU] = exc.invTauS[i];
                ct[c + C_E_GAIN] = exc.gain[i];
                ct[c + C_E_PEAK] = exc.peakValue[i];
                ct[c + C_E_RATE] = exc.near[i] ? exc.rate[i] : Double.NaN;
                ct[c + C_I_INV_TAU] = inh.invTauS[i];
                ct[c + C_I_GAIN] = inh.gain[i];
                ct[c + C_I_PEAK] = inh.peakValue[i];
                ct[c + C_I_RATE] = inh.near[i] ? inh.rate[i] : Double.NaN;
                int b = i * S;
                st[b + S_U] = np.initialPotential[i] - np.leakPotential[i];
                st[b + S_REFRACTORY_END] = Double.NEGATIVE_INFINITY;
                st[b + S_BIAS] = baseBias[i];
            }
            exact = new boolean[n];
            heap = new NeuronHeap(n);
            spikeCounts = new int[n];

            // Engine CSR: recurrent rows, then one row per input channel.
            List<InputGroup> groups = network.inputs();
            SpikeTrains[] trains = RunInputs.generate(network, options);
            synapseRows = new DelayRows[groups.size() + 1];
            synapseRows[0] = DelayRows.of(network.synapses());
            int inputs = 0;
            for (int g = 0; g < groups.size(); g++) {
                synapseRows[g + 1] = DelayRows.of(groups.get(g).projection());
                inputs += trains[g].size();
            }
            // Merge key: the channels of all groups numbered consecutively, so that equal times
            // are ordered by group, then channel.
            double[] it = new double[inputs];
            int[] ig = new int[inputs];
            int[] ic = new int[inputs];
            int[] tie = new int[inputs];
            int k = 0;
            int channelOffset = 0;
            for (int g = 0; g < trains.length; g++) {
                SpikeTrains t = trains[g];
                for (int ch = 0; ch < t.channels; ch++) {
                    for (int s = t.start[ch]; s < t.start[ch + 1]; s++) {
                        it[k] = t.times[s];
                        ig[k] = g + 1;
                        ic[k] = ch;
                        tie[k] = channelOffset + ch;
                        k++;
                    }
                }
                channelOffset += t.channels;
            }
            int[] order = IndexSort.byTimeThenTie(it, tie);
            inputTime = new double[inputs];
            inputGroup = new int[inputs];
            inputChannel = new int[inputs];
            for (int s = 0; s < inputs; s++) {
                inputTime[s] = it[order[s]];
                inputGroup[s] = ig[order[s]];
                inputChannel[s] = ic[order[s]];
            }

            injections = network.currents().toArray(new CurrentInjection[0]);
            int switches = 0;
            for (CurrentInjection c : injections) {
                switches += c.stopMs() == Double.POSITIVE_INFINITY ? 1 : 2;
            }
            double[] swTime = new double[switches];
            int[] swInjection = new int[switches];
            k = 0;
            for (int c = 0; c < injections.length; c++) {
                swTime[k] = injections[c].startMs();
                swInjection[k++] = c;
                if (injections[c].stopMs() != Double.POSITIVE_INFINITY) {
                    swTime[k] = injections[c].stopMs();
                    swInjection[k++] = c;
                }
            }
            order = IndexSort.byTimeThenTie(swTime, swInjection);
            switchTime = new double[switches];
            switchInjection = new int[switches];
            for (int s = 0; s < switches; s++) {
                switchTime[s] = swTime[order[s]];
                switchInjection[s] = swInjection[order[s]];
            }
            injectionStart = new int[n + 1];
            for (CurrentInjection c : injections) {
                for (int i : c.neurons()) {
                    injectionStart[i + 1]++;
                }
            }
            for (int i = 0; i < n; i++) {
                injectionStart[i + 1] += injectionStart[i];
            }
            injectionOf = new int[injectionStart[n]];
            int[] fill = Arrays.copyOf(injectionStart, n);
            for (int c = 0; c < injections.length; c++) {
                for (int i : injections[c].neurons()) {
                    injectionOf[fill[i]++] = c;
                }
            }
        }

        SimulationResult simulate() {
            for (Monitor m : monitors) {
                m.start(network, options);
            }
            for (int i = 0; i < n; i++) {
                boundAfterRise(i, 0.0);
            }
            double[] samplePeriod = new double[monitors.length];
            long[] sampleIndex = new long[monitors.length];
            for (int m = 0; m < monitors.length; m++) {
                samplePeriod[m] = monitors[m].samplePeriodMs();
            }
            double nextSample = nextSampleTime(samplePeriod, sampleIndex);
            long progressIndex = 1;
            int inputNext = 0;
            int switchNext = 0;
            long start = System.nanoTime();
            while (true) {
                double tHeap = heap.topKey();
                double tQueue = queue.topTime();
                double tInput = inputNext < inputTime.length ? inputTime[inputNext] : Double.POSITIVE_INFINITY;
                double tSwitch = switchNext < switchTime.length ? switchTime[switchNext] : Double.POSITIVE_INFINITY;
                double t = Math.min(Math.min(tHeap, tQueue), Math.min(tInput, tSwitch));
                // Samples strictly before the next event (so a sample sees the events at its own
                // time, like the clock engine's "after the boundary's arrivals"); at the end, all
                // samples up to and including the end time.
                double stop = Math.min(t, end);
                while (nextSample < stop || (nextSample <= end && !(t < end))) {
                    sample(nextSample, samplePeriod, sampleIndex);
                    nextSample = nextSampleTime(samplePeriod, sampleIndex);
                }
                double tp;
                while ((tp = progressIndex * Monitor.PROGRESS_INTERVAL_MS) <= stop && tp < end) {
                    for (Monitor m : monitors) {
                        m.onProgress(tp);
                    }
                    progressIndex++;
                }
                if (!(t < end)) {
                    break;
                }
                if (tSwitch == t) {
                    switchCurrent(switchInjection[switchNext++], t);
                } else if (tInput == t) {
                    spikeRow(inputGroup[inputNext], inputChannel[inputNext], t);
                    inputNext++;
                } else if (tQueue == t) {
                    deliverQueued(t);
                } else {
                    int i = heap.top();
                    if (exact[i]) {
                        fire(i, t);
                    } else {
                        predict(i, t);
                    }
                }
            }
            double wall = (System.nanoTime() - start) * 1e-9;
            for (Monitor m : monitors) {
                m.onProgress(end);
                m.finish(end);
            }
            return new SimulationResult("event", n, end, spikes, synapticEvents, spikeCounts, wall);
        }

        /** Earliest pending sample time over the monitors (+infinity for none). */
        private static double nextSampleTime(double[] period, long[] index) {
            double t = Double.POSITIVE_INFINITY;
            for (int m = 0; m < period.length; m++) {
                if (period[m] > 0) {
                    t = Math.min(t, index[m] * period[m]);
                }
            }
            return t;
        }

        /** Calls every monitor whose next sample is at {@code ts} (in monitor order). */
        private void sample(double ts, double[] period, long[] index) {
            viewTime = ts;
            for (int m = 0; m < period.length; m++) {
                if (period[m] > 0 && index[m] * period[m] == ts) {
                    monitors[m].onSample(ts, this);
                    index[m]++;
                }
            }
        }

        /**
         * The neuron's heap key is a lower bound, reached with no rise since it was set: advance it;
         * if the lower bound from here still keeps it away for a while, re-key with that bound,
         * else find the exact crossing.
         */
        private void predict(int i, double t) {
            advance(i, t);
            int b = i * S;
            int c = i * C;
            double key = linearBound(i, t);
            if (key == t || key - t >= REBOUND_FRACTION * ct[c + C_TAU_M]) {
                place(i, key, key == t);
                return;
            }
            double r = ct[c + C_R];
            double rb = r * st[b + S_BIAS];
            double h = crossing.find(i, rb - ct[c + C_THRESHOLD], st[b + S_U] - rb, r * st[b + S_IE],
                    r * st[b + S_II], ct[c + C_BETA] * st[b + S_ADAPT], end - t, key - t);
            if (Double.isNaN(h)) {
                place(i, t + crossing.certified, false); // search budget spent: resume from its proof
            } else if (h < Double.POSITIVE_INFINITY && t + h < end) {
                place(i, t + h, true);
            } else {
                place(i, Double.POSITIVE_INFINITY, false);
            }
        }

        /**
         * A lower bound on the next crossing from the state at time t (not refractory): t itself if
         * v is already at threshold, +infinity if no crossing can ever happen (even with every
         * term at its sup), else the first zero of the saturating piecewise-linear upper bound
         * of f (class javadoc).
         */
        private double linearBound(int i, double t) {
            int b = i * S;
            int c = i * C;
            double r = ct[c + C_R];
            double rb = r * st[b + S_BIAS];
            double uu = st[b + S_U];
            double adaptation = ct[c + C_BETA] * st[b + S_ADAPT];
            double f0 = uu - ct[c + C_THRESHOLD] - adaptation;
            if (f0 >= 0) {
                return t;
            }
            double e = r * Math.max(st[b + S_IE], 0);
            double in = r * Math.max(st[b + S_II], 0);
            double rise = Math.max(0, rb - uu);
            return t + ThresholdCrossing.saturatingBound(-f0, rise, e, in, adaptation, ct[c + C_TAU_M],
                    ct[c + C_INV_TAU_M], ct[c + C_E_PEAK], ct[c + C_I_PEAK], ct[c + C_TAU_A], ct[c + C_INV_TAU_A]);
        }

        /** Sets the heap entry of i (removed if at or after the end of the run). */
        private void place(int i, double key, boolean isExact) {
            exact[i] = isExact;
            heap.set(i, key < end ? key : Double.POSITIVE_INFINITY);
        }

        /**
         * After a rise (excitatory input, current up) at time t: the crossing may come earlier.
         * An old lower bound that is still earlier than the new one stays (it is still a lower
         * bound, and keeping it saves a heap operation); an old exact time is replaced.
         */
        private void boundAfterRise(int i, double t) {
            double key = linearBound(i, t);
            if (key == t) {
                place(i, t, true);
            } else if (exact[i] || !(heap.key(i) <= key)) {
                place(i, key, false);
            }
        }

        private void fire(int i, double t) {
            advance(i, t);
            spikes++;
            spikeCounts[i]++;
            for (Monitor m : monitors) {
                m.onSpike(i, t);
            }
            st[i * S + S_U] = resetAboveRest[i];
            if (ct[i * C + C_BETA] != 0) {
                st[i * S + S_ADAPT] += 1;
            }
            double tr = refractory[i];
            if (tr > 0) {
                st[i * S + S_REFRACTORY_END] = t + tr;
                exact[i] = false;
                heap.set(i, t + tr < end ? t + tr : Double.POSITIVE_INFINITY);
            } else {
                st[i * S + S_REFRACTORY_END] = t;
                boundAfterRise(i, t);
            }
            spikeRow(0, i, t);
        }

        /** A spike of row {@code row} of synapse matrix {@code m} at t: zero-delay synapses now, the rest queued. */
        private void spikeRow(int m, int row, double t) {
            DelayRows d = synapseRows[m];
            int[] target = d.target;
            double[] weight = d.weight;
            double[] delay = d.delay;
            int first = d.rowStart[row];
            int to = d.rowStart[row + 1];
            int k = first;
            while (k < to && delay[k] == 0.0) {
                deliver(target[k], weight[k], t);
                k++;
            }
            synapticEvents += k - first;
            if (k < to) {
                double due = t + delay[k];
                if (due < end) {
                    queue.add(due, t, m, k, to);
                }
            }
        }

        /** The earliest queued delivery: one delay group of one spike's row. */
        private void deliverQueued(double t) {
            int slot = queue.topSlot();
            DelayRows rows = synapseRows[queue.matrix(slot)];
            int[] target = rows.target;
            double[] weight = rows.weight;
            double[] delay = rows.delay;
            int k = queue.cursor(slot);
            int to = queue.end(slot);
            double d = delay[k];
            int first = k;
            while (k < to && delay[k] == d) {
                deliver(target[k], weight[k], t);
                k++;
            }
            synapticEvents += k - first;
            if (k < to) {
                double due = queue.spikeTime(slot) + delay[k];
                if (due < end) {
                    queue.advanceTop(k, due);
                    return;
                }
            }
            queue.removeTop();
        }

        private void deliver(int j, double w, double t) {
            advance(j, t);
            if (w > 0) {
                st[j * S + S_IE] += w;
            } else if (w < 0) {
                st[j * S + S_II] += w;
            } else {
                return;
            }
            if (t < st[j * S + S_REFRACTORY_END]) {
                return; // the key is the end of the refractory period, a valid lower bound
            }
            if (w > 0) {
                boundAfterRise(j, t);
            } else {
                exact[j] = false; // inhibition only delays the crossing: the key stays a lower bound
            }
        }

        private void switchCurrent(int c, double t) {
            for (int i : injections[c].neurons()) {
                advance(i, t);
                double b = baseBias[i];
                for (int k = injectionStart[i]; k < injectionStart[i + 1]; k++) {
                    CurrentInjection inj = injections[injectionOf[k]];
                    if (inj.startMs() <= t && t < inj.stopMs()) {
                        b += inj.amplitude();
                    }
                }
                double old = st[i * S + S_BIAS];
                st[i * S + S_BIAS] = b;
                if (t < st[i * S + S_REFRACTORY_END]) {
                    continue;
                }
                if (b > old) {
                    boundAfterRise(i, t);
                } else if (b < old) {
                    exact[i] = false;
                }
            }
        }

        /** Moves neuron i's stored state to time t (>= its last update) exactly. */
        private void advance(int i, double t) {
            int b = i * S;
            if (t == st[b + S_LAST]) {
                return;
            }
            propagate(i, t);
            st[b + S_U] = pu;
            st[b + S_IE] = pie;
            st[b + S_II] = pii;
            st[b + S_ADAPT] = pa;
            st[b + S_LAST] = t;
        }

        /** The state of neuron i at time t >= its last update into pu, pie, pii, pa, without storing it. */
        private void propagate(int i, double t) {
            int b = i * S;
            int c = i * C;
            double t0 = st[b + S_LAST];
            double uu = st[b + S_U];
            double e = st[b + S_IE];
            double in = st[b + S_II];
            double a = st[b + S_ADAPT];
            double rEnd = st[b + S_REFRACTORY_END];
            if (t0 < rEnd) {
                // Clamped: v stays at V_reset, the currents and a decay.
                double tr = Math.min(t, rEnd);
                double h = tr - t0;
                if (e != 0) {
                    e *= Math.exp(-h * ct[c + C_E_INV_TAU]);
                }
                if (in != 0) {
                    in *= Math.exp(-h * ct[c + C_I_INV_TAU]);
                }
                if (a != 0) {
                    a *= Math.exp(-h * ct[c + C_INV_TAU_A]);
                }
                t0 = tr;
            }
            double h = t - t0;
            if (h > 0) {
                double invTm = ct[c + C_INV_TAU_M];
                double r = ct[c + C_R];
                double rb = r * st[b + S_BIAS];
                double em = Math.exp(-h * invTm);
                double drive = 0;
                if (e != 0) {
                    drive += e * kernel(h, em, invTm, ct[c + C_E_INV_TAU], ct[c + C_E_GAIN], ct[c + C_E_RATE]);
                    e *= decay;
                }
                if (in != 0) {
                    drive += in * kernel(h, em, invTm, ct[c + C_I_INV_TAU], ct[c + C_I_GAIN], ct[c + C_I_RATE]);
                    in *= decay;
                }
                uu = (uu - rb) * em + rb + r * drive;
                if (a != 0) {
                    a *= Math.exp(-h * ct[c + C_INV_TAU_A]);
                }
            }
            pu = uu;
            pie = e;
            pii = in;
            pa = a;
        }

        /**
         * K(h; tau_s, tau_m) given em = e^{-h/tau_m}, leaving e^{-h/tau_s} in {@link #decay}; the
         * same three regimes as {@link SynapseKernels} (rate NaN: far, difference of exponentials;
         * rate 0: equal; otherwise the expm1 form).
         */
        private double kernel(double h, double em, double invTm, double invTs, double gain, double rate) {
            if (rate != rate) {
                double es = Math.exp(-h * invTs);
                decay = es;
                return gain * (es - em);
            }
            if (rate == 0.0) {
                decay = em;
                return h * invTm * em;
            }
            double x = Math.expm1(h * rate);
            decay = em + em * x;
            return em * gain * x;
        }

        // NeuronStateView at viewTime, from the stored state (never modified here).

        @Override
        public double membranePotential(int neuron) {
            propagate(neuron, viewTime);
            return pu + leak[neuron];
        }

        @Override
        public double excitatoryCurrent(int neuron) {
            propagate(neuron, viewTime);
            return pie;
        }

        @Override
        public double inhibitoryCurrent(int neuron) {
            propagate(neuron, viewTime);
            return pii;
        }

        @Override
        public double adaptation(int neuron) {
            propagate(neuron, viewTime);
            return pa;
        }
    }
}
