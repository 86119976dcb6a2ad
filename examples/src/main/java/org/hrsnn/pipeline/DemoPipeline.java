package org.hrsnn.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.hrsnn.report.HtmlReport;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;

/**
 * The main job, {@code hrsnn demo}: runs the stages in order (simulate on Lorenz, prune and
 * compare, learn online, map to hardware, export to NIR), then writes report.html and
 * summary.json. Every file is written into a hidden staging folder inside the output folder and
 * moved into place only when everything succeeded: a failed run leaves nothing half-written.
 * Same network, seed and settings give the same numbers (wall times aside).
 *
 * <pre>{@code
 * Network net = NetworkConfig.load(Path.of("net.yaml")).build();
 * DemoSummary s = new DemoPipeline(DemoSettings.quickRun()).run(net, "net.yaml", 7, Path.of("out"), StageProgress.silent());
 * }</pre>
 */
public final class DemoPipeline {
    public static final String REPORT = "report.html";
    public static final String SUMMARY = "summary.json";

    private final DemoSettings settings;
    private final List<Stage> stages;

    public DemoPipeline(DemoSettings settings) {
        this(settings, List.of(new SimulationStage(), new PruningStage(), new LearningStage(), new HardwareStage(),
                new ExportStage()));
    }

    public DemoPipeline(DemoSettings settings, List<Stage> stages) {
        this.settings = settings;
        this.stages = List.copyOf(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Runs every stage on {@code network} and writes the results into {@code outDir}. */
    public DemoSummary run(Network network, String configName, long seed, Path outDir, StageProgress progress)
            throws Exception {
        long t0 = System.nanoTime();
        Path target = outDir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new InvalidInputException("--out", outDir.toString(), "a folder (that path is a file)");
        }
        boolean created = !Files.exists(target);
        Path staging;
        try {
            Files.createDirectories(target);
            staging = Files.createTempDirectory(target, ".hrsnn-tmp-");
        } catch (IOException e) {
            throw new InvalidInputException("--out", outDir.toString(), "a folder that can be created and written ("
                    + e.getMessage() + ")");
        }
        boolean committed = false;
        try {
            HtmlReport report = new HtmlReport("hrsnn demo: heterogeneous recurrent spiking network");
            report.subtitle(String.format(Locale.ROOT, "%s; %d neurons, %d synapses; seed %d; %s run", configName,
                    network.size(), network.synapses().size(), seed, settings.quick() ? "quick" : "full"));
            DemoContext ctx = new DemoContext(network, configName, seed, settings, staging, report, progress);
            Map<String, Object> parts = new LinkedHashMap<>();
            Map<String, Double> seconds = new LinkedHashMap<>();
            double total = 0;
            for (Stage s : stages) {
                total += s.weight();
            }
            progress.begin(total);
            for (int i = 0; i < stages.size(); i++) {
                Stage s = stages.get(i);
                progress.startStage(s.name(), i + 1, stages.size(), s.weight());
                long ts = System.nanoTime();
                parts.put(s.name(), s.run(ctx));
                seconds.put(s.name(), (System.nanoTime() - ts) / 1e9);
                progress.endStage();
            }
            progress.finish();
            Path reportFile = ctx.file(REPORT, "this report: every figure embedded, readable offline");
            ctx.file(SUMMARY, "headline numbers of every stage (JSON)");
            report.write(reportFile);
            double totalSeconds = (System.nanoTime() - t0) / 1e9;
            DemoSummary summary = new DemoSummary("demo", configName, seed, settings.quick(), network.size(),
                    network.synapses().size(), parts, seconds, totalSeconds, target.toString(),
                    target.resolve(REPORT).toString(), new LinkedHashMap<>(ctx.files()));
            Files.writeString(staging.resolve(SUMMARY), json(summary), StandardCharsets.UTF_8);
            moveAll(staging, target, new ArrayList<>(ctx.files().keySet()));
            committed = true;
            return summary;
        } finally {
            deleteTree(staging);
            if (!committed && created) {
                try (Stream<Path> s = Files.list(target)) {
                    if (s.findAny().isEmpty()) {
                        Files.deleteIfExists(target);
                    }
                } catch (IOException ignored) {
                    // leave an empty folder rather than hide the original failure
                }
            }
        }
    }

    /** The summary as indented JSON (non-finite numbers, which JSON cannot hold, never occur: stages use null). */
    public static String json(DemoSummary summary) throws IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary);
    }

    /** The summary as one line of JSON (for --json). */
    public static String jsonLine(DemoSummary summary) throws IOException {
        return new ObjectMapper().writeValueAsString(summary);
    }

    private static void moveAll(Path from, Path to, List<String> names) {
        try {
            for (String name : names) {
                Path src = from.resolve(name);
                if (!Files.exists(src)) {
                    continue;
                }
                try {
                    Files.move(src, to.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(src, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move results into " + to, e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.deleteIfExists(q);
                } catch (IOException ignored) {
                    // best effort on the cleanup path
                }
            });
        } catch (IOException ignored) {
            // best effort on the cleanup path
        }
    }
}
