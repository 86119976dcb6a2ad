package org.hrsnn.simulator.engine.event;

import java.util.ArrayList;
import java.util.List;
import org.hrsnn.simulator.engine.TestNeurons;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.monitor.NeuronStateView;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;

/** Small hand-built networks and monitors for the event engine tests. */
final class Nets {
    private Nets() {
    }

    /** The shared test parameters with this suite's reset potential (-65 mV). */
    static final class Params extends TestNeurons.Params {
        Params(int n) {
            super(n, -65);
        }
    }

    static double[] fill(int n, double x) {
        return TestNeurons.fill(n, x);
    }

    /** A source that always returns the given spike times (channel c: times[c]). */
    static SpikeSource fixed(double[]... times) {
        int[] start = new int[times.length + 1];
        List<Double> all = new ArrayList<>();
        for (int c = 0; c < times.length; c++) {
            for (double t : times[c]) {
                all.add(t);
            }
            start[c + 1] = all.size();
        }
        double[] flat = all.stream().mapToDouble(Double::doubleValue).toArray();
        SpikeTrains trains = new SpikeTrains(start, flat);
        return new SpikeSource() {
            @Override
            public int channels() {
                return times.length;
            }

            @Override
            public SpikeTrains generate(double durationMs, RandomGenerator rng) {
                return trains;
            }

            @Override
            public String describe() {
                return "fixed";
            }
        };
    }

    /** Edges as rows {pre, post, weight, delay}. */
    static SynapseMatrix matrix(int sources, int targets, double[]... edges) {
        int m = edges.length;
        int[] pre = new int[m];
        int[] post = new int[m];
        double[] w = new double[m];
        double[] d = new double[m];
        for (int e = 0; e < m; e++) {
            pre[e] = (int) edges[e][0];
            post[e] = (int) edges[e][1];
            w[e] = edges[e][2];
            d[e] = edges[e][3];
        }
        return SynapseMatrix.fromEdges(sources, targets, pre, post, w, d, m);
    }

    static Network network(Params p, SynapseMatrix recurrent, List<InputGroup> inputs, List<CurrentInjection> currents) {
        return TestNeurons.network(p, recurrent, inputs, currents);
    }

    static Network network(Params p) {
        return network(p, null, List.of(), List.of());
    }

    static SimulationOptions run(double ms) {
        return SimulationOptions.of(ms, 1);
    }

    /** Records v of chosen neurons at every sample, and checks the call protocol. */
    static final class Sampler implements Monitor {
        final double period;
        final int[] neurons;
        final List<Double> times = new ArrayList<>();
        final List<double[]> v = new ArrayList<>();
        final List<double[]> ie = new ArrayList<>();
        final List<double[]> ii = new ArrayList<>();
        final List<double[]> a = new ArrayList<>();
        final List<Double> progress = new ArrayList<>();
        int finished;

        Sampler(double period, int... neurons) {
            this.period = period;
            this.neurons = neurons;
        }

        @Override
        public double samplePeriodMs() {
            return period;
        }

        @Override
        public void onSample(double timeMs, NeuronStateView state) {
            times.add(timeMs);
            double[] vv = new double[neurons.length];
            double[] e = new double[neurons.length];
            double[] in = new double[neurons.length];
            double[] aa = new double[neurons.length];
            for (int k = 0; k < neurons.length; k++) {
                vv[k] = state.membranePotential(neurons[k]);
                e[k] = state.excitatoryCurrent(neurons[k]);
                in[k] = state.inhibitoryCurrent(neurons[k]);
                aa[k] = state.adaptation(neurons[k]);
            }
            v.add(vv);
            ie.add(e);
            ii.add(in);
            a.add(aa);
        }

        @Override
        public void onProgress(double timeMs) {
            progress.add(timeMs);
        }

        @Override
        public void finish(double endTimeMs) {
            finished++;
        }
    }

    /** First root of g in (lo, hi] found by a fine scan then bisection (independent of the engine). */
    static double firstRoot(java.util.function.DoubleUnaryOperator g, double lo, double hi, int scan) {
        double step = (hi - lo) / scan;
        double a = lo;
        for (int k = 1; k <= scan; k++) {
            double b = lo + k * step;
            if (g.applyAsDouble(b) >= 0) {
                for (int it = 0; it < 200; it++) {
                    double m = 0.5 * (a + b);
                    if (m <= a || m >= b) {
                        break;
                    }
                    if (g.applyAsDouble(m) >= 0) {
                        b = m;
                    } else {
                        a = m;
                    }
                }
                return b;
            }
            a = b;
        }
        return Double.NaN;
    }

    /** Independent PSP kernel K(h) = tau_s/(tau_s - tau_m)(e^{-h/tau_s} - e^{-h/tau_m}), series near equality. */
    static double kernel(double h, double tauS, double tauM) {
        double x = h * (tauS - tauM) / (tauS * tauM);
        if (Math.abs(x) < 1e-6) {
            // e^{-h/tau_s} = e^{-h/tau_m} e^{x}, so K = (h/tau_m) e^{-h/tau_m} (1 + x/2 + x^2/6 + ...)
            return h / tauM * Math.exp(-h / tauM) * (1 + x / 2 + x * x / 6);
        }
        return tauS / (tauS - tauM) * (Math.exp(-h / tauS) - Math.exp(-h / tauM));
    }
}
