package org.hrsnn.learning.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class TaskTest {
    private static int spikes(double[][] x, int c0, int c1, int t0, int t1) {
        int n = 0;
        for (int t = t0; t < t1; t++) {
            for (int c = c0; c < c1; c++) {
                n += (int) x[t][c];
            }
        }
        return n;
    }

    @Test
    void evidenceAccumulationLabelsTheSideWithMoreCuesAndHasThePublishedTiming() {
        EvidenceAccumulation task = new EvidenceAccumulation();
        assertEquals(7 * 150 + 1000 + 150, task.steps());
        RandomGenerator g = new RandomStreams(1).stream("t");
        int leftAnswers = 0;
        for (int trial = 0; trial < 200; trial++) {
            Sequence s = task.sample(g);
            int left = 0;
            for (int c = 0; c < 7; c++) {
                int t0 = c * 150;
                // A cue is on one side only; 10 channels x 100 ms x 40 Hz = 40 expected spikes.
                int l = spikes(s.inputs(), 0, 10, t0, t0 + 100);
                int r = spikes(s.inputs(), 10, 20, t0, t0 + 100);
                assertTrue(l == 0 || r == 0);
                left += l > 0 ? 1 : 0;
                assertEquals(0, spikes(s.inputs(), 0, 20, t0 + 100, t0 + 150));
            }
            int expected = left >= 4 ? 0 : 1;
            assertEquals(expected, s.decisionLabel()[0]);
            leftAnswers += expected == 0 ? 1 : 0;
            assertEquals(0, s.decision()[task.steps() - 1]);
            assertEquals(-1, s.decision()[task.steps() - 151]);
        }
        assertTrue(leftAnswers > 70 && leftAnswers < 130, "both answers occur about equally: " + leftAnswers);
    }

    @Test
    void biasedCuesMakeCloseSplitsRarerAsTheBinomialSays() {
        // With each cue on the trial's favoured side with probability q, a 4:3 split has probability
        // 35 (q^4 (1-q)^3 + q^3 (1-q)^4): 0.547 for q = 0.5, 0.324 for q = 0.7.
        for (double q : new double[] {0.5, 0.7}) {
            EvidenceAccumulation task = new EvidenceAccumulation(7, 100, 50, 1000, 150, 1, q);
            RandomGenerator g = new RandomStreams(4).stream("t");
            int close = 0;
            int trials = 600;
            for (int trial = 0; trial < trials; trial++) {
                Sequence s = task.sample(g);
                int left = 0;
                for (int c = 0; c < 7; c++) {
                    left += spikes(s.inputs(), 0, 10, c * 150, c * 150 + 100) > 0 ? 1 : 0;
                }
                assertEquals(left >= 4 ? 0 : 1, s.decisionLabel()[0]);
                close += left == 3 || left == 4 ? 1 : 0;
            }
            double expected = 35 * (Math.pow(q, 4) * Math.pow(1 - q, 3) + Math.pow(q, 3) * Math.pow(1 - q, 4));
            double sd = Math.sqrt(expected * (1 - expected) / trials);
            assertEquals(expected, (double) close / trials, 4 * sd, "q = " + q);
        }
    }

    @Test
    void backgroundRateIsTenHertz() {
        RandomGenerator g = new RandomStreams(2).stream("t");
        Sequence s = new EvidenceAccumulation().sample(g);
        double rate = spikes(s.inputs(), 30, 40, 0, s.steps()) / (10.0 * s.steps() / 1000);
        assertEquals(10, rate, 2.5);
    }

    @Test
    void memoryTasksHaveConsistentLabels() {
        RandomGenerator g = new RandomStreams(3).stream("t");
        for (int trial = 0; trial < 50; trial++) {
            Sequence p = new NParity(4, 50, 1).sample(g);
            int ones = 0;
            for (int b = 0; b < 4; b++) {
                ones += spikes(p.inputs(), 10, 20, b * 50, b * 50 + 50) > 0 ? 1 : 0;
            }
            assertEquals(ones % 2, p.decisionLabel()[0]);
            Sequence c = new CopyTask(3, 2, 50, 1).sample(g);
            for (int q = 0; q < 2; q++) {
                int shown = -1;
                for (int sym = 0; sym < 3; sym++) {
                    if (spikes(c.inputs(), sym * 10, sym * 10 + 10, q * 50, q * 50 + 50) > 0) {
                        shown = sym;
                    }
                }
                assertEquals(shown, c.decisionLabel()[q]);
                assertEquals(q, c.decision()[(3 + q) * 50]);
            }
            Sequence m = new DelayedMatchToSample(2, 50, 1).sample(g);
            boolean a1 = spikes(m.inputs(), 0, 10, 0, 50) > 0;
            boolean a2 = spikes(m.inputs(), 0, 10, 150, 200) > 0;
            assertEquals(a1 == a2 ? 1 : 0, m.decisionLabel()[0]);
            Sequence sr = new StoreRecall(5, 50, 1).sample(g);
            int stored = -1;
            for (int q = 0; q < 5; q++) {
                if (spikes(sr.inputs(), 0, 10, q * 50, q * 50 + 50) > 0) {
                    stored = spikes(sr.inputs(), 30, 40, q * 50, q * 50 + 50) > 0 ? 1 : 0;
                }
            }
            assertEquals(stored, sr.decisionLabel()[0]);
        }
    }

    @Test
    void patternGenerationIsFrozenAndHasTheFourPeriods() {
        PatternGeneration task = new PatternGeneration(new RandomStreams(4));
        RandomGenerator g = new RandomStreams(5).stream("t");
        Sequence a = task.sample(g);
        Sequence b = task.sample(g);
        assertEquals(a, b);
        assertEquals(1000, a.steps());
        assertEquals(100, task.inputs());
        // A sum of sines with periods dividing 1000 ms has zero mean over the second.
        double mean = 0;
        for (double[] y : a.targets()) {
            mean += y[0] / 1000;
        }
        assertEquals(0, mean, 0.02);
    }

    @Test
    void unknownTaskIsRejectedWithTheList() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Tasks.named("xor", new RandomStreams(1)));
        assertTrue(e.getMessage().contains("evidence-accumulation"));
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferences() {
        Sequence s = new NParity(2, 5, 1).sample(new RandomStreams(6).stream("t"));
        double[] y = {0.3, -0.7};
        double[] g = new double[2];
        int t = s.steps() - 1;
        new SequenceLoss(s, 2).step(t, y, g);
        for (int k = 0; k < 2; k++) {
            double[] yp = y.clone();
            double[] ym = y.clone();
            yp[k] += 1e-6;
            ym[k] -= 1e-6;
            SequenceLoss lp = new SequenceLoss(s, 2);
            SequenceLoss lm = new SequenceLoss(s, 2);
            lp.step(t, yp, new double[2]);
            lm.step(t, ym, new double[2]);
            assertEquals((lp.loss() - lm.loss()) / 2e-6, g[k], 1e-8);
        }
    }
}
