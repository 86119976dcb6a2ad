package org.hrsnn.hardware.emulator;

import java.util.Arrays;
import org.hrsnn.hardware.fixedpoint.FixedPointLif;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointProjection;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.util.IntArrayList;

/**
 * Runs a {@link FixedPointNetwork} step by step in integers only (no floating point in the step),
 * with the arithmetic of its {@link org.hrsnn.hardware.preset.NeuronFormat}.
 *
 * <p>Step t (t = 0 .. steps-1), for every neuron i:
 * <ol>
 * <li>a_in[i] = sum over projections of (sum of the truncated weights from the sources that
 *     spiked in step t-1, recurrent neurons or input channels) shifted by the projection's weight
 *     exponent: every synapse has a delay of exactly one step;</li>
 * <li>u[i] = current(u[i], du[i], a_in[i]);</li>
 * <li>if the refractory count is positive: count - 1, v[i] held at 0, no spike; otherwise
 *     v[i] = voltage(v[i], dv[i], u[i], bias[i]) and, if v[i] &gt; vth[i] &lt;&lt; shift, neuron i
 *     spikes in step t, v[i] = 0 and the count is set to refractorySteps[i] (u is not reset).</li>
 * </ol>
 * Initial state: u = 0, v = initialV, nothing spiked before step 0.
 */
public final class BitExactEmulator {

    /** Runs {@code steps} steps with one input raster per input group (same order, channels as units). */
    public EmulatorResult run(FixedPointNetwork net, SpikeRaster[] inputs, int steps, StateProbe probe) {
        if (inputs.length != net.inputs.size()) {
            throw new InvalidInputException("inputs.length", inputs.length, "one raster per input group (" + net.inputs.size() + ")");
        }
        for (int g = 0; g < inputs.length; g++) {
            if (inputs[g].units != net.inputs.get(g).channels() || inputs[g].steps < steps) {
                throw new InvalidInputException("inputs[" + g + "]", inputs[g].units + " channels x " + inputs[g].steps + " steps",
                        net.inputs.get(g).channels() + " channels and at least " + steps + " steps");
            }
        }
        final int n = net.size;
        final FixedPointLif lif = new FixedPointLif(net.neuronFormat);
        final int weightBits = net.synapseFormat.weightBits();
        final int projections = net.projections.size();
        final int[][] w = new int[projections][];
        for (int p = 0; p < projections; p++) {
            w[p] = net.projections.get(p).effectiveWeights(weightBits);
        }
        final int[] threshold = new int[n];
        final int[] bias = new int[n];
        for (int i = 0; i < n; i++) {
            threshold[i] = lif.threshold(net.vth[i]);
            bias[i] = FixedPointLif.bias(net.biasMantissa[i], net.biasExponent[i]);
        }
        final boolean mapped = net.mapped();
        final int cores = mapped ? net.coresUsed() : 0;
        final int[] core = net.core;
        final int[] coreSyn = new int[mapped ? steps * cores : 0];
        final int[] coreActive = new int[mapped ? steps * cores : 0];
        final int[] coreNeurons = new int[cores];
        if (mapped) {
            for (int i = 0; i < n; i++) {
                coreNeurons[core[i]]++;
            }
        }

        final int[] u = new int[n];
        final int[] v = net.initialV.clone();
        final int[] refractory = new int[n];
        final long[] aIn = new long[n];
        final long[] acc = new long[n];
        final int[] touched = new int[n];
        final boolean[] isTouched = new boolean[n];
        int[] previous = new int[0];
        int previousCount = 0;
        int[] current = new int[Math.max(16, n)];
        IntArrayList out = new IntArrayList(1024);
        int[] stepStart = new int[steps + 1];
        long synapticOps = 0;
        long active = 0;

        for (int t = 0; t < steps; t++) {
            Arrays.fill(aIn, 0);
            int base = t * cores;
            for (int p = 0; p < projections; p++) {
                FixedPointProjection pr = net.projections.get(p);
                int[] rowStart = pr.rowStart();
                int[] target = pr.target();
                int[] wp = w[p];
                int[] src;
                int from;
                int to;
                if (pr.recurrent()) {
                    src = previous;
                    from = 0;
                    to = previousCount;
                } else {
                    if (t == 0) {
                        continue;
                    }
                    SpikeRaster r = inputs[pr.sourceGroup()];
                    src = r.unit;
                    from = r.stepStart[t - 1];
                    to = r.stepStart[t];
                }
                int nTouched = 0;
                for (int s = from; s < to; s++) {
                    int j = src[s];
                    for (int k = rowStart[j]; k < rowStart[j + 1]; k++) {
                        int i = target[k];
                        acc[i] += wp[k];
                        if (!isTouched[i]) {
                            isTouched[i] = true;
                            touched[nTouched++] = i;
                        }
                        if (mapped) {
                            coreSyn[base + core[i]]++;
                        }
                    }
                    synapticOps += rowStart[j + 1] - rowStart[j];
                }
                int e = pr.weightExponent();
                for (int q = 0; q < nTouched; q++) {
                    int i = touched[q];
                    aIn[i] += FixedPointLif.applyWeightExponent(acc[i], e);
                    acc[i] = 0;
                    isTouched[i] = false;
                }
            }

            int spikes = 0;
            for (int i = 0; i < n; i++) {
                if (aIn[i] != 0 || u[i] != 0 || v[i] != 0 || bias[i] != 0) {
                    active++;
                    if (mapped) {
                        coreActive[base + core[i]]++;
                    }
                }
                u[i] = lif.current(u[i], net.du[i], aIn[i]);
                if (refractory[i] > 0) {
                    refractory[i]--;
                    v[i] = 0;
                    continue;
                }
                int vi = lif.voltage(v[i], net.dv[i], u[i], bias[i]);
                if (vi > threshold[i]) {
                    vi = 0;
                    refractory[i] = net.refractorySteps[i];
                    current[spikes++] = i;
                    out.add(i);
                }
                v[i] = vi;
            }
            stepStart[t + 1] = out.size();
            int[] swap = previous.length >= current.length ? previous : new int[current.length];
            previous = current;
            previousCount = spikes;
            current = swap;
            if (probe != null) {
                probe.afterStep(t, u, v);
            }
        }
        long updates = (long) n * steps;
        SpikeRaster raster = new SpikeRaster(steps, n, stepStart, Arrays.copyOf(out.raw(), out.size()));
        return new EmulatorResult(raster, synapticOps, active, updates - active, cores, coreSyn, coreActive, coreNeurons);
    }

    public EmulatorResult run(FixedPointNetwork net, SpikeRaster[] inputs, int steps) {
        return run(net, inputs, steps, null);
    }
}
