package org.hrsnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hrsnn.crosscheck.Brian2Crosscheck;
import org.hrsnn.crosscheck.Brian2Crosscheck.Comparison;
import org.hrsnn.crosscheck.Brian2Crosscheck.Report;
import org.hrsnn.crosscheck.Brian2Crosscheck.Spikes;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hrsnn crosscheck brian2}: runs a network in Brian2 (through its NIR export and
 * examples/python/nir_brian2_crosscheck.py) and in hrsnn's clock and event engines on the same
 * input spikes, and prints how well they agree. Installs nothing: without Brian2 it prints
 * {@value Brian2Crosscheck#INSTALL_HINT} and exits with code 3.
 *
 * <pre>
 * crosscheck brian2 [--network cuba|cubahet|small-het | --nir FILE] [--n 4000] [--duration 1s]
 *                   [--dt 0.1] [--seed 1] [--first-wave 5ms] [--json] [--out DIR] [--python /usr/bin/python3]
 * </pre>
 * Bad input: the message on stderr, exit code 2.
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

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command: InvalidInputException -> exit 2, Brian2 missing -> exit 3. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new CrosscheckCommand());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof InvalidInputException) {
                line.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof Brian2Crosscheck.Brian2MissingException) {
                line.getErr().println(ex.getMessage());
                return 3;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** Parses "1s", "250ms", "0.5 s" or a bare number of milliseconds into ms. */
    static double parseMs(String field, String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        double scale = 1.0;
        if (s.endsWith("ms")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            s = s.substring(0, s.length() - 1);
            scale = 1000.0;
        }
        try {
            double v = Double.parseDouble(s) * scale;
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidInputException(field, text, "a positive duration such as 1s, 250ms or 1000 (ms)");
    }

    @Command(name = "brian2", mixinStandardHelpOptions = true,
            description = "Compare hrsnn's engines with Brian2 on the same network (via NIR) and input spikes.")
    static final class Brian2Command implements Callable<Integer> {
        @Option(names = "--network", defaultValue = "small-het", description = "cuba, cubahet or small-het (default)")
        String network;
        @Option(names = "--nir", description = "a NIR file to check instead of a named network (hrsnn nir export)")
        Path nir;
        @Option(names = "--n", description = "number of neurons (default 4000 for cuba/cubahet, 300 for small-het)")
        Integer n;
        @Option(names = "--duration", defaultValue = "1s", description = "biological time, e.g. 1s or 500ms")
        String duration;
        @Option(names = "--dt", defaultValue = "0.1", description = "time step, ms (Brian2 and the clock engine)")
        double dt;
        @Option(names = "--seed", defaultValue = "1")
        long seed;
        @Option(names = "--first-wave", defaultValue = "5ms", description = "first spikes before this form the first wave")
        String firstWave;
        @Option(names = "--python", description = "python interpreter with brian2 and h5py (default /usr/bin/python3)")
        String python;
        @Option(names = "--json", description = "print the report as JSON")
        boolean json;
        @Option(names = "--out", description = "keep network.nir, inputs.csv, brian2.json, brian2.log and crosscheck.json here")
        Path out;

        @Override
        public Integer call() throws IOException {
            double durationMs = parseMs("--duration", duration);
            if (!(dt > 0)) {
                throw new InvalidInputException("--dt", dt, "a time step > 0 ms");
            }
            Network net;
            String label;
            if (nir != null) {
                net = NirCommand.importNetwork(nir).network();
                label = nir.toString();
            } else {
                int size = n != null ? n : network.equalsIgnoreCase("small-het") ? 300 : 4000;
                if (size < 2) {
                    throw new InvalidInputException("--n", size, "at least 2 neurons");
                }
                net = org.hrsnn.crosscheck.CrosscheckNetworks.named(network, size, seed, dt);
                label = network + " (N = " + size + ", seed " + seed + ")";
            }
            Brian2Crosscheck.Options o = Brian2Crosscheck.Options.of(durationMs, dt, seed)
                    .withFirstWaveMs(parseMs("--first-wave", firstWave));
            if (python != null) {
                o = o.withPython(python);
            }
            if (out != null) {
                o = o.withWorkDir(out);
            }
            Report r = Brian2Crosscheck.run(net, o);
            ObjectNode report = toJson(label, r);
            if (out != null) {
                Files.writeString(out.resolve("crosscheck.json"), JSON.writeValueAsString(report));
            }
            if (json) {
                System.out.println(JSON.writeValueAsString(report));
            } else {
                System.out.printf(Locale.ROOT, "%s, %.0f ms at dt %.3g ms, Brian2 %s%n", label, durationMs, dt, r.brian2Version());
                for (Spikes s : r.hrsnn()) {
                    System.out.printf(Locale.ROOT, "  %-12s %8d spikes, %.2f s wall%n", s.simulator(), s.total(), s.wallSeconds());
                }
                System.out.printf(Locale.ROOT, "  %-12s %8d spikes, %.2f s wall (numpy runtime, incl. start-up)%n",
                        "brian2", r.brian2().total(), r.brian2().wallSeconds());
                for (Comparison c : r.comparisons()) {
                    System.out.println("  " + c.describe());
                }
                r.notes().forEach(s -> System.out.println("  note: " + s));
            }
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
