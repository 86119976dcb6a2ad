package org.hrsnn.simulator.config;

import java.util.List;
import org.hrsnn.simulator.random.ParameterDistribution;

/**
 * Recurrent synapses from population {@code pre} to {@code post} ("all" for every neuron):
 * either drawn by a {@code rule} with weight (nA, given the pre population's Dale sign) and delay
 * (ms) distributions, or listed one by one in {@code synapses} (then rule, weight and delay are
 * null).
 */
public record ConnectionConfig(String pre, String post, RuleConfig rule, ParameterDistribution weight,
                               ParameterDistribution delay, ExplicitSynapses synapses) {

    public static ConnectionConfig byRule(String pre, String post, RuleConfig rule,
                                          ParameterDistribution weight, ParameterDistribution delay) {
        return new ConnectionConfig(pre, post, rule, weight, delay, null);
    }

    public static ConnectionConfig explicit(String pre, String post, ExplicitSynapses synapses) {
        return new ConnectionConfig(pre, post, null, null, null, synapses);
    }

    /**
     * Synapses listed explicitly: entry e connects local neuron {@code pre[e]} of the pre
     * population to local neuron {@code post[e]} of the post population with weight (nA) and
     * delay (ms).
     */
    public record ExplicitSynapses(List<Integer> pre, List<Integer> post, List<Double> weight, List<Double> delay) {
        public ExplicitSynapses {
            pre = List.copyOf(pre);
            post = List.copyOf(post);
            weight = List.copyOf(weight);
            delay = List.copyOf(delay);
        }
    }
}
