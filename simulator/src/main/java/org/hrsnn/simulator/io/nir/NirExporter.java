package org.hrsnn.simulator.io.nir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.io.RunMetadata;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.Population;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Writes an hrsnn {@link Network} as a NIR graph (see {@code docs/nir.md}
 * for the full mapping). In short, with SI units (s, V, A, Ohm) and spikes as Dirac impulses:
 * <ul>
 * <li>every input group becomes an {@code Input} node and an {@code Affine} (N x channels, zero
 *     bias) holding the input weights;</li>
 * <li>when tau_e == tau_i for every neuron, the neurons are one {@code CubaLIF} node with
 *     tau_syn = tau_e and w_in = tau_syn, so a spike through weight W (A) makes the synaptic
 *     current jump by W w_in / tau_syn = W, as in hrsnn; recurrent weights are a {@code Linear};</li>
 * <li>otherwise (two synaptic time constants) the neurons are a {@code LIF} node fed by two
 *     {@code LI} synapse nodes {@code syn_exc} (tau = tau_e) and {@code syn_inh} (tau = tau_i), both
 *     with v_leak = 0 and r = tau, so each LI state is exactly hrsnn's I_e or I_i; positive weights
 *     go to syn_exc, negative to syn_inh: the dynamics stay exact;</li>
 * <li>synaptic delays become {@code Delay} nodes after the weight node, one weight node per
 *     distinct delay value;</li>
 * <li>a constant bias current is folded into v_leak (v_leak = E_L + R I_bias, exact dynamics);</li>
 * <li>what NIR cannot hold (refractory period, ALIF adaptation, initial potential, population
 *     names, current injections, input spike generators) is listed in {@code metadata/hrsnn/
 *     not_representable}; the per-neuron values hrsnn needs to read its own file back are stored
 *     under {@code metadata/hrsnn/} and ignored by other NIR tools.</li>
 * </ul>
 */
public final class NirExporter {
    public static final String NEURONS = "neurons";
    public static final String OUTPUT = "output";
    public static final String SYN_EXC = "syn_exc";
    public static final String SYN_INH = "syn_inh";
    public static final String RECURRENT = "recurrent";
    public static final String READOUT = "readout";
    public static final String READOUT_LI = "readout_li";
    /** Prefix of hrsnn's own graph metadata. */
    public static final String META = "hrsnn/";

    /**
     * An optional linear readout written after the neurons: {@code Affine(weight, bias)} followed
     * by an {@code LI} (tau, r = 1, v_leak = 0) and the {@code Output}. Weight and bias are
     * dimensionless (they scale spike trains); tau in ms.
     */
    public record Readout(double[][] weight, double[] bias, double[] tauMs) {
        public Readout {
            Check.positive("readout.outputs", weight.length);
            if (bias.length != weight.length || tauMs.length != weight.length) {
                throw new InvalidInputException("readout.bias/tau length", bias.length + "/" + tauMs.length,
                        "one entry per readout output (" + weight.length + ")");
            }
            for (int k = 0; k < tauMs.length; k++) {
                Check.positive("readout.tau[" + k + "]", tauMs[k]);
            }
        }
    }

    /**
     * How to export: {@code maxDenseEntries} bounds the size of a dense weight matrix (beyond it
     * only the sparse encoding is written, and the file is then readable by hrsnn but not by the
     * reference reader); {@code maxDelayGroups} bounds the number of distinct delay values.
     */
    public record Options(long maxDenseEntries, int maxDelayGroups, Readout readout) {
        public static Options defaults() {
            return new Options(1L << 22, 64, null);
        }

        public Options withReadout(Readout r) {
            return new Options(maxDenseEntries, maxDelayGroups, r);
        }

        public Options withMaxDenseEntries(long m) {
            return new Options(m, maxDelayGroups, readout);
        }
    }

    private NirExporter() {
    }

    public static void write(Network network, Path file) {
        write(network, file, Options.defaults());
    }

    public static void write(Network network, Path file, Options options) {
        NirFile.write(toGraph(network, options), file);
    }

    public static NirGraph toGraph(Network network, Options options) {
        return new Builder(network, options).build();
    }

    /** Whether the network fits the single-CubaLIF form (tau_e == tau_i for every neuron). */
    public static boolean singleSynapticTau(NeuronParameters p) {
        for (int i = 0; i < p.size; i++) {
            if (p.excitatoryTau[i] != p.inhibitoryTau[i]) {
                return false;
            }
        }
        return true;
    }

    private static final class Builder {
        private final Network net;
        private final Options opt;
        private final int n;
        private final boolean cuba;
        private final Map<String, NirNode> nodes = new LinkedHashMap<>();
        private final List<NirGraph.Edge> edges = new ArrayList<>();
        private final Map<String, NirValue> meta = new LinkedHashMap<>();
        private final List<String> losses = new ArrayList<>();

        Builder(Network net, Options opt) {
            this.net = net;
            this.opt = opt;
            this.n = net.size();
            this.cuba = singleSynapticTau(net.parameters());
        }

        NirGraph build() {
            NeuronParameters p = net.parameters();
            neuronNodes(p);
            List<String> inputNodes = new ArrayList<>();
            List<String> inputNames = new ArrayList<>();
            Set<String> used = new HashSet<>(List.of(NEURONS, OUTPUT, SYN_EXC, SYN_INH, READOUT, READOUT_LI));
            for (InputGroup g : net.inputs()) {
                String name = unique("input_" + sanitize(g.name()), used);
                inputNodes.add(name);
                inputNames.add(g.name());
                nodes.put(name, NirNode.of(name, "Input", Map.of("shape", NirValue.integers(g.source().channels()))));
                projection(name + "_w", name, g.projection(), true);
            }
            projection(RECURRENT, NEURONS, net.synapses(), false);
            output();
            metadata(p, inputNodes, inputNames);
            return new NirGraph(NirFile.LAYOUT_VERSION, nodes, edges, meta);
        }

        private void neuronNodes(NeuronParameters p) {
            double[] tauMem = new double[n];
            double[] r = new double[n];
            double[] vLeak = new double[n];
            double[] vTh = new double[n];
            double[] vReset = new double[n];
            double[] tauE = new double[n];
            double[] tauI = new double[n];
            boolean bias = false;
            for (int i = 0; i < n; i++) {
                bias |= p.biasCurrent[i] != 0;
            }
            for (int i = 0; i < n; i++) {
                tauMem[i] = NirUnits.secondsFromMs(p.membraneTau[i]);
                r[i] = NirUnits.ohmsFromMohm(p.resistance[i]);
                // A constant bias only shifts the fixed point: v_leak = E_L + R I_bias is exact.
                double leakMv = bias ? p.leakPotential[i] + p.resistance[i] * p.biasCurrent[i] : p.leakPotential[i];
                vLeak[i] = NirUnits.voltsFromMv(leakMv);
                vTh[i] = NirUnits.voltsFromMv(p.threshold[i]);
                vReset[i] = NirUnits.voltsFromMv(p.resetPotential[i]);
                tauE[i] = NirUnits.secondsFromMs(p.excitatoryTau[i]);
                tauI[i] = NirUnits.secondsFromMs(p.inhibitoryTau[i]);
            }
            double[] leakNative = new double[n];
            for (int i = 0; i < n; i++) {
                leakNative[i] = bias ? p.leakPotential[i] + p.resistance[i] * p.biasCurrent[i] : p.leakPotential[i];
            }
            exact(NEURONS, cuba ? "tau_mem" : "tau", p.membraneTau, NirUnits.Unit.MS_TO_S);
            exact(NEURONS, "r", p.resistance, NirUnits.Unit.MOHM_TO_OHM);
            exact(NEURONS, "v_leak", leakNative, NirUnits.Unit.MV_TO_V);
            exact(NEURONS, "v_threshold", p.threshold, NirUnits.Unit.MV_TO_V);
            exact(NEURONS, "v_reset", p.resetPotential, NirUnits.Unit.MV_TO_V);
            exact(cuba ? NEURONS : SYN_EXC, cuba ? "tau_syn" : "tau", p.excitatoryTau, NirUnits.Unit.MS_TO_S);
            if (!cuba) {
                exact(SYN_INH, "tau", p.inhibitoryTau, NirUnits.Unit.MS_TO_S);
            }
            Map<String, NirValue> m = new LinkedHashMap<>();
            if (cuba) {
                m.put("tau_syn", NirValue.vector(tauE));
                m.put("tau_mem", NirValue.vector(tauMem));
                m.put("r", NirValue.vector(r));
                m.put("v_leak", NirValue.vector(vLeak));
                m.put("v_reset", NirValue.vector(vReset));
                m.put("v_threshold", NirValue.vector(vTh));
                m.put("w_in", NirValue.vector(tauE.clone()));
                nodes.put(NEURONS, NirNode.of(NEURONS, "CubaLIF", m));
            } else {
                m.put("tau", NirValue.vector(tauMem));
                m.put("r", NirValue.vector(r));
                m.put("v_leak", NirValue.vector(vLeak));
                m.put("v_reset", NirValue.vector(vReset));
                m.put("v_threshold", NirValue.vector(vTh));
                nodes.put(NEURONS, NirNode.of(NEURONS, "LIF", m));
                nodes.put(SYN_EXC, synapseNode(SYN_EXC, tauE));
                nodes.put(SYN_INH, synapseNode(SYN_INH, tauI));
                edges.add(new NirGraph.Edge(SYN_EXC, NEURONS));
                edges.add(new NirGraph.Edge(SYN_INH, NEURONS));
            }
            if (bias) {
                losses.add("bias current: folded into v_leak = E_L + R I_bias (exact dynamics); E_L and I_bias are in "
                        + META + "neurons/leak_potential_mV and bias_current_nA");
            }
        }

        /** Stores the hrsnn values of a dataset whose SI form would not convert back to them exactly. */
        private void exact(String node, String dataset, double[] hrsnnValues, NirUnits.Unit unit) {
            if (!unit.roundTrips(hrsnnValues)) {
                meta.put(META + "exact/" + node + "/" + dataset, NirValue.vector(hrsnnValues.clone()));
            }
        }

        /** An LI node that is exactly an exponential synaptic current: tau dI/dt = -I + tau W S. */
        private NirNode synapseNode(String name, double[] tau) {
            Map<String, NirValue> m = new LinkedHashMap<>();
            m.put("tau", NirValue.vector(tau));
            m.put("r", NirValue.vector(tau.clone()));
            m.put("v_leak", NirValue.vector(new double[n]));
            return NirNode.of(name, "LI", m);
        }

        /** Weight nodes (+ Delay nodes) from {@code source} into the neurons, one per (filter, delay). */
        private void projection(String base, String source, SynapseMatrix m, boolean affine) {
            int in = m.sources;
            int[] src = m.sourceIndices();
            // key: filter (0 = exc or single, 1 = inh) and delay value -> synapse indices
            TreeMap<Double, List<Integer>>[] groups = newGroups();
            for (int k = 0; k < m.size(); k++) {
                int f = !cuba && m.weight[k] < 0 ? 1 : 0;
                groups[f].computeIfAbsent(m.delay[k], x -> new ArrayList<>()).add(k);
            }
            Set<Double> distinct = new HashSet<>(groups[0].keySet());
            distinct.addAll(groups[1].keySet());
            if (distinct.size() > opt.maxDelayGroups()) {
                throw new InvalidInputException(base + ".delays", distinct.size() + " distinct values",
                        "at most " + opt.maxDelayGroups() + " distinct synaptic delays: NIR has only node-level Delay "
                                + "nodes, so each delay value needs its own weight node; round the delays (e.g. to the "
                                + "time step) before exporting");
            }
            boolean severalDelays = distinct.size() > 1;
            for (int f = 0; f < 2; f++) {
                String target = cuba ? NEURONS : (f == 0 ? SYN_EXC : SYN_INH);
                for (Map.Entry<Double, List<Integer>> e : groups[f].entrySet()) {
                    String name = base + (cuba ? "" : (f == 0 ? "_exc" : "_inh"))
                            + (severalDelays ? "_d" + indexOf(distinct, e.getKey()) : "");
                    weightNode(name, affine, in, e.getValue(), src, m);
                    edges.add(new NirGraph.Edge(source, name));
                    if (e.getKey() > 0) {
                        double[] d = new double[n];
                        Arrays.fill(d, NirUnits.secondsFromMs(e.getKey()));
                        String dn = name + "_delay";
                        nodes.put(dn, NirNode.of(dn, "Delay", Map.of("delay", NirValue.vector(d))));
                        double[] dMs = new double[n];
                        Arrays.fill(dMs, e.getKey());
                        exact(dn, "delay", dMs, NirUnits.Unit.MS_TO_S);
                        edges.add(new NirGraph.Edge(name, dn));
                        edges.add(new NirGraph.Edge(dn, target));
                    } else {
                        edges.add(new NirGraph.Edge(name, target));
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static TreeMap<Double, List<Integer>>[] newGroups() {
            return new TreeMap[] {new TreeMap<Double, List<Integer>>(), new TreeMap<Double, List<Integer>>()};
        }

        private static int indexOf(Set<Double> distinct, double d) {
            int k = 0;
            for (double x : new java.util.TreeSet<>(distinct)) {
                if (x == d) {
                    return k;
                }
                k++;
            }
            return -1;
        }

        private void weightNode(String name, boolean affine, int in, List<Integer> syn, int[] src, SynapseMatrix m) {
            long entries = (long) n * in;
            boolean denseFits = entries <= opt.maxDenseEntries();
            boolean denseExact = true;
            Map<String, NirValue> params = new LinkedHashMap<>();
            if (denseFits) {
                double[] w = new double[(int) entries];
                boolean[] seen = new boolean[(int) entries];
                for (int k : syn) {
                    int cell = m.target[k] * in + src[k];
                    denseExact &= !seen[cell] && m.weight[k] != 0;
                    seen[cell] = true;
                    w[cell] += NirUnits.amperesFromNa(m.weight[k]);
                }
                params.put("weight", NirValue.matrix(n, in, w));
            }
            if (affine) {
                params.put("bias", NirValue.vector(new double[n]));
            }
            nodes.put(name, NirNode.of(name, affine ? "Affine" : "Linear", params));
            // hrsnn weights in the order the importer lists synapses: by source, then target (CSR order)
            double[] nativeW = new double[syn.size()];
            for (int j = 0; j < nativeW.length; j++) {
                nativeW[j] = m.weight[syn.get(j)];
            }
            exact(name, "weight", nativeW, NirUnits.Unit.NA_TO_A);
            if (!denseFits || !denseExact) {
                long[] s = new long[syn.size()];
                long[] t = new long[syn.size()];
                double[] w = new double[syn.size()];
                for (int j = 0; j < s.length; j++) {
                    int k = syn.get(j);
                    s[j] = src[k];
                    t[j] = m.target[k];
                    w[j] = NirUnits.amperesFromNa(m.weight[k]);
                }
                String key = META + "sparse/" + name + "/";
                meta.put(key + "source", NirValue.integers(s));
                meta.put(key + "target", NirValue.integers(t));
                meta.put(key + "weight", NirValue.vector(w));
                meta.put(key + "shape", NirValue.integers(n, in));
                if (!denseFits) {
                    losses.add("node '" + name + "': " + n + " x " + in + " weights exceed the dense limit; only the sparse "
                            + "encoding " + key + " is written (readers that need 'weight' cannot load this node)");
                } else {
                    losses.add("node '" + name + "': repeated or zero-weight synapses; the dense 'weight' sums them, the "
                            + "exact list is in " + key);
                }
            }
        }

        private void output() {
            Readout ro = opt.readout();
            if (ro == null) {
                nodes.put(OUTPUT, NirNode.of(OUTPUT, "Output", Map.of("shape", NirValue.integers(n))));
                edges.add(new NirGraph.Edge(NEURONS, OUTPUT));
                return;
            }
            int k = ro.weight().length;
            double[] w = new double[k * n];
            for (int o = 0; o < k; o++) {
                if (ro.weight()[o].length != n) {
                    throw new InvalidInputException("readout.weight[" + o + "].length", ro.weight()[o].length,
                            "the number of neurons (" + n + ")");
                }
                System.arraycopy(ro.weight()[o], 0, w, o * n, n);
            }
            nodes.put(READOUT, NirNode.of(READOUT, "Affine",
                    Map.of("weight", NirValue.matrix(k, n, w), "bias", NirValue.vector(ro.bias().clone()))));
            double[] tau = new double[k];
            double[] one = new double[k];
            for (int o = 0; o < k; o++) {
                tau[o] = NirUnits.secondsFromMs(ro.tauMs()[o]);
                one[o] = 1.0;
            }
            Map<String, NirValue> li = new LinkedHashMap<>();
            li.put("tau", NirValue.vector(tau));
            li.put("r", NirValue.vector(one));
            li.put("v_leak", NirValue.vector(new double[k]));
            nodes.put(READOUT_LI, NirNode.of(READOUT_LI, "LI", li));
            exact(READOUT_LI, "tau", ro.tauMs(), NirUnits.Unit.MS_TO_S);
            nodes.put(OUTPUT, NirNode.of(OUTPUT, "Output", Map.of("shape", NirValue.integers(k))));
            edges.add(new NirGraph.Edge(NEURONS, READOUT));
            edges.add(new NirGraph.Edge(READOUT, READOUT_LI));
            edges.add(new NirGraph.Edge(READOUT_LI, OUTPUT));
        }

        private void metadata(NeuronParameters p, List<String> inputNodes, List<String> inputNames) {
            int np = net.populations().size();
            String[] names = new String[np];
            long[] start = new long[np];
            long[] size = new long[np];
            String[] model = new String[np];
            String[] sign = new String[np];
            for (int k = 0; k < np; k++) {
                Population pop = net.populations().get(k);
                names[k] = pop.name();
                start[k] = pop.start();
                size[k] = pop.size();
                model[k] = pop.model().name();
                sign[k] = pop.sign().name();
            }
            boolean refractory = false;
            for (int i = 0; i < n; i++) {
                refractory |= p.refractoryPeriod[i] > 0;
            }
            if (refractory) {
                losses.add(0, "refractory period: NIR neurons have none (they may fire again at once after v_reset); "
                        + "t_ref per neuron is kept in " + META + "neurons/refractory_period_ms");
            }
            if (net.hasAdaptation()) {
                losses.add("ALIF threshold adaptation: not expressible in NIR; exported neurons are plain LIF, "
                        + "tau_a and beta kept in " + META + "neurons/adaptation_tau_ms and adaptation_strength_mV");
            }
            losses.add("initial potential: NIR has no initial state (tools start at v_leak or 0); kept in "
                    + META + "neurons/initial_potential_mV");
            if (!net.currents().isEmpty()) {
                losses.add(net.currents().size() + " current injection(s): time-limited currents are not NIR nodes; dropped");
            }
            if (!net.inputs().isEmpty()) {
                losses.add("input spike generators: an Input node holds only its shape; supply the spikes when importing");
            }
            losses.add("populations: NIR has one neuron node; names, ranges, models and Dale signs are in " + META + "populations/");

            meta.put(META + "generator", NirValue.text("hrsnn " + RunMetadata.HRSNN_VERSION));
            meta.put(META + "units", NirValue.text("SI: time s, potential V, current A, resistance Ohm; weights are jumps "
                    + "of the synaptic current in A"));
            meta.put(META + "spike_convention", NirValue.text("spikes are Dirac impulses: tau_syn dI/dt = -I + w_in W S "
                    + "makes I jump by W w_in / tau_syn per spike; hrsnn writes w_in = tau_syn (and r = tau for synapse LI "
                    + "nodes) so the jump equals the weight W"));
            meta.put(META + "synapse_mapping", NirValue.text(cuba
                    ? "cuba: tau_e == tau_i for every neuron, one CubaLIF with tau_syn = tau_e = tau_i (exact)"
                    : "two_filter: tau_e != tau_i, LIF membrane fed by LI synapse nodes syn_exc (tau_e, positive weights) "
                            + "and syn_inh (tau_i, negative weights) (exact)"));
            meta.put(META + "not_representable", NirValue.texts(losses.toArray(new String[0])));
            meta.put(META + "populations/name", NirValue.texts(names));
            meta.put(META + "populations/start", NirValue.integers(start));
            meta.put(META + "populations/size", NirValue.integers(size));
            meta.put(META + "populations/model", NirValue.texts(model));
            meta.put(META + "populations/sign", NirValue.texts(sign));
            // hrsnn-only values, in hrsnn units (no other tool reads them; no conversion to lose bits)
            meta.put(META + "neurons/refractory_period_ms", NirValue.vector(p.refractoryPeriod.clone()));
            meta.put(META + "neurons/initial_potential_mV", NirValue.vector(p.initialPotential.clone()));
            meta.put(META + "neurons/adaptation_tau_ms", NirValue.vector(p.adaptationTau.clone()));
            meta.put(META + "neurons/adaptation_strength_mV", NirValue.vector(p.adaptationStrength.clone()));
            meta.put(META + "neurons/bias_current_nA", NirValue.vector(p.biasCurrent.clone()));
            meta.put(META + "neurons/leak_potential_mV", NirValue.vector(p.leakPotential.clone()));
            if (!inputNodes.isEmpty()) {
                meta.put(META + "inputs/node", NirValue.texts(inputNodes.toArray(new String[0])));
                meta.put(META + "inputs/name", NirValue.texts(inputNames.toArray(new String[0])));
            }
        }

        private static String sanitize(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                b.append(Character.isLetterOrDigit(c) || c == '_' || c == '-' ? c : '_');
            }
            return b.toString();
        }

        private String unique(String base, Set<String> used) {
            String s = base;
            for (int k = 2; used.contains(s) || nodes.containsKey(s); k++) {
                s = base + "_" + k;
            }
            used.add(s);
            return s;
        }
    }
}
