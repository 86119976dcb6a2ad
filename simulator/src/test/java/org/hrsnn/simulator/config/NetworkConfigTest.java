package org.hrsnn.simulator.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.network.DaleSign;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronModel;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.PopulationSpec;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkConfigTest {

    /** Every feature of the schema at least once. */
    static final String FULL = String.join("\n",
            "seed: 7",
            "populations:",
            "  - name: exc",
            "    size: 40",
            "    model: LIF",
            "    sign: excitatory",
            "    membraneTau: {type: gamma, shape: 3, scale: 6.5}",
            "    excitatoryTau: {type: uniform, low: 4.5, high: 5.5}",
            "    inhibitoryTau: {type: normal, mean: 10, sd: 1}",
            "    resistance: {type: lognormal, mu: 0, sigma: 0.1}",
            "    threshold: {type: constant, value: -50}",
            "    resetPotential: -60",
            "    leakPotential: -49",
            "    refractoryPeriod: 2",
            "    biasCurrent: 0.5",
            "    initialPotential: {type: uniform, low: -60, high: -50}",
            "  - name: inh",
            "    size: 10",
            "    model: ALIF",
            "    sign: inhibitory",
            "    adaptationTau: 300",
            "    adaptationStrength: 0.5",
            "connections:",
            "  - {pre: exc, post: all, rule: {type: fixedProbability, probability: 0.2, allowAutapses: false},",
            "     weight: 1.5, delay: {type: uniform, low: 0.5, high: 1.5}}",
            "  - {pre: inh, post: exc, rule: {type: fixedInDegree, k: 3}, weight: {type: normal, mean: 4, sd: 0.5}}",
            "  - {pre: inh, post: inh, rule: {type: fixedOutDegree, k: 2, allowAutapses: false}, weight: 2}",
            "  - {pre: exc, post: exc, rule: {type: smallWorld, k: 4, rewiring: 0.1}, weight: 0.5, delay: 1}",
            "  - {pre: inh, post: inh, rule: {type: allToAll, allowAutapses: false}, weight: 0.1}",
            "  - pre: exc",
            "    post: inh",
            "    synapses: {pre: [0, 1, 39], post: [9, 0, 3], weight: [1.0, 2.0, 3.0], delay: [0.0, 0.5, 2.0]}",
            "inputs:",
            "  - {name: drive, type: poisson, channels: 20, rateHz: 15, target: exc,",
            "     rule: {type: fixedProbability, probability: 0.3}, weight: 2.0, delay: 0.5}",
            "  - {name: ramp, type: poisson, channels: 5, rateHz: [0, 10, 20], binMs: 50, target: all,",
            "     rule: {type: fixedInDegree, k: 1}, weight: 1.0}",
            "  - {name: cue, type: spikeTimes, times: [[1.0, 2.5], [], [3.0]], target: inh,",
            "     rule: {type: allToAll}, weight: 0.7}",
            "  - {name: step, type: current, target: exc, neurons: [0, 3], amplitude: 0.2, startMs: 10, stopMs: 20}",
            "  - {name: tonic, type: current, target: inh, amplitude: -0.1}",
            "");

    @Test
    void everyFeatureSurvivesARoundTripThroughYamlAndJson() {
        NetworkConfig c = NetworkConfig.parse(FULL, NetworkConfig.Format.YAML);
        assertEquals(7, c.seed());
        assertEquals(2, c.populations().size());
        assertEquals(6, c.connections().size());
        assertEquals(5, c.inputs().size());
        assertEquals(NeuronModel.ALIF, c.populations().get(1).model());
        assertEquals(DaleSign.INHIBITORY, c.populations().get(1).sign());
        assertEquals(ParameterDistribution.gamma(3, 6.5),
                c.populations().get(0).parameters().get(NeuronParameter.MEMBRANE_TAU));
        assertEquals(new RuleConfig.SmallWorldRule(4, 0.1), c.connections().get(3).rule());
        assertEquals(List.of(0.0, 10.0, 20.0), ((InputConfig.Poisson) c.inputs().get(1)).rateHz());
        assertEquals(50.0, ((InputConfig.Poisson) c.inputs().get(1)).binMs());

        NetworkConfig fromYaml = NetworkConfig.parse(c.toYaml(), NetworkConfig.Format.YAML);
        NetworkConfig fromJson = NetworkConfig.parse(c.toJson(), NetworkConfig.Format.JSON);
        assertEquals(c, fromYaml);
        assertEquals(c, fromJson);
        assertEquals(c.toTree(), fromJson.toTree());
    }

    @Test
    void loadReadsYamlYmlAndJsonFiles(@TempDir Path dir) throws IOException {
        NetworkConfig c = NetworkConfig.parse(FULL, NetworkConfig.Format.YAML);
        Path yaml = dir.resolve("a.yaml");
        Path yml = dir.resolve("a.yml");
        Path json = dir.resolve("a.json");
        Files.writeString(yaml, c.toYaml());
        Files.writeString(yml, c.toYaml());
        Files.writeString(json, c.toJson());
        assertEquals(c, NetworkConfig.load(yaml));
        assertEquals(c, NetworkConfig.load(yml));
        assertEquals(c, NetworkConfig.load(json));
    }

    @Test
    void buildGivesTheSameNetworkAsTheEquivalentBuilderCalls() {
        String yaml = String.join("\n",
                "seed: 11",
                "populations:",
                "  - {name: exc, size: 80, sign: excitatory, membraneTau: {type: gamma, shape: 4, scale: 5},",
                "     leakPotential: -49, initialPotential: {type: uniform, low: -60, high: -50}}",
                "  - {name: inh, size: 20, sign: inhibitory}",
                "connections:",
                "  - {pre: exc, post: all, rule: {type: fixedProbability, probability: 0.1}, weight: 1.62}",
                "  - {pre: inh, post: all, rule: {type: fixedProbability, probability: 0.1}, weight: 9,",
                "     delay: {type: uniform, low: 0, high: 2}}",
                "inputs:",
                "  - {name: step, type: current, target: inh, neurons: [1, 2], amplitude: 0.3, startMs: 5, stopMs: 15}");
        Network fromConfig = NetworkConfig.parse(yaml, NetworkConfig.Format.YAML).build();
        Network fromBuilder = new NetworkBuilder(11)
                .add(PopulationSpec.lif("exc", 80).excitatory()
                        .set(NeuronParameter.MEMBRANE_TAU, ParameterDistribution.gamma(4, 5))
                        .set(NeuronParameter.LEAK_POTENTIAL, -49)
                        .set(NeuronParameter.INITIAL_POTENTIAL, ParameterDistribution.uniform(-60, -50)))
                .add(PopulationSpec.lif("inh", 20).inhibitory())
                .connect("exc", "all", new FixedProbability(0.1), ParameterDistribution.constant(1.62),
                        ParameterDistribution.constant(0))
                .connect("inh", "all", new FixedProbability(0.1), ParameterDistribution.constant(9),
                        ParameterDistribution.uniform(0, 2))
                .current(new org.hrsnn.simulator.input.CurrentInjection("step", new int[] {81, 82}, 0.3, 5, 15))
                .build();
        assertArrayEquals(fromBuilder.parameters().membraneTau, fromConfig.parameters().membraneTau);
        assertArrayEquals(fromBuilder.parameters().initialPotential, fromConfig.parameters().initialPotential);
        assertArrayEquals(fromBuilder.synapses().rowStart, fromConfig.synapses().rowStart);
        assertArrayEquals(fromBuilder.synapses().target, fromConfig.synapses().target);
        assertArrayEquals(fromBuilder.synapses().weight, fromConfig.synapses().weight);
        assertArrayEquals(fromBuilder.synapses().delay, fromConfig.synapses().delay);
        assertArrayEquals(new int[] {81, 82}, fromConfig.currents().get(0).neurons());
        assertEquals(-9.0, fromConfig.synapses().weight[fromConfig.synapses().rowStart[90]], "Dale sign applied");
    }

    @Test
    void everyFeatureBuildsAndYamlAndJsonGiveTheSameNetwork() {
        NetworkConfig c = NetworkConfig.parse(FULL, NetworkConfig.Format.YAML);
        Network net = c.build();
        Network again = NetworkConfig.parse(c.toJson(), NetworkConfig.Format.JSON).build();
        assertEquals(50, net.size());
        assertEquals(List.of("drive", "ramp", "cue"), net.inputs().stream().map(g -> g.name()).toList());
        assertEquals(3, net.inputs().get(2).source().channels());
        assertEquals(30, net.inputs().get(2).projection().size(), "cue: 3 channels all-to-all onto 10 neurons");
        assertEquals(50, net.inputs().get(1).projection().size(), "ramp: in-degree 1 onto all 50 neurons");
        assertEquals(2, net.currents().size());
        assertArrayEquals(new int[] {40, 41, 42, 43, 44, 45, 46, 47, 48, 49}, net.currents().get(1).neurons());
        // the explicit synapse exc 39 -> inh 3 (global 43), weight 3 nA (excitatory), delay 2 ms
        org.hrsnn.simulator.network.SynapseMatrix s = net.synapses();
        boolean found = false;
        for (int k = s.rowStart[39]; k < s.rowStart[40]; k++) {
            found |= s.target[k] == 43 && s.weight[k] == 3.0 && s.delay[k] == 2.0;
        }
        assertTrue(found, "explicit synapse present");
        for (int k = s.rowStart[40]; k < s.rowStart[50]; k++) {
            assertTrue(s.weight[k] < 0, "inhibitory population's weights are negative");
        }
        assertArrayEquals(net.synapses().target, again.synapses().target);
        assertArrayEquals(net.synapses().weight, again.synapses().weight);
        assertArrayEquals(net.synapses().delay, again.synapses().delay);
        assertArrayEquals(net.parameters().membraneTau, again.parameters().membraneTau);
        assertArrayEquals(net.parameters().adaptationStrength, again.parameters().adaptationStrength);
    }

    @Test
    void seedOverrideChangesOnlyTheSeed() {
        NetworkConfig c = NetworkConfig.parse(FULL, NetworkConfig.Format.YAML);
        NetworkConfig d = c.withSeed(99);
        assertEquals(99, d.seed());
        assertEquals(c.populations(), d.populations());
        assertEquals(c, d.withSeed(7));
    }

    static Stream<Arguments> badInputs() {
        String pop = "populations:\n  - {name: a, size: 10}\n  - ";
        String conn = "populations:\n  - {name: a, size: 10}\nconnections:\n  - ";
        String input = "populations:\n  - {name: a, size: 10}\ninputs:\n  - ";
        return Stream.of(
                Arguments.of("sed: 3\npopulations:\n  - {name: a, size: 10}", "sed", "populations"),
                Arguments.of("seed: 1.5\npopulations:\n  - {name: a, size: 10}", "seed", "integer"),
                Arguments.of("seed: 1", "populations", "at least one population"),
                Arguments.of("populations: []", "populations", "at least one population"),
                Arguments.of(pop + "{name: b, size: 10, membranTau: 3}", "populations[1].membranTau", "membraneTau"),
                Arguments.of(pop + "{name: b, size: 0}", "populations[1].size", "> 0"),
                Arguments.of(pop + "{name: b, size: ten}", "populations[1].size", "integer"),
                Arguments.of(pop + "{name: a, size: 3}", "populations[1].name", "not used"),
                Arguments.of(pop + "{name: all, size: 3}", "populations[1].name", "reserved"),
                Arguments.of(pop + "{size: 3}", "populations[1].name", "missing"),
                Arguments.of(pop + "{name: b, size: 3, model: HH}", "populations[1].model", "LIF or ALIF"),
                Arguments.of(pop + "{name: b, size: 3, sign: positive}", "populations[1].sign", "excitatory"),
                Arguments.of(pop + "{name: b, size: 3, membraneTau: {type: gamma, shape: -1, scale: 2}}",
                        "populations[1].membraneTau.shape", "> 0"),
                Arguments.of(pop + "{name: b, size: 3, membraneTau: {type: gamma, shape: 2}}",
                        "populations[1].membraneTau.scale", "missing"),
                Arguments.of(pop + "{name: b, size: 3, membraneTau: {type: gamma, shape: 2, scale: 1, mean: 3}}",
                        "populations[1].membraneTau.mean", "scale"),
                Arguments.of(pop + "{name: b, size: 3, membraneTau: {type: weibull}}",
                        "populations[1].membraneTau.type", "lognormal"),
                Arguments.of(pop + "{name: b, size: 3, membraneTau: -5}", "populations[1].membraneTau", "> 0"),
                Arguments.of(pop + "{name: b, size: 3, membraneTau: 20ms}", "populations[1].membraneTau", "a number or"),
                Arguments.of(pop + "{name: b, size: 3, excitatoryTau: {type: uniform, low: 5, high: 4}}",
                        "populations[1].excitatoryTau.high", ">= low"),
                Arguments.of(pop + "{name: b, size: 3, inhibitoryTau: {type: normal, mean: 10, sd: -1}}",
                        "populations[1].inhibitoryTau.sd", ">= 0"),
                Arguments.of(pop + "{name: b, size: 3, resistance: {type: lognormal, mu: 0, sigma: 0}}",
                        "populations[1].resistance.sigma", "> 0"),
                Arguments.of(pop + "{name: b, size: 3, refractoryPeriod: -1}", "populations[1].refractoryPeriod", ">= 0"),
                Arguments.of(pop + "{name: b, size: 3, threshold: -70, resetPotential: -60}",
                        "populations[1].threshold", "resetPotential"),
                Arguments.of(pop + "{name: b, size: 3, resetPotential: -40}", "populations[1].resetPotential", "threshold"),
                Arguments.of(conn + "{pre: a, post: b, rule: {type: fixedProbability, probability: 0.1}, weight: 1}",
                        "connections[0].post", "[a, all]"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: fixedProbability, probability: 1.5}, weight: 1}",
                        "connections[0].rule.probability", "[0, 1]"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: fixedProbability, p: 0.1}, weight: 1}",
                        "connections[0].rule.p", "probability"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: random}, weight: 1}",
                        "connections[0].rule.type", "smallWorld"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: fixedInDegree, k: -2}, weight: 1}",
                        "connections[0].rule.k", ">= 0"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: smallWorld, k: 2, rewiring: 2}, weight: 1}",
                        "connections[0].rule.rewiring", "[0, 1]"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: smallWorld, k: 3, rewiring: 0.1}, weight: 1}",
                        "connections[0].rule.k", "even"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: smallWorld, k: 10, rewiring: 0.1}, weight: 1}",
                        "connections[0].rule.k", "N - 1 = 9"),
                Arguments.of(conn + "{pre: a, post: all, rule: {type: smallWorld, k: 2, rewiring: 0.1}, weight: 1}",
                        "connections[0].rule.type", "pre and post must be equal"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: fixedInDegree, k: 10, allowAutapses: false}, weight: 1}",
                        "connections[0].rule.k", "at most 9"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: fixedOutDegree, k: 11}, weight: 1}",
                        "connections[0].rule.k", "at most 10"),
                Arguments.of(input + "{name: x, type: poisson, channels: 4, rateHz: 5, target: a,"
                        + " rule: {type: smallWorld, k: 2, rewiring: 0}, weight: 1}", "inputs[0].rule.type", "allToAll"),
                Arguments.of(input + "{name: x, type: poisson, channels: 4, rateHz: 5, target: a,"
                        + " rule: {type: fixedInDegree, k: 5}, weight: 1}", "inputs[0].rule.k", "at most 4"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: allToAll, allowAutapses: maybe}, weight: 1}",
                        "connections[0].rule.allowAutapses", "true or false"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: allToAll}}", "connections[0].weight", "missing"),
                Arguments.of(conn + "{pre: a, post: a, rule: {type: allToAll}, weight: 1, delay: -1}",
                        "connections[0].delay", ">= 0"),
                Arguments.of(conn + "{pre: a, post: a, synapses: {pre: [0, 1], post: [0, 12], weight: [1, 1]}}",
                        "connections[0].synapses.post[1]", "[0, 10)"),
                Arguments.of(conn + "{pre: a, post: a, synapses: {pre: [0, 1], post: [0, 1], weight: [1]}}",
                        "connections[0].synapses.weight", "as long as"),
                Arguments.of(conn + "{pre: a, post: a, weight: 1, synapses: {pre: [0], post: [0], weight: [1]}}",
                        "connections[0].weight", "either synapses"),
                Arguments.of(input + "{name: x, type: poisson, channels: 3, rateHz: -1, target: a,"
                        + " rule: {type: allToAll}, weight: 1}", "inputs[0].rateHz", ">= 0"),
                Arguments.of(input + "{name: x, type: poisson, channels: 3, rateHz: [1, 2], target: a,"
                        + " rule: {type: allToAll}, weight: 1}", "inputs[0].binMs", "missing"),
                Arguments.of(input + "{name: x, type: poisson, channels: 3, rateHz: 5, binMs: 10, target: a,"
                        + " rule: {type: allToAll}, weight: 1}", "inputs[0].binMs", "absent"),
                Arguments.of(input + "{name: x, type: poisson, channels: 0, rateHz: 5, target: a,"
                        + " rule: {type: allToAll}, weight: 1}", "inputs[0].channels", "> 0"),
                Arguments.of(input + "{name: x, type: spikeTimes, times: [[3, 1]], target: a,"
                        + " rule: {type: allToAll}, weight: 1}", "inputs[0].times[0][1]", "ascending"),
                Arguments.of(input + "{name: x, type: current, target: a, amplitude: 1, startMs: 5, stopMs: 2}",
                        "inputs[0].stopMs", "> startMs"),
                Arguments.of(input + "{name: x, type: current, target: a, amplitude: 1, neurons: [10]}",
                        "inputs[0].neurons[0]", "[0, 10)"),
                Arguments.of(input + "{name: x, type: current, target: a, amplitude: 1, ampere: 2}",
                        "inputs[0].ampere", "amplitude"),
                Arguments.of(input + "{name: x, type: noise}", "inputs[0].type", "poisson"),
                Arguments.of(input + "{name: x, type: current, target: a, amplitude: 1}\n"
                        + "  - {name: x, type: current, target: a, amplitude: 2}", "inputs[1].name", "not used"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputNamesTheFieldAndWhatIsAllowed(String yaml, String field, String allowedFragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NetworkConfig.parse(yaml, NetworkConfig.Format.YAML));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(allowedFragment), e.getMessage());
    }

    @Test
    void jsonUsesTheSameSchemaAndRejectsUnknownKeysToo() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NetworkConfig.parse(
                "{\"populations\": [{\"name\": \"a\", \"size\": 3, \"colour\": \"red\"}]}", NetworkConfig.Format.JSON));
        assertEquals("populations[0].colour", e.field());
    }

    @Test
    void syntaxErrorsAndDuplicateKeysGiveTheLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NetworkConfig.parse(
                "populations:\n  - {name: a, size: 3, size: 4}\n", NetworkConfig.Format.YAML));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        InvalidInputException j = assertThrows(InvalidInputException.class,
                () -> NetworkConfig.parse("{\"populations\": [", NetworkConfig.Format.JSON));
        assertTrue(j.getMessage().startsWith("config: not valid JSON"), j.getMessage());
    }

    @Test
    void missingOrUnknownFilesGiveClearMessages(@TempDir Path dir) {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> NetworkConfig.load(dir.resolve("nope.yaml")));
        assertEquals("config", missing.field());
        assertTrue(missing.getMessage().contains("nope.yaml") && missing.getMessage().contains("no file"));
        InvalidInputException ext = assertThrows(InvalidInputException.class,
                () -> NetworkConfig.load(dir.resolve("net.txt")));
        assertTrue(ext.getMessage().contains(".yaml, .yml or .json"), ext.getMessage());
        InvalidInputException isDir = assertThrows(InvalidInputException.class,
                () -> NetworkConfig.load(Files.createDirectory(dir.resolve("d.yaml"))));
        assertTrue(isDir.getMessage().contains("readable"), isDir.getMessage());
    }

    @Test
    void emptyTextIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NetworkConfig.parse("", NetworkConfig.Format.YAML));
        assertEquals("config", e.field());
    }
}
