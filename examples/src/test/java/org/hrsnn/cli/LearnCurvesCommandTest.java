package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCurvesCommandTest {
    private static CliTestSupport.Result tiny(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("learn", "curves", "--rules", "snap-1,e-prop", "--seeds",
                "2", "--iterations", "3", "--neurons", "10", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    @Test
    void tinyRunWritesEveryFileWithTheMeanOfTheSeeds(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("curves");
        CliTestSupport.Result r = tiny(out, "--json");
        assertEquals(0, r.exitCode(), r.err());
        for (String f : List.of("curves.csv", "curves.json", "learning-curves.png", "learning-curves.svg",
                "summary.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertEquals(s, new ObjectMapper().readTree(Files.readString(out.resolve("summary.json"))));
        assertEquals(2, s.get("results").size());
        assertEquals("snap-1", s.get("results").get(0).get("rule").asText());

        List<String> csv = Files.readAllLines(out.resolve("curves.csv"));
        String[] head = csv.get(0).split(",");
        assertEquals(List.of("iteration", "rule", "mean", "sd", "seed1", "seed2"), List.of(head));
        assertEquals(1 + 2 * 3, csv.size(), "header plus one row per rule and iteration");
        for (String line : csv.subList(1, csv.size())) {
            String[] c = line.split(",");
            double a = Double.parseDouble(c[4]);
            double b = Double.parseDouble(c[5]);
            assertEquals((a + b) / 2, Double.parseDouble(c[2]), 1e-9 * (1 + Math.abs(a + b)), line);
            // Sample sd of two values: |a - b| / sqrt 2.
            assertEquals(Math.abs(a - b) / Math.sqrt(2), Double.parseDouble(c[3]), 1e-9 * (1 + Math.abs(a - b)), line);
        }
    }

    @Test
    void sameCommandTwiceGivesIdenticalCurves(@TempDir Path dir) throws IOException {
        assertEquals(0, tiny(dir.resolve("a"), "--quiet").exitCode());
        assertEquals(0, tiny(dir.resolve("b"), "--quiet").exitCode());
        assertEquals(Files.readString(dir.resolve("a/curves.csv")), Files.readString(dir.resolve("b/curves.csv")));
    }

    @Test
    void badRuleOrSeedsExitTwoNamingTheFlagAndWriteNothing(@TempDir Path dir) {
        Path out = dir.resolve("o");
        CliTestSupport.Result r = CliTestSupport.run("learn", "curves", "--rules", "snap-1,hebb", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--rules") && r.err().contains("hebb"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out));
        r = CliTestSupport.run("learn", "curves", "--seeds", "0", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--seeds"), r.err());
        assertFalse(Files.exists(out));
        r = CliTestSupport.run("learn", "curves", "--iterations", "0", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--iterations"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void runningMeanAveragesTheLastWindow() {
        double[] r = LearnCurvesCommand.runningMean(new double[] {1, 3, 5, 7}, 2);
        assertEquals(List.of(1.0, 2.0, 4.0, 6.0), java.util.Arrays.stream(r).boxed().toList());
    }
}
