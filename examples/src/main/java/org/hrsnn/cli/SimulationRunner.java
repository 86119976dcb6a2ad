package org.hrsnn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.monitor.SpikeFileWriter;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.Population;

/** Runs one simulation for simulate and demo and writes its spikes and summary. */
final class SimulationRunner {
    static final String DEFAULT_CONFIG = "/org/hrsnn/configs/default-hrsnn.yaml";
    static final String SPIKES_CSV = "spikes.csv";
    static final String SPIKES_BIN = "spikes.bin";
    static final String SUMMARY = "summary.json";

    private SimulationRunner() {
    }

    /** The configuration of {@code file}, or the embedded default HRSNN when {@code file} is null. */
    static NetworkConfig config(Path file) {
        if (file != null) {
            return NetworkConfig.load(file);
        }
        try (InputStream in = SimulationRunner.class.getResourceAsStream(DEFAULT_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("embedded default configuration missing: " + DEFAULT_CONFIG);
            }
            return NetworkConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), NetworkConfig.Format.YAML);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded default configuration", e);
        }
    }

    /** What a run produced: the engine's result and, if asked for, every spike in time order. */
    record Output(SimulationResult result, int[] neurons, double[] times, ObjectNode summary) {
    }

    /**
     * Runs {@code network} with {@code engine}, streams spikes.csv and spikes.bin into
     * {@code folder} (staged; the caller writes the summary and commits) and returns the summary.
     * Formats: {@link SpikeFileWriter} (CSV {@code time_s,neuron,population}; binary
     * little-endian with header and trailer).
     */
    static Output run(String command, String configName, Network network, Engine engine, SimulationOptions options,
                      boolean progress, PrintWriter err, OutputFolder folder, boolean keepSpikes) {
        ProgressBar bar = new ProgressBar(err, progress, engine.name());
        SimulationResult r;
        int[] neurons = null;
        double[] times = null;
        // The writers stream to temporary files and move them into the staging folder at the end.
        try (SpikeFileWriter csv = SpikeFileWriter.csv(folder.file(SPIKES_CSV));
             SpikeFileWriter bin = SpikeFileWriter.binary(folder.file(SPIKES_BIN))) {
            if (keepSpikes) {
                SpikeRecorder spikes = new SpikeRecorder();
                r = engine.run(network, options, csv, bin, spikes, bar);
                neurons = spikes.neurons();
                times = spikes.times();
            } else {
                r = engine.run(network, options, csv, bin, bar);
            }
        }

        ObjectNode s = Json.object();
        s.put("command", command);
        s.put("config", configName);
        s.put("engine", r.engine());
        s.put("seed", options.seed());
        s.put("threads", options.threads());
        s.put("dtMs", options.dtMs());
        s.put("durationMs", r.durationMs());
        s.put("neurons", network.size());
        s.put("synapses", network.synapses().size());
        ArrayNode pops = s.putArray("populations");
        double bioSeconds = r.durationMs() / 1000.0;
        for (Population p : network.populations()) {
            long count = 0;
            for (int i = p.start(); i < p.end(); i++) {
                count += r.spikeCounts()[i];
            }
            ObjectNode o = pops.addObject();
            o.put("name", p.name());
            o.put("size", p.size());
            o.put("spikes", count);
            Json.put(o, "meanRateHz", count / (double) p.size() / bioSeconds);
        }
        s.put("spikes", r.spikes());
        Json.put(s, "meanRateHz", r.meanRateHz());
        s.put("synapticEvents", r.synapticEvents());
        Json.put(s, "wallSeconds", r.wallSeconds());
        Json.put(s, "wallPerBioSecond", r.wallPerBioSecond());
        Json.put(s, "synapticEventsPerWallSecond", r.synapticEventsPerWallSecond());
        s.put("outDir", folder.target().toString());
        ObjectNode files = s.putObject("files");
        files.put("spikesCsv", folder.finalPath(SPIKES_CSV).toString());
        files.put("spikesBinary", folder.finalPath(SPIKES_BIN).toString());
        files.put("summary", folder.finalPath(SUMMARY).toString());
        return new Output(r, neurons, times, s);
    }

    /** Writes summary.json (the caller adds any other files to the summary before). */
    static void writeSummary(OutputFolder folder, ObjectNode summary) throws IOException {
        Files.writeString(folder.file(SUMMARY), Json.pretty(summary), StandardCharsets.UTF_8);
    }

    /** The short human summary of a run. */
    static void printText(PrintWriter out, ObjectNode s) {
        out.printf("hrsnn %s: %d neurons, %d synapses, engine %s, %.3f s biological, seed %d, %d thread(s)%n",
                s.get("command").asText(), s.get("neurons").asInt(), s.get("synapses").asLong(),
                s.get("engine").asText(), s.get("durationMs").asDouble() / 1000, s.get("seed").asLong(),
                s.get("threads").asInt());
        out.printf("  spikes %d, mean rate %.2f Hz", s.get("spikes").asLong(), s.get("meanRateHz").asDouble());
        for (var p : s.get("populations")) {
            out.printf(" (%s %.2f Hz)", p.get("name").asText(), p.get("meanRateHz").asDouble());
        }
        out.println();
        out.printf("  synaptic events %d, wall %.3f s (%.3f s per biological second, %.3g events per wall second)%n",
                s.get("synapticEvents").asLong(), s.get("wallSeconds").asDouble(),
                s.get("wallPerBioSecond").asDouble(), s.get("synapticEventsPerWallSecond").asDouble());
        out.println("  output: " + s.get("outDir").asText());
        out.flush();
    }
}
