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
 * Recurrent and input synapses are copied into one engine-private CSR (rows: neurons, then the
 * channels of every input group), sorted within each row by delay (stable, so the target order is
 * kept). A spike delivers its zero-delay synapses at once (CUBA needs nothing else); the rest go
 * into a {@link DeliveryQueue} entry per spike, re-keyed from one delay value to the next.
 *
 * <h2>Order and determinism</h2>
 * Events at equal times are handled as: current switches, external input spikes, delayed
 * deliveries, then neuron events (lower neuron index first). The run covers [0, end): spikes and
 * deliveries at or after the end are dropped. Samples (t = 0, P, 2P, ... &lt; end)
 * see the state before the events at their time and are evaluated from the stored state without
 * changing it, so recording never changes spikes. Progress is reported at every multiple of
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

        // Per-neuron constants.
        private final double[] resistance;
        private final double[] thresholdAboveRest;
        private final double[] resetAboveRest;
        private final double[] leak;
        private final double[] refractory;
        private final double[] beta;
        private final double[] membraneTau;
        private final double[] adaptationTau;
        private final double[] invTauM;
        private final double[] invTauA;
        private final double[] baseBias;
        private final SynapseKernels exc;
        private final SynapseKernels inh;
        private final ThresholdCrossing crossing;

        // Per-neuron state at time last[i].
        private final double[] last;
        private final double[] u;
        private final double[] ie;
        private final double[] ii;
        private final double[] adapt;
        private final double[] refractoryEnd;
        private final double[] bias;
        private final boolean[] exact;
        private final NeuronHeap heap;

        // Delay-sorted CSR of recurrent synapses (rows 0..n-1) and input channels (after).
        private final int[] rowStart;
        private final int[] target;
        private final double[] weight;
        private final double[] delay;
        private final DeliveryQueue queue = new DeliveryQueue();

        // External input spikes, merged in time order: time and CSR row.
        private final double[] inputTime;
        private final int[] inputRow;

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
        private double viewTime;

        Run(Network network, SimulationOptions options, Monitor[] monitors) {
            this.network = network;
            this.options = options;
            this.monitors = monitors;
            NeuronParameters np = network.parameters();
            n = np.size;
            end = options.durationMs();
            resistance = np.resistance;
            leak = np.leakPotential;
            refractory = np.refractoryPeriod;
            beta = np.adaptationStrength;
            baseBias = np.biasCurrent;
            thresholdAboveRest = new double[n];
            resetAboveRest = new double[n];
            membraneTau = np.membraneTau;
            adaptationTau = np.adaptationTau;
            invTauM = new double[n];
            invTauA = new double[n];
            for (int i = 0; i < n; i++) {
                thresholdAboveRest[i] = np.threshold[i] - np.leakPotential[i];
                resetAboveRest[i] = np.resetPotential[i] - np.leakPotential[i];
                invTauM[i] = 1.0 / np.membraneTau[i];
                invTauA[i] = 1.0 / np.adaptationTau[i];
            }
            exc = new SynapseKernels(np.excitatoryTau, np.membraneTau);
            inh = new SynapseKernels(np.inhibitoryTau, np.membraneTau);
            crossing = new ThresholdCrossing(exc, inh, invTauM, invTauA);

            last = new double[n];
            u = new double[n];
            ie = new double[n];
            ii = new double[n];
            adapt = new double[n];
            refractoryEnd = new double[n];
            Arrays.fill(refractoryEnd, Double.NEGATIVE_INFINITY);
            bias = baseBias.clone();
            exact = new boolean[n];
            heap = new NeuronHeap(n);
            spikeCounts = new int[n];
            for (int i = 0; i < n; i++) {
                u[i] = np.initialPotential[i] - np.leakPotential[i];
            }

            // Engine CSR: recurrent rows, then one row per input channel.
            List<InputGroup> groups = network.inputs();
            SpikeTrains[] trains = RunInputs.generate(network, options);
            SynapseMatrix rec = network.synapses();
            int rows = n;
            int synapses = rec.size();
            int[] rowOffset = new int[groups.size()];
            for (int g = 0; g < groups.size(); g++) {
                rowOffset[g] = rows;
                rows += groups.get(g).projection().sources;
                synapses += groups.get(g).projection().size();
            }
            rowStart = new int[rows + 1];
            target = new int[synapses];
            weight = new double[synapses];
            delay = new double[synapses];
            int next = copyRows(rec, 0, 0);
            for (int g = 0; g < groups.size(); g++) {
                next = copyRows(groups.get(g).projection(), rowOffset[g], next);
            }

            int inputs = 0;
            for (SpikeTrains t : trains) {
                inputs += t.size();
            }
            double[] it = new double[inputs];
            int[] ir = new int[inputs];
            int k = 0;
            for (int g = 0; g < trains.length; g++) {
                SpikeTrains t = trains[g];
                for (int ch = 0; ch < t.channels; ch++) {
                    for (int s = t.start[ch]; s < t.start[ch + 1]; s++) {
                        it[k] = t.times[s];
                        ir[k] = rowOffset[g] + ch;
                        k++;
                    }
                }
            }
            int[] order = IndexSort.byTimeThenTie(it, ir);
            inputTime = new double[inputs];
            inputRow = new int[inputs];
            for (int s = 0; s < inputs; s++) {
                inputTime[s] = it[order[s]];
                inputRow[s] = ir[order[s]];
            }

            injections = network.currents().toArray(new CurrentInjection[0]);
            int switches = 0;
            for (CurrentInjection c : injections) {
                switches += c.stopMs() == Double.POSITIVE_INFINITY ? 1 : 2;
            }
            double[] st = new double[switches];
            int[] si = new int[switches];
            k = 0;
            for (int c = 0; c < injections.length; c++) {
                st[k] = injections[c].startMs();
                si[k++] = c;
                if (injections[c].stopMs() != Double.POSITIVE_INFINITY) {
                    st[k] = injections[c].stopMs();
                    si[k++] = c;
                }
            }
            order = IndexSort.byTimeThenTie(st, si);
            switchTime = new double[switches];
            switchInjection = new int[switches];
            for (int s = 0; s < switches; s++) {
                switchTime[s] = st[order[s]];
                switchInjection[s] = si[order[s]];
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

        /** Copies the rows of {@code m} into the engine CSR from row {@code row0}, each row sorted by delay. */
        private int copyRows(SynapseMatrix m, int row0, int next) {
            for (int r = 0; r < m.sources; r++) {
                rowStart[row0 + r] = next;
                int from = m.rowStart[r];
                int to = m.rowStart[r + 1];
                boolean sorted = true;
                for (int s = from + 1; s < to; s++) {
                    if (m.delay[s] < m.delay[s - 1]) {
                        sorted = false;
                        break;
                    }
                }
                if (sorted) {
                    System.arraycopy(m.target, from, target, next, to - from);
                    System.arraycopy(m.weight, from, weight, next, to - from);
                    System.arraycopy(m.delay, from, delay, next, to - from);
                } else {
                    // Stable insertion order by delay, through a sort of indices (set-up only).
                    int len = to - from;
                    double[] d = Arrays.copyOfRange(m.delay, from, to);
                    int[] idx = IndexSort.byTimeThenTie(d, IndexSort.sequence(len));
                    for (int s = 0; s < len; s++) {
                        int src = from + idx[s];
                        target[next + s] = m.target[src];
                        weight[next + s] = m.weight[src];
                        delay[next + s] = m.delay[src];
                    }
                }
                next += to - from;
            }
            rowStart[row0 + m.sources] = next;
            return next;
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
                double stop = Math.min(t, end);
                while (nextSample <= stop && nextSample < end) {
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
                    spikeRow(inputRow[inputNext++], t);
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
            double key = linearBound(i, t);
            if (key == t || key - t >= REBOUND_FRACTION / invTauM[i]) {
                place(i, key, key == t);
                return;
            }
            double r = resistance[i];
            double rb = r * bias[i];
            double h = crossing.find(i, rb - thresholdAboveRest[i], u[i] - rb, r * ie[i], r * ii[i],
                    beta[i] * adapt[i], end - t, key - t);
            if (h < Double.POSITIVE_INFINITY && t + h < end) {
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
            double r = resistance[i];
            double rb = r * bias[i];
            double uu = u[i];
            double a = adapt[i];
            double f0 = uu - thresholdAboveRest[i] - beta[i] * a;
            if (f0 >= 0) {
                return t;
            }
            double e = r * Math.max(ie[i], 0);
            double in = r * Math.max(ii[i], 0);
            double rise = Math.max(0, rb - uu);
            return t + ThresholdCrossing.saturatingBound(-f0, rise, e, in, beta[i] * a, membraneTau[i], invTauM[i],
                    exc.peakValue[i], inh.peakValue[i], adaptationTau[i], invTauA[i]);
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
            u[i] = resetAboveRest[i];
            if (beta[i] != 0) {
                adapt[i] += 1;
            }
            double tr = refractory[i];
            if (tr > 0) {
                refractoryEnd[i] = t + tr;
                exact[i] = false;
                heap.set(i, t + tr < end ? t + tr : Double.POSITIVE_INFINITY);
            } else {
                refractoryEnd[i] = t;
                boundAfterRise(i, t);
            }
            spikeRow(i, t);
        }

        /** A spike of CSR row {@code row} at t: zero-delay synapses now, the rest queued. */
        private void spikeRow(int row, double t) {
            int k = rowStart[row];
            int to = rowStart[row + 1];
            while (k < to && delay[k] == 0.0) {
                deliver(target[k], weight[k], t);
                k++;
            }
            synapticEvents += k - rowStart[row];
            if (k < to) {
                double due = t + delay[k];
                if (due < end) {
                    queue.add(due, t, k, to);
                }
            }
        }

        private void deliverQueued(double t) {
            int slot = queue.topSlot();
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
                ie[j] += w;
            } else if (w < 0) {
                ii[j] += w;
            } else {
                return;
            }
            if (t < refractoryEnd[j]) {
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
                double old = bias[i];
                bias[i] = b;
                if (t < refractoryEnd[i]) {
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
            if (t == last[i]) {
                return;
            }
            propagate(i, t);
            u[i] = pu;
            ie[i] = pie;
            ii[i] = pii;
            adapt[i] = pa;
            last[i] = t;
        }

        /** The state of neuron i at time t >= last[i] into pu, pie, pii, pa, without storing it. */
        private void propagate(int i, double t) {
            double t0 = last[i];
            double uu = u[i];
            double e = ie[i];
            double in = ii[i];
            double a = adapt[i];
            double rEnd = refractoryEnd[i];
            if (t0 < rEnd) {
                // Clamped: v stays at V_reset, the currents and a decay.
                double tr = Math.min(t, rEnd);
                double h = tr - t0;
                if (e != 0) {
                    e *= Math.exp(-h * exc.invTauS[i]);
                }
                if (in != 0) {
                    in *= Math.exp(-h * inh.invTauS[i]);
                }
                if (a != 0) {
                    a *= Math.exp(-h * invTauA[i]);
                }
                t0 = tr;
            }
            double h = t - t0;
            if (h > 0) {
                double rb = resistance[i] * bias[i];
                double em = Math.exp(-h * invTauM[i]);
                double drive = 0;
                if (e != 0) {
                    double ee = exc.decay(i, h, em);
                    drive += e * exc.kernel;
                    e *= ee;
                }
                if (in != 0) {
                    double ei = inh.decay(i, h, em);
                    drive += in * inh.kernel;
                    in *= ei;
                }
                uu = (uu - rb) * em + rb + resistance[i] * drive;
                if (a != 0) {
                    a *= Math.exp(-h * invTauA[i]);
                }
            }
            pu = uu;
            pie = e;
            pii = in;
            pa = a;
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
