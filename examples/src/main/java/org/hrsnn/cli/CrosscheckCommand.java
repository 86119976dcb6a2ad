package org.hrsnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hrsnn.crosscheck.Brian2Crosscheck;
import org.hrsnn.crosscheck.CrosscheckNetworks;
import org.hrsnn.crosscheck.Brian2Crosscheck.Comparison;
import org.hrsnn.crosscheck.Brian2Crosscheck.Report;
import org.hrsnn.crosscheck.Brian2Crosscheck.Spikes;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn crosscheck brian2}: runs a network in Brian2 (through its NIR export and
 * examples/python/nir_brian2_crosscheck.py) and in hrsnn's clock and event engines on the same
 * input spikes, and prints how well they agree. Installs nothing: without Brian2 it prints
 * {@value Brian2Crosscheck#INSTALL_HINT} on stderr and exits with code 3.
 *
 * <pre>
 * crosscheck brian2 [--network cuba|cubahet|small-het | --config FILE | --nir FILE] [--n 4000]
 *                   [--duration 1s] [--dt 0.1ms] [--seed 1] [--first-wave 2ms] [--json] [--out DIR]
 *                   [--python /usr/bin/python3]
 * </pre>
 * Bad input: the message on stderr, exit code 2 (through {@link HrsnnMain}).
 */
@Command(name = "crosscheck", mixinStandardHelpOptions = true,
        description = "Independent checks of hrsnn against other simulators.",
        subcommands = {CrosscheckCommand.Brian2Command.class})
public final class CrosscheckCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Exit code when Brian2 (or python3, h5py) is missing. */
    public static final int EXIT_BRIAN2_MISSING = 3;

    @Command(name = "brian2", mixinStandardHelpOptions = true,
            description = {"Compare hrsnn's clock and event engines with Brian2 on the same network (exported as NIR,",
                "read by examples/python/nir_brian2_crosscheck.py with h5py) and the same input spikes.",
                "Needs Brian2 (apt-get install -y python3-brian g++); installs nothing."},
            footer = {"", "Exit codes: 0 success, 2 invalid input, 3 Brian2 missing, 1 unexpected error."})
    static final class Brian2Command implements Callable<Integer> {
        @Option(names = "--network", description = "cuba, cubahet or small-het (default when no --config/--nir)")
        String network;
        @Option(names = "--config", paramLabel = "FILE",
                description = "a network configuration (.yaml/.json), as for simulate; delays are rounded to the dt grid")
        Path config;
        @Option(names = "--nir", paramLabel = "FILE", description = "a NIR file (e.g. from hrsnn nir export)")
        Path nir;
        @Option(names = "--n", description = "number of neurons (default 4000 for cuba/cubahet, 300 for small-het)")
        Integer n;
        @Option(names = "--duration", defaultValue = "1s", description = "biological time, e.g. 1s or 500ms")
        String duration;
        @Option(names = "--dt", defaultValue = "0.1ms", description = "time step of Brian2 and the clock engine")
        String dt;
        @Option(names = "--seed", description = "seed of the network and inputs (default 1, or the configuration's)")
        Long seed;
        @Option(names = "--first-wave", defaultValue = "2ms", description = "first spikes before this form the first wave")
        String firstWave;
        @Option(names = "--python", description = "python interpreter with brian2 and h5py (default /usr/bin/python3)")
        String python;
        @Option(names = "--json", description = "print the report as JSON")
        boolean json;
        @Option(names = "--out", description = "keep network.nir, inputs.csv, brian2.json, brian2.log and crosscheck.json here")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            double durationMs = Durations.millis("--duration", duration);
            double dtMs = Durations.millis("--dt", dt);
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            int sources = (network != null ? 1 : 0) + (config != null ? 1 : 0) + (nir != null ? 1 : 0);
            if (sources > 1) {
                throw new InvalidInputException("--network/--config/--nir", sources + " given", "at most one of them");
            }
            long s = seed != null ? seed : 1;
            Network net;
            String label;
            if (nir != null) {
                net = NirCommand.importNetwork(nir).network();
                label = nir.toString();
            } else if (config != null) {
                var cfg = SimulationRunner.config(config);
                if (seed != null) {
                    cfg = cfg.withSeed(seed);
                }
                s = cfg.seed();
                // the clock engine and Brian2 put delays on the grid anyway; NIR needs few distinct values
                net = Brian2Crosscheck.withGridDelays(cfg.build(), dtMs);
                label = config + " (seed " + s + ")";
            } else {
                String name = network == null ? "small-het" : network;
                int size = n != null ? n : name.equalsIgnoreCase("small-het") ? 300 : 4000;
                if (size < 2) {
                    throw new InvalidInputException("--n", size, "at least 2 neurons");
                }
                net = CrosscheckNetworks.named(name, size, s, dtMs);
                label = name + " (N = " + size + ", seed " + s + ")";
            }
            Brian2Crosscheck.Options o = Brian2Crosscheck.Options.of(durationMs, dtMs, s)
                    .withFirstWaveMs(Durations.millis("--first-wave", firstWave));
            if (python != null) {
                o = o.withPython(python);
            }
            if (out != null) {
                o = o.withWorkDir(out);
            }
            Report r;
            try {
                r = Brian2Crosscheck.run(net, o);
            } catch (Brian2Crosscheck.Brian2MissingException e) {
                stderr.println("hrsnn: " + e.getMessage());
                stderr.flush();
                return EXIT_BRIAN2_MISSING;
            }
            ObjectNode report = toJson(label, r);
            if (out != null) {
                Files.writeString(out.resolve("crosscheck.json"), JSON.writeValueAsString(report));
            }
            if (json) {
                stdout.println(Json.line(report));
            } else {
                stdout.printf(Locale.ROOT, "%s, %.0f ms at dt %.3g ms, Brian2 %s%n", label, durationMs, dtMs, r.brian2Version());
                for (Spikes sp : r.hrsnn()) {
                    stdout.printf(Locale.ROOT, "  %-12s %8d spikes, %.2f s wall%n", sp.simulator(), sp.total(), sp.wallSeconds());
                }
                stdout.printf(Locale.ROOT, "  %-12s %8d spikes, %.2f s wall (numpy runtime, incl. start-up)%n",
                        "brian2", r.brian2().total(), r.brian2().wallSeconds());
                for (Comparison c : r.comparisons()) {
                    stdout.println("  " + c.describe());
                }
                r.notes().forEach(x -> stdout.println("  note: " + x));
            }
            stdout.flush();
            return 0;
        }

        private static ObjectNode toJson(String label, Report r) {
            ObjectNode o = JSON.createObjectNode();
            o.put("network", label);
            o.put("neurons", r.neurons());
            o.put("duration_ms", r.options().durationMs());
            o.put("dt_ms", r.options().dtMs());
            o.put("seed", r.options().seed());
            o.put("first_wave_ms", r.options().firstWaveMs());
            o.put("brian2_version", r.brian2Version());
            ObjectNode spikes = o.putObject("spikes");
            spikes.put("brian2", r.brian2().total());
            for (Spikes s : r.hrsnn()) {
                spikes.put(s.simulator(), s.total());
            }
            ArrayNode cs = o.putArray("comparisons");
            for (Comparison c : r.comparisons()) {
                cs.add(JSON.valueToTree(c));
            }
            ArrayNode notes = o.putArray("notes");
            r.notes().forEach(notes::add);
            return o;
        }
    }
}
