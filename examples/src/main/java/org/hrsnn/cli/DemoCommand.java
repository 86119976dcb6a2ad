package org.hrsnn.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.Population;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn demo}: the main job on the embedded default HRSNN. For now it simulates the
 * network with the event engine and writes spikes, a raster plot and a summary; pruning,
 * learning and hardware mapping join as those modules land.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate the embedded default HRSNN; write spikes, raster.png and summary.json.",
            "The network: 1000 LIF neurons, 80/20 E/I, gamma-distributed membrane time constants,",
            "small-world excitatory recurrence, Poisson input; run with the exact event engine."})
final class DemoCommand implements Callable<Integer> {
    static final double FULL_MS = 1000;
    static final double QUICK_MS = 200;

    @Option(names = "--quick", description = "A short run (0.2 s instead of 1 s biological time).")
    boolean quick;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random draw. Default: the configuration's seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "hrsnn-out/demo",
            description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NetworkConfig cfg = SimulationRunner.config(null);
        if (seed != null) {
            cfg = cfg.withSeed(seed);
        }
        Network network = cfg.build();
        SimulationOptions options = new SimulationOptions(quick ? QUICK_MS : FULL_MS, cfg.seed(), 1,
                SimulationOptions.DEFAULT_DT_MS);
        PrintWriter stdout = spec.commandLine().getOut();
        try (OutputFolder folder = OutputFolder.open(out)) {
            SimulationRunner.Output o = SimulationRunner.run("demo", "embedded default-hrsnn.yaml", network,
                    Engines.create("engine", "event"), options, ProgressBar.wanted(common.quiet),
                    spec.commandLine().getErr(), folder, true);
            int split = network.populations().size() > 1 ? network.populations().get(1).start() : -1;
            Population first = network.populations().get(0);
            RasterPlot.write(folder.file("raster.png"), o.neurons(), o.times(), split, options.durationMs(),
                    "default HRSNN, " + network.size() + " neurons (" + first.name() + " first), event engine");
            ObjectNode s = o.summary();
            ((ObjectNode) s.get("files")).put("raster", folder.finalPath("raster.png").toString());
            SimulationRunner.writeSummary(folder, s);
            folder.commit();
            if (common.json) {
                stdout.println(Json.line(s));
            } else if (!common.quiet) {
                SimulationRunner.printText(stdout, s);
                stdout.println("  raster plot: " + folder.finalPath("raster.png"));
            }
            stdout.flush();
        }
        return 0;
    }
}
