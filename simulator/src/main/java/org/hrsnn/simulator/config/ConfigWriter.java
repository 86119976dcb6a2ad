package org.hrsnn.simulator.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.hrsnn.simulator.random.ConstantDistribution;
import org.hrsnn.simulator.random.GammaParameterDistribution;
import org.hrsnn.simulator.random.LogNormalParameterDistribution;
import org.hrsnn.simulator.random.NormalDistribution;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.hrsnn.simulator.random.UniformDistribution;

/** Writes a {@link NetworkConfig} as the tree {@link ConfigReader} reads (same keys, same shapes). */
final class ConfigWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ConfigWriter() {
    }

    static ObjectNode write(NetworkConfig c) {
        ObjectNode root = F.objectNode();
        root.put("seed", c.seed());
        ArrayNode pops = root.putArray("populations");
        for (PopulationConfig p : c.populations()) {
            ObjectNode o = pops.addObject();
            o.put("name", p.name());
            o.put("size", p.size());
            o.put("model", p.model().name());
            o.put("sign", p.sign().name().toLowerCase(Locale.ROOT));
            p.parameters().forEach((k, d) -> o.set(k.key(), distribution(d)));
        }
        if (!c.connections().isEmpty()) {
            ArrayNode conns = root.putArray("connections");
            for (ConnectionConfig cc : c.connections()) {
                ObjectNode o = conns.addObject();
                o.put("pre", cc.pre());
                o.put("post", cc.post());
                if (cc.synapses() != null) {
                    ObjectNode s = o.putObject("synapses");
                    cc.synapses().pre().forEach(s.putArray("pre")::add);
                    cc.synapses().post().forEach(s.putArray("post")::add);
                    cc.synapses().weight().forEach(s.putArray("weight")::add);
                    cc.synapses().delay().forEach(s.putArray("delay")::add);
                } else {
                    o.set("rule", rule(cc.rule()));
                    o.set("weight", distribution(cc.weight()));
                    o.set("delay", distribution(cc.delay()));
                }
            }
        }
        if (!c.inputs().isEmpty()) {
            ArrayNode inputs = root.putArray("inputs");
            for (InputConfig in : c.inputs()) {
                inputs.add(input(in));
            }
        }
        return root;
    }

    private static ObjectNode input(InputConfig in) {
        ObjectNode o = F.objectNode();
        o.put("name", in.name());
        o.put("type", in.type());
        if (in instanceof InputConfig.Poisson p) {
            o.put("channels", p.channels());
            if (p.timeVarying()) {
                p.rateHz().forEach(o.putArray("rateHz")::add);
                o.put("binMs", p.binMs());
            } else {
                o.put("rateHz", p.rateHz().get(0));
            }
            projection(o, p.target(), p.rule(), p.weight(), p.delay());
        } else if (in instanceof InputConfig.SpikeTimes s) {
            ArrayNode times = o.putArray("times");
            for (List<Double> ch : s.times()) {
                ch.forEach(times.addArray()::add);
            }
            projection(o, s.target(), s.rule(), s.weight(), s.delay());
        } else if (in instanceof InputConfig.Current c) {
            o.put("target", c.target());
            if (c.neurons() != null) {
                c.neurons().forEach(o.putArray("neurons")::add);
            }
            o.put("amplitude", c.amplitude());
            o.put("startMs", c.startMs());
            if (c.stopMs() != null) {
                o.put("stopMs", c.stopMs());
            }
        }
        return o;
    }

    private static void projection(ObjectNode o, String target, RuleConfig rule, ParameterDistribution w,
                                   ParameterDistribution d) {
        o.put("target", target);
        o.set("rule", rule(rule));
        o.set("weight", distribution(w));
        o.set("delay", distribution(d));
    }

    static ObjectNode rule(RuleConfig r) {
        ObjectNode o = F.objectNode();
        o.put("type", r.type());
        if (r instanceof RuleConfig.FixedProbabilityRule p) {
            o.put("probability", p.probability());
            o.put("allowAutapses", p.allowAutapses());
        } else if (r instanceof RuleConfig.FixedInDegreeRule p) {
            o.put("k", p.k());
            o.put("allowAutapses", p.allowAutapses());
        } else if (r instanceof RuleConfig.FixedOutDegreeRule p) {
            o.put("k", p.k());
            o.put("allowAutapses", p.allowAutapses());
        } else if (r instanceof RuleConfig.SmallWorldRule p) {
            o.put("k", p.k());
            o.put("rewiring", p.rewiring());
        } else if (r instanceof RuleConfig.AllToAllRule p) {
            o.put("allowAutapses", p.allowAutapses());
        }
        return o;
    }

    /** A constant as a plain number; any other distribution as {type: ..., parameters}. */
    static com.fasterxml.jackson.databind.JsonNode distribution(ParameterDistribution d) {
        if (d instanceof ConstantDistribution c) {
            return F.numberNode(c.value());
        }
        ObjectNode o = F.objectNode();
        if (d instanceof UniformDistribution u) {
            o.put("type", "uniform").put("low", u.low()).put("high", u.high());
        } else if (d instanceof NormalDistribution n) {
            o.put("type", "normal").put("mean", n.mean()).put("sd", n.sd());
        } else if (d instanceof GammaParameterDistribution g) {
            o.put("type", "gamma").put("shape", g.shape()).put("scale", g.scale());
        } else if (d instanceof LogNormalParameterDistribution l) {
            o.put("type", "lognormal").put("mu", l.mu()).put("sigma", l.sigma());
        } else {
            throw new IllegalArgumentException("no configuration form for " + d.describe());
        }
        return o;
    }
}
