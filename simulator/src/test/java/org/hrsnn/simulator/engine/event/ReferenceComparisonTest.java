package org.hrsnn.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small recurrent network (heterogeneous LIF and ALIF neurons, both signs, continuous delays
 * including zero) against a naive independent simulator: all neurons advanced together from
 * event to event, crossings found by a fine scan plus bisection, queue by linear search.
 */
class ReferenceComparisonTest {

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void spikeTrainsAgreeWithANaiveScanningSimulator(long seed) {
        Random rnd = new Random(seed);
        int n = 16;
        Nets.Params p = new Nets.Params(n);
        for (int i = 0; i < n; i++) {
            p.tauM[i] = 10 + 20 * rnd.nextDouble();
            p.tauE[i] = i == 3 ? p.tauM[i] : 2 + 6 * rnd.nextDouble();
            p.tauI[i] = 5 + 10 * rnd.nextDouble();
            p.r[i] = 0.5 + rnd.nextDouble();
            p.bias[i] = (11 + 8 * rnd.nextDouble()) / p.r[i];
            p.tRef[i] = i % 4 == 0 ? 0 : 1 + 2 * rnd.nextDouble();
            p.beta[i] = i % 3 == 0 ? 1.0 : 0;
            p.tauA[i] = 50 + 100 * rnd.nextDouble();
            p.v0[i] = -65 + 14 * rnd.nextDouble();
        }
        List<double[]> edges = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (rnd.nextDouble() < 0.3) {
                    double w = a < 12 ? 0.5 + 2 * rnd.nextDouble() : -(1 + 4 * rnd.nextDouble());
                    double d = rnd.nextDouble() < 0.3 ? 0 : 3 * rnd.nextDouble();
                    edges.add(new double[] {a, b, w, d});
                }
            }
        }
        SynapseMatrix m = Nets.matrix(n, n, edges.toArray(new double[0][]));
        Network net = Nets.network(p, m, List.of(), List.of());
        double duration = 100;
        SpikeRecorder rec = new SpikeRecorder();
        SimulationResult res = new EventDrivenEngine().run(net, SimulationOptions.of(duration, 1), rec);

        Reference ref = new Reference(p, m, duration);
        ref.run();
        assertTrue(ref.spikeNeuron.size() > 40, "enough spikes to compare: " + ref.spikeNeuron.size());
        assertEquals(ref.spikeNeuron.size(), rec.size());
        assertEquals(ref.delivered, res.synapticEvents());
        int[] nrn = rec.neurons();
        double[] t = rec.times();
        for (int k = 0; k < t.length; k++) {
            assertEquals(ref.spikeNeuron.get(k), nrn[k], "neuron of spike " + k);
            assertEquals(ref.spikeTime.get(k), t[k], 1e-7, "time of spike " + k);
        }
    }

    /** Naive simulator on closed-form trajectories; shares no code with the engine. */
    private static final class Reference {
        final Nets.Params p;
        final SynapseMatrix m;
        final double end;
        final int n;
        final double[] u;
        final double[] ie;
        final double[] ii;
        final double[] a;
        final double[] refEnd;
        double now;
        final List<double[]> pending = new ArrayList<>(); // {time, target, weight}
        final List<Integer> spikeNeuron = new ArrayList<>();
        final List<Double> spikeTime = new ArrayList<>();
        long delivered;

        Reference(Nets.Params p, SynapseMatrix m, double end) {
            this.p = p;
            this.m = m;
            this.end = end;
            n = p.n;
            u = new double[n];
            ie = new double[n];
            ii = new double[n];
            a = new double[n];
            refEnd = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = p.v0[i] - p.eL[i];
                refEnd[i] = -1;
            }
        }

        /** u - threshold of neuron i at now + h (state not changed), -inf while refractory. */
        double distance(int i, double h) {
            double t = now + h;
            if (t <= refEnd[i]) {
                return Double.NEGATIVE_INFINITY;
            }
            double h0 = Math.max(0, refEnd[i] - now); // clamp part
            double e0 = ie[i] * Math.exp(-h0 / p.tauE[i]);
            double i0 = ii[i] * Math.exp(-h0 / p.tauI[i]);
            double uu = now < refEnd[i] ? p.vReset[i] - p.eL[i] : u[i];
            double s = h - h0;
            double ri = p.r[i] * p.bias[i];
            double val = ri + (uu - ri) * Math.exp(-s / p.tauM[i])
                    + p.r[i] * (e0 * Nets.kernel(s, p.tauE[i], p.tauM[i]) + i0 * Nets.kernel(s, p.tauI[i], p.tauM[i]));
            return val - (p.vTh[i] - p.eL[i]) - p.beta[i] * a[i] * Math.exp(-h / p.tauA[i]);
        }

        void advanceAll(double h) {
            for (int i = 0; i < n; i++) {
                double t = now + h;
                if (t <= refEnd[i]) {
                    u[i] = p.vReset[i] - p.eL[i];
                } else {
                    u[i] = distance(i, h) + (p.vTh[i] - p.eL[i]) + p.beta[i] * a[i] * Math.exp(-h / p.tauA[i]);
                }
                ie[i] *= Math.exp(-h / p.tauE[i]);
                ii[i] *= Math.exp(-h / p.tauI[i]);
                a[i] *= Math.exp(-h / p.tauA[i]);
            }
            now += h;
        }

        void run() {
            // Initial suprathreshold neurons would fire at 0; none here (v0 < V_th).
            while (true) {
                double next = end;
                int nextIdx = -1;
                for (int k = 0; k < pending.size(); k++) {
                    if (pending.get(k)[0] < next) {
                        next = pending.get(k)[0];
                        nextIdx = k;
                    }
                }
                double span = next - now;
                double best = Double.POSITIVE_INFINITY;
                int who = -1;
                for (int i = 0; i < n; i++) {
                    final int j = i;
                    if (span <= 0) {
                        break;
                    }
                    int scan = Math.max(4, (int) Math.ceil(span / 1e-3));
                    double h = Nets.firstRoot(x -> distance(j, x), 0, span, scan);
                    if (!Double.isNaN(h) && h < best) {
                        best = h;
                        who = i;
                    }
                }
                if (who >= 0 && now + best < end && (nextIdx < 0 || now + best < next)) {
                    advanceAll(best);
                    spikeNeuron.add(who);
                    spikeTime.add(now);
                    u[who] = p.vReset[who] - p.eL[who];
                    refEnd[who] = now + p.tRef[who];
                    if (p.beta[who] != 0) {
                        a[who] += 1;
                    }
                    for (int k = m.rowStart[who]; k < m.rowStart[who + 1]; k++) {
                        pending.add(new double[] {now + m.delay[k], m.target[k], m.weight[k]});
                    }
                    continue;
                }
                if (nextIdx < 0) {
                    return;
                }
                advanceAll(next - now);
                // Deliver everything due now.
                for (int k = pending.size() - 1; k >= 0; k--) {
                    double[] e = pending.get(k);
                    if (e[0] <= now) {
                        int tgt = (int) e[1];
                        if (e[2] > 0) {
                            ie[tgt] += e[2];
                        } else {
                            ii[tgt] += e[2];
                        }
                        delivered++;
                        pending.remove(k);
                    }
                }
            }
        }
    }
}
