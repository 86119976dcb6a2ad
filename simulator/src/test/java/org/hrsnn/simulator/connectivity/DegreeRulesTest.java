package org.hrsnn.simulator.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

class DegreeRulesTest {

    @Test
    void fixedInDegreeGivesExactlyKDistinctPartners() {
        EdgeList e = EdgeList.of(new FixedInDegree(20, true), 300, 200, false, 1);
        assertEquals(20 * 200, e.size());
        for (int d : e.inDegrees()) {
            assertEquals(20, d);
        }
        assertEquals(0, e.duplicates());
    }

    @Test
    void fixedInDegreeChoosesPartnersUniformly() {
        // Each pre neuron is chosen by each post neuron with probability k/N, independently
        // across post neurons: its out-degree is Binomial(post, k/N).
        int pre = 100;
        int post = 2000;
        int k = 10;
        EdgeList e = EdgeList.of(new FixedInDegree(k, true), pre, post, false, 2);
        double p = (double) k / pre;
        double mean = post * p;
        double sd = Math.sqrt(post * p * (1 - p));
        double sumSq = 0;
        for (int d : e.outDegrees()) {
            assertEquals(mean, d, 6 * sd);
            sumSq += (d - mean) * (d - mean);
        }
        double variance = sumSq / pre;
        // Sample variance of 100 binomials: relative standard error about sqrt(2/100) = 0.14.
        assertEquals(sd * sd, variance, 0.6 * sd * sd);
    }

    @Test
    void fixedInDegreeWithoutAutapsesCanTakeEveryOtherNeuron() {
        int n = 50;
        EdgeList e = EdgeList.of(new FixedInDegree(n - 1, false), n, n, true, 3);
        assertEquals(0, e.selfLoops());
        assertEquals(0, e.duplicates());
        for (int d : e.inDegrees()) {
            assertEquals(n - 1, d);
        }
    }

    @Test
    void fixedInDegreeAboveAvailableNamesTheField() {
        InvalidInputException x = assertThrows(InvalidInputException.class,
                () -> EdgeList.of(new FixedInDegree(50, false), 50, 50, true, 4));
        assertEquals("connectivity.inDegree", x.field());
        assertTrue(x.allowed().contains("49"), x.getMessage());
        // With autapses allowed all 50 are available.
        assertEquals(2500, EdgeList.of(new FixedInDegree(50, true), 50, 50, true, 4).size());
        assertEquals("connectivity.inDegree",
                assertThrows(InvalidInputException.class, () -> new FixedInDegree(-1, true)).field());
    }

    @Test
    void fixedOutDegreeGivesExactlyKDistinctTargets() {
        EdgeList e = EdgeList.of(new FixedOutDegree(15, false), 120, 120, true, 5);
        assertEquals(15 * 120, e.size());
        for (int d : e.outDegrees()) {
            assertEquals(15, d);
        }
        assertEquals(0, e.duplicates());
        assertEquals(0, e.selfLoops());
        InvalidInputException x = assertThrows(InvalidInputException.class,
                () -> EdgeList.of(new FixedOutDegree(11, true), 5, 10, false, 5));
        assertEquals("connectivity.outDegree", x.field());
    }

    @Test
    void allToAllConnectsEveryPairOnce() {
        EdgeList cross = EdgeList.of(new AllToAll(false), 7, 9, false, 6);
        assertEquals(63, cross.size());
        assertEquals(0, cross.duplicates());
        EdgeList self = EdgeList.of(new AllToAll(false), 9, 9, true, 6);
        assertEquals(72, self.size());
        assertEquals(0, self.selfLoops());
        EdgeList withAutapses = EdgeList.of(new AllToAll(true), 9, 9, true, 6);
        assertEquals(81, withAutapses.size());
        assertEquals(9, withAutapses.selfLoops());
    }

    @Test
    void fixedProbabilityCountIsBinomial() {
        // 400 independent 40 x 40 draws of p = 0.1: counts ~ Binomial(1600, 0.1).
        int n = 40;
        double p = 0.1;
        int reps = 400;
        double[] counts = new double[reps];
        for (int r = 0; r < reps; r++) {
            counts[r] = EdgeList.of(new FixedProbability(p), n, n, false, 100 + r).size();
        }
        double mean = n * n * p;
        double var = n * n * p * (1 - p);
        double sampleMean = org.apache.commons.math3.stat.StatUtils.mean(counts);
        double sampleVar = org.apache.commons.math3.stat.StatUtils.variance(counts);
        assertEquals(mean, sampleMean, 5 * Math.sqrt(var / reps));
        // Relative standard error of a sample variance of ~normal data: sqrt(2 / (reps - 1)) = 0.071.
        assertEquals(var, sampleVar, 5 * 0.071 * var);
    }

    @Test
    void fixedProbabilityWithoutAutapsesNeverConnectsANeuronToItself() {
        EdgeList e = EdgeList.of(new FixedProbability(0.5, false), 200, 200, true, 7);
        assertEquals(0, e.selfLoops());
        assertEquals(0, e.duplicates());
        double mean = 0.5 * 200 * 199;
        assertEquals(mean, e.size(), 5 * Math.sqrt(mean * 0.5));
    }
}
