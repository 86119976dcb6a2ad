package org.hrsnn.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Settings of {@code hrsnn learn} read from a flat YAML or JSON file (every key optional; an
 * unknown key is an error naming it). Defaults: the e-prop evidence-accumulation setup, 50 LIF +
 * 50 ALIF neurons with tau_a 2 s, all-to-all, Adam 0.005, batch 16, rate regularisation towards
 * 10 Hz.
 */
public final class LearnSettings {
    public int lif = 50;
    public int alif = 50;
    public double density = 1.0;
    public double membraneTauMs = 20;
    public double adaptationTauMs = 2000;
    public double adaptationStrength = 1.8;
    public double threshold = 0.6;
    public double readoutTauMs = 20;
    public double recScale = 0.5;
    public double inScale = 1.0;
    public int iterations = 100;
    public int batch = 16;
    /** Online update every K steps; 0 = once per batch. */
    public int updateEvery = 0;
    public String optimizer = "adam";
    public double lr = 0.005;
    /** Multiply lr by lrDecay every lrDecayEvery iterations (0: constant rate). */
    public int lrDecayEvery = 0;
    public double lrDecay = 1.0;
    public double clip = Double.POSITIVE_INFINITY;
    public double rateReg = 1.0;
    public double targetRateHz = 10;
    /** Evidence accumulation: delay between the last cue and the recall, ms. */
    public double delayMs = 1000;
    public int testTrials = 256;
    public long seed = 1;
    /** Refuse a run whose gradient computation would exceed this many multiply-adds in total. */
    public double maxMultiplyAdds = 1e13;

    static LearnSettings read(Path file) {
        if (file == null) {
            return new LearnSettings();
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--config", file.toString(), "an existing YAML or JSON file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            LearnSettings s = Files.size(file) == 0 ? new LearnSettings() : mapper.readValue(file.toFile(), LearnSettings.class);
            return s == null ? new LearnSettings() : s;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException("--config " + file + ": key", e.getPropertyName(),
                    "one of lif, alif, density, membraneTauMs, adaptationTauMs, adaptationStrength, threshold, "
                            + "readoutTauMs, recScale, inScale, iterations, batch, updateEvery, optimizer, lr, "
                            + "lrDecayEvery, lrDecay, clip, rateReg, targetRateHz, delayMs, testTrials, seed, "
                            + "maxMultiplyAdds");
        } catch (IOException e) {
            throw new InvalidInputException("--config", file.toString(), "a readable YAML or JSON file of learning "
                    + "settings (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
