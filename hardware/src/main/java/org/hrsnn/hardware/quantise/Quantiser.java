package org.hrsnn.hardware.quantise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrsnn.hardware.Issue;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointProjection;
import org.hrsnn.hardware.fixedpoint.SignMode;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.NeuronFormat;
import org.hrsnn.hardware.preset.SynapseFormat;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.Population;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Float network to fixed-point network (a function Network -> FixedPointNetwork).
 *
 * <p>The float model it approximates is the per-step form of MODELS.md section 1 that
 * {@link org.hrsnn.hardware.compare.FloatStepReference} runs: with x = v - V_reset (mV),
 * f = e^{-dt/tau} and alpha = 1 - f,
 * <pre>
 *   I_e = f_e I_e + (positive weights of the spikes of the previous step)       (nA)
 *   I_i = f_i I_i + (negative weights ...)
 *   x   = f_m x + alpha_m R (I_e + I_i) + alpha_m (E_L - V_reset + R I_bias)
 *   x &gt; V_th - V_reset: spike, x = 0 (held for round(t_ref / dt) steps if refractoriness is on)
 * </pre>
 * Mapping, per neuron i (S_i = its voltage scale, hardware units per mV; primes mark what the hardware
 * realises with its integer du, dv):
 * <ul>
 * <li>du, dv from the time-constant prototypes ({@link TimescalePrototypes}, at most P);</li>
 * <li>v_hw = x S_i; vth = round((V_th - V_reset) S_i / 2^thresholdShift); S_i is inversely proportional
 *     to alpha'_m R (gain equalisation, {@link #voltageScales}), at most the scale that puts the threshold
 *     2^headroomBits below the state range;</li>
 * <li>bias = alpha'_m (E_L - V_reset + R (I_bias + constant injections)) S as mantissa &lt;&lt; exponent,
 *     the smallest exponent whose mantissa fits: with alpha'_m, not alpha_m, the steady state
 *     v = drive S is kept exactly whatever dv rounded to;</li>
 * <li>a weight w onto i becomes w alpha'_m R S_i (alpha'_s / alpha_{e or i}) / 2^activationShift in a_in
 *     units: the same steady state, and the same total charge per input spike even where the
 *     hardware's single tau_s differs from tau_e or tau_i;</li>
 * <li>weights are grouped into projections by (source population or input group, target
 *     population); each gets a sign mode from its weights' signs and the weight exponent with the
 *     least squared error ({@link ProjectionQuantisation#quantise}) at the allowed width, then the
 *     fewest weight bits that reach the same error (saving synaptic memory).</li>
 * </ul>
 * Approximations are reported as warnings: synaptic delays become one step, adaptation (ALIF) and
 * time-varying current injections are dropped, refractory counts beyond the chip's limit are clipped.
 * What cannot be represented (a weight beyond the largest exponent, a bias beyond mantissa and
 * exponent, a projection whose weights all round to zero) is an error.
 */
public final class Quantiser {

    public Quantised quantise(Network net, HardwarePreset preset, QuantiserOptions options) {
        NeuronFormat nf = preset.neuron();
        SynapseFormat sf = preset.synapse();
        NeuronParameters p = net.parameters();
        int n = net.size();
        double dt = options.dtMs();
        List<Issue> issues = new ArrayList<>();
        int weightBits = options.weightBits() == 0 ? sf.weightBits() : options.weightBits();
        if (weightBits < sf.minWeightBits() || weightBits > sf.weightBits()) {
            throw new InvalidInputException("weightBits", weightBits,
                    "an integer in [" + sf.minWeightBits() + ", " + sf.weightBits() + "] for preset " + preset.name());
        }
        int maxPrototypes = options.maxPrototypes() == 0 ? preset.limits().prototypesPerCore() : options.maxPrototypes();
        boolean refractory = options.refractory() == null ? preset.refractoryDefault() : options.refractory();

        // time constants and prototypes
        double[] tauS = new double[n];
        for (int i = 0; i < n; i++) {
            tauS[i] = switch (options.synapticTau()) {
                case EXCITATORY -> p.excitatoryTau[i];
                case INHIBITORY -> p.inhibitoryTau[i];
                case GEOMETRIC_MEAN -> Math.sqrt(p.excitatoryTau[i] * p.inhibitoryTau[i]);
            };
        }
        TimescalePrototypes.Assignment protos = TimescalePrototypes.assign(tauS, p.membraneTau, dt, nf, maxPrototypes,
                new RandomStreams(options.seed()).stream("quantise/prototypes"));
        int offset = nf.currentDecayOffset();
        int[] du = new int[n];
        int[] dv = new int[n];
        double[] alphaS = new double[n];
        double[] alphaM = new double[n];
        double[] tauSReal = new double[n];
        double[] tauMReal = new double[n];
        for (int i = 0; i < n; i++) {
            du[i] = protos.du()[protos.prototypeOf()[i]];
            dv[i] = protos.dv()[protos.prototypeOf()[i]];
            alphaS[i] = Decays.effectiveAlpha(du[i], nf, offset);
            alphaM[i] = Decays.effectiveAlpha(dv[i], nf, 0);
            tauSReal[i] = Decays.effectiveTau(du[i], dt, nf, offset);
            tauMReal[i] = Decays.effectiveTau(dv[i], dt, nf, 0);
        }

        // voltage scale
        double thetaMax = 0;
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = p.threshold[i] - p.resetPotential[i];
            thetaMax = Math.max(thetaMax, theta[i]);
        }
        double target = Math.scalb(1.0, nf.stateBits() - 1 - options.headroomBits());
        double top = Math.min(target, nf.maxThreshold() * Math.scalb(1.0, nf.thresholdShift()));
        double[] scales = voltageScales(theta, thetaMax, top, alphaM, p.resistance, options.equaliseGain());

        // thresholds, initial v
        int[] vth = new int[n];
        double[] thetaReal = new double[n];
        int[] v0 = new int[n];
        double[] v0Exact = new double[n];
        double[] v0Real = new double[n];
        double thrUnit = Math.scalb(1.0, nf.thresholdShift());
        for (int i = 0; i < n; i++) {
            double scale = scales[i];
            vth[i] = (int) Math.min(nf.maxThreshold(), Math.round(theta[i] * scale / thrUnit));
            thetaReal[i] = vth[i] * thrUnit / scale;
            if (vth[i] == 0) {
                issues.add(Issue.warning("threshold rounds to 0", "neuron " + i,
                        "V_th - V_reset = " + theta[i] + " mV is below the threshold resolution " + thrUnit / scale + " mV"));
            }
            v0Exact[i] = p.initialPotential[i] - p.resetPotential[i];
            long x = Math.round(v0Exact[i] * scale);
            v0[i] = (int) Math.max(-nf.maxState(), Math.min(nf.maxState(), x));
            v0Real[i] = v0[i] / scale;
        }

        // bias (constant current injections folded in)
        double[] injected = new double[n];
        for (CurrentInjection c : net.currents()) {
            if (c.startMs() == 0 && c.stopMs() == Double.POSITIVE_INFINITY) {
                for (int i : c.neurons()) {
                    injected[i] += c.amplitude();
                }
            } else {
                issues.add(Issue.warning("time-varying current injection dropped", "current '" + c.name() + "'",
                        "the fixed-point network has only a constant bias per neuron"));
            }
        }
        int[] biasMant = new int[n];
        int[] biasExp = new int[n];
        double[] biasExact = new double[n];
        for (int i = 0; i < n; i++) {
            double drive = p.leakPotential[i] - p.resetPotential[i] + p.resistance[i] * (p.biasCurrent[i] + injected[i]);
            double b = alphaM[i] * drive * scales[i];
            int e = 0;
            while (e < nf.maxBiasExponent() && Math.abs(Math.round(Math.scalb(b, -e))) > nf.maxBiasMantissa()) {
                e++;
            }
            long m = Math.round(Math.scalb(b, -e));
            if (m > nf.maxBiasMantissa() || m < nf.minBiasMantissa()) {
                issues.add(Issue.error("bias not representable", "neuron " + i + " (" + net.populationOf(i).name() + ")",
                        String.format("%.4g hardware units per step exceeds mantissa %d << exponent %d", b,
                                nf.maxBiasMantissa(), nf.maxBiasExponent())));
                m = Math.max(nf.minBiasMantissa(), Math.min(nf.maxBiasMantissa(), m));
            }
            biasMant[i] = (int) m;
            biasExp[i] = e;
        }

        // refractory counts
        int[] ref = new int[n];
        if (refractory) {
            int clipped = 0;
            for (int i = 0; i < n; i++) {
                long r = Math.round(p.refractoryPeriod[i] / dt);
                if (r > nf.maxRefractorySteps()) {
                    clipped++;
                    r = nf.maxRefractorySteps();
                }
                ref[i] = (int) r;
            }
            if (clipped > 0) {
                issues.add(Issue.warning("refractory period clipped", clipped + " neurons",
                        "the chip counts at most " + nf.maxRefractorySteps() + " steps"));
            }
        }
        if (net.hasAdaptation()) {
            issues.add(Issue.warning("adaptation dropped", "ALIF neurons",
                    "the fixed-point CUBA LIF has no adaptive threshold"));
        }

        // weights
        double[] gain = new double[n];
        double[] chargeE = new double[n];
        double[] chargeI = new double[n];
        double actUnit = Math.scalb(1.0, nf.activationShift());
        for (int i = 0; i < n; i++) {
            gain[i] = alphaM[i] * p.resistance[i] * scales[i] / actUnit;
            chargeE[i] = alphaS[i] / -Math.expm1(-dt / p.excitatoryTau[i]);
            chargeI[i] = alphaS[i] / -Math.expm1(-dt / p.inhibitoryTau[i]);
        }
        List<Population> pops = net.populations();
        int[] popOf = new int[n];
        for (int k = 0; k < pops.size(); k++) {
            Arrays.fill(popOf, pops.get(k).start(), pops.get(k).end(), k);
        }
        List<FixedPointProjection> projections = new ArrayList<>();
        List<ProjectionQuantisation> reports = new ArrayList<>();
        List<FixedPointNetwork.InputSpec> inputSpecs = new ArrayList<>();
        int offStep = 0;
        offStep += project(net.synapses(), FixedPointProjection.RECURRENT, "", pops, popOf, gain, chargeE, chargeI,
                weightBits, sf, dt, projections, reports, issues);
        for (int g = 0; g < net.inputs().size(); g++) {
            InputGroup ig = net.inputs().get(g);
            inputSpecs.add(new FixedPointNetwork.InputSpec(ig.name(), ig.source().channels()));
            offStep += project(ig.projection(), g, "input:" + ig.name(), pops, popOf, gain, chargeE, chargeI,
                    weightBits, sf, dt, projections, reports, issues);
        }
        if (offStep > 0) {
            issues.add(Issue.warning("synaptic delays replaced by one step", offStep + " synapses",
                    "the fixed-point model delivers every spike exactly one step (" + dt + " ms) later"));
        }

        // worst case of u: every input spiking every step, u = (sum |w| 2^e 2^shift) / alpha_s
        double[] worst = new double[n];
        for (FixedPointProjection pr : projections) {
            double unit = Math.scalb(1.0, pr.weightExponent() + nf.activationShift());
            for (int k = 0; k < pr.size(); k++) {
                worst[pr.target()[k]] += Math.abs(pr.weight()[k]) * unit;
            }
        }
        int mayOverflow = 0;
        int example = -1;
        for (int i = 0; i < n; i++) {
            if (worst[i] / alphaS[i] > nf.maxState()) {
                mayOverflow++;
                example = example < 0 ? i : example;
            }
        }
        if (mayOverflow > 0) {
            issues.add(Issue.warning("synaptic current may " + (nf.currentOverflow() == NeuronFormat.Overflow.WRAP ? "wrap" : "saturate"),
                    mayOverflow + " neurons (e.g. neuron " + example + ")",
                    "in the worst case (every input spiking every step) u would exceed " + nf.maxState() + "; a larger headroomBits (smaller voltage scale) makes room"));
        }

        FixedPointNetwork fixed = new FixedPointNetwork(preset.name(), nf, sf, dt, du, dv, vth, biasMant, biasExp, ref,
                v0, protos.prototypeOf(), filled(n, FixedPointNetwork.UNMAPPED), inputSpecs, projections);
        double[] biasRealised = new double[n];
        for (int i = 0; i < n; i++) {
            // what the hardware adds per step, converted back to mV
            biasRealised[i] = Math.scalb((double) biasMant[i], biasExp[i]) / scales[i];
            double drive = p.leakPotential[i] - p.resetPotential[i] + p.resistance[i] * (p.biasCurrent[i] + injected[i]);
            biasExact[i] = alphaM[i] * drive; // compared at the hardware's alpha'_m: the rounding of the bias alone
        }
        QuantisationReport report = new QuantisationReport(max(scales), min(scales), protos.count(),
                ParameterError.of("membraneTau", "ms", p.membraneTau, tauMReal),
                ParameterError.of("synapticTau", "ms", tauS, tauSReal),
                ParameterError.of("inhibitoryTau", "ms", p.inhibitoryTau, tauSReal),
                ParameterError.of("threshold", "mV", theta, thetaReal),
                ParameterError.of("bias", "mV/step", biasExact, biasRealised),
                ParameterError.of("initialPotential", "mV", v0Exact, v0Real),
                reports, issues);
        return new Quantised(fixed, report);
    }

    /** Splits one synapse matrix into projections by (source population, target population); returns off-step delays. */
    private static int project(SynapseMatrix m, int group, String sourceName, List<Population> pops, int[] popOf,
                               double[] gain, double[] chargeE, double[] chargeI, int weightBits, SynapseFormat sf,
                               double dt, List<FixedPointProjection> out, List<ProjectionQuantisation> reports,
                               List<Issue> issues) {
        int sources = m.sources;
        int[] src = m.sourceIndices();
        int pcount = pops.size();
        boolean recurrent = group == FixedPointProjection.RECURRENT;
        int offStep = 0;
        for (int k = 0; k < m.size(); k++) {
            if (Math.abs(m.delay[k] - dt) > 1e-9 * dt) {
                offStep++;
            }
        }
        int keys = (recurrent ? pcount : 1) * pcount;
        int[] count = new int[keys];
        for (int k = 0; k < m.size(); k++) {
            count[key(recurrent, popOf, src[k], m.target[k], pcount)]++;
        }
        for (int key = 0; key < keys; key++) {
            if (count[key] == 0) {
                continue;
            }
            int from = recurrent ? key / pcount : -1;
            int to = key % pcount;
            String name = (recurrent ? pops.get(from).name() : sourceName) + "->" + pops.get(to).name();
            int size = count[key];
            int[] rowStart = new int[sources + 1];
            int[] target = new int[size];
            double[] real = new double[size];
            int[] origin = new int[size];
            boolean pos = false;
            boolean neg = false;
            int c = 0;
            for (int j = 0; j < sources; j++) {
                for (int k = m.rowStart[j]; k < m.rowStart[j + 1]; k++) {
                    if (key(recurrent, popOf, j, m.target[k], pcount) != key) {
                        continue;
                    }
                    int i = m.target[k];
                    double w = m.weight[k];
                    target[c] = i;
                    real[c] = w * gain[i] * (w >= 0 ? chargeE[i] : chargeI[i]);
                    origin[c] = k;
                    pos |= w > 0;
                    neg |= w < 0;
                    c++;
                }
                rowStart[j + 1] = c;
            }
            SignMode mode = pos && neg ? SignMode.MIXED : (neg ? SignMode.INHIBITORY : SignMode.EXCITATORY);
            ProjectionQuantisation.Weights q = ProjectionQuantisation.quantiseFewestBits(real, mode, sf.weightBits(),
                    weightBits, sf.minWeightBits(), sf.minWeightExponent(), sf.maxWeightExponent());
            int bits = q.numWeightBits();
            if (q.maxAbs() > q.representableMax() * (1 + 0.5 / (1 << weightBits))) {
                int worst = 0;
                for (int s = 1; s < size; s++) {
                    if (Math.abs(real[s]) > Math.abs(real[worst])) {
                        worst = s;
                    }
                }
                int k = origin[worst];
                issues.add(Issue.error("weight not representable", "projection '" + name + "', synapse " + m.sourceOf(k)
                                + " -> " + m.target[k] + " (weight " + m.weight[k] + " nA)",
                        String.format("needs %.4g a_in units, the largest is %.4g (weight exponent %d)", q.maxAbs(),
                                q.representableMax(), sf.maxWeightExponent())));
            } else if (q.zeroed() == size && q.maxAbs() > 0) {
                issues.add(Issue.error("weights underflow", "projection '" + name + "'",
                        String.format("every weight rounds to 0 even at weight exponent %d (largest %.3g a_in units)",
                                sf.minWeightExponent(), q.maxAbs())));
            } else if (q.clipped() > 0) {
                issues.add(Issue.warning("weights clipped", "projection '" + name + "'",
                        q.clipped() + " weights beyond the range chosen by the least-squares exponent"));
            }
            out.add(new FixedPointProjection(name, group, sources, rowStart, target, q.weight(), q.exponent(), mode, bits));
            reports.add(new ProjectionQuantisation(name, size, mode, bits, q.exponent(), q.relativeRmsError(),
                    q.zeroed(), q.clipped()));
        }
        return offStep;
    }

    /**
     * Hardware v units per mV, per neuron. Without equalisation one scale S puts the largest threshold at
     * {@code top}. With it, S_i = K / (alpha'_m,i R_i): the gain alpha'_m R S of a weight onto i is then
     * the same for every neuron, so a projection's integer weights spread only as its float weights do.
     * Otherwise a fast neuron (large alpha'_m) would take weights up to tau-ratio times larger than a slow
     * one, and a per-projection exponent with few bits would round the slow neurons' weights to zero
     * (the 4-bit anomaly of {@code hw compare}: slow excitatory neurons lost all their inhibition). K is
     * the largest value keeping theta_i S_i &lt;= top for every neuron; no scale is taken below
     * 2^-{@value #MAX_SCALE_SPREAD_BITS} of its neuron's largest, so thresholds keep at least
     * thresholdBits - 2 - {@value #MAX_SCALE_SPREAD_BITS} bits of resolution.
     */
    static double[] voltageScales(double[] theta, double thetaMax, double top, double[] alphaM, double[] resistance,
                                  boolean equalise) {
        int n = theta.length;
        double[] s = new double[n];
        if (!equalise) {
            Arrays.fill(s, top / thetaMax);
            return s;
        }
        double k = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            k = Math.min(k, top * alphaM[i] * resistance[i] / theta[i]);
        }
        double floor = Math.scalb(1.0, -MAX_SCALE_SPREAD_BITS);
        for (int i = 0; i < n; i++) {
            double largest = top / theta[i];
            s[i] = Math.max(largest * floor, Math.min(largest, k / (alphaM[i] * resistance[i])));
        }
        return s;
    }

    /** Largest ratio (as a power of two) between a neuron's largest voltage scale and the one it gets. */
    static final int MAX_SCALE_SPREAD_BITS = 8;

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElse(0);
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(0);
    }

    private static int key(boolean recurrent, int[] popOf, int source, int target, int pcount) {
        return (recurrent ? popOf[source] * pcount : 0) + popOf[target];
    }

    private static int[] filled(int n, int x) {
        int[] a = new int[n];
        Arrays.fill(a, x);
        return a;
    }
}
