package org.hrsnn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrsnn.cli.HrsnnMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hrsnn demo --config FILE}: the same pipeline on the user's network; bad files are named. */
class DemoConfigOptionTest {
    private static final String NET = """
            seed: 11
            populations:
              - {name: e, size: 64, sign: excitatory, membraneTau: {type: gamma, shape: 3, scale: 6.67},
                 threshold: -50, resetPotential: -60, leakPotential: -60, refractoryPeriod: 2,
                 initialPotential: {type: uniform, low: -60, high: -50}}
              - {name: i, size: 16, sign: inhibitory, threshold: -50, resetPotential: -60, leakPotential: -60}
            connections:
              - {pre: e, post: all, rule: {type: fixedProbability, probability: 0.2}, weight: 1.0,
                 delay: {type: uniform, low: 0.5, high: 2}}
              - {pre: i, post: all, rule: {type: fixedProbability, probability: 0.4}, weight: 3.0, delay: 1}
            inputs:
              - {name: drive, type: poisson, channels: 100, rateHz: 20, target: all,
                 rule: {type: fixedProbability, probability: 0.2}, weight: 6.0}
            """;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return HrsnnMain.commandLine(args, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void runsThePipelineOnTheUsersNetwork(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("mine.yaml");
        Files.writeString(cfg, NET);
        Path outDir = dir.resolve("out");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "demo", "--quick", "--config", cfg.toString(), "--out", outDir.toString(),
                "--json"), err.toString());
        JsonNode s = new ObjectMapper().readTree(out.toString());
        assertEquals(80, s.get("neurons").asInt());
        assertEquals(cfg.toString(), s.get("config").asText());
        assertEquals(11, s.get("seed").asLong(), "the configuration's seed when --seed is not given");
        assertTrue(Files.exists(outDir.resolve("report.html")));
        assertEquals(s, new ObjectMapper().readTree(outDir.resolve("summary.json").toFile()),
                "--json prints what summary.json holds");
    }

    @Test
    void aBadConfigurationNamesTheFieldAndWritesNothing(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, NET.replace("size: 64", "size: -3"));
        Path outDir = dir.resolve("out");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "demo", "--quick", "--config", cfg.toString(), "--out", outDir.toString()));
        assertTrue(err.toString().contains("populations[0].size"), err.toString());
        assertFalse(Files.exists(outDir));
    }
}
