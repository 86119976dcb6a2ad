package org.hrsnn.pruning.evaluation;

import org.hrsnn.simulator.readout.RidgeRegression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.pruning.lnp.TimescaleBayesianOptimiser;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final Network NET = TestNetworks.heterogeneous(60, 0.1, 3);

    @Test
    void ridgeRecoversALinearMap() {
        Well19937c rng = new Well19937c(1);
        double[][] x = new double[200][3];
        double[][] y = new double[200][2];
        for (int t = 0; t < 200; t++) {
            for (int c = 0; c < 3; c++) {
                x[t][c] = rng.nextGaussian();
            }
            y[t][0] = 2 * x[t][0] - x[t][2] + 5;
            y[t][1] = 0.5 * x[t][1];
        }
        RidgeRegression r = RidgeRegression.fit(x, y, 0, 200, 1e-10);
        double[] p = r.predict(new double[] {1, 2, 3});
        assertEquals(2 - 3 + 5, p[0], 1e-6);
        assertEquals(1.0, p[1], 1e-6);
    }

    @Test
    void laplacianErrorIsZeroForTheSameGraphAndOneForDoubledWeights() {
        SynapseMatrix s = NET.synapses();
        int[] all = PruningResult.synapsesOnly(NET, java.util.Map.of()).keptNeurons();
        assertEquals(0.0, LaplacianSpectralError.of(s, s, all, 10, new Well19937c(1)), 1e-12);
        double[] doubled = s.weight.clone();
        for (int k = 0; k < doubled.length; k++) {
            doubled[k] *= 2;
        }
        boolean[] keep = new boolean[s.size()];
        java.util.Arrays.fill(keep, true);
        assertEquals(1.0, LaplacianSpectralError.of(s, s.filter(keep, doubled), all, 10, new Well19937c(1)), 1e-12);
    }

    @Test
    void memoryCapacityIsBoundedAndNeedsDiverseTimescales() {
        // Uncoupled leaky neurons: each rate is a filtered copy of the input. With one shared
        // tau_m every neuron holds the same scalar trace (MC near 1 at most); spread
        // time constants give independent filters and more memory.
        Network uncoupled = NET.withSynapses(SynapseMatrix.empty(60, 60));
        org.hrsnn.simulator.network.NeuronParameters p = uncoupled.parameters().copy();
        java.util.Arrays.fill(p.membraneTau, 10.0);
        Network same = uncoupled.withParameters(p);
        Network spread = TimescaleBayesianOptimiser.retune(same.withParameters(NET.parameters()), 1.5, 10);
        MemoryCapacity.Options o = new MemoryCapacity.Options(20, 200, 1500, 500, 1e-8, 3.0, 60);
        double homogeneous = MemoryCapacity.measure(same, SurrogateOptions.DEFAULT, o, new Well19937c(2)).capacity();
        double heterogeneous = MemoryCapacity.measure(spread.withSynapses(SynapseMatrix.empty(60, 60)),
                SurrogateOptions.DEFAULT, o, new Well19937c(2)).capacity();
        assertTrue(homogeneous >= 0 && heterogeneous <= 20, homogeneous + " " + heterogeneous);
        assertTrue(homogeneous < 1.5, "one shared filter: " + homogeneous);
        assertTrue(heterogeneous > homogeneous + 0.5, homogeneous + " vs " + heterogeneous);
    }

    @Test
    void predictionBeatsTheMeanOnASineAndNotOnNoise() {
        TimeSeriesPrediction.Options o = new TimeSeriesPrediction.Options(1, 100, 800, 300, 1e-6, 3.0, 60);
        double[] sine = new double[o.length()];
        double[] noise = new double[o.length()];
        Well19937c rng = new Well19937c(4);
        for (int t = 0; t < sine.length; t++) {
            sine[t] = Math.sin(2 * Math.PI * t / 25.0);
            noise[t] = rng.nextGaussian();
        }
        double eSine = TimeSeriesPrediction.nrmse(NET, sine, SurrogateOptions.DEFAULT, o, new Well19937c(5));
        double eNoise = TimeSeriesPrediction.nrmse(NET, noise, SurrogateOptions.DEFAULT, o, new Well19937c(5));
        assertTrue(eSine < 0.2, "sine " + eSine);
        assertTrue(eNoise > 0.9, "white noise cannot be predicted: " + eNoise);
    }

    @Test
    void firingStatisticsCountOperations() {
        SynapseMatrix s = SynapseMatrix.fromEdges(3, 3, new int[] {0, 0, 1}, new int[] {1, 2, 2},
                new double[] {1, 1, 1}, new double[3], 3);
        FiringStatistics f = FiringStatistics.of(new double[] {10, 4, 0}, s);
        assertEquals(14.0 / 3, f.meanRateHz(), 1e-12);
        assertEquals(1.0 / 3, f.silentFraction(), 1e-12);
        assertEquals(10 * 2 + 4 * 1, f.synOpsPerSecond(), 1e-12);
    }

    @Test
    void unprunedNetworkEvaluatesAsItsOwnReference() {
        EvaluationOptions o = new EvaluationOptions(SurrogateOptions.DEFAULT,
                org.hrsnn.pruning.lyapunov.LyapunovOptions.of(1, 100, 300), 8,
                new MemoryCapacity.Options(10, 100, 500, 200, 1e-4, 3.0, 60),
                new TimeSeriesPrediction.Options(1, 100, 500, 200, 1e-6, 3.0, 60), null, null);
        EvaluationReport r = PruningEvaluation.evaluate("none", NET, PruningResult.synapsesOnly(NET, java.util.Map.of()), o,
                new RandomStreams(1));
        assertEquals(0.0, r.laplacianError(), 1e-12);
        assertEquals(1.0, r.relativeSynapses());
        assertEquals(1.0, r.neuronDensity());
        assertEquals(NET.synapses().size() / (60.0 * 59), r.synapseDensity(), 1e-12);
        assertEquals("surrogate", r.firingSource());
        assertTrue(r.nrmseLorenz() < 1 && r.nrmseRossler() < 1 && r.nrmseMackeyGlass() < 1,
                r.nrmseLorenz() + " " + r.nrmseRossler() + " " + r.nrmseMackeyGlass());
    }
}
