package org.hrsnn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.pruning.evaluation.ChaoticSeries;
import org.hrsnn.pruning.evaluation.EvaluationOptions;
import org.hrsnn.pruning.evaluation.EvaluationReport;
import org.hrsnn.pruning.evaluation.PruningEvaluation;
import org.hrsnn.pruning.evaluation.SpikingTimeSeriesPrediction;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.engine.clock.ClockDrivenEngine;
import org.hrsnn.simulator.io.nir.NirExporter;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/** What prune and prune compare share: the network source, input checks, evaluation, NIR output. */
final class PruneSupport {
    /** NIR holds one Delay node per distinct delay value: delays are rounded to this grid first (ms). */
    static final double NIR_DELAY_STEP_MS = 0.1;

    private PruneSupport() {
    }

    /**
     * The configuration of {@code file} (the embedded default HRSNN when null), with every
     * population's size scaled so the total is {@code neurons} when given (fractions kept, each
     * population at least 1), and the seed replaced when given.
     */
    static NetworkConfig config(Path file, Integer neurons, Long seed) {
        NetworkConfig cfg = SimulationRunner.config(file);
        if (seed != null) {
            cfg = cfg.withSeed(seed);
        }
        if (neurons == null) {
            return cfg;
        }
        if (neurons < 2) {
            throw new InvalidInputException("--neurons", neurons, "an integer >= 2");
        }
        ObjectNode tree = (ObjectNode) cfg.toTree();
        for (var c : tree.path("connections")) {
            if (c.has("synapses")) {
                throw new InvalidInputException("--neurons", neurons,
                        "not given: the configuration lists explicit synapses, which cannot be rescaled");
            }
        }
        ArrayNode pops = (ArrayNode) tree.get("populations");
        int total = cfg.size();
        int assigned = 0;
        for (int i = 0; i < pops.size(); i++) {
            ObjectNode p = (ObjectNode) pops.get(i);
            int size = i == pops.size() - 1 ? neurons - assigned
                    : (int) Math.max(1, Math.round(p.get("size").asDouble() * neurons / total));
            if (size < 1) {
                throw new InvalidInputException("--neurons", neurons, "at least one neuron per population ("
                        + pops.size() + " populations)");
            }
            p.put("size", size);
            assigned += size;
        }
        return NetworkConfig.parse(Json.pretty(tree), NetworkConfig.Format.JSON);
    }

    static void checkDensity(String field, double density) {
        if (!(density > 0 && density <= 1)) {
            throw new InvalidInputException(field, density, "a fraction of the synapses to keep in (0, 1]");
        }
    }

    /** The strategy names, checked before any work. */
    static List<String> strategies(String field, List<String> names) {
        List<String> valid = PruningStrategies.names();
        for (String s : names) {
            if (!valid.contains(s)) {
                throw new InvalidInputException(field, s, "one of " + valid);
            }
        }
        return names;
    }

    /** A network worth pruning: at least 2 neurons and 2 synapses. */
    static void checkPrunable(Network network) {
        if (network.size() < 2) {
            throw new InvalidInputException("network.neurons", network.size(), "at least 2 neurons to prune");
        }
        if (network.synapses().size() < 2) {
            throw new InvalidInputException("network.synapses", network.synapses().size(),
                    "at least 2 recurrent synapses to prune");
        }
    }

    /** Every figure of a pruned (or dense) network, evaluated on the streams {@code eval}. */
    record Metrics(EvaluationReport report, SpikingTimeSeriesPrediction.Result spiking) {
        /** Named values in a fixed order (NaN where not measured). */
        Map<String, Double> values() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("neurons", (double) report.neurons());
            m.put("synapses", (double) report.synapses());
            m.put("relativeSynapses", report.relativeSynapses());
            m.put("neuronDensity", report.neuronDensity());
            m.put("synapseDensity", report.synapseDensity());
            m.put("largestLyapunov", report.largestLyapunov());
            m.put("laplacianError", report.laplacianError());
            m.put("meanRateHz", report.firing().meanRateHz());
            m.put("synOpsPerSecond", report.firing().synOpsPerSecond());
            m.put("memoryCapacity", report.memoryCapacity());
            m.put("nrmseLorenz", report.nrmseLorenz());
            m.put("nrmseRossler", report.nrmseRossler());
            m.put("nrmseMackeyGlass", report.nrmseMackeyGlass());
            m.put("spikingNrmseLorenz", spiking == null ? Double.NaN : spiking.nrmse());
            m.put("spikingRateHz", spiking == null ? Double.NaN : spiking.meanRateHz());
            return m;
        }
    }

    /** Units and the model each value comes from, for the tables. */
    static String unit(String metric) {
        return switch (metric) {
            case "largestLyapunov" -> "1/ms";
            case "meanRateHz", "spikingRateHz" -> "Hz";
            case "synOpsPerSecond" -> "1/s";
            default -> null;
        };
    }

    static String source(String metric) {
        return switch (metric) {
            case "neurons", "synapses", "relativeSynapses", "neuronDensity", "synapseDensity", "laplacianError" ->
                    "structure";
            case "spikingNrmseLorenz", "spikingRateHz" -> "spiking (clock engine)";
            default -> "rate surrogate";
        };
    }

    static Metrics evaluate(String strategy, Network dense, PruningResult pruned, boolean spiking,
                            SpikingTimeSeriesPrediction.Options spikingOptions, RandomStreams eval) {
        EvaluationReport e = PruningEvaluation.evaluate(strategy, dense, pruned, EvaluationOptions.DEFAULT, eval);
        SpikingTimeSeriesPrediction.Result s = null;
        if (spiking) {
            s = SpikingTimeSeriesPrediction.evaluate(pruned.network(), ChaoticSeries.lorenz(spikingOptions.length()),
                    new ClockDrivenEngine(), spikingOptions, eval.child("spiking"));
        }
        return new Metrics(e, s);
    }

    /** The network with every recurrent delay rounded to the {@link #NIR_DELAY_STEP_MS} grid. */
    static Network roundDelays(Network network) {
        SynapseMatrix s = network.synapses();
        int m = s.size();
        double[] d = new double[m];
        for (int k = 0; k < m; k++) {
            double r = Math.round(s.delay[k] / NIR_DELAY_STEP_MS) * NIR_DELAY_STEP_MS;
            d[k] = s.delay[k] > 0 && r == 0 ? NIR_DELAY_STEP_MS : r;
        }
        SynapseMatrix rounded = SynapseMatrix.fromEdges(s.sources, s.targets, s.sourceIndices(), s.target.clone(),
                s.weight.clone(), d, m);
        return network.withSynapses(rounded);
    }

    static void writeNir(Network network, Path file) {
        NirExporter.write(roundDelays(network), file);
    }

    /** Comma-separated densities, each checked. */
    static double[] densities(String field, String list) {
        List<Double> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String t = part.strip();
            double d;
            try {
                d = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, list, "comma-separated numbers in (0, 1], e.g. 0.5,0.3,0.1");
            }
            checkDensity(field, d);
            if (out.contains(d)) {
                throw new InvalidInputException(field, list, "distinct densities");
            }
            out.add(d);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Readout filter time constants (ms) of the spiking task: comma-separated positive numbers.
     * The default, one 5 ms filter, reads the network's present state (see
     * SpikingTimeSeriesPrediction.Options.NETWORK_STATE for why pruning is scored that way).
     */
    static double[] filters(String field, String list) {
        List<Double> out = new ArrayList<>();
        for (String part : list.split(",")) {
            double tau;
            try {
                tau = Double.parseDouble(part.strip());
            } catch (NumberFormatException e) {
                tau = Double.NaN;
            }
            if (!(tau > 0) || Double.isInfinite(tau) || out.contains(tau)) {
                throw new InvalidInputException(field, list, "distinct positive filter time constants in ms, e.g. 5 or 5,20,50");
            }
            out.add(tau);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
