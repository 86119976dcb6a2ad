package org.hrsnn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrsnn.pipeline.DemoPipeline;
import org.hrsnn.pipeline.DemoSettings;
import org.hrsnn.pipeline.DemoSummary;
import org.hrsnn.pipeline.HardwareStage;
import org.hrsnn.pipeline.LearningStage;
import org.hrsnn.pipeline.PruningStage;
import org.hrsnn.pipeline.SimulationStage;
import org.hrsnn.pipeline.StageProgress;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn demo}: the main job ({@link DemoPipeline}) on the embedded default HRSNN or the
 * user's network: simulate on Lorenz with the event engine, prune with LNP and the baselines,
 * learn online, map to the Loihi-like preset, export to NIR; report.html, plots, tables,
 * summary.json.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The main job: simulate the default HRSNN (or --config) on a Lorenz prediction task with the",
            "event engine, prune it with LNP and every baseline, train online (SnAp-1/2, e-prop, BPTT),",
            "map it to a Loihi-like fixed-point chip and export it to NIR. Writes report.html (self-contained),",
            "PNG/SVG plots, CSV/JSON tables, the NIR file and summary.json into --out."})
final class DemoCommand implements Callable<Integer> {
    static final String QUICK_CONFIG = "/org/hrsnn/configs/default-hrsnn-quick.yaml";

    @Option(names = "--quick", description = "The smoke run (under 30 s): a 250-neuron network unless --config is given, "
            + "shorter runs, two densities and two seeds.")
    boolean quick;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random draw. Default: the configuration's seed.")
    Long seed;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Network configuration (.yaml, .yml or .json) to run the pipeline on. Default: the embedded default HRSNN.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "hrsnn-out/demo",
            description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NetworkConfig cfg;
        String name;
        if (config != null) {
            cfg = NetworkConfig.load(config);
            name = config.toString();
        } else if (quick) {
            cfg = embedded(QUICK_CONFIG);
            name = "embedded default-hrsnn-quick.yaml";
        } else {
            cfg = SimulationRunner.config(null);
            name = "embedded default-hrsnn.yaml";
        }
        if (seed != null) {
            cfg = cfg.withSeed(seed);
        }
        Network network = cfg.build();
        PrintWriter stdout = spec.commandLine().getOut();
        StageProgress progress = new StageProgress(spec.commandLine().getErr(), ProgressBar.wanted(common.quiet));
        DemoSummary s = new DemoPipeline(quick ? DemoSettings.quickRun() : DemoSettings.fullRun())
                .run(network, name, cfg.seed(), out, progress);
        if (common.json) {
            stdout.println(DemoPipeline.jsonLine(s));
        } else if (!common.quiet) {
            printText(stdout, s);
        }
        stdout.flush();
        return 0;
    }

    private static NetworkConfig embedded(String resource) {
        try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("embedded configuration missing: " + resource);
            }
            return NetworkConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), NetworkConfig.Format.YAML);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** The short plain-text summary. */
    static void printText(PrintWriter out, DemoSummary s) {
        Map<String, Object> st = s.stages();
        out.printf(Locale.ROOT, "hrsnn demo (%s run): %s, %d neurons, %d synapses, seed %d, %.1f s%n",
                s.quick() ? "quick" : "full", s.config(), s.neurons(), s.synapses(), s.seed(), s.totalSeconds());
        if (st.get("simulation") instanceof SimulationStage.Summary sim) {
            out.printf(Locale.ROOT, "  1 simulation  mean rate %.2f Hz; Lorenz NRMSE %.3f (%.0f ms ahead; persistence %.3f, "
                    + "linear AR %.3f)%n", sim.meanRateHz(), sim.lorenzNrmse(), sim.horizonMs(), sim.persistenceNrmse(),
                    sim.arNrmse());
        }
        if (st.get("pruning") instanceof PruningStage.Summary p) {
            int mid = p.densities().size() / 2;
            StringBuilder sb = new StringBuilder();
            for (String k : List.of("lnp", "random", "magnitude")) {
                if (p.nrmseMean().containsKey(k)) {
                    sb.append(String.format(Locale.ROOT, " %s %.3f", k, p.nrmseMean().get(k).get(mid)));
                }
            }
            out.printf(Locale.ROOT, "  2 pruning     NRMSE at density %.2f:%s (dense %.3f)%n", p.densities().get(mid), sb,
                    p.denseNrmseMean());
        }
        if (st.get("learning") instanceof LearningStage.Summary l) {
            StringBuilder sb = new StringBuilder();
            for (LearningStage.RuleResult r : l.rules()) {
                sb.append(String.format(Locale.ROOT, " %s %.2f", r.rule(), r.testError()));
            }
            out.printf(Locale.ROOT, "  3 learning    test error after %d iterations:%s (chance 0.5)%n", l.iterations(), sb);
        }
        if (st.get("hardware") instanceof HardwareStage.Summary h) {
            out.printf(Locale.ROOT, "  4 hardware    %s: energy/inference %.3g -> %.3g uJ, cores %d -> %d, float-fixed r %.3f%n",
                    h.preset(), h.dense().energyPerInferenceUj(), h.lnp().energyPerInferenceUj(), h.dense().cores(),
                    h.lnp().cores(), h.lnp().rateCorrelation());
        } else if (st.get("hardware") instanceof HardwareStage.NotMapped h) {
            out.printf(Locale.ROOT, "  4 hardware    not mapped: %s%n", h.reason());
        }
        out.printf(Locale.ROOT, "  5 export      %s%n", Path.of(s.outDir()).resolve("network-lnp.nir"));
        out.println("  report: " + s.report());
        out.flush();
    }
}
