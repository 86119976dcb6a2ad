package org.hrsnn.simulator.network;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.connectivity.ConnectivityRule;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.hrsnn.simulator.random.RandomStreams;
import org.hrsnn.simulator.util.DoubleArrayList;
import org.hrsnn.simulator.util.IntArrayList;

/**
 * Builds a {@link Network} from population specs, connection rules and inputs. Every random
 * draw comes from a named stream of the builder's seed:
 * {@code population/<name>/<parameter>}, {@code connect/<pre>-><post>#<k>/structure|weight|delay},
 * {@code input/<name>/structure|weight|delay}. Invalid values are rejected with the field named.
 *
 * <pre>{@code
 * Network net = new NetworkBuilder(42)
 *     .add(PopulationSpec.lif("exc", 3200).excitatory())
 *     .add(PopulationSpec.lif("inh", 800).inhibitory())
 *     .connect("exc", "all", new FixedProbability(0.02), constant(1.62), constant(0))
 *     .build();
 * }</pre>
 * The target name "all" means every neuron of the network.
 */
public final class NetworkBuilder {
    /** Name that stands for every neuron of the network in {@link #connect}. */
    public static final String ALL = "all";

    private final RandomStreams streams;
    private final List<PopulationSpec> specs = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<InputSpec> inputs = new ArrayList<>();
    private final List<CurrentInjection> currents = new ArrayList<>();

    /** A rule-based connection, or (when {@code explicit} is set) an explicit edge list. */
    private record Connection(String pre, String post, ConnectivityRule rule,
                              ParameterDistribution weight, ParameterDistribution delay, ExplicitEdges explicit) {
    }

    /** Local indices, weights (nA) and delays (ms) of an explicit edge list, copied at the call. */
    private record ExplicitEdges(int[] preLocal, int[] postLocal, double[] weight, double[] delay) {
    }

    private record InputSpec(String name, SpikeSource source, String post, ConnectivityRule rule,
                             ParameterDistribution weight, ParameterDistribution delay) {
    }

    public NetworkBuilder(long seed) {
        this.streams = new RandomStreams(seed);
    }

    public NetworkBuilder add(PopulationSpec spec) {
        for (PopulationSpec s : specs) {
            if (s.name().equals(spec.name())) {
                throw new InvalidInputException("population.name", spec.name(), "a name not used by another population");
            }
        }
        if (ALL.equals(spec.name())) {
            throw new InvalidInputException("population.name", spec.name(), "any name but 'all' (reserved)");
        }
        specs.add(spec);
        return this;
    }

    /**
     * Connects population {@code pre} to {@code post} ("all" for every neuron). Weights (nA) are
     * drawn from {@code weight} and given the pre population's Dale sign; delays (ms, >= 0)
     * from {@code delay}.
     */
    public NetworkBuilder connect(String pre, String post, ConnectivityRule rule,
                                  ParameterDistribution weight, ParameterDistribution delay) {
        connections.add(new Connection(pre, post, rule, weight, delay, null));
        return this;
    }

    /**
     * Connects explicitly chosen pairs: synapse e goes from neuron {@code preLocal[e]} of
     * population {@code pre} to neuron {@code postLocal[e]} of {@code post} ("all" allowed on
     * either side; indices are local to the population) with weight {@code weight[e]} (nA,
     * finite) and delay {@code delay[e]} (ms, finite, >= 0). Weights are taken as given, not
     * re-signed: a weight whose sign contradicts the pre population's Dale sign is rejected.
     * Lengths, values and (at {@link #build}) indices are checked, naming the offending entry.
     * The arrays are copied, so the caller may reuse them.
     */
    public NetworkBuilder connectExplicit(String pre, String post, int[] preLocal, int[] postLocal,
                                          double[] weight, double[] delay) {
        String field = "explicit connection " + pre + "->" + post;
        if (preLocal == null || postLocal == null || weight == null || delay == null) {
            throw new InvalidInputException(field, "null", "four non-null arrays preLocal, postLocal, weight, delay");
        }
        int m = preLocal.length;
        checkLength(field + ".postLocal.length", postLocal.length, m);
        checkLength(field + ".weight.length", weight.length, m);
        checkLength(field + ".delay.length", delay.length, m);
        for (int e = 0; e < m; e++) {
            if (preLocal[e] < 0) {
                throw new InvalidInputException(field + ".preLocal[" + e + "]", preLocal[e], "a local index >= 0");
            }
            if (postLocal[e] < 0) {
                throw new InvalidInputException(field + ".postLocal[" + e + "]", postLocal[e], "a local index >= 0");
            }
            if (!Double.isFinite(weight[e])) {
                throw new InvalidInputException(field + ".weight[" + e + "]", weight[e], "a finite number (nA)");
            }
            if (!(delay[e] >= 0) || Double.isInfinite(delay[e])) {
                throw new InvalidInputException(field + ".delay[" + e + "]", delay[e], "a finite number of ms >= 0");
            }
        }
        connections.add(new Connection(pre, post, null, null, null,
                new ExplicitEdges(preLocal.clone(), postLocal.clone(), weight.clone(), delay.clone())));
        return this;
    }

    private static void checkLength(String field, int length, int expected) {
        if (length != expected) {
            throw new InvalidInputException(field, length, "the length of preLocal (" + expected + ")");
        }
    }

    /** External spikes from {@code source}, projected onto {@code post} by {@code rule}. */
    public NetworkBuilder input(String name, SpikeSource source, String post, ConnectivityRule rule,
                                ParameterDistribution weight, ParameterDistribution delay) {
        for (InputSpec s : inputs) {
            if (s.name().equals(name)) {
                throw new InvalidInputException("input.name", name, "a name not used by another input");
            }
        }
        inputs.add(new InputSpec(name, source, post, rule, weight, delay));
        return this;
    }

    public NetworkBuilder current(CurrentInjection c) {
        currents.add(c);
        return this;
    }

    public Network build() {
        if (specs.isEmpty()) {
            throw new InvalidInputException("populations", "[]", "at least one population");
        }
        List<Population> pops = new ArrayList<>();
        int n = 0;
        for (PopulationSpec s : specs) {
            pops.add(new Population(s.name(), n, s.size(), s.model(), s.sign()));
            n += s.size();
        }
        NeuronParameters params = sampleParameters(pops, n);

        IntArrayList pre = new IntArrayList(1024);
        IntArrayList post = new IntArrayList(1024);
        DoubleArrayList w = new DoubleArrayList(1024);
        DoubleArrayList d = new DoubleArrayList(1024);
        for (int k = 0; k < connections.size(); k++) {
            Connection c = connections.get(k);
            Population from = find(pops, c.pre(), "connection[" + k + "].pre", n);
            Population to = find(pops, c.post(), "connection[" + k + "].post", n);
            if (c.explicit() != null) {
                addExplicitEdges(pops, from, to, c.explicit(), "explicit connection " + c.pre() + "->" + c.post(), pre, post, w, d);
                continue;
            }
            String stream = "connect/" + c.pre() + "->" + c.post() + "#" + k;
            addEdges(from, to, from.sign(), c.rule(), c.weight(), c.delay(), stream, pre, post, w, d);
        }
        SynapseMatrix recurrent = SynapseMatrix.fromEdges(n, n, pre.raw(), post.raw(), w.raw(), d.raw(), pre.size());

        List<InputGroup> groups = new ArrayList<>();
        for (InputSpec s : inputs) {
            Population to = find(pops, s.post(), "input '" + s.name() + "'.target", n);
            Population from = new Population(s.name(), 0, s.source().channels(), NeuronModel.LIF, DaleSign.MIXED);
            IntArrayList ip = new IntArrayList();
            IntArrayList iq = new IntArrayList();
            DoubleArrayList iw = new DoubleArrayList();
            DoubleArrayList id = new DoubleArrayList();
            addEdges(from, to, DaleSign.MIXED, s.rule(), s.weight(), s.delay(), "input/" + s.name(), ip, iq, iw, id);
            groups.add(new InputGroup(s.name(), s.source(),
                    SynapseMatrix.fromEdges(s.source().channels(), n, ip.raw(), iq.raw(), iw.raw(), id.raw(), ip.size())));
        }
        return new Network(pops, params, recurrent, groups, currents);
    }

    private void addEdges(Population from, Population to, DaleSign sign, ConnectivityRule rule,
                          ParameterDistribution weight, ParameterDistribution delay, String stream,
                          IntArrayList pre, IntArrayList post, DoubleArrayList w, DoubleArrayList d) {
        int first = pre.size();
        boolean same = from.start() == to.start() && from.size() == to.size();
        rule.connect(from.size(), to.size(), same, streams.stream(stream + "/structure"), (a, b) -> {
            pre.add(from.start() + a);
            post.add(to.start() + b);
        });
        DoubleSupplier ws = weight.sampler(streams.stream(stream + "/weight"));
        RandomGenerator delayRng = streams.stream(stream + "/delay");
        int count = pre.size() - first;
        double[] delays = new double[count];
        delay.fill(delays, 0, count, 0.0, Double.MAX_VALUE, delayRng, stream + ".delay");
        for (int e = 0; e < count; e++) {
            double x = ws.getAsDouble();
            if (!Double.isFinite(x)) {
                throw new InvalidInputException(stream + ".weight", x, "a finite number (nA)");
            }
            w.add(sign.apply(x));
            d.add(delays[e]);
        }
    }

    private static void addExplicitEdges(List<Population> pops, Population from, Population to, ExplicitEdges x, String field,
                                         IntArrayList pre, IntArrayList post, DoubleArrayList w, DoubleArrayList d) {
        for (int e = 0; e < x.preLocal().length; e++) {
            if (x.preLocal()[e] >= from.size()) {
                throw new InvalidInputException(field + ".preLocal[" + e + "]", x.preLocal()[e],
                        "a local index in [0, " + from.size() + ") of population '" + from.name() + "'");
            }
            if (x.postLocal()[e] >= to.size()) {
                throw new InvalidInputException(field + ".postLocal[" + e + "]", x.postLocal()[e],
                        "a local index in [0, " + to.size() + ") of population '" + to.name() + "'");
            }
            double weight = x.weight()[e];
            // With pre = "all" the sign is that of the population the neuron belongs to.
            Population owner = from;
            if (ALL.equals(from.name())) {
                for (Population p : pops) {
                    if (p.contains(x.preLocal()[e])) {
                        owner = p;
                    }
                }
            }
            DaleSign sign = owner.sign();
            if (sign == DaleSign.EXCITATORY && weight < 0 || sign == DaleSign.INHIBITORY && weight > 0) {
                throw new InvalidInputException(field + ".weight[" + e + "]", weight,
                        "a weight with the " + sign.name().toLowerCase() + " sign of population '" + owner.name() + "'");
            }
        }
        for (int e = 0; e < x.preLocal().length; e++) {
            pre.add(from.start() + x.preLocal()[e]);
            post.add(to.start() + x.postLocal()[e]);
            w.add(x.weight()[e]);
            d.add(x.delay()[e]);
        }
    }

    private static Population find(List<Population> pops, String name, String field, int n) {
        if (ALL.equals(name)) {
            return new Population(ALL, 0, n, NeuronModel.LIF, DaleSign.MIXED);
        }
        for (Population p : pops) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        List<String> names = new ArrayList<>();
        pops.forEach(p -> names.add(p.name()));
        names.add(ALL);
        throw new InvalidInputException(field, name, "one of " + names);
    }

    private NeuronParameters sampleParameters(List<Population> pops, int n) {
        Map<NeuronParameter, double[]> arrays = new EnumMap<>(NeuronParameter.class);
        for (NeuronParameter p : NeuronParameter.values()) {
            arrays.put(p, new double[n]);
        }
        for (int k = 0; k < pops.size(); k++) {
            Population pop = pops.get(k);
            PopulationSpec spec = specs.get(k);
            for (NeuronParameter p : NeuronParameter.values()) {
                String field = "population '" + pop.name() + "'." + p.key();
                ParameterDistribution dist = spec.distribution(p);
                if (p == NeuronParameter.ADAPTATION_STRENGTH && pop.model() == NeuronModel.LIF) {
                    dist = ParameterDistribution.constant(0.0);
                }
                dist.fill(arrays.get(p), pop.start(), pop.size(), p.lower(), p.upper(),
                        streams.stream("population/" + pop.name() + "/" + p.key()), field);
                double[] a = arrays.get(p);
                for (int i = pop.start(); i < pop.end(); i++) {
                    if (!Double.isFinite(a[i])) {
                        throw new InvalidInputException(field + "[" + (i - pop.start()) + "]", a[i], p.allowed());
                    }
                }
            }
            double[] th = arrays.get(NeuronParameter.THRESHOLD);
            double[] vr = arrays.get(NeuronParameter.RESET_POTENTIAL);
            for (int i = pop.start(); i < pop.end(); i++) {
                if (!(th[i] > vr[i])) {
                    throw new InvalidInputException("population '" + pop.name() + "'.threshold[" + (i - pop.start()) + "]",
                            th[i], "a threshold > resetPotential (" + vr[i] + " mV)");
                }
            }
        }
        return new NeuronParameters(arrays.get(NeuronParameter.MEMBRANE_TAU), arrays.get(NeuronParameter.EXCITATORY_TAU),
                arrays.get(NeuronParameter.INHIBITORY_TAU), arrays.get(NeuronParameter.THRESHOLD),
                arrays.get(NeuronParameter.RESET_POTENTIAL), arrays.get(NeuronParameter.LEAK_POTENTIAL),
                arrays.get(NeuronParameter.RESISTANCE), arrays.get(NeuronParameter.REFRACTORY_PERIOD),
                arrays.get(NeuronParameter.BIAS_CURRENT), arrays.get(NeuronParameter.ADAPTATION_TAU),
                arrays.get(NeuronParameter.ADAPTATION_STRENGTH), arrays.get(NeuronParameter.INITIAL_POTENTIAL));
    }
}
