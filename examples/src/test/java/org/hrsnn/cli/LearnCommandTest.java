package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {
    /** A tiny evidence-accumulation run: 4 + 4 neurons, short delay, 2 iterations of batch 1. */
    private static Path tinyConfig(Path dir, String extra) throws IOException {
        Path f = dir.resolve("learn.yaml");
        Files.writeString(f, "lif: 4\nalif: 4\ndelayMs: 50\niterations: 2\nbatch: 1\ntestTrials: 4\n" + extra);
        return f;
    }

    @Test
    void trainsWithTheIssuesRuleNamesAndWritesCurvesSummaryAndParameters(@TempDir Path dir) throws IOException {
        Path cfg = tinyConfig(dir, "");
        for (String rule : List.of("snap1", "eprop", "snap2", "bptt", "rtrl")) {
            Path out = dir.resolve("out-" + rule);
            CliTestSupport.Result r = CliTestSupport.run("learn", "--task", "evidence", "--rule", rule, "--config",
                    cfg.toString(), "--out", out.toString(), "--json");
            assertEquals(0, r.exitCode(), rule + ": " + r.err());
            JsonNode s = new ObjectMapper().readTree(r.out());
            assertEquals(LearnCommand.ruleName(rule), s.get("rule").asText());
            assertEquals("evidence-accumulation", s.get("task").asText());
            double err = s.get("testError").asDouble();
            assertTrue(err >= 0 && err <= 1, "test error is a fraction: " + err);
            assertTrue(s.get("cost").get("multiplyAddsPerStep").asLong() > 0);
            assertEquals(s, new ObjectMapper().readTree(Files.readString(out.resolve("summary.json"))));
            List<String> csv = Files.readAllLines(out.resolve("learning-curve.csv"));
            assertEquals(1 + 2, csv.size(), "header plus one row per iteration");
            BufferedImage png = ImageIO.read(out.resolve("learning-curve.png").toFile());
            assertTrue(png.getWidth() > 0);
            // 8 neurons: 56 recurrent + 8 x 40 input + 2 x 8 readout + 2 biases.
            assertEquals(1 + 56 + 320 + 16 + 2, Files.readAllLines(out.resolve("parameters.csv")).size());
        }
    }

    @Test
    void unknownRuleOrTaskIsInvalidInputWithoutStackTrace(@TempDir Path dir) throws IOException {
        Path cfg = tinyConfig(dir, "");
        CliTestSupport.Result r = CliTestSupport.run("learn", "--rule", "hebb", "--config", cfg.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("hebb"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");
        r = CliTestSupport.run("learn", "--task", "chess", "--config", cfg.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("chess"), r.err());
    }

    @Test
    void unknownConfigKeyIsNamed(@TempDir Path dir) throws IOException {
        Path cfg = tinyConfig(dir, "learningRate: 0.1\n");
        CliTestSupport.Result r = CliTestSupport.run("learn", "--config", cfg.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("learningRate"), r.err());
    }

    @Test
    void exactRtrlOnTheFullSetupIsRefusedWithItsCost(@TempDir Path dir) {
        // 100 neurons, 100 x 16 trials of ~2.2 s: 4 n^2 p multiply-adds per step is far beyond the limit.
        CliTestSupport.Result r = CliTestSupport.run("learn", "--rule", "rtrl", "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("multiply-adds per step"), r.err());
        assertFalse(r.err().contains("\tat "));
    }

    @Test
    void rtrlThatDoesNotFitInMemoryIsRefusedNamingTheBytes(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("big.yaml");
        Files.writeString(cfg, "lif: 400\nalif: 400\niterations: 1\nbatch: 1\nmaxMultiplyAdds: 1e30\n");
        CliTestSupport.Result r = CliTestSupport.run("learn", "--rule", "rtrl", "--config", cfg.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("bytes"), r.err());
    }

    @Test
    void divergenceStopsWithExitThreeAndKeepsTheLastFiniteParameters(@TempDir Path dir) throws IOException {
        // Plain gradient descent with an absurd rate: the parameters overflow within a few updates.
        Path cfg = tinyConfig(dir, "optimizer: sgd\nlr: 1e308\niterations: 20\n");
        Path out = dir.resolve("o");
        CliTestSupport.Result r = CliTestSupport.run("learn", "--rule", "eprop", "--config", cfg.toString(), "--out",
                out.toString());
        assertEquals(LearnCommand.EXIT_DIVERGED, r.exitCode(), r.err());
        assertTrue(r.err().contains("diverged"), r.err());
        assertFalse(r.err().contains("\tat "));
        List<String> lines = Files.readAllLines(out.resolve("parameters.csv"));
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(Double.isFinite(Double.parseDouble(line.split(",")[1])), line);
        }
    }

    @Test
    void paperPresetRunGivesTheSameNumbersOnTwoThreadsAsOnOne(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("paper.yaml");
        Files.writeString(cfg, "preset: paper\ntestTrials: 4\n");
        JsonNode[] s = new JsonNode[2];
        for (int threads = 1; threads <= 2; threads++) {
            CliTestSupport.Result r = CliTestSupport.run("learn", "--task", "evidence", "--rule", "eprop", "--config",
                    cfg.toString(), "--iterations", "2", "--batch", "2", "--threads", Integer.toString(threads),
                    "--out", dir.resolve("o" + threads).toString(), "--json");
            assertEquals(0, r.exitCode(), r.err());
            s[threads - 1] = new ObjectMapper().readTree(r.out());
            assertEquals(threads, s[threads - 1].get("threads").asInt());
            assertEquals("paper", s[threads - 1].get("preset").asText());
        }
        for (String key : List.of("finalTrainingLoss", "finalTrainingError", "testError", "steps")) {
            assertEquals(s[0].get(key).asText(), s[1].get(key).asText(), key);
        }
        assertEquals(Files.readString(dir.resolve("o1").resolve("parameters.csv")),
                Files.readString(dir.resolve("o2").resolve("parameters.csv")));
    }

    @Test
    void threadsWithOnlineUpdatesIsInvalidInput(@TempDir Path dir) throws IOException {
        Path cfg = tinyConfig(dir, "updateEvery: 10\n");
        CliTestSupport.Result r = CliTestSupport.run("learn", "--config", cfg.toString(), "--threads", "2", "--out",
                dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("threads") && r.err().contains("updateEvery"), r.err());
        assertFalse(r.err().contains("\tat "));
        assertFalse(Files.exists(dir.resolve("o")));
    }
}
