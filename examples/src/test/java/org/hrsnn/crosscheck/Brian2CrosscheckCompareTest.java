package org.hrsnn.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.crosscheck.Brian2Crosscheck.Comparison;
import org.hrsnn.crosscheck.Brian2Crosscheck.Spikes;
import org.hrsnn.simulator.engine.RunInputs;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;

/** The comparison measures and the input alignment, on spikes whose differences are known (no Python). */
class Brian2CrosscheckCompareTest {
    private static final double DT = 0.1;

    @Test
    void identicalRunsAgreeCompletely() {
        Spikes a = spikes(new double[][] {{1.0, 5.0}, {}, {2.5}, {0.3, 0.9, 7.0}});
        Comparison c = Brian2Crosscheck.compare(a, a, 10, DT, 2.0);
        assertEquals(1.0, c.exactCountFraction());
        assertEquals(0.0, c.meanAbsCountDifference());
        assertEquals(1.0, c.countCorrelation(), 1e-12);
        assertEquals(3, c.firstSpikeNeurons());
        assertEquals(0.0, c.firstSpikeMaxAbsMs());
        assertEquals(2, c.firstWaveNeurons()); // first spikes 1.0 and 0.3 are before 2 ms
        assertEquals(1.0, c.firstWaveExactFraction());
        assertEquals(0.0, c.rateKs());
    }

    @Test
    void shiftsAndCountDifferencesAreMeasured() {
        Spikes brian = spikes(new double[][] {{1.0, 5.0}, {3.0}, {2.5}, {0.3, 0.9, 7.0}});
        // half a step late, a step late, 4 steps late, one spike fewer
        Spikes ours = spikes(new double[][] {{1.05, 5.05}, {3.1}, {2.9}, {0.3, 0.9}});
        Comparison c = Brian2Crosscheck.compare(ours, brian, 10, DT, 2.0);
        assertEquals(0.75, c.exactCountFraction());
        assertEquals(0.25, c.meanAbsCountDifference());
        assertEquals(4, c.firstSpikeNeurons());
        assertEquals(0.4, c.firstSpikeMaxAbsMs(), 1e-12);
        assertEquals(0.075, c.firstSpikeMedianAbsMs(), 1e-12); // median of 0, 0.05, 0.1, 0.4
        assertEquals(0.75, c.firstSpikeWithinDtFraction());
        assertEquals(0.5, c.firstWaveExactFraction()); // neurons 0 (0.05 late) and 3 (equal)
        assertEquals(1.0, c.firstWaveWithinDtFraction());
        // counts (2,1,1,2) vs (2,1,1,3): deviations (.5,-.5,-.5,.5), (.25,-.75,-.75,1.25), r = 1.5 / sqrt(1 x 2.75)
        assertEquals(1.5 / Math.sqrt(2.75), c.countCorrelation(), 1e-12);
    }

    @Test
    void aNeuronFiringInOnlyOneRunCountsAsMissingInTheFirstWave() {
        Spikes brian = spikes(new double[][] {{0.5}, {}});
        Spikes ours = spikes(new double[][] {{0.5}, {1.5}});
        Comparison c = Brian2Crosscheck.compare(ours, brian, 10, DT, 2.0);
        assertEquals(2, c.firstWaveNeurons());
        assertEquals(1, c.firstWaveMissing());
        assertEquals(1, c.firstSpikeNeurons());
    }

    @Test
    void inputsMoveToTheGridBoundaryAtOrAfterThem() {
        Network net = CrosscheckNetworks.smallHeterogeneous(50, 3, DT);
        SimulationOptions sim = SimulationOptions.of(500, 3).withDt(DT);
        SpikeTrains drawn = RunInputs.generate(net, sim)[0];
        SpikeTrains moved = RunInputs.generate(Brian2Crosscheck.withGridInputs(net, sim), sim)[0];
        assertTrue(drawn.size() > 100, "Poisson input drew " + drawn.size());
        int kept = 0;
        for (int c = 0; c < drawn.channels; c++) {
            for (int j = 0; j < moved.start[c + 1] - moved.start[c]; j++) {
                double before = drawn.times[drawn.start[c] + j];
                double t = moved.times[moved.start[c] + j];
                assertEquals(Math.rint(t / DT), t / DT, 1e-9, "on the grid");
                assertTrue(t >= before - 1e-9 && t < before + DT, before + " -> " + t);
                kept++;
            }
            // only spikes moved onto the end boundary (where they can no longer act) are dropped
            for (int j = moved.start[c + 1] - moved.start[c]; j < drawn.start[c + 1] - drawn.start[c]; j++) {
                assertTrue(drawn.times[drawn.start[c] + j] > 500 - DT, "dropped " + drawn.times[drawn.start[c] + j]);
            }
        }
        assertEquals(moved.size(), kept);
    }

    @Test
    void gridDelaysAndRefractoryPeriodsAreMultiplesOfDt() {
        Network net = CrosscheckNetworks.smallHeterogeneous(100, 5, DT);
        for (double d : net.synapses().delay) {
            assertEquals(Math.rint(d / DT), d / DT, 1e-9);
            assertTrue(d >= 1.0 - 1e-9 && d <= 3.0 + 1e-9);
        }
        for (double r : net.parameters().refractoryPeriod) {
            assertEquals(Math.rint(r / DT), r / DT, 1e-9);
        }
    }

    @Test
    void aMissingInterpreterIsReportedWithTheInstallCommand() {
        assertTrue(Brian2Crosscheck.availability("/nonexistent/python3") != null);
        Network net = CrosscheckNetworks.smallHeterogeneous(10, 1, DT);
        Brian2Crosscheck.Options o = Brian2Crosscheck.Options.of(10, DT, 1).withPython("/nonexistent/python3");
        RuntimeException e = assertThrows(Brian2Crosscheck.Brian2MissingException.class, () -> Brian2Crosscheck.run(net, o));
        assertTrue(e.getMessage().startsWith("Brian2 is not installed: apt-get install -y python3-brian g++"), e.getMessage());
    }

    private static Spikes spikes(double[][] t) {
        int[] counts = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            counts[i] = t[i].length;
        }
        return new Spikes("test", counts, t, 0);
    }
}
