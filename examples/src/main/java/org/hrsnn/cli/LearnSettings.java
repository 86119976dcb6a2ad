package org.hrsnn.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.hrsnn.learning.train.EvidenceSetup;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Settings of {@code hrsnn learn} read from a flat YAML or JSON file (every key optional; an
 * unknown key is an error naming it). Defaults: {@link EvidenceSetup#ours()} (50 LIF + 50 ALIF
 * neurons with tau_a 2 s, all-to-all, Adam 0.005, batch 16, rate regularisation towards 10 Hz),
 * except 100 iterations. {@code preset: paper} takes {@link EvidenceSetup#paper()}'s values for
 * every network, task and optimizer key the file does not set.
 */
public final class LearnSettings {
    private static final EvidenceSetup OURS = EvidenceSetup.ours();
    static final String KEYS = "preset, lif, alif, density, membraneTauMs, adaptationTauMs, adaptationStrength, "
            + "threshold, readoutTauMs, recScale, inScale, outScale, iterations, batch, updateEvery, threads, "
            + "optimizer, lr, readoutLr, biasLr, lrDecayEvery, lrDecay, clip, rateReg, targetRateHz, delayMs, "
            + "cueBias, testTrials, seed, maxMultiplyAdds";

    /** ours or paper. */
    public String preset = EvidenceSetup.OURS;
    public int lif = OURS.lif;
    public int alif = OURS.alif;
    public double density = OURS.density;
    public double membraneTauMs = OURS.membraneTauMs;
    public double adaptationTauMs = OURS.adaptationTauMs;
    public double adaptationStrength = OURS.adaptationStrength;
    public double threshold = OURS.threshold;
    public double readoutTauMs = OURS.readoutTauMs;
    public double recScale = OURS.recScale;
    public double inScale = OURS.inScale;
    public double outScale = OURS.outScale;
    public int iterations = 100;
    public int batch = OURS.batch;
    /** Online update every K steps; 0 = once per batch. */
    public int updateEvery = OURS.updateEvery;
    /** Trials of a batch on this many threads (only with updateEvery 0); results do not depend on it. */
    public int threads = OURS.threads;
    public String optimizer = "adam";
    public double lr = OURS.lr;
    /** Adam rate of the readout weights relative to lr. */
    public double readoutLr = OURS.readoutLr;
    /** Adam rate of the readout biases relative to lr. */
    public double biasLr = OURS.biasLr;
    /** Multiply lr by lrDecay every lrDecayEvery iterations (0: constant rate). */
    public int lrDecayEvery = OURS.lrDecayEvery;
    public double lrDecay = OURS.lrDecay;
    public double clip = OURS.clip;
    public double rateReg = OURS.rateReg;
    public double targetRateHz = OURS.targetRateHz;
    /** Evidence accumulation: delay between the last cue and the recall, ms. */
    public double delayMs = OURS.delayMs;
    /** Evidence accumulation: probability that a cue falls on the trial's favoured side. */
    public double cueBias = OURS.cueBias;
    public int testTrials = OURS.testTrials;
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
            JsonNode tree = Files.size(file) == 0 ? null : mapper.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return new LearnSettings();
            }
            LearnSettings s = mapper.treeToValue(tree, LearnSettings.class);
            Set<String> given = new HashSet<>();
            for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                given.add(it.next());
            }
            try {
                s.applyPreset(given);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--config " + file + ": preset", s.preset, "ours or paper");
            }
            return s;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException("--config " + file + ": key", e.getPropertyName(), "one of " + KEYS);
        } catch (IOException e) {
            throw new InvalidInputException("--config", file.toString(), "a readable YAML or JSON file of learning "
                    + "settings (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Takes the preset's value for every setup key not in {@code given} (the keys the file set). */
    void applyPreset(Set<String> given) {
        EvidenceSetup p = EvidenceSetup.preset(preset);
        lif = given.contains("lif") ? lif : p.lif;
        alif = given.contains("alif") ? alif : p.alif;
        density = given.contains("density") ? density : p.density;
        membraneTauMs = given.contains("membraneTauMs") ? membraneTauMs : p.membraneTauMs;
        adaptationTauMs = given.contains("adaptationTauMs") ? adaptationTauMs : p.adaptationTauMs;
        adaptationStrength = given.contains("adaptationStrength") ? adaptationStrength : p.adaptationStrength;
        threshold = given.contains("threshold") ? threshold : p.threshold;
        readoutTauMs = given.contains("readoutTauMs") ? readoutTauMs : p.readoutTauMs;
        recScale = given.contains("recScale") ? recScale : p.recScale;
        inScale = given.contains("inScale") ? inScale : p.inScale;
        outScale = given.contains("outScale") ? outScale : p.outScale;
        delayMs = given.contains("delayMs") ? delayMs : p.delayMs;
        cueBias = given.contains("cueBias") ? cueBias : p.cueBias;
        rateReg = given.contains("rateReg") ? rateReg : p.rateReg;
        targetRateHz = given.contains("targetRateHz") ? targetRateHz : p.targetRateHz;
        lr = given.contains("lr") ? lr : p.lr;
        readoutLr = given.contains("readoutLr") ? readoutLr : p.readoutLr;
        biasLr = given.contains("biasLr") ? biasLr : p.biasLr;
    }

    /** These settings as the learning module's setup (the one place that builds task, network, trainer, Adam). */
    @JsonIgnore
    EvidenceSetup setup() {
        EvidenceSetup e = EvidenceSetup.preset(preset);
        e.lif = lif;
        e.alif = alif;
        e.density = density;
        e.membraneTauMs = membraneTauMs;
        e.adaptationTauMs = adaptationTauMs;
        e.adaptationStrength = adaptationStrength;
        e.threshold = threshold;
        e.readoutTauMs = readoutTauMs;
        e.recScale = recScale;
        e.inScale = inScale;
        e.outScale = outScale;
        e.delayMs = delayMs;
        e.cueBias = cueBias;
        e.iterations = iterations;
        e.batch = batch;
        e.updateEvery = updateEvery;
        e.threads = threads;
        e.clip = clip;
        e.rateReg = rateReg;
        e.targetRateHz = targetRateHz;
        e.lr = lr;
        e.readoutLr = readoutLr;
        e.biasLr = biasLr;
        e.lrDecayEvery = lrDecayEvery;
        e.lrDecay = lrDecay;
        e.logEvery = 0;
        e.testTrials = testTrials;
        return e;
    }
}
