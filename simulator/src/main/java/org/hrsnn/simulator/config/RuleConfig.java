package org.hrsnn.simulator.config;

import org.hrsnn.simulator.connectivity.AllToAll;
import org.hrsnn.simulator.connectivity.ConnectivityRule;
import org.hrsnn.simulator.connectivity.FixedInDegree;
import org.hrsnn.simulator.connectivity.FixedOutDegree;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.connectivity.SmallWorld;

/**
 * A connectivity rule as written in a configuration ({@code rule: {type: ..., ...}}); each
 * record maps onto the rule class of the same name in {@code org.hrsnn.simulator.connectivity}.
 */
public sealed interface RuleConfig {
    /** The configuration name of the rule type. */
    String type();

    ConnectivityRule toRule();

    /** {@code {type: fixedProbability, probability: p, allowAutapses: true}}. */
    record FixedProbabilityRule(double probability, boolean allowAutapses) implements RuleConfig {
        @Override
        public String type() {
            return "fixedProbability";
        }

        @Override
        public ConnectivityRule toRule() {
            return new FixedProbability(probability, allowAutapses);
        }
    }

    /** {@code {type: fixedInDegree, k: 80, allowAutapses: true}}: every target gets k inputs. */
    record FixedInDegreeRule(int k, boolean allowAutapses) implements RuleConfig {
        @Override
        public String type() {
            return "fixedInDegree";
        }

        @Override
        public ConnectivityRule toRule() {
            return new FixedInDegree(k, allowAutapses);
        }
    }

    /** {@code {type: fixedOutDegree, k: 80, allowAutapses: true}}: every source makes k synapses. */
    record FixedOutDegreeRule(int k, boolean allowAutapses) implements RuleConfig {
        @Override
        public String type() {
            return "fixedOutDegree";
        }

        @Override
        public ConnectivityRule toRule() {
            return new FixedOutDegree(k, allowAutapses);
        }
    }

    /** {@code {type: smallWorld, k: 10, rewiring: 0.1}}: Watts-Strogatz ring lattice, rewired. */
    record SmallWorldRule(int k, double rewiring) implements RuleConfig {
        @Override
        public String type() {
            return "smallWorld";
        }

        @Override
        public ConnectivityRule toRule() {
            return new SmallWorld(k, rewiring);
        }
    }

    /** {@code {type: allToAll, allowAutapses: false}}. */
    record AllToAllRule(boolean allowAutapses) implements RuleConfig {
        @Override
        public String type() {
            return "allToAll";
        }

        @Override
        public ConnectivityRule toRule() {
            return new AllToAll(allowAutapses);
        }
    }
}
