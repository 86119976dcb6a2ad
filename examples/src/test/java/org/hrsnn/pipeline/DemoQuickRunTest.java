package org.hrsnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hrsnn.cli.HrsnnMain;
import org.hrsnn.report.ReportChecker;
import org.hrsnn.simulator.io.nir.NirImporter;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code hrsnn demo --quick} once into a temporary folder (as a user would, through the
 * command line) and checks what it left: every artefact exists and parses, the report is whole,
 * and summary.json agrees with the tables (and the tables with each other).
 */
class DemoQuickRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path out;
    static JsonNode summary;
    static String stdout;

    @BeforeAll
    static void runQuickDemo() throws IOException {
        out = dir.resolve("demo");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] args = {"demo", "--quick", "--seed", "3", "--out", out.toString()};
        int code = HrsnnMain.commandLine(args, new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
        assertEquals(0, code, e.toString());
        stdout = o.toString();
        summary = JSON.readTree(out.resolve(DemoPipeline.SUMMARY).toFile());
    }

    @Test
    void textSummaryEndsWithThePathToTheReport() {
        assertTrue(stdout.contains("report: " + out.resolve("report.html").toAbsolutePath()), stdout);
        assertEquals(3, summary.get("seed").asLong());
        assertTrue(summary.get("quick").asBoolean());
    }

    @Test
    void everyListedFileExistsAndNothingIsLeftInStaging() throws IOException {
        List<String> names = new ArrayList<>();
        summary.get("files").fieldNames().forEachRemaining(names::add);
        for (String required : List.of("report.html", "summary.json", "raster.png", "raster.svg", "population-rate.png",
                "lyapunov-spectrum.png", "nrmse-vs-density.png", "float-vs-fixed-raster.png", "energy-breakdown.png",
                "pruning-summary.csv", "pruning-runs.json", "hardware.csv", "learning-curves.png", "learning-cost.csv",
                ExportStage.NIR_FILE)) {
            assertTrue(names.contains(required), required + " listed in summary.json");
        }
        for (String n : names) {
            assertTrue(Files.size(out.resolve(n)) > 0, n);
        }
        try (var s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".hrsnn-tmp")), "staging folder removed");
        }
    }

    @Test
    void reportIsWholeAndSelfContained() throws IOException {
        ReportChecker.Result r = ReportChecker.check(out.resolve("report.html"));
        assertTrue(r.ok(), r.problems().toString());
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        for (String heading : List.of("Simulation and Lorenz prediction", "Pruning", "Online learning", "Hardware",
                "Export to NIR", "Key figures")) {
            assertTrue(html.contains(heading), heading);
        }
        // one image per figure: raster, rate, Lorenz, NRMSE vs density, spectrum, two learning curves,
        // float-vs-fixed, energy
        assertTrue(r.images() >= 9, "images: " + r.images());
        assertEquals(5, r.tocEntries());
    }

    @Test
    void imagesDecodeAndVectorFilesParse() throws Exception {
        for (Iterator<String> it = summary.get("files").fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (n.endsWith(".png")) {
                BufferedImage img = ImageIO.read(out.resolve(n).toFile());
                assertNotNull(img, n);
                assertTrue(img.getWidth() > 100 && img.getHeight() > 100, n);
            } else if (n.endsWith(".svg")) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                assertEquals("svg", f.newDocumentBuilder().parse(out.resolve(n).toFile()).getDocumentElement()
                        .getNodeName(), n);
            } else if (n.endsWith(".json")) {
                assertNotNull(JSON.readTree(out.resolve(n).toFile()), n);
            } else if (n.endsWith(".csv")) {
                List<List<String>> rows = Csv.read(out.resolve(n));
                assertTrue(rows.size() >= 2, n + " has a header and rows");
                for (List<String> row : rows) {
                    assertEquals(rows.get(0).size(), row.size(), n + ": every row as wide as the header");
                }
            }
        }
    }

    @Test
    void summaryNumbersAreFinite() {
        List<String> bad = new ArrayList<>();
        walk(summary, "", bad);
        assertTrue(bad.isEmpty(), "non-finite or missing numbers: " + bad);
    }

    private static void walk(JsonNode n, String path, List<String> bad) {
        if (n.isNumber() && !Double.isFinite(n.asDouble())) {
            bad.add(path);
        } else if (n.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(n.asText())) {
            bad.add(path);
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey(), bad));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]", bad);
            }
        }
    }

    @Test
    void simulationSummaryEqualsItsTable() throws IOException {
        JsonNode sim = summary.get("stages").get("simulation");
        Map<String, JsonNode> rows = byQuantity(table("simulation.json"));
        assertEquals(sim.get("lorenzNrmse").asDouble(), rows.get("Lorenz NRMSE").get("value").asDouble(), 0);
        assertEquals(sim.get("persistenceNrmse").asDouble(), rows.get("persistence NRMSE").get("value").asDouble(), 0);
        assertEquals(sim.get("arNrmse").asDouble(), rows.get("linear AR NRMSE").get("value").asDouble(), 0);
        assertEquals(sim.get("readoutRidge").asDouble(), rows.get("readout ridge").get("value").asDouble(), 0);
        assertEquals(sim.get("spikes").asLong(), rows.get("free-run spikes").get("value").asLong());
        assertTrue(sim.get("spikes").asLong() > 0, "the Poisson drive makes the network fire");
        assertTrue(sim.get("lorenzNrmse").asDouble() > 0);
    }

    @Test
    void pruningSummaryEqualsItsTablesAndTheTablesAgree() throws IOException {
        JsonNode p = summary.get("stages").get("pruning");
        JsonNode rows = table("pruning-summary.json").get("rows");
        JsonNode runs = table("pruning-runs.json").get("rows");
        List<Double> densities = new ArrayList<>();
        p.get("densities").forEach(d -> densities.add(d.asDouble()));
        int seeds = p.get("seeds").asInt();
        int checked = 0;
        for (JsonNode r : rows) {
            String s = r.get("strategy").asText();
            if (s.equals("dense")) {
                assertEquals(p.get("denseNrmseMean").asDouble(), r.get("NRMSE mean").asDouble(), 0);
                continue;
            }
            int k = densities.indexOf(r.get("target density").asDouble());
            assertEquals(p.get("nrmseMean").get(s).get(k).asDouble(), r.get("NRMSE mean").asDouble(), 0);
            assertEquals(p.get("nrmseSd").get(s).get(k).asDouble(), r.get("NRMSE sd").asDouble(), 0);
            // the mean is the mean of the individual runs (an independent recomputation)
            double sum = 0;
            int n = 0;
            for (JsonNode run : runs) {
                if (run.get("strategy").asText().equals(s)
                        && run.get("target density").asDouble() == r.get("target density").asDouble()) {
                    sum += run.get("NRMSE").asDouble();
                    n++;
                }
            }
            assertEquals(seeds, n, s);
            assertEquals(sum / n, r.get("NRMSE mean").asDouble(), 1e-12, s);
            checked++;
        }
        assertEquals(p.get("strategies").size() * densities.size(), checked);
        for (JsonNode run : runs) {
            if (run.get("strategy").asText().matches("random|magnitude")) {
                // these keep exactly round(d M) synapses
                assertEquals(run.get("target density").asDouble(), run.get("synapses kept (fraction)").asDouble(), 1e-3);
            }
        }
    }

    @Test
    void hardwareSummaryEqualsItsTable() throws IOException {
        JsonNode h = summary.get("stages").get("hardware");
        JsonNode rows = table("hardware.json").get("rows");
        assertEquals(2, rows.size());
        for (JsonNode r : rows) {
            JsonNode chip = h.get(r.get("network").asText().equals("dense") ? "dense" : "lnp");
            assertEquals(chip.get("energyPerInferenceUj").asDouble(), r.get("energy").asDouble(), 0);
            assertEquals(chip.get("cores").asInt(), r.get("cores").asInt());
            assertEquals(chip.get("energyPerInferenceUj").asDouble(), chip.get("synapticEnergyUj").asDouble()
                    + chip.get("neuronEnergyUj").asDouble() + chip.get("routingEnergyUj").asDouble(), 1e-9,
                    "energy is the sum of its parts (no learning in a plain inference)");
        }
        assertTrue(h.get("lnp").get("synapses").asLong() < h.get("dense").get("synapses").asLong(),
                "pruning removed synapses on chip too");
    }

    @Test
    void nirFileReadsBackAsTheExportedNetwork() throws IOException {
        JsonNode x = summary.get("stages").get("export");
        Network back = NirImporter.read(out.resolve(x.get("file").asText())).network();
        assertEquals(x.get("neurons").asInt(), back.size());
        assertEquals(x.get("synapses").asLong(), back.synapses().size());
        assertEquals(summary.get("stages").get("pruning").get("lnpNeurons").asInt(), back.size());
        JsonNode rows = table("nir-export.json").get("rows");
        assertEquals(back.size(), rows.get(0).get("read back").asInt());
    }

    @Test
    void learningSummaryEqualsItsTable() throws IOException {
        JsonNode l = summary.get("stages").get("learning");
        assertTrue(l.get("available").asBoolean());
        JsonNode rows = table("learning-cost.json").get("rows");
        assertEquals(List.of("snap-1", "snap-2", "e-prop", "bptt"), names(l.get("rules")));
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            JsonNode s = l.get("rules").get(i);
            assertEquals(s.get("rule").asText(), r.get("rule").asText());
            assertEquals(s.get("testError").asDouble(), r.get("test error").asDouble(), 0);
            assertEquals(s.get("macsPerStep").asLong(), r.get("multiply-adds per step").asLong());
            assertTrue(s.get("testError").asDouble() >= 0 && s.get("testError").asDouble() <= 1);
        }
        // the forward rules keep per-synapse traces; SnAp-2 keeps more than SnAp-1 (two-step influence)
        assertTrue(l.get("rules").get(1).get("stateFloats").asLong() > l.get("rules").get(0).get("stateFloats").asLong());
        assertTrue(Files.size(out.resolve("learning-curves.png")) > 0);
    }

    private static List<String> names(JsonNode rules) {
        List<String> n = new ArrayList<>();
        rules.forEach(r -> n.add(r.get("rule").asText()));
        return n;
    }

    private static JsonNode table(String name) throws IOException {
        return JSON.readTree(out.resolve(name).toFile());
    }

    private static Map<String, JsonNode> byQuantity(JsonNode table) {
        Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
        table.get("rows").forEach(r -> m.put(r.get("quantity").asText(), r));
        return m;
    }
}
