package org.hrsnn.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.pruning.evaluation.SpikingTimeSeriesPrediction;
import org.hrsnn.report.Table;
import org.hrsnn.report.Tables;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn prune}: prunes a configured network with one strategy and writes the pruned
 * network as NIR ({@value #NIR}) and its metrics ({@value #METRICS_CSV}, {@value #METRICS_JSON}).
 * The pruned network is not written back as a YAML configuration: LNP removes neurons and
 * re-maps their tau_m, which the population distributions of a configuration cannot express;
 * the NIR file stores every neuron's parameters and every synapse.
 */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {PruneCompareCommand.class},
        description = {"Prune a configured network with one strategy (lnp, random, magnitude, activity, noise, spectral, lottery).",
            "Writes pruned.nir, metrics.csv, metrics.json and summary.json into the output folder.",
            "'hrsnn prune compare' runs every strategy at several densities and seeds."})
final class PruneCommand implements Callable<Integer> {
    static final String NIR = "pruned.nir";
    static final String METRICS_CSV = "metrics.csv";
    static final String METRICS_JSON = "metrics.json";

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "lnp",
            description = "lnp, random, magnitude, activity, noise, spectral or lottery (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--density", paramLabel = "D", defaultValue = "0.5",
            description = "Fraction of the synapses to keep, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the network, the pruning and the evaluation. Default: the configuration's seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "hrsnn-out/prune",
            description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    PruneNetworkOptions network;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Every check before any work or any file.
        PruneSupport.checkDensity("--density", density);
        PruneSupport.strategies("--strategy", List.of(strategy));
        SpikingTimeSeriesPrediction.Options spikingTask = network.spikingTask();
        NetworkConfig cfg = PruneSupport.config(network.config, network.neurons, seed);
        Network dense = cfg.build();
        PruneSupport.checkPrunable(dense);
        PrintWriter stdout = spec.commandLine().getOut();

        long t0 = System.nanoTime();
        PruningResult r = PruningStrategies.byName(strategy).prune(dense, density, new RandomStreams(cfg.seed()));
        double pruneSeconds = (System.nanoTime() - t0) / 1e9;
        PruneSupport.Metrics m = PruneSupport.evaluate(strategy, dense, r, network.spiking,
                spikingTask, new RandomStreams(cfg.seed()).child("eval"));

        Table.Builder t = Table.builder("prune " + strategy + " at density " + density)
                .column("metric").column("value").column("unit").column("model");
        t.row("strategy", null, null, strategy);
        t.row("targetDensity", density, null, "input");
        t.row("seed", cfg.seed(), null, "input");
        t.row("denseNeurons", dense.size(), null, "structure");
        t.row("denseSynapses", dense.synapses().size(), null, "structure");
        for (Map.Entry<String, Double> e : m.values().entrySet()) {
            boolean count = e.getKey().equals("neurons") || e.getKey().equals("synapses");
            t.row(e.getKey(), count ? (Object) Long.valueOf(e.getValue().longValue()) : (Object) e.getValue(),
                    PruneSupport.unit(e.getKey()), PruneSupport.source(e.getKey()));
        }
        for (Map.Entry<String, Double> e : r.diagnostics().entrySet()) {
            t.row("diagnostics." + e.getKey(), e.getValue(), null, "strategy");
        }
        t.row("pruneSeconds", pruneSeconds, "s", "timing");
        Table table = t.build();

        ObjectNode s = Json.object();
        s.put("command", "prune");
        s.put("config", network.config == null ? "embedded default-hrsnn.yaml" : network.config.toString());
        s.put("strategy", strategy);
        Json.put(s, "targetDensity", density);
        s.put("seed", cfg.seed());
        s.put("neuronsBefore", dense.size());
        s.put("neuronsAfter", r.network().size());
        s.put("synapsesBefore", dense.synapses().size());
        s.put("synapsesAfter", r.network().synapses().size());
        ObjectNode metrics = s.putObject("metrics");
        m.values().forEach((k, v) -> Json.put(metrics, k, v));
        Json.put(s, "pruneSeconds", pruneSeconds);
        s.put("nirDelayStepMs", PruneSupport.NIR_DELAY_STEP_MS);

        try (OutputFolder folder = OutputFolder.open(out)) {
            PruneSupport.writeNir(r.network(), folder.file(NIR));
            Tables.writeCsv(table, folder.file(METRICS_CSV));
            Tables.writeJson(table, folder.file(METRICS_JSON));
            s.put("outDir", folder.target().toString());
            ObjectNode files = s.putObject("files");
            files.put("nir", folder.finalPath(NIR).toString());
            files.put("metricsCsv", folder.finalPath(METRICS_CSV).toString());
            files.put("metricsJson", folder.finalPath(METRICS_JSON).toString());
            SimulationRunner.writeSummary(folder, s);
            folder.commit();
        }
        if (common.json) {
            stdout.println(Json.line(s));
        } else if (!common.quiet) {
            stdout.printf(Locale.ROOT, "hrsnn prune %s: %d -> %d neurons, %d -> %d synapses (target density %s), %.1f s%n",
                    strategy, dense.size(), r.network().size(), dense.synapses().size(), r.network().synapses().size(),
                    density, pruneSeconds);
            var v = m.values();
            stdout.printf(Locale.ROOT, "  surrogate: lambda1 %.5f /ms, MC %.3f, NRMSE Lorenz %.4f, Rossler %.4f, Mackey-Glass %.4f%n",
                    v.get("largestLyapunov"), v.get("memoryCapacity"), v.get("nrmseLorenz"), v.get("nrmseRossler"),
                    v.get("nrmseMackeyGlass"));
            if (network.spiking) {
                stdout.printf(Locale.ROOT, "  spiking: NRMSE Lorenz %.4f, rate %.2f Hz%n", v.get("spikingNrmseLorenz"),
                        v.get("spikingRateHz"));
            }
            stdout.println("  wrote " + s.get("outDir").asText() + "/{" + NIR + ", " + METRICS_CSV + ", " + METRICS_JSON
                    + ", " + SimulationRunner.SUMMARY + "}");
        }
        stdout.flush();
        return 0;
    }
}
