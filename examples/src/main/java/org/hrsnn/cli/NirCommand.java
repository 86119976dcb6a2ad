package org.hrsnn.cli;

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
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.io.nir.NirExporter;
import org.hrsnn.simulator.io.nir.NirImporter;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.Population;
import org.hrsnn.simulator.network.SynapseMatrix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn nir}: write a network as a NIR file, or read one and say what was imported.
 *
 * <pre>
 * nir export (--config FILE | --network cuba|cubahet|small-het [--n N]) [--seed S] [--round-delays 0.1ms] --out net.nir
 * nir import net.nir [--out DIR] [--json]      (DIR/summary.json)
 * </pre>
 * A bad file or bad option prints the {@link InvalidInputException} message on stderr and exits
 * with code 2 (through {@link HrsnnMain}).
 */
@Command(name = "nir", mixinStandardHelpOptions = true, description = "NIR (Neuromorphic Intermediate Representation) files.",
        subcommands = {NirCommand.ExportCommand.class, NirCommand.ImportCommand.class})
public final class NirCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Reads a NIR file, turning a missing file into an InvalidInputException too. */
    static NirImporter.Result importNetwork(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("NIR file", file.toString(), "an existing NIR (HDF5) file");
        }
        return NirImporter.read(file);
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a network as a NIR file.")
    static final class ExportCommand implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "a network configuration (.yaml/.json), as for simulate")
        Path config;
        @Option(names = "--network", description = "cuba, cubahet or small-het (instead of --config)")
        String network;
        @Option(names = "--n", defaultValue = "4000", description = "number of neurons of --network")
        int n;
        @Option(names = "--seed", description = "seed (default 1, or the configuration's)")
        Long seed;
        @Option(names = "--dt", defaultValue = "0.1ms", description = "grid of small-het's delays")
        String dt;
        @Option(names = "--round-delays", paramLabel = "DT",
                description = "round every delay to a multiple of DT (e.g. 0.1ms): NIR holds at most 64 distinct delays")
        String roundDelays;
        @Option(names = "--out", required = true, description = "the NIR file to write")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if ((config == null) == (network == null)) {
                throw new InvalidInputException("--config/--network", config == null ? "neither" : "both",
                        "exactly one of --config FILE or --network NAME");
            }
            Network net;
            String what;
            if (config != null) {
                var cfg = SimulationRunner.config(config);
                if (seed != null) {
                    cfg = cfg.withSeed(seed);
                }
                net = cfg.build();
                what = config.toString();
            } else {
                if (n < 2) {
                    throw new InvalidInputException("--n", n, "at least 2 neurons");
                }
                net = CrosscheckNetworks.named(network, n, seed == null ? 1 : seed, Durations.millis("--dt", dt));
                what = network;
            }
            if (roundDelays != null) {
                net = Brian2Crosscheck.withGridDelays(net, Durations.millis("--round-delays", roundDelays));
            }
            NirExporter.write(net, out);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "wrote %s: %s, %d neurons, %d synapses, %d input group(s)%n", out, what,
                    net.size(), net.synapses().size(), net.inputs().size());
            stdout.flush();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Read a NIR file and summarise the network.")
    static final class ImportCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "the NIR file")
        Path file;
        @Option(names = "--out", description = "directory for summary.json")
        Path out;
        @Option(names = "--json", description = "print the summary as JSON")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            NirImporter.Result r = importNetwork(file);
            ObjectNode s = summary(file, r);
            if (out != null) {
                Files.createDirectories(out);
                Files.writeString(out.resolve("summary.json"), CrosscheckCommand.JSON.writeValueAsString(s));
            }
            PrintWriter stdout = spec.commandLine().getOut();
            if (json) {
                stdout.println(Json.line(s));
            } else {
                print(stdout, s);
            }
            stdout.flush();
            return 0;
        }

        static ObjectNode summary(Path file, NirImporter.Result r) {
            Network net = r.network();
            NeuronParameters p = net.parameters();
            ObjectNode o = CrosscheckCommand.JSON.createObjectNode();
            o.put("file", file.toString());
            o.put("neurons", net.size());
            ArrayNode pops = o.putArray("populations");
            for (Population pop : net.populations()) {
                pops.addObject().put("name", pop.name()).put("start", pop.start()).put("size", pop.size())
                        .put("model", pop.model().name()).put("sign", pop.sign().name());
            }
            ObjectNode params = o.putObject("parameters");
            range(params, "membrane_tau_ms", p.membraneTau);
            range(params, "excitatory_tau_ms", p.excitatoryTau);
            range(params, "inhibitory_tau_ms", p.inhibitoryTau);
            range(params, "threshold_mV", p.threshold);
            range(params, "reset_mV", p.resetPotential);
            range(params, "leak_mV", p.leakPotential);
            range(params, "resistance_MOhm", p.resistance);
            range(params, "refractory_ms", p.refractoryPeriod);
            range(params, "bias_nA", p.biasCurrent);
            range(params, "initial_potential_mV", p.initialPotential);
            synapses(o.putObject("recurrent"), net.synapses());
            ArrayNode inputs = o.putArray("inputs");
            for (InputGroup g : net.inputs()) {
                ObjectNode gi = inputs.addObject();
                gi.put("name", g.name()).put("channels", g.source().channels()).put("source", g.source().describe());
                synapses(gi, g.projection());
            }
            if (r.readout() != null) {
                o.putObject("readout").put("node", r.readout().node()).put("filter", r.readout().filterType())
                        .put("outputs", r.readout().weight().length);
            }
            ArrayNode notes = o.putArray("notes");
            r.notes().forEach(notes::add);
            return o;
        }

        private static void synapses(ObjectNode o, SynapseMatrix m) {
            o.put("synapses", m.size());
            if (m.size() > 0) {
                range(o, "weight_nA", m.weight);
                o.put("delay_min_ms", m.minDelay()).put("delay_max_ms", m.maxDelay());
            }
        }

        private static void range(ObjectNode o, String name, double[] x) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            o.putObject(name).put("min", x.length == 0 ? Double.NaN : lo).put("max", x.length == 0 ? Double.NaN : hi);
        }

        private static void print(PrintWriter out, ObjectNode s) {
            out.printf(Locale.ROOT, "%s: %d neurons%n", s.get("file").asText(), s.get("neurons").asInt());
            s.get("populations").forEach(p -> out.printf(Locale.ROOT, "  population %s: [%d, %d) %s %s%n",
                    p.get("name").asText(), p.get("start").asInt(), p.get("start").asInt() + p.get("size").asInt(),
                    p.get("model").asText(), p.get("sign").asText()));
            s.get("parameters").fields().forEachRemaining(e -> out.printf(Locale.ROOT, "  %-22s %s .. %s%n",
                    e.getKey(), num(e.getValue().get("min")), num(e.getValue().get("max"))));
            printSynapses(out, "recurrent", s.get("recurrent"));
            s.get("inputs").forEach(g -> printSynapses(out, "input " + g.get("name").asText() + " ("
                    + g.get("channels").asInt() + " channels)", g));
            if (s.has("readout")) {
                out.printf(Locale.ROOT, "  readout %s -> %s, %d outputs%n", s.get("readout").get("node").asText(),
                        s.get("readout").get("filter").asText(), s.get("readout").get("outputs").asInt());
            }
            s.get("notes").forEach(n -> out.println("  note: " + n.asText()));
        }

        private static void printSynapses(PrintWriter out, String what, com.fasterxml.jackson.databind.JsonNode m) {
            if (m.get("synapses").asInt() == 0) {
                out.printf(Locale.ROOT, "  %s: no synapses%n", what);
                return;
            }
            out.printf(Locale.ROOT, "  %s: %d synapses, weight %s .. %s nA, delay %s .. %s ms%n", what,
                    m.get("synapses").asInt(), num(m.get("weight_nA").get("min")), num(m.get("weight_nA").get("max")),
                    num(m.get("delay_min_ms")), num(m.get("delay_max_ms")));
        }

        private static String num(com.fasterxml.jackson.databind.JsonNode v) {
            return String.format(Locale.ROOT, "%.6g", v.asDouble());
        }
    }
}
