package org.hrsnn.pruning.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class LotteryTicketPruningTest {
    private static final Network NET = TestNetworks.heterogeneous(40, 0.25, 3);
    /** Small and quick: 10 iterations of 80-step trials per training. */
    private static final LotteryOptions QUICK = new LotteryOptions(0.2, 4, 10, 80, 10, 600, 5e-3, 0.3, true);

    private static int count(boolean[] mask) {
        int c = 0;
        for (boolean b : mask) {
            c += b ? 1 : 0;
        }
        return c;
    }

    @Test
    void keepsExactlyTheTargetNumberOfSynapses() {
        int m = NET.synapses().size();
        for (double d : new double[] {1.0, 0.5, 0.2, 0.05}) {
            LotteryTicketPruning.Ticket t = new LotteryTicketPruning(QUICK).run(NET, d, new RandomStreams(5));
            int target = (int) Math.round(d * m);
            assertEquals(target, count(t.mask()), "mask at density " + d);
            assertEquals(target, t.network().synapses().size(), "network at density " + d);
            assertEquals(NET.size(), t.network().size());
            assertTrue(t.rounds().size() <= QUICK.maxRounds());
        }
    }

    @Test
    void eachRoundRemovesTheLowestMagnitudeTrainedSurvivors() {
        LotteryTicketPruning.Ticket t = new LotteryTicketPruning(QUICK).run(NET, 0.1, new RandomStreams(9));
        int m = NET.synapses().size();
        int[] schedule = LotteryTicketPruning.schedule(m, (int) Math.round(0.1 * m), 0.2, QUICK.maxRounds());
        assertEquals(schedule.length, t.rounds().size());
        for (int r = 0; r < t.rounds().size(); r++) {
            LotteryTicketPruning.Round round = t.rounds().get(r);
            assertEquals(schedule[r], count(round.maskAfter()), "round " + r);
            double minKept = Double.POSITIVE_INFINITY;
            double maxPruned = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                assertFalse(round.maskAfter()[k] && !round.maskBefore()[k], "a pruned synapse came back");
                double a = Math.abs(round.trainedRecurrent()[k]);
                if (round.maskAfter()[k]) {
                    minKept = Math.min(minKept, a);
                } else if (round.maskBefore()[k]) {
                    maxPruned = Math.max(maxPruned, a);
                }
                if (!round.maskBefore()[k]) {
                    assertEquals(0.0, round.trainedRecurrent()[k], "pruned synapses stay zero while training");
                }
            }
            assertTrue(maxPruned <= minKept, "round " + r + ": pruned |w| " + maxPruned + " > kept " + minKept);
            // Independent check: the survivors are the top schedule[r] of the sorted trained magnitudes.
            double[] alive = new double[count(round.maskBefore())];
            int p = 0;
            for (int k = 0; k < m; k++) {
                if (round.maskBefore()[k]) {
                    alive[p++] = Math.abs(round.trainedRecurrent()[k]);
                }
            }
            Arrays.sort(alive);
            assertEquals(alive[alive.length - schedule[r]], minKept, 0.0, "threshold of round " + r);
        }
    }

    @Test
    void rewindingRestoresTheInitialWeightsOfTheSurvivors() {
        LotteryTicketPruning.Ticket t = new LotteryTicketPruning(QUICK).run(NET, 0.2, new RandomStreams(2));
        double[] init = t.initialRecurrent();
        // The initial parameters are the network's weights as voltage jumps w R tau_s / tau_m.
        SynapseMatrix s = NET.synapses();
        NeuronParameters np = NET.parameters();
        for (int i = 0; i < s.sources; i++) {
            for (int k = s.rowStart[i]; k < s.rowStart[i + 1]; k++) {
                int j = s.target[k];
                double tauS = s.weight[k] >= 0 ? np.excitatoryTau[j] : np.inhibitoryTau[j];
                assertEquals(s.weight[k] * np.resistance[j] * tauS / np.membraneTau[j], init[k], 1e-12);
            }
        }
        for (LotteryTicketPruning.Round round : t.rounds()) {
            for (int k = 0; k < init.length; k++) {
                assertEquals(round.maskBefore()[k] ? init[k] : 0.0, round.rewoundRecurrent()[k], 0.0);
            }
        }
        // Training moved the weights away from them (otherwise rewinding is not being tested).
        assertFalse(Arrays.equals(t.rounds().get(0).trainedRecurrent(), t.rounds().get(0).rewoundRecurrent()));
    }

    @Test
    void withoutFinalTrainingTheTicketHasTheInitialWeights() {
        LotteryTicketPruning.Ticket t = new LotteryTicketPruning(QUICK.withRetrainFinal(false))
                .run(NET, 0.3, new RandomStreams(4));
        SynapseMatrix orig = NET.synapses();
        SynapseMatrix kept = orig.filter(t.mask(), null);
        SynapseMatrix got = t.network().synapses();
        assertArrayEquals(kept.target, got.target);
        for (int k = 0; k < kept.size(); k++) {
            assertEquals(kept.weight[k], got.weight[k], 1e-12 * Math.abs(kept.weight[k]));
            assertEquals(kept.delay[k], got.delay[k], 0.0);
        }
    }

    @Test
    void trainingKeepsEverySignAndLowersTheLoss() {
        LotteryTicketPruning.Ticket t = new LotteryTicketPruning(QUICK).run(NET, 0.5, new RandomStreams(6));
        SynapseMatrix kept = NET.synapses().filter(t.mask(), null);
        SynapseMatrix got = t.network().synapses();
        for (int k = 0; k < got.size(); k++) {
            assertTrue(got.weight[k] * kept.weight[k] >= 0, "sign of synapse " + k);
        }
        LotteryTicketPruning.Round first = t.rounds().get(0);
        assertTrue(first.lossLast() < first.lossFirst(), first.lossFirst() + " -> " + first.lossLast());
    }

    @Test
    void sameSeedSameTicketWhateverTheThreads() throws Exception {
        LotteryTicketPruning p = new LotteryTicketPruning(QUICK);
        double[] alone = p.run(NET, 0.2, new RandomStreams(11)).finalRecurrent();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<double[]> a = pool.submit(() -> p.run(NET, 0.2, new RandomStreams(11)).finalRecurrent());
            Future<double[]> b = pool.submit(() -> p.run(NET, 0.2, new RandomStreams(11)).finalRecurrent());
            assertArrayEquals(alone, a.get());
            assertArrayEquals(alone, b.get());
        } finally {
            pool.shutdown();
        }
        assertFalse(Arrays.equals(alone, p.run(NET, 0.2, new RandomStreams(12)).finalRecurrent()),
                "another seed draws other input weights and trials");
    }

    @Test
    void scheduleReachesTheTargetWithinTheRoundLimit() {
        for (int target : new int[] {900, 500, 100, 50, 1}) {
            int[] c = LotteryTicketPruning.schedule(1000, target, 0.2, 4);
            assertTrue(c.length >= 1 && c.length <= 4, Arrays.toString(c));
            assertEquals(target, c[c.length - 1]);
            int prev = 1000;
            for (int x : c) {
                assertTrue(x < prev && x >= target, Arrays.toString(c));
                prev = x;
            }
            assertTrue(c[0] <= Math.max(800, target), "at least 20 % per round: " + Arrays.toString(c));
        }
        assertEquals(0, LotteryTicketPruning.schedule(1000, 1000, 0.2, 4).length);
    }

    @Test
    void badInputIsAClearError() {
        LotteryTicketPruning p = new LotteryTicketPruning(QUICK);
        for (double d : new double[] {0, -1, 1.01, Double.NaN}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.run(NET, d, new RandomStreams(1)));
            assertEquals("targetDensity", e.field());
        }
        Network tiny = NET.withSynapses(NET.synapses().filter(firstOnly(NET.synapses().size()), null));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.run(tiny, 0.5, new RandomStreams(1)));
        assertEquals("network.synapses", e.field());
        assertThrows(InvalidInputException.class, () -> new LotteryOptions(0, 4, 10, 80, 10, 600, 1e-3, 0.3, true));
        InvalidInputException w = assertThrows(InvalidInputException.class,
                () -> new LotteryOptions(0.2, 4, 10, 80, 80, 600, 1e-3, 0.3, true));
        assertEquals("lottery.washoutSteps", w.field());
        assertEquals("lottery", PruningStrategies.byName("lottery").name());
    }

    private static boolean[] firstOnly(int m) {
        boolean[] k = new boolean[m];
        k[0] = true;
        return k;
    }
}
