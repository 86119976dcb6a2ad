package org.hrsnn.pruning.lyapunov;

import org.ejml.data.DMatrixRMaj;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * The discrete-time rate surrogate of a LIF network on which Lyapunov exponents, the
 * linearisation and the memory/task evaluation are computed (the spiking threshold itself has
 * no derivative). One step of h ms, per neuron i (membrane potential v in mV):
 *
 * <pre>
 *   v_i(t+h) = alpha_i v_i(t) + (1 - alpha_i) [E_L,i + R_i (I_bias,i + I_const,i + sum_j M_ij r_j(t) + u_i(t))]
 *   alpha_i  = exp(-h / tau_m,i)
 *   r_j      = rMax_j sigma((v_j - V_th,j) / DeltaV_j)          (spikes per ms)
 *   M_ij     = w_ji tau_s,i                                      (nA ms; tau_s = tau_e for w > 0, tau_i for w < 0)
 * </pre>
 *
 * M_ij r_j is the mean synaptic current of a Poisson train at rate r_j through an exponential
 * synapse; rMax_j = 1 / max(t_ref,j, h) is the rate ceiling set by the refractory period;
 * DeltaV_j = widthFraction (V_th,j - V_reset,j). The derivative rMax sigma'(z) / DeltaV is the
 * smooth surrogate (pseudo-)derivative of the spike nonlinearity used in the Jacobian
 * {@code DF = diag(alpha) + diag((1 - alpha) R) M diag(r')}. Per-neuron time constants enter
 * through alpha_i, so heterogeneous timescales shape the spectrum. Currents with a finite stop
 * time are left out; {@code u} is an optional external drive (nA) set per step by the evaluation
 * code.
 *
 * <p>Spiking input groups (the network's Poisson drive) enter by {@link SurrogateOptions#drive()}
 * ({@link ExternalDrive}): MEAN adds their mean current mu_i to I_const,i, so the surrogate sits
 * at the operating point the driven network runs at; MEAN_AND_NOISE also widens each neuron's
 * rate function by the input's free-membrane voltage variance sigma_i^2,
 * DeltaV_i,eff = sqrt(DeltaV_i^2 + (pi / 8) sigma_i^2): the probit approximation of the
 * logistic rate averaged over Gaussian voltage noise, E[sigma(z + s xi)] ~ sigma(z / sqrt(1 + pi s^2 / 8)).
 * With no input groups, or NONE, this is the undriven surrogate.
 */
public final class LifSurrogateDynamics implements TangentDynamics {
    private final int n;
    private final double h;
    private final double[] alpha;
    /** (1 - alpha_i) R_i: mV per nA. */
    private final double[] inputGain;
    /** (1 - alpha_i) times the constant drive E_L + R I_bias. */
    private final double[] restDrive;
    private final double[] threshold;
    private final double[] invWidth;
    private final double[] rateMax;
    private final boolean siegert;
    private final double[] reset;
    /** Siegert: white-noise amplitude sigma (mV), threshold shift, tau_m and refractory time (ms). */
    private final double[] noiseAmplitude;
    private final double[] thresholdShift;
    private final double[] membraneTau;
    private final double[] refractory;
    private final int[] rowStart;
    private final int[] target;
    /** M in CSR by source: w tau_s of the target, nA ms. */
    private final double[] coupling;
    private final double[] rate;
    private final double[] current;
    private double[] external;

    public LifSurrogateDynamics(Network network, SurrogateOptions options) {
        NeuronParameters p = network.parameters();
        SynapseMatrix s = network.synapses();
        this.n = network.size();
        this.h = options.stepMs();
        this.alpha = new double[n];
        this.inputGain = new double[n];
        this.restDrive = new double[n];
        this.threshold = p.threshold.clone();
        this.invWidth = new double[n];
        this.rateMax = new double[n];
        this.siegert = options.transfer() == SurrogateOptions.Transfer.SIEGERT;
        this.reset = p.resetPotential.clone();
        this.noiseAmplitude = new double[n];
        this.thresholdShift = new double[n];
        this.membraneTau = p.membraneTau.clone();
        this.refractory = new double[n];
        double[] constant = new double[n];
        for (CurrentInjection c : network.currents()) {
            if (c.startMs() == 0 && c.stopMs() == Double.POSITIVE_INFINITY) {
                for (int i : c.neurons()) {
                    constant[i] += c.amplitude();
                }
            }
        }
        double[] driveVariance = new double[n];
        if (options.drive() != SurrogateOptions.Drive.NONE && !network.inputs().isEmpty()) {
            ExternalDrive d = ExternalDrive.of(network);
            double[] mu = d.meanCurrent();
            for (int i = 0; i < n; i++) {
                constant[i] += mu[i];
            }
            if (options.drive() == SurrogateOptions.Drive.MEAN_AND_NOISE) {
                driveVariance = d.voltageVariance();
            }
        }
        for (int i = 0; i < n; i++) {
            alpha[i] = Math.exp(-h / p.membraneTau[i]);
            inputGain[i] = (1 - alpha[i]) * p.resistance[i];
            restDrive[i] = (1 - alpha[i]) * (p.leakPotential[i] + p.resistance[i] * (p.biasCurrent[i] + constant[i]));
            double width = options.widthFraction() * (p.threshold[i] - p.resetPotential[i]);
            invWidth[i] = 1.0 / Math.sqrt(width * width + Math.PI / 8 * driveVariance[i]);
            rateMax[i] = 1.0 / Math.max(p.refractoryPeriod[i], h);
            // Free-membrane variance (drive plus the width as a floor) to the white-noise amplitude
            // of the same variance for an input filtered by tau_e: sigma^2 = 2 var (tau_m + tau_e) / tau_m.
            double tauM = p.membraneTau[i];
            double tauS = p.excitatoryTau[i];
            noiseAmplitude[i] = Math.sqrt(2 * (driveVariance[i] + width * width) * (tauM + tauS) / tauM);
            thresholdShift[i] = SiegertTransfer.ALPHA / 2 * Math.sqrt(tauS / tauM);
            refractory[i] = Math.max(p.refractoryPeriod[i], h);
        }
        this.rowStart = s.rowStart;
        this.target = s.target;
        this.coupling = new double[s.size()];
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                double w = s.weight[k];
                coupling[k] = w * (w >= 0 ? p.excitatoryTau[i] : p.inhibitoryTau[i]);
            }
        }
        this.rate = new double[n];
        this.current = new double[n];
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double stepTime() {
        return h;
    }

    /** alpha_i = exp(-h / tau_m,i). */
    public double[] alpha() {
        return alpha.clone();
    }

    /** Sets the external drive u (nA per neuron) used by subsequent steps; null for none. */
    public void setExternalCurrent(double[] u) {
        this.external = u;
    }

    /** The firing rate r_j(v) of the surrogate, spikes per ms. */
    public double rate(int j, double v) {
        if (siegert) {
            return SiegertTransfer.rate(v, threshold[j], reset[j], noiseAmplitude[j], thresholdShift[j], membraneTau[j],
                    refractory[j]);
        }
        return rateMax[j] * sigmoid((v - threshold[j]) * invWidth[j]);
    }

    /** The surrogate derivative dr_j/dv, spikes per ms per mV. */
    public double rateDerivative(int j, double v) {
        if (siegert) {
            return SiegertTransfer.rateDerivative(v, threshold[j], reset[j], noiseAmplitude[j], thresholdShift[j],
                    membraneTau[j], refractory[j]);
        }
        double s = sigmoid((v - threshold[j]) * invWidth[j]);
        return rateMax[j] * s * (1 - s) * invWidth[j];
    }

    /** Initial state: the network's initial potentials. */
    public static double[] initialState(Network network) {
        return network.parameters().initialPotential.clone();
    }

    @Override
    public void step(double[] x, double[] next) {
        for (int j = 0; j < n; j++) {
            rate[j] = rate(j, x[j]);
            current[j] = 0;
        }
        for (int j = 0; j < n; j++) {
            double r = rate[j];
            if (r == 0) {
                continue;
            }
            for (int k = rowStart[j]; k < rowStart[j + 1]; k++) {
                current[target[k]] += coupling[k] * r;
            }
        }
        double[] u = external;
        for (int i = 0; i < n; i++) {
            double in = current[i] + (u == null ? 0 : u[i]);
            next[i] = alpha[i] * x[i] + restDrive[i] + inputGain[i] * in;
        }
    }

    @Override
    public void jacobianTimes(double[] x, DMatrixRMaj in, DMatrixRMaj out) {
        int k = in.numCols;
        double[] a = in.data;
        double[] o = out.data;
        java.util.Arrays.fill(o, 0, n * k, 0.0);
        for (int j = 0; j < n; j++) {
            double g = rateDerivative(j, x[j]);
            if (g == 0) {
                continue;
            }
            int src = j * k;
            for (int s = rowStart[j]; s < rowStart[j + 1]; s++) {
                double c = coupling[s] * g;
                int dst = target[s] * k;
                for (int m = 0; m < k; m++) {
                    o[dst + m] += c * a[src + m];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double gi = inputGain[i];
            double ai = alpha[i];
            int row = i * k;
            for (int m = 0; m < k; m++) {
                o[row + m] = ai * a[row + m] + gi * o[row + m];
            }
        }
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
