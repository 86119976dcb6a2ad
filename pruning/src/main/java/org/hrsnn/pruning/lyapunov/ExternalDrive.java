package org.hrsnn.pruning.lyapunov;

import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.PoissonSource;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * What the network's spiking input groups deliver to each neuron, in the diffusion (Campbell)
 * approximation of shot noise. Channel c fires at mean rate nu_c (spikes per ms) and reaches
 * neuron i with weight w_ci (nA) through an exponential synapse tau_s,i (tau_e for w &gt;= 0,
 * tau_i for w &lt; 0):
 *
 * <pre>
 *   mean current      mu_i      = sum_c nu_c w_ci tau_s,i                                   (nA)
 *   voltage variance  sigma_i^2 = sum_c nu_c (R_i w_ci tau_s,i)^2 / (2 (tau_m,i + tau_s,i))   (mV^2)
 * </pre>
 *
 * The variance is Campbell's theorem for the free membrane: one input spike gives the PSP
 * R w tau_s / (tau_m - tau_s) (e^{-t/tau_m} - e^{-t/tau_s}), whose squared integral is
 * (R w tau_s)^2 / (2 (tau_m + tau_s)). Threshold and reset are ignored (the free-membrane
 * variance), and so are the correlations between channels (independent trains). Mean rates:
 * a Poisson source's expected count over the first {@link #WINDOW_MS} ms divided by that
 * window; given spike times likewise by their count in the window; any other source by the count
 * of one draw over the window from a fixed seed.
 */
public final class ExternalDrive {
    /** Window over which a source's mean rate is taken, ms. */
    public static final double WINDOW_MS = 1000.0;

    private final double[] meanCurrent;
    private final double[] voltageVariance;

    private ExternalDrive(double[] meanCurrent, double[] voltageVariance) {
        this.meanCurrent = meanCurrent;
        this.voltageVariance = voltageVariance;
    }

    public static ExternalDrive of(Network network) {
        int n = network.size();
        NeuronParameters p = network.parameters();
        double[] mu = new double[n];
        double[] var = new double[n];
        for (InputGroup g : network.inputs()) {
            double[] nu = meanRatesPerMs(g.source());
            SynapseMatrix s = g.projection();
            for (int c = 0; c < s.sources; c++) {
                if (nu[c] == 0) {
                    continue;
                }
                for (int k = s.rowStart[c]; k < s.rowStart[c + 1]; k++) {
                    int i = s.target[k];
                    double w = s.weight[k];
                    double tauS = w >= 0 ? p.excitatoryTau[i] : p.inhibitoryTau[i];
                    mu[i] += nu[c] * w * tauS;
                    double a = p.resistance[i] * w * tauS;
                    var[i] += nu[c] * a * a / (2 * (p.membraneTau[i] + tauS));
                }
            }
        }
        return new ExternalDrive(mu, var);
    }

    /** Mean rate of every channel, spikes per ms. */
    static double[] meanRatesPerMs(SpikeSource source) {
        double[] nu = new double[source.channels()];
        if (source instanceof PoissonSource ps) {
            for (int c = 0; c < nu.length; c++) {
                nu[c] = ps.expectedCount(c, WINDOW_MS) / WINDOW_MS;
            }
        } else if (source instanceof SpikeTimesSource st) {
            var trains = st.trains();
            for (int c = 0; c < nu.length; c++) {
                int count = 0;
                for (int k = trains.start[c]; k < trains.start[c + 1]; k++) {
                    count += trains.times[k] < WINDOW_MS ? 1 : 0;
                }
                nu[c] = count / WINDOW_MS;
            }
        } else {
            // Any other source: count one draw over the window, from a fixed seed (deterministic).
            var trains = source.generate(WINDOW_MS, new org.apache.commons.math3.random.Well19937c(0));
            for (int c = 0; c < nu.length; c++) {
                nu[c] = (trains.start[c + 1] - trains.start[c]) / WINDOW_MS;
            }
        }
        return nu;
    }

    /** Mean input current per neuron, nA. */
    public double[] meanCurrent() {
        return meanCurrent.clone();
    }

    /** Free-membrane voltage variance per neuron from the input shot noise, mV^2. */
    public double[] voltageVariance() {
        return voltageVariance.clone();
    }
}
