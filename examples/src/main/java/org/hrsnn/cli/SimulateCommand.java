package org.hrsnn.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.io.nir.NirImporter;
import org.hrsnn.simulator.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hrsnn simulate}: runs a configured network and writes its spikes and a summary. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a network described in a YAML or JSON configuration.",
            "Writes spikes.csv, spikes.bin and summary.json into the output folder."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Network configuration (.yaml, .yml or .json). Default: the embedded default HRSNN.")
    Path config;

    @Option(names = "--nir", paramLabel = "FILE",
            description = "Run a network read from a NIR file instead of a configuration. NIR stores no "
                    + "spike generators: its Input nodes stay silent (bias and leak still drive the neurons).")
    Path nir;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "1s",
            description = "Biological time to simulate, with unit ms or s (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "event",
            description = "event (exact, event-driven) or clock (time-stepped) (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of every random draw (network and inputs). Default: the configuration's seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "Worker threads; results are identical for every count (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--dt", paramLabel = "TIME", defaultValue = "0.1ms",
            description = "Time step of the clock engine, with unit (default: ${DEFAULT-VALUE}).")
    String dt;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "hrsnn-out/simulate",
            description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double durationMs = Durations.millis("--duration", duration);
        double dtMs = Durations.millis("--dt", dt);
        Check.positive("--threads", threads);
        Engine e = Engines.create("--engine", engine);
        Network network;
        long runSeed;
        String source;
        if (nir != null) {
            if (config != null) {
                throw new InvalidInputException("--nir", nir.toString(), "either --nir or --config, not both");
            }
            network = NirImporter.read(nir).network();
            runSeed = seed != null ? seed : 1;
            source = nir.toString();
        } else {
            NetworkConfig cfg = SimulationRunner.config(config);
            if (seed != null) {
                cfg = cfg.withSeed(seed);
            }
            network = cfg.build();
            runSeed = cfg.seed();
            source = config == null ? "embedded default-hrsnn.yaml" : config.toString();
        }
        SimulationOptions options = new SimulationOptions(durationMs, runSeed, threads, dtMs);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (OutputFolder folder = OutputFolder.open(out)) {
            SimulationRunner.Output o = SimulationRunner.run("simulate", source, network, e, options,
                    ProgressBar.wanted(common.quiet), stderr, folder, false);
            ObjectNode s = o.summary();
            SimulationRunner.writeSummary(folder, s);
            folder.commit();
            if (common.json) {
                stdout.println(Json.line(s));
            } else if (!common.quiet) {
                SimulationRunner.printText(stdout, s);
            }
            stdout.flush();
        }
        return 0;
    }
}
