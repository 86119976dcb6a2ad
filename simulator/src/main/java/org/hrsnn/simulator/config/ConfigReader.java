package org.hrsnn.simulator.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.DaleSign;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronModel;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.random.ParameterDistribution;

/**
 * Reads a parsed configuration tree into a {@link NetworkConfig}, checking every key and value
 * and naming the full path of the first problem (e.g. {@code populations[1].membraneTau.shape}).
 */
final class ConfigReader {
    static final List<String> DISTRIBUTIONS = List.of("constant", "uniform", "normal", "gamma", "lognormal");
    static final List<String> RULES = List.of("fixedProbability", "fixedInDegree", "fixedOutDegree", "smallWorld", "allToAll");
    static final List<String> INPUT_RULES = List.of("fixedProbability", "fixedInDegree", "fixedOutDegree", "allToAll");
    static final List<String> INPUT_TYPES = List.of("poisson", "spikeTimes", "current");
    private static final String DISTRIBUTION_ALLOWED =
            "a number or {type: constant|uniform|normal|gamma|lognormal, ...its parameters}";

    private final Map<String, Integer> populationSizes = new HashMap<>();
    private int totalSize;

    private ConfigReader() {
    }

    static NetworkConfig read(ConfigNode root) {
        return new ConfigReader().readTop(root);
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    private NetworkConfig readTop(ConfigNode root) {
        root.keys(ordered("seed", "populations", "connections", "inputs"));
        long seed = root.has("seed") ? root.get("seed").asLong("an integer") : NetworkConfig.DEFAULT_SEED;
        List<PopulationConfig> pops = new ArrayList<>();
        List<ConfigNode> popNodes = root.require("populations", "a list of at least one population")
                .elements("a list of at least one population");
        if (popNodes.isEmpty()) {
            throw new InvalidInputException("populations", "[]", "a list of at least one population");
        }
        for (ConfigNode p : popNodes) {
            PopulationConfig pc = population(p);
            if (populationSizes.containsKey(pc.name())) {
                throw new InvalidInputException(p.path() + ".name", pc.name(), "a name not used by another population");
            }
            populationSizes.put(pc.name(), pc.size());
            totalSize += pc.size();
            pops.add(pc);
        }
        List<ConnectionConfig> conns = new ArrayList<>();
        if (root.has("connections")) {
            for (ConfigNode c : root.get("connections").elements("a list of connections")) {
                conns.add(connection(c));
            }
        }
        List<InputConfig> inputs = new ArrayList<>();
        if (root.has("inputs")) {
            Set<String> names = new java.util.HashSet<>();
            for (ConfigNode in : root.get("inputs").elements("a list of inputs")) {
                InputConfig ic = input(in);
                if (!names.add(ic.name())) {
                    throw new InvalidInputException(in.path() + ".name", ic.name(), "a name not used by another input");
                }
                inputs.add(ic);
            }
        }
        return new NetworkConfig(seed, pops, conns, inputs);
    }

    private PopulationConfig population(ConfigNode p) {
        Set<String> allowed = new LinkedHashSet<>(List.of("name", "size", "model", "sign"));
        for (NeuronParameter np : NeuronParameter.values()) {
            allowed.add(np.key());
        }
        p.keys(allowed);
        String name = p.require("name", "a non-empty name").asText("a non-empty name");
        if (NetworkBuilder.ALL.equals(name)) {
            throw new InvalidInputException(p.path() + ".name", name, "any name but 'all' (reserved)");
        }
        int size = p.require("size", "an integer > 0").asPositiveInt();
        NeuronModel model = NeuronModel.LIF;
        if (p.has("model")) {
            model = enumValue(p.get("model"), NeuronModel.class, "LIF or ALIF");
        }
        DaleSign sign = DaleSign.MIXED;
        if (p.has("sign")) {
            sign = enumValue(p.get("sign"), DaleSign.class, "excitatory, inhibitory or mixed");
        }
        Map<NeuronParameter, ParameterDistribution> params = new EnumMap<>(NeuronParameter.class);
        for (NeuronParameter np : NeuronParameter.values()) {
            if (p.has(np.key())) {
                params.put(np, parameter(p.get(np.key()), np));
            }
        }
        // The one cross-parameter rule that can be checked before sampling; distributions are
        // checked neuron by neuron when the network is built.
        ParameterDistribution th = params.get(NeuronParameter.THRESHOLD);
        ParameterDistribution vr = params.get(NeuronParameter.RESET_POTENTIAL);
        double thValue = th == null ? NeuronParameter.THRESHOLD.defaultValue() : constantValue(th);
        double vrValue = vr == null ? NeuronParameter.RESET_POTENTIAL.defaultValue() : constantValue(vr);
        if (!Double.isNaN(thValue) && !Double.isNaN(vrValue) && !(thValue > vrValue)) {
            String field = th != null ? p.path() + ".threshold" : p.path() + ".resetPotential";
            double value = th != null ? thValue : vrValue;
            String allowed2 = th != null ? "a threshold > resetPotential (" + vrValue + " mV)"
                    : "a resetPotential < threshold (" + thValue + " mV)";
            throw new InvalidInputException(field, value, allowed2);
        }
        return new PopulationConfig(name, size, model, sign, params);
    }

    private static double constantValue(ParameterDistribution d) {
        return d instanceof org.hrsnn.simulator.random.ConstantDistribution c ? c.value() : Double.NaN;
    }

    private static <E extends Enum<E>> E enumValue(ConfigNode n, Class<E> type, String allowed) {
        String s = n.asText(allowed);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw new InvalidInputException(n.path(), s, allowed);
    }

    /** A neuron parameter: a distribution whose values can fall inside the parameter's range. */
    private static ParameterDistribution parameter(ConfigNode n, NeuronParameter np) {
        ParameterDistribution d = distribution(n);
        double lo = np.lower();
        String path = n.path();
        if (d instanceof org.hrsnn.simulator.random.ConstantDistribution c) {
            if (!(c.value() >= lo && c.value() <= np.upper())) {
                throw new InvalidInputException(n.raw().isNumber() ? path : path + ".value", c.value(), np.allowed());
            }
        } else if (d instanceof org.hrsnn.simulator.random.UniformDistribution u) {
            if (!(u.high() >= lo) || (lo > 0 && u.high() <= 0)) {
                throw new InvalidInputException(path + ".high", u.high(), "a bound that leaves values in range: " + np.allowed());
            }
        } else if (d instanceof org.hrsnn.simulator.random.NormalDistribution nd) {
            if (nd.sd() == 0 && !(nd.mean() >= lo && (lo <= 0 || nd.mean() > 0))) {
                throw new InvalidInputException(path + ".mean", nd.mean(), np.allowed());
            }
        }
        return d;
    }

    /** A constant or a distribution; values not checked against any range here. */
    static ParameterDistribution distribution(ConfigNode n) {
        if (n.raw().isNumber()) {
            return ParameterDistribution.constant(n.asDouble("a finite number"));
        }
        if (!n.raw().isObject()) {
            throw new InvalidInputException(n.path(), ConfigNode.describe(n.raw()), DISTRIBUTION_ALLOWED);
        }
        String type = n.require("type", "one of " + DISTRIBUTIONS).asText("one of " + DISTRIBUTIONS);
        switch (type) {
            case "constant":
                n.keys(ordered("type", "value"));
                return ParameterDistribution.constant(n.require("value", "a finite number").asDouble("a finite number"));
            case "uniform": {
                n.keys(ordered("type", "low", "high"));
                double low = n.require("low", "a finite number").asDouble("a finite number");
                ConfigNode hn = n.require("high", "a finite number >= low");
                double high = hn.asDouble("a finite number >= low");
                if (!(high >= low)) {
                    throw new InvalidInputException(hn.path(), high, "a finite number >= low (" + low + ")");
                }
                return ParameterDistribution.uniform(low, high);
            }
            case "normal":
                n.keys(ordered("type", "mean", "sd"));
                return ParameterDistribution.normal(n.require("mean", "a finite number").asDouble("a finite number"),
                        n.require("sd", "a finite number >= 0").asNonNegative());
            case "gamma":
                n.keys(ordered("type", "shape", "scale"));
                return ParameterDistribution.gamma(n.require("shape", "a finite number > 0").asPositive(),
                        n.require("scale", "a finite number > 0").asPositive());
            case "lognormal":
                n.keys(ordered("type", "mu", "sigma"));
                return ParameterDistribution.lognormal(n.require("mu", "a finite number").asDouble("a finite number"),
                        n.require("sigma", "a finite number > 0").asPositive());
            default:
                throw new InvalidInputException(n.path() + ".type", type, "one of " + DISTRIBUTIONS);
        }
    }

    private static ParameterDistribution delay(ConfigNode n) {
        if (n.isMissing()) {
            return ParameterDistribution.constant(0);
        }
        ParameterDistribution d = distribution(n);
        if (d instanceof org.hrsnn.simulator.random.ConstantDistribution c && !(c.value() >= 0)) {
            throw new InvalidInputException(n.raw().isNumber() ? n.path() : n.path() + ".value", c.value(),
                    "a delay >= 0 ms");
        }
        if (d instanceof org.hrsnn.simulator.random.UniformDistribution u && !(u.high() >= 0)) {
            throw new InvalidInputException(n.path() + ".high", u.high(), "a bound >= 0 ms (delays are >= 0)");
        }
        return d;
    }

    private String populationName(ConfigNode n) {
        List<String> names = new ArrayList<>(populationSizes.keySet());
        java.util.Collections.sort(names);
        names.add(NetworkBuilder.ALL);
        String allowed = "one of the populations " + names;
        String s = n.asText(allowed);
        if (!s.equals(NetworkBuilder.ALL) && !populationSizes.containsKey(s)) {
            throw new InvalidInputException(n.path(), s, allowed);
        }
        return s;
    }

    private int sizeOf(String population) {
        return NetworkBuilder.ALL.equals(population) ? totalSize : populationSizes.get(population);
    }

    private ConnectionConfig connection(ConfigNode c) {
        c.keys(ordered("pre", "post", "rule", "weight", "delay", "synapses"));
        String pre = populationName(requireNamed(c, "pre"));
        String post = populationName(requireNamed(c, "post"));
        if (c.has("synapses")) {
            for (String k : List.of("rule", "weight", "delay")) {
                if (c.has(k)) {
                    throw new InvalidInputException(c.path() + "." + k, "given with synapses",
                            "either synapses (an explicit list) or rule, weight and delay");
                }
            }
            return ConnectionConfig.explicit(pre, post, explicit(c.get("synapses"), sizeOf(pre), sizeOf(post)));
        }
        ConfigNode rn = c.require("rule", "{type: one of " + RULES + ", ...} (or a synapses list)");
        RuleConfig rule = rule(rn);
        checkFits(rn, rule, sizeOf(pre), sizeOf(post), pre.equals(post));
        ParameterDistribution w = distribution(c.require("weight", DISTRIBUTION_ALLOWED + " (nA)"));
        return ConnectionConfig.byRule(pre, post, rule, w, delay(c.get("delay")));
    }

    /** Checks that a rule can be drawn between populations of these sizes, naming the config path. */
    private static void checkFits(ConfigNode rn, RuleConfig rule, int preSize, int postSize, boolean same) {
        if (rule instanceof RuleConfig.SmallWorldRule sw) {
            if (!same) {
                throw new InvalidInputException(rn.path() + ".type", "smallWorld",
                        "a rule for pre != post (smallWorld wires one population onto itself: pre and post must be equal)");
            }
            if (sw.k() % 2 != 0) {
                throw new InvalidInputException(rn.path() + ".k", sw.k(), "an even number (k/2 neighbours on each side)");
            }
            if (sw.k() > preSize - 1) {
                throw new InvalidInputException(rn.path() + ".k", sw.k(),
                        "at most N - 1 = " + (preSize - 1) + " for a population of " + preSize);
            }
        } else if (rule instanceof RuleConfig.FixedInDegreeRule in) {
            int available = same && !in.allowAutapses() ? preSize - 1 : preSize;
            if (in.k() > available) {
                throw new InvalidInputException(rn.path() + ".k", in.k(),
                        "at most " + available + " (distinct presynaptic neurons available)");
            }
        } else if (rule instanceof RuleConfig.FixedOutDegreeRule out) {
            int available = same && !out.allowAutapses() ? postSize - 1 : postSize;
            if (out.k() > available) {
                throw new InvalidInputException(rn.path() + ".k", out.k(),
                        "at most " + available + " (distinct postsynaptic neurons available)");
            }
        }
    }

    /** The rule of an input projection (channels onto neurons): any rule but smallWorld. */
    private RuleConfig inputRule(ConfigNode in, int channels, String target) {
        ConfigNode rn = in.require("rule", "{type: one of " + INPUT_RULES + ", ...}");
        RuleConfig rule = rule(rn);
        if (rule instanceof RuleConfig.SmallWorldRule) {
            throw new InvalidInputException(rn.path() + ".type", "smallWorld", "one of " + INPUT_RULES);
        }
        checkFits(rn, rule, channels, sizeOf(target), false);
        return rule;
    }

    private static ConfigNode requireNamed(ConfigNode parent, String key) {
        return parent.require(key, "a population name");
    }

    private static ConnectionConfig.ExplicitSynapses explicit(ConfigNode s, int preSize, int postSize) {
        s.keys(ordered("pre", "post", "weight", "delay"));
        List<Integer> pre = intList(s.require("pre", "a list of local neuron indices"), preSize);
        List<Integer> post = intList(s.require("post", "a list of local neuron indices"), postSize);
        List<Double> weight = doubleList(s.require("weight", "a list of finite weights (nA)"), false);
        List<Double> delay;
        if (s.has("delay")) {
            delay = doubleList(s.get("delay"), true);
        } else {
            delay = new ArrayList<>();
            for (int i = 0; i < pre.size(); i++) {
                delay.add(0.0);
            }
        }
        int n = pre.size();
        for (String k : List.of("post", "weight", "delay")) {
            int len = k.equals("post") ? post.size() : k.equals("weight") ? weight.size() : delay.size();
            if (len != n) {
                throw new InvalidInputException(s.path() + "." + k, "a list of " + len,
                        "a list as long as " + s.path() + ".pre (" + n + ")");
            }
        }
        return new ConnectionConfig.ExplicitSynapses(pre, post, weight, delay);
    }

    private static List<Integer> intList(ConfigNode n, int size) {
        String allowed = "an index in [0, " + size + ")";
        List<Integer> out = new ArrayList<>();
        for (ConfigNode e : n.elements("a list of integers")) {
            int k = e.asInt(allowed);
            if (k < 0 || k >= size) {
                throw new InvalidInputException(e.path(), k, allowed);
            }
            out.add(k);
        }
        return out;
    }

    private static List<Double> doubleList(ConfigNode n, boolean nonNegative) {
        List<Double> out = new ArrayList<>();
        for (ConfigNode e : n.elements("a list of numbers")) {
            out.add(nonNegative ? e.asNonNegative() : e.asDouble("a finite number"));
        }
        return out;
    }

    static RuleConfig rule(ConfigNode r) {
        if (!r.raw().isObject()) {
            throw new InvalidInputException(r.path(), ConfigNode.describe(r.raw()), "{type: one of " + RULES + ", ...}");
        }
        String type = r.require("type", "one of " + RULES).asText("one of " + RULES);
        switch (type) {
            case "fixedProbability": {
                r.keys(ordered("type", "probability", "allowAutapses"));
                ConfigNode pn = r.require("probability", "a probability in [0, 1]");
                double p = pn.asDouble("a probability in [0, 1]");
                if (!(p >= 0 && p <= 1)) {
                    throw new InvalidInputException(pn.path(), p, "a probability in [0, 1]");
                }
                return new RuleConfig.FixedProbabilityRule(p, autapses(r));
            }
            case "fixedInDegree":
                r.keys(ordered("type", "k", "allowAutapses"));
                return new RuleConfig.FixedInDegreeRule(r.require("k", "an integer >= 0").asNonNegativeInt(), autapses(r));
            case "fixedOutDegree":
                r.keys(ordered("type", "k", "allowAutapses"));
                return new RuleConfig.FixedOutDegreeRule(r.require("k", "an integer >= 0").asNonNegativeInt(), autapses(r));
            case "smallWorld": {
                r.keys(ordered("type", "k", "rewiring"));
                int k = r.require("k", "an integer >= 0").asNonNegativeInt();
                ConfigNode rn = r.require("rewiring", "a probability in [0, 1]");
                double beta = rn.asDouble("a probability in [0, 1]");
                if (!(beta >= 0 && beta <= 1)) {
                    throw new InvalidInputException(rn.path(), beta, "a probability in [0, 1]");
                }
                return new RuleConfig.SmallWorldRule(k, beta);
            }
            case "allToAll":
                r.keys(ordered("type", "allowAutapses"));
                return new RuleConfig.AllToAllRule(autapses(r));
            default:
                throw new InvalidInputException(r.path() + ".type", type, "one of " + RULES);
        }
    }

    private static boolean autapses(ConfigNode r) {
        return !r.has("allowAutapses") || r.get("allowAutapses").asBoolean();
    }

    private InputConfig input(ConfigNode in) {
        if (!in.raw().isObject()) {
            throw new InvalidInputException(in.path(), ConfigNode.describe(in.raw()), "an input object");
        }
        String type = in.require("type", "one of " + INPUT_TYPES).asText("one of " + INPUT_TYPES);
        switch (type) {
            case "poisson": {
                in.keys(ordered("name", "type", "channels", "rateHz", "binMs", "target", "rule", "weight", "delay"));
                String name = in.require("name", "a non-empty name").asText("a non-empty name");
                int channels = in.require("channels", "an integer > 0").asPositiveInt();
                ConfigNode rn = in.require("rateHz", "a rate >= 0 Hz or a list of rates (with binMs)");
                List<Double> rates;
                Double bin = null;
                if (rn.raw().isArray()) {
                    rates = doubleList(rn, true);
                    if (rates.isEmpty()) {
                        throw new InvalidInputException(rn.path(), "[]", "at least one rate");
                    }
                    bin = in.require("binMs", "a bin width > 0 ms (needed with a list of rates)").asPositive();
                } else {
                    rates = List.of(rn.asNonNegative());
                    if (in.has("binMs")) {
                        throw new InvalidInputException(in.path() + ".binMs", in.get("binMs").raw().asDouble(),
                                "absent when rateHz is one number (binMs goes with a list of rates)");
                    }
                }
                String target = populationName(in.require("target", "a population name"));
                RuleConfig rule = inputRule(in, channels, target);
                ParameterDistribution w = distribution(in.require("weight", DISTRIBUTION_ALLOWED + " (nA)"));
                return new InputConfig.Poisson(name, channels, rates, bin, target, rule, w, delay(in.get("delay")));
            }
            case "spikeTimes": {
                in.keys(ordered("name", "type", "times", "target", "rule", "weight", "delay"));
                String name = in.require("name", "a non-empty name").asText("a non-empty name");
                List<List<Double>> times = new ArrayList<>();
                List<ConfigNode> channels = in.require("times", "a list (one per channel) of ascending spike times (ms)")
                        .elements("a list (one per channel) of ascending spike times (ms)");
                if (channels.isEmpty()) {
                    throw new InvalidInputException(in.path() + ".times", "[]", "at least one channel");
                }
                for (ConfigNode ch : channels) {
                    List<Double> t = doubleList(ch, true);
                    for (int k = 1; k < t.size(); k++) {
                        if (t.get(k) < t.get(k - 1)) {
                            throw new InvalidInputException(ch.path() + "[" + k + "]", t.get(k),
                                    "a time >= the previous one (" + t.get(k - 1) + " ms): ascending order");
                        }
                    }
                    times.add(t);
                }
                String target = populationName(in.require("target", "a population name"));
                RuleConfig rule = inputRule(in, times.size(), target);
                ParameterDistribution w = distribution(in.require("weight", DISTRIBUTION_ALLOWED + " (nA)"));
                return new InputConfig.SpikeTimes(name, times, target, rule, w, delay(in.get("delay")));
            }
            case "current": {
                in.keys(ordered("name", "type", "target", "neurons", "amplitude", "startMs", "stopMs"));
                String name = in.require("name", "a non-empty name").asText("a non-empty name");
                String target = populationName(in.require("target", "a population name"));
                List<Integer> neurons = in.has("neurons") ? intList(in.get("neurons"), sizeOf(target)) : null;
                double amplitude = in.require("amplitude", "a finite current (nA)").asDouble("a finite current (nA)");
                double start = in.has("startMs") ? in.get("startMs").asNonNegative() : 0.0;
                Double stop = null;
                if (in.has("stopMs")) {
                    ConfigNode sn = in.get("stopMs");
                    stop = sn.asDouble("a time > startMs (ms)");
                    if (!(stop > start)) {
                        throw new InvalidInputException(sn.path(), stop, "a time > startMs (" + start + " ms)");
                    }
                }
                return new InputConfig.Current(name, target, neurons, amplitude, start, stop);
            }
            default:
                throw new InvalidInputException(in.path() + ".type", type, "one of " + INPUT_TYPES);
        }
    }

}
