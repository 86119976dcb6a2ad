package org.hrsnn.simulator.io.nir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.network.DaleSign;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronModel;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.Population;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.util.DoubleArrayList;
import org.hrsnn.simulator.util.IntArrayList;

/**
 * Builds an hrsnn {@link Network} from a NIR graph. Supported node types and what they become:
 * <ul>
 * <li>{@code CubaLIF}: a population; tau_e = tau_i = tau_syn; a spike through weight W makes the
 *     synaptic current jump by W w_in / tau_syn (SI, converted to nA);</li>
 * <li>{@code LIF} fed by {@code LI} nodes with v_leak = 0 (synapse nodes): a population whose
 *     tau_e / tau_i are the tau of the LI node carrying its positive / negative weights; the jump is
 *     W r / tau of that LI node;</li>
 * <li>{@code Input}: an input group (spikes from the sources given, else silent);</li>
 * <li>{@code Affine} (zero bias) and {@code Linear}: synapse weights; {@code Delay} before or after
 *     them: synaptic delays (per source or per target element);</li>
 * <li>{@code Affine}/{@code Linear} then {@code LI} or {@code CubaLI} then {@code Output}: a
 *     readout, returned beside the network;</li>
 * <li>{@code Output}: nothing to build.</li>
 * </ul>
 * Other node types ({@code IF}, {@code I}, {@code Threshold}, convolutions, nested graphs, ...)
 * are rejected with an error naming the node, its type and why. Files written by hrsnn carry
 * {@code metadata/hrsnn/...} (populations, refractory periods, bias, adaptation, initial
 * potentials, sparse weights): those values are restored, so network -> NIR -> network keeps every
 * parameter. Graphs from other tools get t_ref = 0, I_bias = 0, v(0) = v_leak and one population
 * per neuron node.
 */
public final class NirImporter {
    private static final String M = NirExporter.META;

    /** A readout found in the graph: weights over all neurons (outputs x N), bias, tau (ms), filter type. */
    public record Readout(String node, String filterType, double[][] weight, double[] bias, double[] tauMs) {
    }

    /** The imported network, the names of its input groups, an optional readout and notes on defaults used. */
    public record Result(Network network, List<String> inputNames, Readout readout, List<String> notes) {
    }

    private NirImporter() {
    }

    public static Result read(Path file) {
        return read(file, Map.of());
    }

    /** Reads {@code file}; {@code sources} supplies spikes for input groups by name (missing ones are silent). */
    public static Result read(Path file, Map<String, SpikeSource> sources) {
        return fromGraph(NirFile.read(file), sources, file.toString());
    }

    public static Result fromGraph(NirGraph graph, Map<String, SpikeSource> sources, String where) {
        return new Builder(graph, sources, where).build();
    }

    /** One weight node with its delays, resolved back to its source. */
    private record Projection(String weightNode, String source, int out, int in, int[] pre, int[] post,
                              double[] w, double[] preDelayMs, double[] postDelayMs) {
    }

    private static final class Builder {
        private final NirGraph g;
        private final Map<String, SpikeSource> sources;
        private final String where;
        private final List<String> notes = new ArrayList<>();
        /** Spiking nodes (CubaLIF / LIF) by name, with their neuron offset. */
        private final Map<String, Integer> offset = new LinkedHashMap<>();
        private final Map<String, Integer> sizeOf = new LinkedHashMap<>();
        private int n;

        Builder(NirGraph g, Map<String, SpikeSource> sources, String where) {
            this.g = g;
            this.sources = sources;
            this.where = where;
        }

        private InvalidInputException error(String node, String what) {
            NirNode nd = g.node(node);
            return new InvalidInputException(where + ": node '" + node + "'" + (nd != null ? " (" + nd.type() + ")" : "")
                    + " " + what);
        }

        Result build() {
            checkTypes();
            for (NirNode nd : new TreeMap<>(g.nodes()).values()) {
                if (isSpiking(nd)) {
                    int size = spikingSize(nd);
                    offset.put(nd.name(), n);
                    sizeOf.put(nd.name(), size);
                    n += size;
                }
            }
            if (n == 0) {
                throw new InvalidInputException(where + ": the graph has no CubaLIF or LIF node (expected at least one "
                        + "spiking neuron node)");
            }
            double[] tauM = new double[n];
            double[] tauE = new double[n];
            double[] tauI = new double[n];
            double[] th = new double[n];
            double[] reset = new double[n];
            double[] leak = new double[n];
            double[] res = new double[n];
            // Incoming projections per spiking node, with the per-target jump scale and filter.
            IntArrayList pre = new IntArrayList();
            IntArrayList post = new IntArrayList();
            DoubleArrayList w = new DoubleArrayList();
            DoubleArrayList d = new DoubleArrayList();
            Map<String, InputEdges> inputEdges = new LinkedHashMap<>();
            for (String name : offset.keySet()) {
                NirNode nd = g.node(name);
                int off = offset.get(name);
                int size = sizeOf.get(name);
                boolean cuba = nd.type().equals("CubaLIF");
                double[] vth = param(nd, "v_threshold", size, null);
                double[] vreset = param(nd, "v_reset", size, 0.0);
                double[] vleak = param(nd, "v_leak", size, null);
                double[] r = param(nd, "r", size, null);
                double[] tm = param(nd, cuba ? "tau_mem" : "tau", size, null);
                String tmKey = cuba ? "tau_mem" : "tau";
                for (int i = 0; i < size; i++) {
                    tauM[off + i] = fromSi(name, tmKey, i, positive(name, tmKey, i, tm[i]), NirUnits.Unit.MS_TO_S);
                    res[off + i] = fromSi(name, "r", i, positive(name, "r", i, r[i]), NirUnits.Unit.MOHM_TO_OHM);
                    th[off + i] = fromSi(name, "v_threshold", i, finite(name, "v_threshold", i, vth[i]), NirUnits.Unit.MV_TO_V);
                    reset[off + i] = fromSi(name, "v_reset", i, finite(name, "v_reset", i, vreset[i]), NirUnits.Unit.MV_TO_V);
                    leak[off + i] = fromSi(name, "v_leak", i, finite(name, "v_leak", i, vleak[i]), NirUnits.Unit.MV_TO_V);
                    if (!(th[off + i] > reset[off + i])) {
                        throw error(name, "has v_threshold[" + i + "] = " + vth[i] + " V <= v_reset = " + vreset[i]
                                + " V; hrsnn needs v_threshold > v_reset");
                    }
                }
                if (cuba) {
                    double[] ts = param(nd, "tau_syn", size, null);
                    double[] win = param(nd, "w_in", size, 1.0);
                    double[] scale = new double[size];
                    for (int i = 0; i < size; i++) {
                        double t = positive(name, "tau_syn", i, ts[i]);
                        tauE[off + i] = fromSi(name, "tau_syn", i, t, NirUnits.Unit.MS_TO_S);
                        tauI[off + i] = tauE[off + i];
                        scale[i] = finite(name, "w_in", i, win[i]) / t;
                    }
                    for (String p : g.predecessors(name)) {
                        addProjection(resolve(p, name, size), off, scale, pre, post, w, d, inputEdges);
                    }
                } else {
                    lifSynapses(name, off, size, tauE, tauI, pre, post, w, d, inputEdges);
                }
            }
            NeuronParameters params = parameters(tauM, tauE, tauI, th, reset, leak, res);
            List<Population> pops = populations(params);
            SynapseMatrix recurrent = SynapseMatrix.fromEdges(n, n, pre.raw(), post.raw(), w.raw(), d.raw(), pre.size());
            List<InputGroup> inputs = new ArrayList<>();
            List<String> inputNames = new ArrayList<>();
            for (NirNode nd : inputNodesInOrder()) {
                {
                    String name = inputName(nd.name());
                    int channels = inputChannels(nd);
                    SpikeSource src = sources.containsKey(name) ? sources.get(name) : sources.get(nd.name());
                    if (src == null) {
                        src = SpikeTimesSource.silent(channels);
                        notes.add("input '" + name + "': no spike source given, silent");
                    } else if (src.channels() != channels) {
                        throw new InvalidInputException("source for input '" + name + "'.channels", src.channels(),
                                "the shape of Input node '" + nd.name() + "' in " + where + " (" + channels + " channels)");
                    }
                    InputEdges e = inputEdges.getOrDefault(nd.name(), new InputEdges());
                    inputs.add(new InputGroup(name, src, SynapseMatrix.fromEdges(channels, n, e.pre.raw(), e.post.raw(),
                            e.w.raw(), e.d.raw(), e.pre.size())));
                    inputNames.add(name);
                }
            }
            Readout readout = readout();
            Network net = new Network(pops, params, recurrent, inputs, List.<CurrentInjection>of());
            return new Result(net, inputNames, readout, notes);
        }

        private static final class InputEdges {
            final IntArrayList pre = new IntArrayList();
            final IntArrayList post = new IntArrayList();
            final DoubleArrayList w = new DoubleArrayList();
            final DoubleArrayList d = new DoubleArrayList();
        }

        /**
         * Converts a stored SI value to hrsnn units; where the exporter kept the hrsnn value
         * ({@code metadata/hrsnn/exact/<node>/<dataset>}) and it still converts to the stored value,
         * that value is returned, so hrsnn's own files come back bit for bit.
         */
        private double fromSi(String node, String dataset, int i, double si, NirUnits.Unit unit) {
            NirValue v = g.metadata().get(M + "exact/" + node + "/" + dataset);
            if (v != null && !v.isText() && i < v.size() && unit.toSi(v.numbers()[i]) == si) {
                return v.numbers()[i];
            }
            return unit.fromSi(si);
        }

        // ------------------------------------------------------------ node types

        private void checkTypes() {
            for (NirNode nd : g.nodes().values()) {
                switch (nd.type()) {
                    case "Input", "Output", "Affine", "Linear", "Delay", "CubaLIF", "LIF", "LI", "CubaLI" -> {
                    }
                    case "IF" -> throw error(nd.name(), "cannot be imported: IF has no leak, and hrsnn neurons need a "
                            + "finite membrane time constant (use LIF or CubaLIF)");
                    case "I" -> throw error(nd.name(), "cannot be imported: an integrator has neither leak nor threshold "
                            + "(hrsnn neurons are leaky integrate-and-fire)");
                    case "Threshold" -> throw error(nd.name(), "cannot be imported: a bare threshold has no membrane "
                            + "dynamics for an hrsnn neuron to follow (use LIF or CubaLIF)");
                    case "NIRGraph" -> throw error(nd.name(), "cannot be imported: nested NIR graphs are not supported "
                            + "(flatten the graph into one level first)");
                    default -> throw error(nd.name(), "has an unsupported node type; hrsnn imports Input, Output, Affine, "
                            + "Linear, Delay, CubaLIF, LIF (with LI synapse nodes), LI and CubaLI (readouts)");
                }
            }
        }

        private static boolean isSpiking(NirNode nd) {
            return nd.type().equals("CubaLIF") || nd.type().equals("LIF");
        }

        private int spikingSize(NirNode nd) {
            NirValue v = nd.parameter("v_threshold");
            if (v == null) {
                throw error(nd.name(), "has no dataset 'v_threshold' (expected a 1-D array, one value per neuron)");
            }
            if (v.isText() || v.rank() != 1 || v.size() == 0) {
                throw error(nd.name(), "dataset 'v_threshold' has shape " + v.describeShape()
                        + "; expected a non-empty 1-D numeric array (one value per neuron)");
            }
            return v.size();
        }

        /** A per-neuron parameter of length {@code size}; a scalar or one-element array is broadcast. */
        private double[] param(NirNode nd, String key, int size, Double fallback) {
            NirValue v = nd.parameter(key);
            if (v == null) {
                if (fallback == null) {
                    throw error(nd.name(), "has no dataset '" + key + "' (expected a 1-D array of " + size + " values)");
                }
                double[] out = new double[size];
                Arrays.fill(out, fallback);
                return out;
            }
            if (v.isText()) {
                throw error(nd.name(), "dataset '" + key + "' holds strings; expected " + size + " numbers");
            }
            if (v.size() == 1 && v.rank() <= 1) {
                double[] out = new double[size];
                Arrays.fill(out, v.numbers()[0]);
                return out;
            }
            if (v.rank() != 1 || v.size() != size) {
                throw error(nd.name(), "dataset '" + key + "' has shape " + v.describeShape() + "; expected [" + size + "]");
            }
            return v.numbers();
        }

        private double positive(String node, String key, int i, double x) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw error(node, "dataset '" + key + "'[" + i + "] = " + x + "; expected a finite number > 0");
            }
            return x;
        }

        private double finite(String node, String key, int i, double x) {
            if (!Double.isFinite(x)) {
                throw error(node, "dataset '" + key + "'[" + i + "] = " + x + "; expected a finite number");
            }
            return x;
        }

        // ------------------------------------------------------------ synapses

        private String uniquePredecessor(String node) {
            List<String> p = g.predecessors(node);
            if (p.size() != 1) {
                throw error(node, "has " + p.size() + " incoming edges " + p + "; expected exactly one");
            }
            return p.get(0);
        }

        /** Walks back from {@code first} (a predecessor of a neuron or synapse node) to the source. */
        private Projection resolve(String first, String target, int targetSize) {
            String cur = first;
            double[] postD = new double[targetSize];
            while (g.node(cur).type().equals("Delay")) {
                double[] x = delaysMs(cur, targetSize);
                for (int k = 0; k < targetSize; k++) {
                    postD[k] += x[k];
                }
                cur = uniquePredecessor(cur);
            }
            NirNode wn = g.node(cur);
            if (!wn.type().equals("Linear") && !wn.type().equals("Affine")) {
                throw error(cur, "feeds '" + target + "', but hrsnn expects weights there: Linear or Affine, optionally "
                        + "with Delay nodes before or after");
            }
            String src = uniquePredecessor(cur);
            List<String> preDelayNodes = new ArrayList<>();
            while (g.node(src).type().equals("Delay")) {
                preDelayNodes.add(src);
                src = uniquePredecessor(src);
            }
            NirNode sn = g.node(src);
            int in;
            if (sn.type().equals("Input")) {
                in = inputChannels(sn);
            } else if (isSpiking(sn)) {
                in = sizeOf.get(src);
            } else {
                throw error(src, "is the source of weights '" + cur + "'; expected an Input or a CubaLIF/LIF node");
            }
            double[] preD = new double[in];
            for (String dn : preDelayNodes) {
                double[] x = delaysMs(dn, in);
                for (int k = 0; k < in; k++) {
                    preD[k] += x[k];
                }
            }
            return weights(wn, src, targetSize, in, preD, postD);
        }

        /** The delays of a Delay node, in ms. */
        private double[] delaysMs(String node, int size) {
            double[] x = param(g.node(node), "delay", size, null);
            double[] ms = new double[size];
            for (int k = 0; k < size; k++) {
                if (!(x[k] >= 0) || Double.isInfinite(x[k])) {
                    throw error(node, "dataset 'delay'[" + k + "] = " + x[k] + "; expected a finite number of seconds >= 0");
                }
                ms[k] = fromSi(node, "delay", k, x[k], NirUnits.Unit.MS_TO_S);
            }
            return ms;
        }

        private Projection weights(NirNode wn, String src, int out, int in, double[] preD, double[] postD) {
            String name = wn.name();
            if (wn.type().equals("Affine")) {
                NirValue b = wn.parameter("bias");
                if (b != null && !b.isText()) {
                    for (double x : b.numbers()) {
                        if (x != 0) {
                            throw error(name, "has a nonzero bias; hrsnn synapses carry spikes only, so only Affine nodes "
                                    + "with zero bias (or Linear) can feed neurons");
                        }
                    }
                }
            }
            String key = M + "sparse/" + name + "/";
            if (g.metadata().containsKey(key + "source")) {
                double[] s = metaNumbers(key + "source");
                double[] t = metaNumbers(key + "target");
                double[] ww = metaNumbers(key + "weight");
                if (s.length != t.length || s.length != ww.length) {
                    throw new InvalidInputException(where + ": metadata '" + key + "source/target/weight' have lengths "
                            + s.length + "/" + t.length + "/" + ww.length + "; expected equal lengths");
                }
                int[] pre = new int[s.length];
                int[] post = new int[s.length];
                for (int k = 0; k < s.length; k++) {
                    pre[k] = (int) s[k];
                    post[k] = (int) t[k];
                    if (pre[k] != s[k] || pre[k] < 0 || pre[k] >= in || post[k] != t[k] || post[k] < 0 || post[k] >= out) {
                        throw new InvalidInputException(where + ": metadata '" + key + "' entry " + k + " = (" + s[k] + ", "
                                + t[k] + ") is outside the " + out + " x " + in + " weight matrix of '" + name + "'");
                    }
                }
                return new Projection(name, src, out, in, pre, post, ww, preD, postD);
            }
            NirValue wv = wn.parameter("weight");
            if (wv == null) {
                throw error(name, "has no dataset 'weight' (expected a " + out + " x " + in + " array)");
            }
            if (wv.isText() || wv.rank() != 2 || wv.shape()[0] != out || wv.shape()[1] != in) {
                throw error(name, "dataset 'weight' has shape " + wv.describeShape() + "; expected [" + out + ", " + in
                        + "] (targets x sources)");
            }
            IntArrayList pre = new IntArrayList();
            IntArrayList post = new IntArrayList();
            DoubleArrayList ww = new DoubleArrayList();
            double[] dense = wv.numbers();
            for (int s = 0; s < in; s++) {
                for (int t = 0; t < out; t++) {
                    double x = dense[t * in + s];
                    if (x != 0) {
                        if (!Double.isFinite(x)) {
                            throw error(name, "dataset 'weight'[" + t + ", " + s + "] = " + x + "; expected a finite number");
                        }
                        pre.add(s);
                        post.add(t);
                        ww.add(x);
                    }
                }
            }
            return new Projection(name, src, out, in, pre.toArray(), post.toArray(), ww.toArray(), preD, postD);
        }

        private double[] metaNumbers(String key) {
            NirValue v = g.metadata().get(key);
            if (v == null || v.isText()) {
                throw new InvalidInputException(where + ": metadata '" + key + "' is missing or not numeric");
            }
            return v.numbers();
        }

        /** Adds the synapses of {@code p} onto neurons {@code off..}, jump = W scale[target] (A -> nA). */
        private void addProjection(Projection p, int off, double[] scale, IntArrayList pre, IntArrayList post,
                                   DoubleArrayList w, DoubleArrayList d, Map<String, InputEdges> inputEdges) {
            boolean fromInput = g.node(p.source()).type().equals("Input");
            int srcOff = fromInput ? 0 : offset.get(p.source());
            InputEdges ie = fromInput ? inputEdges.computeIfAbsent(p.source(), x -> new InputEdges()) : null;
            for (int k = 0; k < p.pre().length; k++) {
                int s = p.pre()[k];
                int t = p.post()[k];
                double jump = fromSi(p.weightNode(), "weight", k, p.w()[k] * scale[t], NirUnits.Unit.NA_TO_A);
                double delay = p.preDelayMs()[s] + p.postDelayMs()[t];
                if (fromInput) {
                    ie.pre.add(s);
                    ie.post.add(off + t);
                    ie.w.add(jump);
                    ie.d.add(delay);
                } else {
                    pre.add(srcOff + s);
                    post.add(off + t);
                    w.add(jump);
                    d.add(delay);
                }
            }
        }

        /** A LIF node: its predecessors must be LI synapse nodes; they give tau_e, tau_i and the jump scale. */
        private void lifSynapses(String name, int off, int size, double[] tauE, double[] tauI, IntArrayList pre,
                                 IntArrayList post, DoubleArrayList w, DoubleArrayList d, Map<String, InputEdges> inputEdges) {
            List<String> filters = g.predecessors(name);
            double[] exc = null;
            double[] inh = null;
            String excName = null;
            String inhName = null;
            List<Projection[]> all = new ArrayList<>();
            List<double[]> scales = new ArrayList<>();
            double[] anyTau = null;
            String anyName = null;
            for (String f : filters) {
                NirNode fn = g.node(f);
                if (!fn.type().equals("LI")) {
                    throw error(name, "receives input from '" + f + "' (" + fn.type() + ") directly; hrsnn synapses are "
                            + "exponential currents, so a LIF node must be fed by LI synapse nodes (v_leak = 0), or use CubaLIF");
                }
                double[] tau = param(fn, "tau", size, null);
                double[] r = param(fn, "r", size, null);
                double[] vl = param(fn, "v_leak", size, 0.0);
                double[] scale = new double[size];
                for (int i = 0; i < size; i++) {
                    positive(f, "tau", i, tau[i]);
                    if (vl[i] != 0) {
                        throw error(f, "feeds LIF '" + name + "' as a synapse node but v_leak[" + i + "] = " + vl[i]
                                + "; a synaptic current decays to 0, so v_leak must be 0");
                    }
                    scale[i] = finite(f, "r", i, r[i]) / tau[i];
                }
                List<String> ps = g.predecessors(f);
                Projection[] projs = new Projection[ps.size()];
                boolean pos = false;
                boolean neg = false;
                for (int k = 0; k < projs.length; k++) {
                    projs[k] = resolve(ps.get(k), f, size);
                    for (int j = 0; j < projs[k].w().length; j++) {
                        double jump = projs[k].w()[j] * scale[projs[k].post()[j]];
                        pos |= jump > 0;
                        neg |= jump < 0;
                    }
                }
                all.add(projs);
                scales.add(scale);
                anyTau = tau;
                anyName = f;
                if (pos) {
                    if (exc != null && !Arrays.equals(exc, tau)) {
                        throw error(name, "receives positive weights through LI nodes '" + excName + "' and '" + f
                                + "' with different tau; hrsnn has one excitatory synaptic time constant per neuron");
                    }
                    exc = tau;
                    excName = f;
                }
                if (neg) {
                    if (inh != null && !Arrays.equals(inh, tau)) {
                        throw error(name, "receives negative weights through LI nodes '" + inhName + "' and '" + f
                                + "' with different tau; hrsnn has one inhibitory synaptic time constant per neuron");
                    }
                    inh = tau;
                    inhName = f;
                }
            }
            if (exc == null) {
                exc = inh != null ? inh : anyTau;
                excName = inh != null ? inhName : anyName;
            }
            if (inh == null) {
                inh = exc;
                inhName = excName;
            }
            for (int i = 0; i < size; i++) {
                if (exc == null) {
                    tauE[off + i] = NeuronParameter.EXCITATORY_TAU.defaultValue();
                    tauI[off + i] = NeuronParameter.INHIBITORY_TAU.defaultValue();
                } else {
                    tauE[off + i] = fromSi(excName, "tau", i, exc[i], NirUnits.Unit.MS_TO_S);
                    tauI[off + i] = fromSi(inhName, "tau", i, inh[i], NirUnits.Unit.MS_TO_S);
                }
            }
            if (exc == null) {
                notes.add("LIF '" + name + "' has no synapse nodes: hrsnn default synaptic time constants used");
            }
            for (int k = 0; k < all.size(); k++) {
                for (Projection p : all.get(k)) {
                    addProjection(p, off, scales.get(k), pre, post, w, d, inputEdges);
                }
            }
        }

        private int inputChannels(NirNode nd) {
            NirValue s = nd.parameter("shape");
            if (s == null || s.isText() || s.size() == 0) {
                throw error(nd.name(), "has no numeric dataset 'shape' (expected the input shape, e.g. [channels])");
            }
            long c = 1;
            for (double x : s.numbers()) {
                if (!(x >= 1) || x != Math.rint(x)) {
                    throw error(nd.name(), "dataset 'shape' = " + Arrays.toString(s.numbers()) + "; expected positive integers");
                }
                c *= (long) x;
            }
            if (c > Integer.MAX_VALUE) {
                throw error(nd.name(), "has " + c + " input channels; at most " + Integer.MAX_VALUE);
            }
            return (int) c;
        }

        /** Input nodes in hrsnn's original order when the file records it, else in file order. */
        private List<NirNode> inputNodesInOrder() {
            List<NirNode> out = new ArrayList<>();
            NirValue order = g.metadata().get(M + "inputs/node");
            if (order != null && order.isText()) {
                for (String name : order.strings()) {
                    NirNode nd = g.node(name);
                    if (nd != null && nd.type().equals("Input")) {
                        out.add(nd);
                    }
                }
            }
            for (NirNode nd : g.nodes().values()) {
                if (nd.type().equals("Input") && !out.contains(nd)) {
                    out.add(nd);
                }
            }
            return out;
        }

        private String inputName(String node) {
            NirValue nodes = g.metadata().get(M + "inputs/node");
            NirValue names = g.metadata().get(M + "inputs/name");
            if (nodes != null && names != null && nodes.isText() && names.isText() && nodes.size() == names.size()) {
                for (int k = 0; k < nodes.size(); k++) {
                    if (nodes.strings()[k].equals(node)) {
                        return names.strings()[k];
                    }
                }
            }
            return node;
        }

        // ------------------------------------------------------------ parameters and populations

        /** Whether the hrsnn per-neuron metadata describes exactly these neurons (one node, same size). */
        private boolean hrsnnMetadata() {
            NirValue tref = g.metadata().get(M + "neurons/refractory_period_ms");
            return tref != null && !tref.isText() && tref.size() == n && offset.size() == 1;
        }

        private double[] metaVector(String key, double fallback) {
            NirValue v = g.metadata().get(M + key);
            double[] out = new double[n];
            if (v == null) {
                Arrays.fill(out, fallback);
                return out;
            }
            if (v.isText() || v.size() != n) {
                throw new InvalidInputException(where + ": metadata '" + M + key + "' has shape " + v.describeShape()
                        + "; expected [" + n + "] numbers");
            }
            return v.numbers();
        }

        private NeuronParameters parameters(double[] tauM, double[] tauE, double[] tauI, double[] th, double[] reset,
                                            double[] leak, double[] res) {
            double[] tref = new double[n];
            double[] bias = new double[n];
            double[] tauA = new double[n];
            double[] beta = new double[n];
            double[] v0 = leak.clone();
            Arrays.fill(tauA, NeuronParameter.ADAPTATION_TAU.defaultValue());
            if (hrsnnMetadata()) {
                double[] t = metaVector("neurons/refractory_period_ms", 0);
                double[] v = metaVector("neurons/initial_potential_mV", Double.NaN);
                double[] ta = metaVector("neurons/adaptation_tau_ms", Double.NaN);
                double[] b = metaVector("neurons/adaptation_strength_mV", 0);
                double[] ib = metaVector("neurons/bias_current_nA", 0);
                double[] el = metaVector("neurons/leak_potential_mV", Double.NaN);
                for (int i = 0; i < n; i++) {
                    tref[i] = t[i];
                    if (Double.isFinite(v[i])) {
                        v0[i] = v[i];
                    }
                    if (ta[i] > 0 && Double.isFinite(ta[i])) {
                        tauA[i] = ta[i];
                    }
                    beta[i] = b[i];
                    if (!(beta[i] >= 0) || Double.isInfinite(beta[i])) {
                        throw new InvalidInputException(where + ": metadata '" + M + "neurons/adaptation_strength_mV'[" + i + "]",
                                b[i], "a finite number of mV >= 0");
                    }
                    if (ib[i] != 0 && Double.isFinite(el[i]) && Double.isFinite(ib[i])) {
                        // v_leak holds E_L + R I_bias: split it back only if the stored parts still add up.
                        if (Math.abs(el[i] + res[i] * ib[i] - leak[i]) <= 1e-9 * Math.max(1, Math.abs(leak[i]))) {
                            leak[i] = el[i];
                            bias[i] = ib[i];
                        } else {
                            notes.add("neuron " + i + ": stored E_L and I_bias do not match v_leak; v_leak used, bias 0");
                        }
                    }
                    if (tref[i] < 0 || !Double.isFinite(tref[i])) {
                        throw new InvalidInputException(where + ": metadata '" + M + "neurons/refractory_period_ms'[" + i + "]",
                                t[i], "a finite number of ms >= 0");
                    }
                }
            } else {
                notes.add("no hrsnn metadata: refractory period 0, bias 0, v(0) = v_leak, no adaptation");
            }
            return new NeuronParameters(tauM, tauE, tauI, th, reset, leak, res, tref, bias, tauA, beta, v0);
        }

        private List<Population> populations(NeuronParameters p) {
            List<Population> pops = new ArrayList<>();
            NirValue names = g.metadata().get(M + "populations/name");
            if (hrsnnMetadata() && names != null && names.isText()) {
                double[] start = metaNumbers(M + "populations/start");
                double[] size = metaNumbers(M + "populations/size");
                NirValue model = g.metadata().get(M + "populations/model");
                NirValue sign = g.metadata().get(M + "populations/sign");
                int covered = 0;
                for (int k = 0; k < names.size(); k++) {
                    if (k >= start.length || k >= size.length || (int) start[k] != covered || size[k] < 1) {
                        throw new InvalidInputException(where + ": metadata '" + M + "populations/' entry " + k
                                + " does not continue the tiling of [0, " + n + ") at " + covered);
                    }
                    NeuronModel nm = model != null && model.isText() && k < model.size()
                            ? enumOf(NeuronModel.class, model.strings()[k], "populations/model") : NeuronModel.LIF;
                    DaleSign ds = sign != null && sign.isText() && k < sign.size()
                            ? enumOf(DaleSign.class, sign.strings()[k], "populations/sign") : DaleSign.MIXED;
                    pops.add(new Population(names.strings()[k], covered, (int) size[k], nm, ds));
                    covered += (int) size[k];
                }
                if (covered != n) {
                    throw new InvalidInputException(where + ": metadata '" + M + "populations/size' covers " + covered
                            + " neurons; the neuron node has " + n);
                }
                return pops;
            }
            for (Map.Entry<String, Integer> e : offset.entrySet()) {
                boolean adapt = false;
                for (int i = e.getValue(); i < e.getValue() + sizeOf.get(e.getKey()); i++) {
                    adapt |= p.adaptationStrength[i] != 0;
                }
                pops.add(new Population(e.getKey(), e.getValue(), sizeOf.get(e.getKey()),
                        adapt ? NeuronModel.ALIF : NeuronModel.LIF, DaleSign.MIXED));
            }
            return pops;
        }

        private <E extends Enum<E>> E enumOf(Class<E> type, String s, String key) {
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where + ": metadata '" + M + key + "' = '" + s + "'; expected one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        }

        // ------------------------------------------------------------ readout

        private Readout readout() {
            for (NirNode nd : g.nodes().values()) {
                if (!nd.type().equals("LI") && !nd.type().equals("CubaLI")) {
                    continue;
                }
                boolean synapse = false;
                for (String s : g.successors(nd.name())) {
                    synapse |= g.node(s).type().equals("LIF");
                }
                if (synapse) {
                    continue;
                }
                String wn = uniquePredecessor(nd.name());
                NirNode w = g.node(wn);
                if (!w.type().equals("Affine") && !w.type().equals("Linear")) {
                    throw error(nd.name(), "is a readout fed by '" + wn + "' (" + w.type() + "); expected Affine or Linear");
                }
                String src = uniquePredecessor(wn);
                if (!offset.containsKey(src)) {
                    throw error(wn, "feeds readout '" + nd.name() + "' from '" + src + "'; expected a CubaLIF or LIF node");
                }
                int in = sizeOf.get(src);
                NirValue wv = w.parameter("weight");
                if (wv == null || wv.isText() || wv.rank() != 2 || wv.shape()[1] != in) {
                    throw error(wn, "dataset 'weight' has shape " + (wv == null ? "none" : wv.describeShape())
                            + "; expected [outputs, " + in + "]");
                }
                int k = wv.shape()[0];
                double[][] weight = new double[k][n];
                for (int o = 0; o < k; o++) {
                    System.arraycopy(wv.numbers(), o * in, weight[o], offset.get(src), in);
                }
                double[] bias = w.type().equals("Affine") ? param(w, "bias", k, 0.0) : new double[k];
                double[] tau = param(nd, nd.type().equals("LI") ? "tau" : "tau_mem", k, null);
                double[] tauMs = new double[k];
                for (int o = 0; o < k; o++) {
                    tauMs[o] = fromSi(nd.name(), nd.type().equals("LI") ? "tau" : "tau_mem", o,
                            positive(nd.name(), "tau", o, tau[o]), NirUnits.Unit.MS_TO_S);
                }
                return new Readout(nd.name(), nd.type(), weight, bias.clone(), tauMs);
            }
            return null;
        }
    }
}
