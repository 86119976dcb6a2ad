package org.hrsnn.learning.task;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/**
 * Evidence (cue) accumulation, the e-prop setup (Bellec et al. 2020, after Morcos and Harvey
 * 2016): 40 input channels in 4 groups of 10 (left cue, right cue, recall, background noise).
 * {@code cues} cues of cueMs ms (Poisson 40 Hz on the left or the right group, side drawn with
 * probability 1/2), each followed by gapMs ms of silence, then a delay of delayMs ms, then the
 * recall group fires for recallMs ms; background channels fire at 10 Hz throughout. The answer
 * (2 outputs) is the side that had more cues, read out during the recall window.
 */
public final class EvidenceAccumulation implements Task {
    public static final int GROUP = 10;
    private final int cues;
    private final double cueMs;
    private final double gapMs;
    private final double delayMs;
    private final double recallMs;
    private final double dtMs;
    /** Probability that a cue is on the trial's favoured side (0.5: every cue a fair coin). */
    private final double cueBias;

    /** The published setup: 7 cues of 100 ms with 50 ms gaps, 1000 ms delay, 150 ms recall, dt 1 ms. */
    public EvidenceAccumulation() {
        this(7, 100, 50, 1000, 150, 1);
    }

    public EvidenceAccumulation(int cues, double cueMs, double gapMs, double delayMs, double recallMs, double dtMs) {
        this(cues, cueMs, gapMs, delayMs, recallMs, dtMs, 0.5);
    }

    /**
     * {@code cueBias}: every trial first draws a favoured side (probability 1/2 each), then each cue
     * falls on that side with probability cueBias (the e-prop paper's reference code uses 0.7,
     * written there as p_group = 0.3; 0.5 makes every cue an independent fair coin and 4:3 splits
     * the most common trials).
     */
    public EvidenceAccumulation(int cues, double cueMs, double gapMs, double delayMs, double recallMs, double dtMs,
                                double cueBias) {
        Check.positive("cues", cues);
        this.cueBias = Check.inRange("cueBias", cueBias, 0, 1);
        if (cues % 2 == 0) {
            throw new org.hrsnn.simulator.InvalidInputException("cues", cues, "an odd number (no ties)");
        }
        this.cues = cues;
        this.cueMs = Check.positive("cueMs", cueMs);
        this.gapMs = Check.nonNegative("gapMs", gapMs);
        this.delayMs = Check.nonNegative("delayMs", delayMs);
        this.recallMs = Check.positive("recallMs", recallMs);
        this.dtMs = Check.positive("dtMs", dtMs);
    }

    @Override
    public String name() {
        return "evidence-accumulation";
    }

    @Override
    public int inputs() {
        return 4 * GROUP;
    }

    @Override
    public int outputs() {
        return 2;
    }

    @Override
    public boolean classification() {
        return true;
    }

    public int steps() {
        return Frames.steps(cues * (cueMs + gapMs) + delayMs + recallMs, dtMs);
    }

    @Override
    public Sequence sample(RandomGenerator g) {
        int steps = steps();
        double[][] x = new double[steps][inputs()];
        int left = 0;
        // cueBias 0.5 draws nothing extra, so the trials of the unbiased task stay as they were.
        double pLeft = cueBias == 0.5 ? 0.5 : (g.nextDouble() < 0.5 ? cueBias : 1 - cueBias);
        for (int c = 0; c < cues; c++) {
            boolean isLeft = g.nextDouble() < pLeft;
            left += isLeft ? 1 : 0;
            int t0 = Frames.steps(c * (cueMs + gapMs), dtMs);
            Frames.poisson(x, isLeft ? 0 : GROUP, GROUP, t0, t0 + Frames.steps(cueMs, dtMs), 40, dtMs, g);
        }
        int r0 = steps - Frames.steps(recallMs, dtMs);
        Frames.poisson(x, 2 * GROUP, GROUP, r0, steps, 40, dtMs, g);
        Frames.poisson(x, 3 * GROUP, GROUP, 0, steps, 10, dtMs, g);
        int[] decision = new int[steps];
        Arrays.fill(decision, -1);
        Arrays.fill(decision, r0, steps, 0);
        return new Sequence(x, null, null, decision, new int[] {left * 2 > cues ? 0 : 1});
    }
}
