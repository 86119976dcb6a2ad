package org.hrsnn.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.report.HtmlReport;
import org.hrsnn.report.Plots;
import org.hrsnn.report.Table;
import org.hrsnn.report.Tables;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What the stages share: the network, settings and seed, the staging folder every file goes to
 * (moved into the output folder only when the whole run succeeded), the report being built, and
 * results one stage leaves for a later one (the LNP-pruned network for mapping and export).
 */
public final class DemoContext {
    private final Network network;
    private final String configName;
    private final long seed;
    private final DemoSettings settings;
    private final Path staging;
    private final HtmlReport report;
    private final StageProgress progress;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, Double> keyNumbers = new LinkedHashMap<>();
    /** The LNP-pruned network (middle density, first seed), set by the pruning stage. */
    PruningResult lnpPruned;
    /** Its density (fraction of synapses kept that was asked for). */
    double lnpDensity = Double.NaN;

    DemoContext(Network network, String configName, long seed, DemoSettings settings, Path staging, HtmlReport report,
                StageProgress progress) {
        this.network = network;
        this.configName = configName;
        this.seed = seed;
        this.settings = settings;
        this.staging = staging;
        this.report = report;
        this.progress = progress;
    }

    public Network network() {
        return network;
    }

    public String configName() {
        return configName;
    }

    public long seed() {
        return seed;
    }

    public DemoSettings settings() {
        return settings;
    }

    public HtmlReport report() {
        return report;
    }

    public StageProgress progress() {
        return progress;
    }

    /** A fresh set of streams of the run's seed, for a named purpose (same seed, same draws). */
    public RandomStreams streams(String purpose) {
        return new RandomStreams(seed).child(purpose);
    }

    /** Where a file named {@code name} is written before the move into the output folder. */
    public Path file(String name, String description) {
        files.put(name, description);
        return staging.resolve(name);
    }

    /** Writes the chart as name.png and name.svg; returns it for embedding. */
    public Chart<?, ?> plot(Chart<?, ?> chart, String name, String description) {
        file(name + ".png", description + " (PNG)");
        file(name + ".svg", description + " (SVG)");
        Plots.write(chart, staging, name);
        return chart;
    }

    /** Writes the table as name.csv and name.json. */
    public Table table(Table table, String name) {
        Tables.writeCsv(table, file(name + ".csv", table.title() + " (CSV)"));
        Tables.writeJson(table, file(name + ".json", table.title() + " (JSON)"));
        return table;
    }

    /** Files written so far: name -> what it holds. */
    public Map<String, String> files() {
        return files;
    }

    Map<String, Double> keyNumbers() {
        return keyNumbers;
    }
}
