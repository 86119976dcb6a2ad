package org.hrsnn.hardware.compare;

import java.util.Arrays;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.util.IntArrayList;

/**
 * The float network run on the hardware's step grid, in double precision: the per-step form of
 * MODELS.md section 1 that the quantiser approximates (see {@link org.hrsnn.hardware.quantise.Quantiser}).
 * With x = v - V_reset, f = e^{-dt/tau}, alpha = 1 - f, per step:
 * <pre>
 *   I_e = f_e I_e + sum of positive weights of the sources that spiked in the previous step
 *   I_i = f_i I_i + sum of negative weights ...
 *   x   = f_m x + alpha_m R (I_e + I_i) + alpha_m (E_L - V_reset + R (I_bias + constant injections))
 *   refractory count &gt; 0: count - 1, x = 0; else x &gt; V_th - V_reset: spike, x = 0, count = round(t_ref/dt)
 * </pre>
 * Same timing as the emulator (every synapse one step, inputs binned the same way), two synaptic
 * currents with their own time constants, exact exponential factors, no adaptation. The float
 * side of the comparisons is the simulator's clock engine ({@link ClockReference}); this reference
 * is kept beside it because it shares the hardware model's simplifications (one-step synapses, the
 * preset's refractory choice), so its agreement with the emulator measures what the integers and
 * the bits cost alone, while the clock engine's also contains delays, refractory periods and the
 * Euler-like input term.
 */
public final class FloatStepReference {

    public SpikeRaster run(Network net, double dtMs, boolean refractory, SpikeRaster[] inputs, int steps) {
        if (inputs.length != net.inputs().size()) {
            throw new InvalidInputException("inputs.length", inputs.length, "one raster per input group (" + net.inputs().size() + ")");
        }
        NeuronParameters p = net.parameters();
        int n = net.size();
        double[] fe = new double[n];
        double[] fi = new double[n];
        double[] fm = new double[n];
        double[] gain = new double[n];
        double[] drive = new double[n];
        double[] theta = new double[n];
        int[] refSteps = new int[n];
        double[] injected = new double[n];
        for (CurrentInjection c : net.currents()) {
            if (c.startMs() == 0 && c.stopMs() == Double.POSITIVE_INFINITY) {
                for (int i : c.neurons()) {
                    injected[i] += c.amplitude();
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            fe[i] = Math.exp(-dtMs / p.excitatoryTau[i]);
            fi[i] = Math.exp(-dtMs / p.inhibitoryTau[i]);
            fm[i] = Math.exp(-dtMs / p.membraneTau[i]);
            double am = -Math.expm1(-dtMs / p.membraneTau[i]);
            gain[i] = am * p.resistance[i];
            drive[i] = am * (p.leakPotential[i] - p.resetPotential[i] + p.resistance[i] * (p.biasCurrent[i] + injected[i]));
            theta[i] = p.threshold[i] - p.resetPotential[i];
            refSteps[i] = refractory ? (int) Math.round(p.refractoryPeriod[i] / dtMs) : 0;
            x[i] = p.initialPotential[i] - p.resetPotential[i];
        }
        double[] ie = new double[n];
        double[] ii = new double[n];
        int[] count = new int[n];
        int[] previous = new int[n];
        int previousCount = 0;
        int[] current = new int[n];
        IntArrayList out = new IntArrayList(1024);
        int[] stepStart = new int[steps + 1];
        SynapseMatrix rec = net.synapses();
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < n; i++) {
                ie[i] *= fe[i];
                ii[i] *= fi[i];
            }
            deliver(rec, previous, 0, previousCount, ie, ii);
            if (t > 0) {
                for (int g = 0; g < inputs.length; g++) {
                    deliver(net.inputs().get(g).projection(), inputs[g].unit, inputs[g].stepStart[t - 1],
                            inputs[g].stepStart[t], ie, ii);
                }
            }
            int spikes = 0;
            for (int i = 0; i < n; i++) {
                if (count[i] > 0) {
                    count[i]--;
                    x[i] = 0;
                    continue;
                }
                double xi = fm[i] * x[i] + gain[i] * (ie[i] + ii[i]) + drive[i];
                if (xi > theta[i]) {
                    xi = 0;
                    count[i] = refSteps[i];
                    current[spikes++] = i;
                    out.add(i);
                }
                x[i] = xi;
            }
            stepStart[t + 1] = out.size();
            int[] swap = previous;
            previous = current;
            current = swap;
            previousCount = spikes;
        }
        return new SpikeRaster(steps, n, stepStart, Arrays.copyOf(out.raw(), out.size()));
    }

    private static void deliver(SynapseMatrix m, int[] src, int from, int to, double[] ie, double[] ii) {
        for (int s = from; s < to; s++) {
            int j = src[s];
            for (int k = m.rowStart[j]; k < m.rowStart[j + 1]; k++) {
                double w = m.weight[k];
                if (w >= 0) {
                    ie[m.target[k]] += w;
                } else {
                    ii[m.target[k]] += w;
                }
            }
        }
    }
}
