package org.hrsnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnSettingsTest {
    private static LearnSettings read(Path dir, String yaml) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return LearnSettings.read(f);
    }

    @Test
    void paperPresetGivesThePapersValues(@TempDir Path dir) throws IOException {
        LearnSettings s = read(dir, "preset: paper\n");
        double kappa = Math.exp(-1.0 / 20);
        assertEquals(1.7 * (1 - Math.exp(-1.0 / 2000)) / (1 - Math.exp(-1.0 / 20)), s.adaptationStrength, 1e-15);
        assertEquals(0.7, s.cueBias);
        assertEquals(1050, s.delayMs);
        assertEquals(2.0, s.rateReg);
        assertEquals(1 - kappa, s.readoutLr, 1e-15);
        assertEquals(0.0, s.biasLr);
        assertEquals(1 / 0.6, s.recScale, 1e-15);
        assertEquals(1 / 0.6, s.inScale, 1e-15);
        assertEquals(Math.sqrt(2.0 / 102) * (1 - kappa) * 10, s.outScale, 1e-15);
        // The settings reach the learning module's setup unchanged.
        assertEquals(s.outScale, s.setup().outScale);
        assertEquals("paper", s.setup().preset);
    }

    @Test
    void aKeyOverridesThePreset(@TempDir Path dir) throws IOException {
        LearnSettings s = read(dir, "preset: paper\ncueBias: 0.6\nrateReg: 0.5\nbiasLr: 1\n");
        assertEquals(0.6, s.cueBias);
        assertEquals(0.5, s.rateReg);
        assertEquals(1.0, s.biasLr);
        assertEquals(1050, s.delayMs, "keys not given still come from the preset");
    }

    @Test
    void defaultPresetKeepsTheEarlierDefaults(@TempDir Path dir) throws IOException {
        LearnSettings s = read(dir, "iterations: 3\n");
        assertEquals("ours", s.preset);
        assertEquals(0.5, s.cueBias);
        assertEquals(1000, s.delayMs);
        assertEquals(1.8, s.adaptationStrength);
        assertEquals(1.0, s.readoutLr);
        assertEquals(1.0, s.biasLr);
        assertEquals(1.0, s.outScale);
        assertEquals(1, s.threads);
    }

    @Test
    void unknownKeyMessageListsEverySettingsField() throws NoSuchFieldException {
        Set<String> listed = new TreeSet<>(Arrays.asList(LearnSettings.KEYS.split(", ")));
        Set<String> fields = new TreeSet<>();
        for (var f : LearnSettings.class.getFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                fields.add(f.getName());
            }
        }
        assertEquals(fields, listed);
    }

    @Test
    void badPresetExitsTwoNamingPreset(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "preset: nature\n");
        CliTestSupport.Result r = CliTestSupport.run("learn", "--config", f.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("preset") && r.err().contains("nature"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("o")));
    }
}
